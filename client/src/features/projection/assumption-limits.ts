/**
 * The valid range of every scenario input, for range errors shown before saving. The client
 * imports only types from the models, so these bounds mirror models/projection/limits.ts and the
 * scenario schema (server/schemas/scenario.ts); test/client/projection-limits.test.ts fails when
 * the two disagree. The server still validates every save and its message is shown as it is.
 */

/** Bounds of one value; exclusive bounds are strict. */
export interface Limit {
  min?: number;
  minExclusive?: number;
  max?: number;
  maxExclusive?: number;
  /** Whole numbers only (years). */
  integer?: boolean;
}

const GROWTH: Limit = { minExclusive: -1 };
const COLLECTION: Limit = { minExclusive: 0, max: 1 };
const NON_NEGATIVE: Limit = { min: 0 };
const ANY: Limit = {};

export const ASSUMPTION_LIMITS = {
  employee: {
    wageGrowth: GROWTH,
    poolingRate: { min: 0, maxExclusive: 1 },
    collectionRate: COLLECTION,
    activeGrowth: GROWTH,
    retireeGrowth: GROWTH,
    medicalInflation: GROWTH,
    utilisationGrowth: GROWTH,
    interestRate: GROWTH,
    subsidyYuan: NON_NEGATIVE,
  },
  resident: {
    insuredGrowth: GROWTH,
    premiumGrowthYuan: ANY,
    subsidyGrowthYuan: ANY,
    medicalInflation: GROWTH,
    utilisationGrowth: GROWTH,
    collectionRate: COLLECTION,
    interestRate: GROWTH,
  },
} as const satisfies Record<string, Record<string, Limit>>;

export const OPENING_LIMITS = {
  employee: {
    balanceYuan: ANY, activeMembers: NON_NEGATIVE, retirees: NON_NEGATIVE,
    avgMonthlyWageYuan: NON_NEGATIVE, costPerActiveYuan: NON_NEGATIVE, costPerRetireeYuan: NON_NEGATIVE,
  },
  resident: {
    balanceYuan: ANY, insured: NON_NEGATIVE, premiumYuan: NON_NEGATIVE, subsidyPerHeadYuan: NON_NEGATIVE, costPerHeadYuan: NON_NEGATIVE,
  },
} as const satisfies Record<string, Record<string, Limit>>;

/** Limits of the fields both schemes share (schema `common`); MAX_HORIZON_YEARS is 100 in models/projection/scenario.ts. */
export const COMMON_LIMITS = {
  startYear: { min: 1900, max: 2200, integer: true },
  horizonYears: { min: 1, max: 100, integer: true },
  reserveRate: { min: 0, max: 1 },
  openingReserveYuan: NON_NEGATIVE,
  fiscalSubsidyCapYuan: NON_NEGATIVE,
} as const satisfies Record<string, Limit>;

/**
 * Whether a value is outside its limit (a missing or non-finite value is outside every limit).
 * @example outsideLimit(1, { min: 0, maxExclusive: 1 }) // => true
 */
export function outsideLimit(value: number | null | undefined, limit: Limit): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return true;
  if (limit.integer && !Number.isInteger(value)) return true;
  if (limit.min !== undefined && value < limit.min) return true;
  if (limit.minExclusive !== undefined && value <= limit.minExclusive) return true;
  if (limit.max !== undefined && value > limit.max) return true;
  return limit.maxExclusive !== undefined && value >= limit.maxExclusive;
}

/**
 * A limit as an inequality on x, each bound printed by `show` (in the unit the user types).
 * @example rangeText({ min: 0, maxExclusive: 1 }, (v) => `${v * 100}%`) // => '0% ≤ x < 100%'
 * @example rangeText({ minExclusive: -1 }, (v) => `${v * 100}%`) // => 'x > -100%'
 * @example rangeText({}, String) // => undefined
 */
export function rangeText(limit: Limit, show: (value: number) => string): string | undefined {
  const lower = limit.min !== undefined ? { v: limit.min, op: '≤' } : limit.minExclusive !== undefined ? { v: limit.minExclusive, op: '<' } : undefined;
  const upper = limit.max !== undefined ? { v: limit.max, op: '≤' } : limit.maxExclusive !== undefined ? { v: limit.maxExclusive, op: '<' } : undefined;
  if (lower && upper) return `${show(lower.v)} ${lower.op} x ${upper.op} ${show(upper.v)}`;
  if (lower) return `x ${lower.op === '≤' ? '≥' : '>'} ${show(lower.v)}`;
  if (upper) return `x ${upper.op} ${show(upper.v)}`;
  return undefined;
}
