/**
 * Deviation monitoring of an institution's spending against its quota (domain.md §5.6).
 *
 * $$ E_m = Q \cdot \frac{\sum_{n \le m} s_n}{\sum_{n=1}^{12} s_n}, \qquad d_m = \frac{A_m - E_m}{E_m} $$
 * plain: expected spending to date = quota × the seasonal share of the year elapsed; deviation =
 * (actual to date − expected) / expected, where
 * - Q: the year's quota, fen; s_n: the seasonal profile (flat, or the institution's monthly
 *   payments of a past year); A_m: actual spending January to month m, fen.
 * Band of |d| (`practice`): ≥ 5% 一般 (general), ≥ 15% 较大 (major), ≥ 30% 严重 (severe), else none;
 * a deviation exactly on a cut point belongs to the band it opens. Both directions count: running
 * hot (over) and far under budget (under). The bands are decided exactly in BigInt:
 * |A·S − Q·S_m| · q ≥ p · Q·S_m for a cut point p/q; `deviation` itself is a double for display.
 * When nothing is expected yet (Q = 0, or a zero profile so far) the deviation is undefined (null):
 * any spending is then severe, none is within band.
 *
 * @see domain.md §5.6; seed 001 第九条 (act on institutions that deviate greatly from budget or
 *   prepayment indicators).
 */
import { checkFen, exactRate } from './exact.ts';
import { DEFAULT_BUDGET_PARAMS, type BudgetParams } from './params.ts';
import { profileWeights } from './prepayment.ts';

export type DeviationBand = 'none' | 'general' | 'major' | 'severe';
export const DEVIATION_BAND_LABELS: Readonly<Record<DeviationBand, { zh: string; en: string }>> = {
  none: { zh: '正常', en: 'within band' },
  general: { zh: '一般', en: 'general' },
  major: { zh: '较大', en: 'major' },
  severe: { zh: '严重', en: 'severe' },
};

export interface DeviationInput {
  quotaFen: number;
  /** Actual spending per month, January first; its length is the number of months elapsed (1–12). */
  monthlyActualFen: readonly number[];
  /** 12 weights ≥ 0, January first; omitted = flat. */
  seasonalProfile?: readonly number[];
}

export interface DeviationMonth {
  month: number;
  actualToDateFen: number;
  /** Q × elapsed share, rounded half away from zero to the fen for display. */
  expectedToDateFen: number;
  /** (actual − expected) / expected, decimal; null when nothing is expected. */
  deviation: number | null;
  band: DeviationBand;
  direction: 'over' | 'under' | 'on';
}

export interface DeviationReport {
  months: DeviationMonth[];
  latest: DeviationMonth;
  /** First month of the run of months ending at the latest one with a band in the same direction; null when the latest is within band. */
  since: number | null;
}

/**
 * @throws Error `monthlyActualFen must hold 1 to 12 months, got <n>`; `monthlyActualFen[<i>] must be a whole number of fen ≥ 0, got <x>`;
 *   `quotaFen must be a whole number of fen ≥ 0, got <x>`; the seasonalProfile error of prepayment.ts.
 * @example monitorDeviation({ quotaFen: 1_200_00, monthlyActualFen: [100_00, 100_00, 140_00] }).latest
 * // => { month: 3, actualToDateFen: 340_00, expectedToDateFen: 300_00, deviation: 0.13333333333333333, band: 'general', direction: 'over' }
 */
export function monitorDeviation(input: DeviationInput, params: BudgetParams = DEFAULT_BUDGET_PARAMS): DeviationReport {
  const quotaFen = checkFen(input.quotaFen, 'quotaFen');
  const actual = input.monthlyActualFen;
  if (actual.length < 1 || actual.length > 12) throw new Error(`monthlyActualFen must hold 1 to 12 months, got ${actual.length}`);
  const weights = profileWeights(input.seasonalProfile);
  const total = weights.reduce((s, w) => s + w, 0n);
  const cuts = (['severe', 'major', 'general'] as const).map((band) => ({ band, rate: exactRate(params.deviationBands[band]) }));
  const q = BigInt(quotaFen);
  const months: DeviationMonth[] = [];
  let actualToDate = 0;
  let elapsed = 0n;
  actual.forEach((fen, i) => {
    actualToDate += checkFen(fen, `monthlyActualFen[${i}]`);
    elapsed += weights[i] as bigint;
    // expected = Q·S_m / S; compare in units of 1/S: A·S against Q·S_m
    const expectedS = q * elapsed;
    const gap = BigInt(actualToDate) * total - expectedS;
    const abs = gap < 0n ? -gap : gap;
    let band: DeviationBand = 'none';
    if (expectedS === 0n) band = actualToDate > 0 ? 'severe' : 'none';
    else band = cuts.find((c) => abs * c.rate.den >= c.rate.num * expectedS)?.band ?? 'none';
    const expectedToDateFen = Number((2n * expectedS + total) / (2n * total));
    months.push({
      month: i + 1, actualToDateFen: actualToDate, expectedToDateFen,
      deviation: expectedS === 0n ? null : Number(gap) / Number(expectedS),
      band, direction: gap > 0n ? 'over' : gap < 0n ? 'under' : 'on',
    });
  });
  const latest = months.at(-1) as DeviationMonth;
  let since: number | null = null;
  if (latest.band !== 'none') {
    let i = months.length - 1;
    while (i > 0 && (months[i - 1] as DeviationMonth).band !== 'none' && (months[i - 1] as DeviationMonth).direction === latest.direction) i--;
    since = i + 1;
  }
  return { months, latest, since };
}
