/**
 * Allocation of the year's total budget to designated institutions (domain.md §5.2, §5.7).
 *
 * $$ \text{raw}_i = \max\bigl(0,\ \text{base}_i (1 + g)\, a_i c_i - v_i\bigr), \qquad
 *    \text{quota}_i \approx T_{pool} \cdot \text{raw}_i / \textstyle\sum_j \text{raw}_j $$
 * plain: raw_i = max(0, base_i × (1 + growth) × assessment_i × credit_i − violation_i); the quotas
 * are the raws scaled so that they sum to the pool exactly, in fen, by largest remainder.
 * - base_i: 1:2:7 weighted mean of the payments of the last three years (weighted-base.ts), fen;
 * - g: growth, decimal; a_i, c_i: assessment and credit coefficients (coefficients.ts), so k_i = a_i c_i;
 * - v_i: confirmed violation amount of the year, fen (seed 000 第二十四条: violations are a basis for
 *   next year's budget); a deduction larger than the adjusted base gives raw 0, hence quota 0;
 * - T_pool = total − Σ manual quotas, fen.
 *
 * Exactness: every raw is a rational with denominator dividing D = lcm(weight sums) × den(1 + g) ×
 * lcm(assessment dens) × lcm(credit dens), so R_i = raw_i × D is an integer (BigInt) and the
 * largest-remainder split of T_pool over the R_i (apportion.ts) is exact: quotas sum to the pool to
 * the fen, and a quota differs from T_pool·raw_i/Σraw by less than 1 fen. Leftover fen go to the
 * larger remainder, equal remainders to the institution listed first.
 *
 * Who shares the pool:
 * - an institution with no payment year has no base: quota 0 and `needsManualQuota` (domain.md: its
 *   quota is set by hand); pass `manualQuotaFen` to set it, which takes it out of the pool;
 * - `status: 'terminated'` (解除, §5.7): its share is computed but not paid nor redistributed; it is
 *   reported as `unallocatedFen` until an officer decides; `suspended` (中止) keeps its quota (its
 *   suspended months get no prepayment, prepayment.ts).
 * So Σ quotaFen + Σ unallocatedFen = totalFen.
 *
 * @see domain.md §5.2, §5.7; seed 000 第二十四条; seed 001 第十一、十九、二十条.
 */
import { formatFenAsYuan } from '../core/money.ts';
import { apportion } from './apportion.ts';
import { checkFen, exactRate, lcm, roundQuotient } from './exact.ts';
import { assessmentIndex, compileCoefficients, creditIndex } from './coefficients.ts';
import { DEFAULT_BUDGET_PARAMS, type BudgetParams, type CreditRating } from './params.ts';
import { compileYearWeights, weightedBase, type PaidFen, type PaymentYear } from './weighted-base.ts';

export type AgreementStatus = 'active' | 'suspended' | 'terminated';

export interface InstitutionBudgetInput {
  institutionId: string;
  name?: string;
  /** Fund payments of the last three years, oldest first [y3, y2, y1], fen; null = no data. */
  paidFen: PaidFen;
  assessmentScore?: number | null;
  creditRating?: CreditRating | null;
  /** Confirmed violation amount to deduct, fen; default 0. */
  violationFen?: number;
  /** Service-agreement status (§5.7); default active. */
  status?: AgreementStatus;
  /** A quota set by hand, fen: used as is, outside the proportional split. */
  manualQuotaFen?: number;
}

export type QuotaSource = 'computed' | 'manual' | 'needs_manual' | 'terminated';

/** One institution's quota with everything needed to explain it. */
export interface InstitutionQuota {
  institutionId: string;
  name?: string;
  status: AgreementStatus;
  source: QuotaSource;
  quotaFen: number;
  /** A terminated institution's share, held back and not redistributed; 0 otherwise. */
  unallocatedFen: number;
  needsManualQuota: boolean;
  /** The base, fen (rounded for display); null when no year has data. */
  baseFen: number | null;
  /** The years the base used and their weights (empty without a base). */
  baseYears: readonly PaymentYear[];
  baseWeights: readonly number[];
  growth: number;
  assessmentScore: number | null;
  assessmentFactor: number;
  /** The band that chose the factor, e.g. `80 ≤ score < 90` or `no score`. */
  assessmentRule: string;
  creditRating: CreditRating | null;
  creditFactor: number;
  /** e.g. `rating A` or `no rating`. */
  creditRule: string;
  /** k = assessment × credit factor (the double nearest the exact product, for display; the exact product is used). */
  coefficient: number;
  /** base × (1 + growth) × k, fen (rounded for display); null without a base. */
  adjustedBaseFen: number | null;
  violationDeductionFen: number;
  /** The deduction is at least the adjusted base, so raw (and the quota) is 0. */
  deductionExceedsAdjustedBase: boolean;
  /** max(0, adjusted base − deduction), fen (rounded for display); null without a base. */
  rawFen: number | null;
  /** The common scaling factor T_pool / Σ raw; null when not scaled (manual or no base). */
  scalingFactor: number | null;
}

export interface AllocationResult {
  totalFen: number;
  manualFen: number;
  /** total − manual: what the proportional split shares. */
  poolFen: number;
  /** Σ quotaFen. */
  allocatedFen: number;
  /** Shares of terminated institutions, held back. allocatedFen + unallocatedFen = totalFen. */
  unallocatedFen: number;
  /** Σ raw, fen (rounded for display; exact below 2^53 fen, the nearest double beyond). */
  rawTotalFen: number;
  scalingFactor: number;
  /** Ids of institutions without payment history and without a manual quota. */
  needsManualQuota: string[];
  quotas: InstitutionQuota[];
}

/**
 * Allocates `totalFen` over institutions (domain.md §5.2), exactly to the fen.
 * @throws Error `totalFen must be a whole number of fen > 0, got <x>`.
 * @throws Error `institution "<id>": <rule>` for a bad field (duplicate id, negative payment, score
 *   outside 0–100, unknown rating, manual quota on a terminated institution).
 * @throws Error `manual quotas (<x> yuan) exceed the total (<y> yuan)`.
 * @throws Error `cannot allocate <x> yuan: no institution has a positive raw quota (<n> without payment
 *   history need a quota set by hand; <m> have a raw quota of 0: no payments, or deductions at least
 *   their adjusted base)`.
 * @example allocateBudget([
 *   { institutionId: 'A', paidFen: [100_00, 100_00, 100_00] },
 *   { institutionId: 'B', paidFen: [null, null, 200_00] },
 * ], { totalFen: 1_000_00 }).quotas.map((q) => q.quotaFen) // => [33333, 66667]
 */
export function allocateBudget(institutions: readonly InstitutionBudgetInput[], options: { totalFen: number; params?: BudgetParams }): AllocationResult {
  const { totalFen } = options;
  if (!Number.isSafeInteger(totalFen) || totalFen <= 0) throw new Error(`totalFen must be a whole number of fen > 0, got ${totalFen}`);
  const params = options.params ?? DEFAULT_BUDGET_PARAMS;
  const coefficients = compileCoefficients(params);
  const years = compileYearWeights(params.yearWeights);
  const g = exactRate(params.growth);
  const growthNum = g.num + g.den;
  const la = lcm(coefficients.assessment.map((c) => c.exact.den));
  const lc = lcm(coefficients.credit.map((c) => c.exact.den));
  const scale = years.lcmOfSums * g.den * la * lc;
  const multipliers = new Map<number, bigint>();
  const nc = coefficients.credit.length;
  // k = a × c for display, the double nearest the exact product (1.02 × 0.97 = 0.9894, not 0.9893999…)
  const coefficientOf = coefficients.assessment.flatMap((a) => coefficients.credit.map((c) => Number(a.exact.num * c.exact.num) / Number(a.exact.den * c.exact.den)));

  const seen = new Set<string>();
  const quotas: InstitutionQuota[] = [];
  const shares: bigint[] = [];
  const sharers: number[] = [];
  let manualFen = 0;
  let shareSum = 0n;
  let noHistory = 0;
  let zeroRaw = 0;
  for (const inst of institutions) {
    const id = inst.institutionId;
    if (typeof id !== 'string' || id === '') throw new Error(`institutionId must be a non-empty string, got ${JSON.stringify(id)}`);
    if (seen.has(id)) throw institutionError(id, 'duplicate institutionId');
    seen.add(id);
    const status = inst.status ?? 'active';
    if (status !== 'active' && status !== 'suspended' && status !== 'terminated') throw institutionError(id, `unknown status "${String(status)}" (expected active, suspended or terminated)`);
    let base, ai, ci, violationFen;
    try {
      base = weightedBase(inst.paidFen, years);
      ai = assessmentIndex(coefficients, inst.assessmentScore);
      ci = creditIndex(inst.creditRating);
      violationFen = checkFen(inst.violationFen ?? 0, 'violationFen');
      if (inst.manualQuotaFen !== undefined) checkFen(inst.manualQuotaFen, 'manualQuotaFen');
    } catch (err) {
      throw institutionError(id, (err as Error).message);
    }
    const a = coefficients.assessment[ai] as (typeof coefficients.assessment)[number];
    const c = coefficients.credit[ci] as (typeof coefficients.credit)[number];
    const manual = inst.manualQuotaFen;
    if (manual !== undefined && status === 'terminated') throw institutionError(id, 'a terminated institution (解除) gets no quota, so it cannot have a manual one');
    const q: InstitutionQuota = {
      institutionId: id, status,
      source: manual !== undefined ? 'manual' : status === 'terminated' ? 'terminated' : base ? 'computed' : 'needs_manual',
      quotaFen: manual ?? 0, unallocatedFen: 0, needsManualQuota: !base && manual === undefined && status !== 'terminated',
      baseFen: base ? base.baseFen : null,
      baseYears: years.yearsUsed[base ? base.mask : 0] as PaymentYear[], baseWeights: years.weightsUsed[base ? base.mask : 0] as number[],
      growth: params.growth,
      assessmentScore: inst.assessmentScore ?? null, assessmentFactor: a.factor, assessmentRule: a.rule,
      creditRating: inst.creditRating ?? null, creditFactor: c.factor, creditRule: c.rule,
      coefficient: coefficientOf[ai * nc + ci] as number,
      adjustedBaseFen: null, violationDeductionFen: violationFen, deductionExceedsAdjustedBase: false, rawFen: null, scalingFactor: null,
    };
    if (inst.name !== undefined) q.name = inst.name;
    quotas.push(q);
    if (manual !== undefined) manualFen += manual;
    if (q.needsManualQuota) noHistory++;
    if (!base) continue;
    const key = (base.mask * coefficients.assessment.length + ai) * nc + ci;
    let m = multipliers.get(key);
    if (m === undefined) {
      // raw × scale = N/W × (1+g) × a × c × scale − v × scale, and scale / (W·den(1+g)·den(a)·den(c)) is an integer
      m = growthNum * a.exact.num * c.exact.num * (years.lcmOfSums / BigInt(years.maskSum[base.mask] as number)) * (la / a.exact.den) * (lc / c.exact.den);
      multipliers.set(key, m);
    }
    const adjusted = base.numerator * m;
    const deduction = violationFen === 0 ? 0n : BigInt(violationFen) * scale;
    const raw = adjusted > deduction ? adjusted - deduction : 0n;
    q.adjustedBaseFen = roundQuotient(adjusted, scale);
    q.rawFen = roundQuotient(raw, scale);
    q.deductionExceedsAdjustedBase = violationFen > 0 && raw === 0n;
    if (manual !== undefined) continue;
    if (raw === 0n) zeroRaw++;
    shares.push(raw);
    sharers.push(quotas.length - 1);
    shareSum += raw;
  }

  if (manualFen > totalFen) throw new Error(`manual quotas (${formatFenAsYuan(manualFen)} yuan) exceed the total (${formatFenAsYuan(totalFen)} yuan)`);
  const poolFen = totalFen - manualFen;
  if (poolFen > 0 && shareSum === 0n) {
    throw new Error(`cannot allocate ${formatFenAsYuan(poolFen)} yuan: no institution has a positive raw quota `
      + `(${noHistory} without payment history need a quota set by hand; ${zeroRaw} have a raw quota of 0: no payments, or deductions at least their adjusted base)`);
  }
  const parts = apportion(poolFen, shares);
  const scalingFactor = shareSum === 0n ? 0 : (poolFen * Number(scale)) / Number(shareSum);
  let unallocatedFen = 0;
  sharers.forEach((index, j) => {
    const q = quotas[index] as InstitutionQuota;
    q.scalingFactor = scalingFactor;
    if (q.status === 'terminated') {
      q.unallocatedFen = parts[j] as number;
      unallocatedFen += q.unallocatedFen;
    } else {
      q.quotaFen = parts[j] as number;
    }
  });
  return {
    totalFen, manualFen, poolFen, allocatedFen: totalFen - unallocatedFen, unallocatedFen,
    rawTotalFen: roundQuotient(shareSum, scale), scalingFactor,
    needsManualQuota: quotas.filter((q) => q.needsManualQuota).map((q) => q.institutionId), quotas,
  };
}

function institutionError(id: string, rule: string): Error {
  return new Error(`institution "${id}": ${rule}`);
}
