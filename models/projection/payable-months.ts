/**
 * Payable months and tier of one projected year (domain.md §3.1–3.2, interfaces.md `project`).
 *
 * $$ m_t = \frac{B_t}{E_t / 12} $$
 * plain: payableMonths = balance / (the year's expenditure / 12), where B_t is the end-of-year
 * balance (yuan) and E_t the year's expenditure (yuan), both the unrounded doubles of the projection.
 *
 * The tier uses the warning tier table: red when B ≤ 0 or m < redBelow, orange when m < orangeBelow,
 * green when m ≤ greenUpTo, blue when m ≤ blueUpTo, purple above. The comparison is made on the
 * double m itself, so the tier always agrees with the payableMonths that is printed. It is the
 * same decision as `tierOfMonths(rationalFromNumber(m), thresholds)` of models/warning (tested):
 * the shortest decimal text of a double lies inside that double's rounding interval, so two doubles
 * and their decimal texts are ordered alike, and the threshold is read as the decimal it was typed as.
 *
 * Limits: when E ≤ 0 the months are undefined (null); the tier is purple for B > 0 (nothing is paid
 * out of a positive balance) and red otherwise, as in models/warning.
 * @see domain.md §3.2 (人社部发〔2009〕67号 cut points 3 / 6 / 9 / 15).
 * @example projectionMonthsAndTier(2.248e9, 1.567e9, { redBelow: 3, orangeBelow: 6, greenUpTo: 9, blueUpTo: 15 })
 * // => { payableMonths: 17.215060625398852, tier: 'purple' }
 */
import type { TierThresholds } from '../warning/params.ts';
import type { Tier } from '../warning/tier.ts';

export interface ProjectedMonths {
  payableMonths: number | null;
  tier: Tier;
}

export function projectionMonthsAndTier(balanceYuan: number, expenditureYuan: number, t: TierThresholds): ProjectedMonths {
  if (!(expenditureYuan > 0)) return { payableMonths: null, tier: balanceYuan > 0 ? 'purple' : 'red' };
  const payableMonths = balanceYuan / (expenditureYuan / 12);
  return { payableMonths, tier: tierOfProjectedMonths(balanceYuan, payableMonths, t) };
}

/**
 * Tier of a balance and its payable months (both doubles).
 * @example tierOfProjectedMonths(100, 6, { redBelow: 3, orangeBelow: 6, greenUpTo: 9, blueUpTo: 15 }) // => 'green'
 */
export function tierOfProjectedMonths(balanceYuan: number, payableMonths: number, t: TierThresholds): Tier {
  if (balanceYuan <= 0 || payableMonths < t.redBelow) return 'red';
  if (payableMonths < t.orangeBelow) return 'orange';
  if (payableMonths <= t.greenUpTo) return 'green';
  if (payableMonths <= t.blueUpTo) return 'blue';
  return 'purple';
}
