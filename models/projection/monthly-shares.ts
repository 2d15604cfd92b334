/**
 * Cumulative monthly shares of a year's income or expenditure, from the scenario's
 * `monthlyProfile` (scenario.ts; a missing profile is flat, 1/12 a month):
 *
 * $$ C_0 = 0,\qquad C_m = \sum_{k \le m} s_k\ (m = 1 … 11),\qquad C_{12} = 1 $$
 * plain: the share of the year's amount paid by the end of month m. The deterministic monthly rows
 * (monthly.ts) and the Monte Carlo ledger (models/stochastic) both use it, so they place each
 * month's balance alike; C₁₂ is set to exactly 1
 * so that December is the yearly model's balance to the bit.
 *
 * @throws Error `monthlyProfile.<name>: expected 12 monthly shares, got <n>`
 * @throws Error `monthlyProfile.<name>[<m>]: must be a non-negative number, got <x>`
 * @throws Error `monthlyProfile.<name>: shares must sum to 1, got <s>` (tolerance 1e-9: decimal shares such as 0.1 do not add to 1 exactly in binary)
 * @see domain.md §6.2 ("monthly steps allowed, with the seasonal profile"); models/projection/monthly.ts.
 * @example cumulativeMonthlyShares([0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 'income')[1] // => 0.5
 */

/** Sums within this of 1 are accepted as 1 (twelve decimal shares rounded to binary). */
const PROFILE_SUM_TOLERANCE = 1e-9;

export function cumulativeMonthlyShares(shares: readonly number[] | undefined, name: 'income' | 'expenditure'): Float64Array {
  const s = shares ?? new Array<number>(12).fill(1 / 12);
  if (!Array.isArray(s) || s.length !== 12) {
    throw new Error(`monthlyProfile.${name}: expected 12 monthly shares, got ${Array.isArray(s) ? s.length : typeof s}`);
  }
  const out = new Float64Array(13);
  s.forEach((v, i) => {
    if (!Number.isFinite(v) || v < 0) throw new Error(`monthlyProfile.${name}[${i}]: must be a non-negative number, got ${v}`);
    out[i + 1] = (out[i] as number) + v;
  });
  if (Math.abs((out[12] as number) - 1) > PROFILE_SUM_TOLERANCE) throw new Error(`monthlyProfile.${name}: shares must sum to 1, got ${out[12]}`);
  out[12] = 1;
  return out;
}
