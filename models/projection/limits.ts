/**
 * The valid range of every scenario assumption, shared by the scenario schema (server/schemas/scenario.ts),
 * the sensitivity ranges (which are clamped into it) and the solver's bounds. Growth rates must stay above
 * −1 (a factor 1 + g ≤ 0 would flip or zero a level), a collection rate is a share in (0, 1], a pooling
 * rate a share of wages in [0, 1); yuan amounts may not be negative.
 */
import type { EmployeeAssumptions, ResidentAssumptions } from './scenario.ts';

/** Bounds of one assumption; `exclusive` bounds are strict. */
export interface AssumptionLimit {
  min?: number;
  minExclusive?: number;
  max?: number;
  maxExclusive?: number;
  /** Unit shown to users. */
  unit: 'rate' | 'yuan' | 'yuan per head' | 'years';
}

const GROWTH: AssumptionLimit = { minExclusive: -1, unit: 'rate' };
const COLLECTION: AssumptionLimit = { minExclusive: 0, max: 1, unit: 'rate' };

export const EMPLOYEE_ASSUMPTION_LIMITS: Readonly<Record<keyof EmployeeAssumptions, AssumptionLimit>> = {
  wageGrowth: GROWTH,
  poolingRate: { min: 0, maxExclusive: 1, unit: 'rate' },
  collectionRate: COLLECTION,
  activeGrowth: GROWTH,
  retireeGrowth: GROWTH,
  medicalInflation: GROWTH,
  utilisationGrowth: GROWTH,
  interestRate: GROWTH,
  subsidyYuan: { min: 0, unit: 'yuan' },
};

export const RESIDENT_ASSUMPTION_LIMITS: Readonly<Record<keyof ResidentAssumptions, AssumptionLimit>> = {
  insuredGrowth: GROWTH,
  // a premium or subsidy may be cut: the yearly change is any finite number of yuan
  premiumGrowthYuan: { unit: 'yuan per head' },
  subsidyGrowthYuan: { unit: 'yuan per head' },
  medicalInflation: GROWTH,
  utilisationGrowth: GROWTH,
  collectionRate: COLLECTION,
  interestRate: GROWTH,
};

/**
 * The reason a value breaks a limit, or undefined when it is inside.
 * @example limitViolation(-1, { minExclusive: -1, unit: 'rate' }) // => 'must be greater than -1'
 */
export function limitViolation(value: number, limit: AssumptionLimit): string | undefined {
  if (!Number.isFinite(value)) return 'must be a finite number';
  if (limit.min !== undefined && value < limit.min) return `must be at least ${limit.min}`;
  if (limit.minExclusive !== undefined && value <= limit.minExclusive) return `must be greater than ${limit.minExclusive}`;
  if (limit.max !== undefined && value > limit.max) return `must be at most ${limit.max}`;
  if (limit.maxExclusive !== undefined && value >= limit.maxExclusive) return `must be less than ${limit.maxExclusive}`;
  return undefined;
}

/** Smallest step kept between a clamped value and an exclusive bound. */
const EXCLUSIVE_MARGIN = 1e-9;

/**
 * The nearest value inside a limit (exclusive bounds are kept `1e-9` away), for ranges built by
 * adding a delta to a base value.
 * @example clampToLimit(1.02, { minExclusive: 0, max: 1, unit: 'rate' }) // => 1
 */
export function clampToLimit(value: number, limit: AssumptionLimit): number {
  let v = value;
  if (limit.min !== undefined) v = Math.max(v, limit.min);
  if (limit.minExclusive !== undefined) v = Math.max(v, limit.minExclusive + EXCLUSIVE_MARGIN);
  if (limit.max !== undefined) v = Math.min(v, limit.max);
  if (limit.maxExclusive !== undefined) v = Math.min(v, limit.maxExclusive - EXCLUSIVE_MARGIN);
  return v;
}

/**
 * A sum or product of decimals without the binary noise: 15 significant digits, so a preset or a
 * sensitivity range shows 0.045 for 0.05 − 0.005, not 0.045000000000000005 (the noise is below 1e-15
 * relative, far under any assumption's precision).
 * @example tidyDecimal(0.05 - 0.005) // => 0.045
 */
export function tidyDecimal(x: number): number {
  return Number(x.toPrecision(15));
}
