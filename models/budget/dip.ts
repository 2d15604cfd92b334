/**
 * DIP (按病种分值付费) points and point values (domain.md §5.5).
 *
 * - Points of disease group g: RW_g = (C_g / n_g) / (ΣC / Σn) × 100, i.e. the group's mean cost over
 *   the mean cost of all cases, × 100 (C: total cost, fen; n: cases).
 * - Budget point value, set at the start of the year: PV_b = Σ_t w_t C_t / Σ_t w_t P_t over the last
 *   three years t (weights 1:2:7 oldest → newest, renormalised over the years given; C_t total
 *   inpatient cost, P_t = Σ points × cases of year t). Weighting both sides keeps it the price of a
 *   point of the same years' volume.
 * - Settlement point value: PV_s = (F / ρ) / P, F the year's DIP fund (fen), ρ the reimbursement
 *   ratio (decimal), P the year's Σ points × cases.
 * - Case adjustment by the ratio x = case cost / group standard cost (bands `dipCaseBands`):
 *   x < 0.5 → low: points = RW × x; x > 2 → high: points = RW × (x − 2 + 1); x > 5 → the same
 *   points, flagged for review (评议); otherwise RW. Bands are decided exactly (integer cross-products).
 * - Devaluation (点值贬值): when volume P grows faster than the fund F, the point value falls by
 *   (1 + g_F) / (1 + g_P) − 1; flagged when g_P > g_F, decided exactly.
 * Point values are prices per point (yuan, doubles): they are never summed as money here.
 *
 * @see 国家医疗保障局办公室《按病种分值付费(DIP)技术规范》(医保办发〔2020〕50号): RW, 1:2:7 point
 *   value, 费用偏差病例 (below 50% / above 2×); domain.md §5.5.
 */
import { compareRational, type Rational } from '../core/rational.ts';
import { exactRate } from './exact.ts';
import { DEFAULT_BUDGET_PARAMS, type BudgetParams } from './params.ts';

const FEN_PER_YUAN = 100;
const RW_SCALE = 100;

export interface DipGroupInput { groupId: string; totalCostFen: number; cases: number }
export interface DipGroupPoints { groupId: string; cases: number; meanCostFen: number; points: number }

/**
 * @throws Error `group "<id>": cases must be a whole number > 0, got <x>` / `… totalCostFen must be a number ≥ 0, got <x>`;
 *   `no cost in any group: points are undefined`.
 * @example dipGroupPoints([{ groupId: 'A', totalCostFen: 300, cases: 1 }, { groupId: 'B', totalCostFen: 100, cases: 1 }]).groups[0].points // => 150
 */
export function dipGroupPoints(groups: readonly DipGroupInput[]): { meanCostAllFen: number; groups: DipGroupPoints[] } {
  let cost = 0;
  let cases = 0;
  for (const g of groups) {
    if (!Number.isSafeInteger(g.cases) || g.cases <= 0) throw new Error(`group "${g.groupId}": cases must be a whole number > 0, got ${g.cases}`);
    if (!(g.totalCostFen >= 0) || !Number.isFinite(g.totalCostFen)) throw new Error(`group "${g.groupId}": totalCostFen must be a number ≥ 0, got ${g.totalCostFen}`);
    cost += g.totalCostFen;
    cases += g.cases;
  }
  if (!(cost > 0)) throw new Error('no cost in any group: points are undefined');
  const meanCostAllFen = cost / cases;
  return {
    meanCostAllFen,
    groups: groups.map((g) => ({ groupId: g.groupId, cases: g.cases, meanCostFen: g.totalCostFen / g.cases, points: (g.totalCostFen * cases * RW_SCALE) / (g.cases * cost) })),
  };
}

/** One year of a budget point value: total inpatient cost and Σ points × cases. */
export interface DipYear { inpatientCostFen: number; totalPoints: number }

/**
 * Budget point value from up to three years, oldest first; two years use the weights of the two newest years.
 * @throws Error `years must hold 1 to 3 years, oldest first, got <n>`; `years[<i>]: …` for a negative cost or points ≤ 0.
 * @example budgetPointValue([{ inpatientCostFen: 90_00, totalPoints: 10 }, { inpatientCostFen: 180_00, totalPoints: 20 }]).pointValueYuan // => 9
 */
export function budgetPointValue(years: readonly DipYear[], params: BudgetParams = DEFAULT_BUDGET_PARAMS): { pointValueYuan: number; weights: number[] } {
  if (years.length < 1 || years.length > 3) throw new Error(`years must hold 1 to 3 years, oldest first, got ${years.length}`);
  const weights = params.yearWeights.slice(3 - years.length);
  let cost = 0;
  let points = 0;
  years.forEach((y, i) => {
    if (!(y.inpatientCostFen >= 0) || !Number.isFinite(y.inpatientCostFen)) throw new Error(`years[${i}]: inpatientCostFen must be a number ≥ 0, got ${y.inpatientCostFen}`);
    if (!(y.totalPoints > 0) || !Number.isFinite(y.totalPoints)) throw new Error(`years[${i}]: totalPoints must be a number > 0, got ${y.totalPoints}`);
    cost += (weights[i] as number) * y.inpatientCostFen;
    points += (weights[i] as number) * y.totalPoints;
  });
  return { pointValueYuan: cost / points / FEN_PER_YUAN, weights };
}

/**
 * @throws Error `reimbursementRatio must be a decimal in (0, 1], got <x>`; `totalPoints must be a number > 0, got <x>`.
 * @example settlementPointValue({ dipFundFen: 70_000_00, reimbursementRatio: 0.7, totalPoints: 1000 }) // => 100
 */
export function settlementPointValue(input: { dipFundFen: number; reimbursementRatio: number; totalPoints: number }): number {
  const { dipFundFen, reimbursementRatio, totalPoints } = input;
  if (!(reimbursementRatio > 0 && reimbursementRatio <= 1)) throw new Error(`reimbursementRatio must be a decimal in (0, 1], got ${reimbursementRatio}`);
  if (!(totalPoints > 0) || !Number.isFinite(totalPoints)) throw new Error(`totalPoints must be a number > 0, got ${totalPoints}`);
  if (!(dipFundFen >= 0) || !Number.isFinite(dipFundFen)) throw new Error(`dipFundFen must be a number ≥ 0, got ${dipFundFen}`);
  return dipFundFen / reimbursementRatio / totalPoints / FEN_PER_YUAN;
}

export type DipCaseBand = 'low' | 'normal' | 'high' | 'review';

/**
 * Points of one case after the cost-deviation adjustment.
 * @throws Error `standardCostFen must be a number > 0, got <x>` / `caseCostFen must be a number ≥ 0, got <x>` / `groupPoints must be a number ≥ 0, got <x>`.
 * @example adjustCasePoints({ groupPoints: 100, caseCostFen: 600_00, standardCostFen: 200_00 }) // => { ratio: 3, band: 'high', points: 200, needsReview: false }
 */
export function adjustCasePoints(
  input: { groupPoints: number; caseCostFen: number; standardCostFen: number },
  params: BudgetParams = DEFAULT_BUDGET_PARAMS,
): { ratio: number; band: DipCaseBand; points: number; needsReview: boolean } {
  const { groupPoints, caseCostFen, standardCostFen } = input;
  if (!(standardCostFen > 0) || !Number.isFinite(standardCostFen)) throw new Error(`standardCostFen must be a number > 0, got ${standardCostFen}`);
  if (!(caseCostFen >= 0) || !Number.isFinite(caseCostFen)) throw new Error(`caseCostFen must be a number ≥ 0, got ${caseCostFen}`);
  if (!(groupPoints >= 0) || !Number.isFinite(groupPoints)) throw new Error(`groupPoints must be a number ≥ 0, got ${groupPoints}`);
  const c = exactRate(caseCostFen);
  const s = exactRate(standardCostFen);
  const exactRatio = { num: c.num * s.den, den: c.den * s.num };
  const vs = (multiple: number) => compareRational(exactRatio, exactRate(multiple));
  const { lowBelow, highAbove, reviewAbove } = params.dipCaseBands;
  const ratio = caseCostFen / standardCostFen;
  const band: DipCaseBand = vs(lowBelow) < 0 ? 'low' : vs(reviewAbove) > 0 ? 'review' : vs(highAbove) > 0 ? 'high' : 'normal';
  const points = band === 'low' ? groupPoints * ratio : band === 'normal' ? groupPoints : groupPoints * (ratio - highAbove + 1);
  return { ratio, band, points, needsReview: band === 'review' };
}

/**
 * Point-value trend between two years: volume growing faster than the fund devalues the point.
 * @throws Error `previous.fundFen must be a number > 0, got <x>` (and likewise for the points and the current year).
 * @example pointValueTrend({ previous: { fundFen: 100, totalPoints: 100 }, current: { fundFen: 105, totalPoints: 110 } }).devaluation // => true
 */
export function pointValueTrend(input: { previous: { fundFen: number; totalPoints: number }; current: { fundFen: number; totalPoints: number } }): {
  fundGrowth: number; volumeGrowth: number; pointValueChange: number; devaluation: boolean;
} {
  for (const year of ['previous', 'current'] as const) {
    for (const key of ['fundFen', 'totalPoints'] as const) {
      const v = input[year][key];
      if (!(v > 0) || !Number.isFinite(v)) throw new Error(`${year}.${key} must be a number > 0, got ${v}`);
    }
  }
  const { previous: p, current: c } = input;
  // g_P > g_F ⇔ P_1/P_0 > F_1/F_0 ⇔ P_1·F_0 > F_1·P_0 (all positive), compared exactly
  const devaluation = compareRational(exactProduct(c.totalPoints, p.fundFen), exactProduct(c.fundFen, p.totalPoints)) > 0;
  return {
    fundGrowth: c.fundFen / p.fundFen - 1,
    volumeGrowth: c.totalPoints / p.totalPoints - 1,
    pointValueChange: (c.fundFen * p.totalPoints) / (p.fundFen * c.totalPoints) - 1,
    devaluation,
  };
}

/** x·y as an exact rational of the decimals they were written as. */
function exactProduct(x: number, y: number): Rational {
  const a = exactRate(x);
  const b = exactRate(y);
  return { num: a.num * b.num, den: a.den * b.den };
}
