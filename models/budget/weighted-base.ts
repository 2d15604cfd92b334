/**
 * An institution's base (domain.md §5.2.1): the weighted mean of its last three years' fund
 * payments, weights 1:2:7 oldest → newest, renormalised over the years it has.
 *
 * $$ \text{base} = \frac{\sum_{j \in P} w_j\, y_j}{\sum_{j \in P} w_j} $$
 * plain: base = Σ w_j·y_j / Σ w_j over the years present P, where
 * - y_3, y_2, y_1: fund payments of the third-last, second-last and last year, integer fen
 *   (`null` = no data, which is not the same as 0 paid);
 * - w_3, w_2, w_1: the year weights, default 1, 2, 7 (`practice`).
 * E.g. only y_2 and y_1 present: base = (2·y_2 + 7·y_1) / 9. No year present: no base.
 *
 * Exactness: the weights are scaled to integers ω_j (1.5 : 3 : 10 → 3 : 6 : 20), so the base is the
 * rational N / W with N = Σ ω_j y_j and W = Σ ω_j, both integers; `baseFen` rounds it half away
 * from zero for display, and the allocation keeps N / W exact.
 *
 * @see 国家医疗保障局办公室《按病种分值付费(DIP)技术规范》(医保办发〔2020〕50号): 1:2:7 weighting of
 *   the three preceding years; domain.md §5.2.
 */
import { exactRate, lcm, roundHalfAway, toFen } from './exact.ts';

export type PaymentYear = 'y3' | 'y2' | 'y1';
const YEARS: readonly PaymentYear[] = ['y3', 'y2', 'y1'];
/** Payments of the last three years in fen, oldest first: [y3, y2, y1]; null = no data. */
export type PaidFen = readonly [number | null, number | null, number | null];

/** Year weights compiled to integers, with the weight sum of every subset of years present. */
export interface CompiledYearWeights {
  /** ω_3, ω_2, ω_1. */
  integer: readonly [number, number, number];
  /** By bit mask of the years present (bit 0 = y3, bit 1 = y2, bit 2 = y1): W = Σ ω_j over them. */
  maskSum: readonly number[];
  /** lcm of W over the 7 non-empty masks: a common denominator of every base. */
  lcmOfSums: bigint;
  /** By mask: the years used and their weights as given, for explanations (shared, read-only). */
  yearsUsed: readonly (readonly PaymentYear[])[];
  weightsUsed: readonly (readonly number[])[];
}

/**
 * @example compileYearWeights([1, 2, 7]).maskSum[0b110] // => 9
 */
export function compileYearWeights(weights: readonly [number, number, number]): CompiledYearWeights {
  const rationals = weights.map(exactRate);
  const den = lcm(rationals.map((r) => r.den));
  const integer = rationals.map((r) => toFen((r.num * den) / r.den)) as unknown as [number, number, number];
  const maskSum: number[] = [0];
  const yearsUsed: PaymentYear[][] = [[]];
  const weightsUsed: number[][] = [[]];
  for (let mask = 1; mask < 8; mask++) {
    const present = [0, 1, 2].filter((j) => (mask >> j) & 1);
    maskSum[mask] = present.reduce((s, j) => s + (integer[j] as number), 0);
    yearsUsed[mask] = present.map((j) => YEARS[j] as PaymentYear);
    weightsUsed[mask] = present.map((j) => weights[j] as number);
  }
  return { integer, maskSum, lcmOfSums: lcm(maskSum.slice(1).map(BigInt)), yearsUsed, weightsUsed };
}

/** The base of one institution as the exact rational numerator / W. */
export interface WeightedBase {
  /** Bit mask of the years present (bit 0 = y3, bit 1 = y2, bit 2 = y1). */
  mask: number;
  /** N = Σ ω_j y_j, fen × integer weight. */
  numerator: bigint;
  /** W = Σ ω_j over the years present. */
  denominator: number;
  /** N / W rounded half away from zero, fen. */
  baseFen: number;
}

/**
 * The weighted base of one institution, or null when no year has data.
 * @param paidFen [y3, y2, y1], each a safe integer ≥ 0 or null
 * @throws Error `paidFen[<j>] must be a whole number of fen ≥ 0, got <x>`.
 * @example weightedBase([null, 900_00, 1_800_00], compileYearWeights([1, 2, 7])).baseFen // => 160_00
 */
export function weightedBase(paidFen: PaidFen, w: CompiledYearWeights): WeightedBase | null {
  let mask = 0;
  let sum = 0;
  for (let j = 0; j < 3; j++) {
    const y = paidFen[j];
    if (y === null || y === undefined) continue;
    if (!Number.isSafeInteger(y) || y < 0) throw new Error(`paidFen[${j}] must be a whole number of fen ≥ 0, got ${y}`);
    mask |= 1 << j;
    sum += (w.integer[j] as number) * y;
  }
  if (mask === 0) return null;
  const denominator = w.maskSum[mask] as number;
  // Every term is ≥ 0, so the double sum is exact unless it leaves the safe range; then redo in BigInt.
  if (Number.isSafeInteger(sum)) {
    const r = sum % denominator; // exact on safe integers, so q is exact too
    const q = (sum - r) / denominator;
    return { mask, numerator: BigInt(sum), denominator, baseFen: 2 * r >= denominator ? q + 1 : q };
  }
  const numerator = [0, 1, 2].reduce((s, j) => ((mask >> j) & 1 ? s + BigInt(w.integer[j] as number) * BigInt(paidFen[j] as number) : s), 0n);
  return { mask, numerator, denominator, baseFen: toFen(roundHalfAway(numerator, BigInt(denominator))) };
}
