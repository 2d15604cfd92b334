/**
 * The institution coefficient k_i = assessment coefficient × credit coefficient (domain.md §5.2.3),
 * looked up in the tables of a {@link BudgetParams}, each with the rule that chose it.
 *
 * Defaults (`assumption`): score ≥ 90 → 1.02, 80 ≤ score < 90 → 1.00, 70 ≤ score < 80 → 0.98,
 * score < 70 → 0.95, no score → 1.00; credit A → 1.02, B or none → 1.00, C → 0.97, D → 0.90.
 * A score is compared with the band's lower bound as the doubles they were written as: distinct
 * decimals of at most 15 significant digits keep their order as doubles, so 89.99 < 90 exactly.
 *
 * @see domain.md §5.2; seed 001 第十一条 and seed 003 第二十四条 (assessment and credit tied to budgets).
 */
import type { Rational } from '../core/rational.ts';
import { exactRate } from './exact.ts';
import { CREDIT_RATINGS, type BudgetParams, type CreditRating } from './params.ts';

/** A coefficient with its exact value and the rule that chose it, e.g. `80 ≤ score < 90`. */
export interface Coefficient {
  factor: number;
  exact: Rational;
  rule: string;
}

/** The tables of a parameter set, compiled once for many institutions. */
export interface CompiledCoefficients {
  /** Assessment bands by descending minScore, then the no-score entry last. */
  assessment: readonly Coefficient[];
  minScores: readonly number[];
  /** Credit A, B, C, D, then no rating last. */
  credit: readonly Coefficient[];
}

/**
 * @example compileCoefficients(DEFAULT_BUDGET_PARAMS).assessment[1].rule // => '80 ≤ score < 90'
 */
export function compileCoefficients(params: BudgetParams): CompiledCoefficients {
  const bands = params.assessmentFactors.bands;
  const assessment = bands.map((b, i): Coefficient => {
    const upper = bands[i - 1]?.minScore;
    const rule = upper === undefined ? `score ≥ ${b.minScore}` : b.minScore === 0 ? `score < ${upper}` : `${b.minScore} ≤ score < ${upper}`;
    return { factor: b.factor, exact: exactRate(b.factor), rule };
  });
  assessment.push({ factor: params.assessmentFactors.none, exact: exactRate(params.assessmentFactors.none), rule: 'no score' });
  const credit = CREDIT_RATINGS.map((r): Coefficient => ({ factor: params.creditFactors[r], exact: exactRate(params.creditFactors[r]), rule: `rating ${r}` }));
  credit.push({ factor: params.creditFactors.none, exact: exactRate(params.creditFactors.none), rule: 'no rating' });
  return { assessment, minScores: bands.map((b) => b.minScore), credit };
}

/**
 * Index into `assessment` of the band a score falls in (the first band whose minScore ≤ score),
 * or of the no-score entry for null.
 * @throws Error `assessment score must be a number from 0 to 100, got <x>`.
 * @example assessmentIndex(compileCoefficients(DEFAULT_BUDGET_PARAMS), 89.5) // => 1
 */
export function assessmentIndex(c: CompiledCoefficients, score: number | null | undefined): number {
  if (score === null || score === undefined) return c.minScores.length;
  if (typeof score !== 'number' || !(score >= 0 && score <= 100)) throw new Error(`assessment score must be a number from 0 to 100, got ${score}`);
  // the last band starts at 0 (listBudgetParamProblems), so every score from 0 to 100 finds one
  let i = 0;
  while (score < (c.minScores[i] as number)) i++;
  return i;
}

/**
 * Index into `credit` of a rating (A–D), or of the no-rating entry for null.
 * @throws Error `unknown credit rating "<r>" (expected A, B, C, D or empty)`.
 * @example creditIndex('C') // => 2
 */
export function creditIndex(rating: CreditRating | null | undefined): number {
  if (rating === null || rating === undefined) return CREDIT_RATINGS.length;
  const i = CREDIT_RATINGS.indexOf(rating);
  if (i < 0) throw new Error(`unknown credit rating "${String(rating)}" (expected A, B, C, D or empty)`);
  return i;
}
