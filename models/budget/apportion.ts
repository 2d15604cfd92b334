/**
 * Exact largest-remainder apportionment (Hamilton's method) of an integer number of fen.
 *
 * $$ q_i = \lfloor T w_i / S \rfloor + [i \in \text{top}_k(r)], \quad r_i = T w_i \bmod S, \quad k = T - \sum_i \lfloor T w_i / S \rfloor $$
 * plain: each part gets the floor of its exact share T·w_i/S; the k fen left over go one each to the
 * k largest remainders r_i (equal remainders: the earlier index first), so Σ q_i = T exactly.
 * - T: the amount to split, integer fen ≥ 0; w_i: integer weights ≥ 0 (BigInt); S = Σ w_i > 0.
 *
 * Exactness: every floor and every compared remainder is exact; doubles only pre-sort, with a
 * proven margin, so that 100,000 parts do not cost 400,000 BigInt divisions and a BigInt sort:
 * - the share a_i = T · (w_i / S) in doubles is four correctly rounded operations from the exact
 *   share T·w_i/S ≤ T, so it is off by at most δ = 5e-16 · T (4·2^-53 < 4.5e-16 relative). When its
 *   fractional part lies in (δ, 1 − δ) and δ < 0.25, ⌊a_i⌋ is the exact floor and the fraction is
 *   within δ of the exact r_i / S. Otherwise (near an integer, or T so large that δ ≥ 0.25) the floor
 *   and remainder are computed in BigInt, and r_i / S in doubles is within 5e-16 of the exact ratio.
 *   So every key u_i ∈ [0, 1) is within δ' = max(δ, 5e-16) of r_i / S;
 * - let τ be the k-th largest key (a native Float64Array sort). The k-th largest exact ratio t* lies
 *   within δ' of τ (perturbing every value by ≤ δ' moves each order statistic by ≤ δ');
 * - u_i > τ + ε (ε = max(1e-12, 4δ') > 2δ') gives r_i/S > t*: strictly above the k-th largest, so in
 *   the top k; u_i < τ − ε gives r_i/S < t*: out. The rest, near τ, get their exact remainder and are
 *   sorted by (remainder descending, index ascending) to fill the places left.
 * With T = 5·10^12 fen (500 亿元) δ = 0.0025 fen, so a few percent of the parts need BigInt.
 * A part with w_i = 0 has r_i = 0 and never gets a leftover fen: Σ r_i / S = k with every
 * r_i / S < 1, so at least k parts have a positive remainder.
 *
 * @see Balinski, M. L. & Young, H. P. (2001). Fair Representation: Meeting the Ideal of One Man,
 *   One Vote (2nd ed.). Brookings Institution Press, ch. 2 (Hamilton's method).
 */
import { toFen } from './exact.ts';

/** Relative error bound of a share computed in doubles (four roundings of 2^-53: < 4.5e-16). */
const SHARE_ERROR = 5e-16;
/** Smallest margin of the double pre-selection. */
const MIN_MARGIN = 1e-12;
/** Above this error bound (fen) the double floor is never trusted. */
const MAX_FAST_ERROR = 0.25;

/**
 * Splits `totalFen` into integer parts proportional to `weights`, summing to it exactly.
 * @param totalFen T, a safe integer ≥ 0
 * @param weights w_i ≥ 0 (BigInt), not all 0 unless T = 0
 * @returns the parts q_i, integer fen, Σ q_i = T
 * @throws Error `cannot apportion <T> fen: every weight is 0` when S = 0 < T.
 * @throws Error `weights must be ≥ 0, got <w> at index <i>`.
 * @example apportion(100, [1n, 1n, 1n]) // => [34, 33, 33]
 */
export function apportion(totalFen: number, weights: readonly bigint[]): number[] {
  const n = weights.length;
  let sum = 0n;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as bigint;
    if (w < 0n) throw new Error(`weights must be ≥ 0, got ${w} at index ${i}`);
    sum += w;
  }
  const parts = new Array<number>(n).fill(0);
  if (totalFen === 0) return parts;
  if (sum === 0n) throw new Error(`cannot apportion ${totalFen} fen: every weight is 0`);
  const t = BigInt(totalFen);
  const s = Number(sum);
  const delta = SHARE_ERROR * totalFen;
  const fast = delta < MAX_FAST_ERROR && Number.isFinite(s);
  const keys = new Float64Array(n);
  const exactRemainder = (i: number) => t * (weights[i] as bigint) - BigInt(parts[i] as number) * sum;
  let floors = 0;
  for (let i = 0; i < n; i++) {
    const share = totalFen * (Number(weights[i] as bigint) / s);
    const floor = Math.floor(share);
    const fraction = share - floor; // exact: subtracting a double's integer part rounds nothing
    if (fast && fraction > delta && fraction < 1 - delta) {
      parts[i] = floor;
      keys[i] = fraction;
    } else {
      const x = t * (weights[i] as bigint);
      const q = x / sum;
      parts[i] = toFen(q);
      keys[i] = Number(x - q * sum) / s;
    }
    floors += parts[i] as number;
  }
  const leftover = totalFen - floors;
  if (leftover === 0) return parts;
  const tau = Float64Array.from(keys).sort()[n - leftover] as number;
  // Non-finite keys (weights beyond 1e308) make every part a candidate: the exact sort decides.
  const margin = Number.isFinite(tau) ? Math.max(MIN_MARGIN, 4 * Math.max(delta, SHARE_ERROR)) : Infinity;
  const chosen: number[] = [];
  const candidates: { i: number; r: bigint }[] = [];
  for (let i = 0; i < n; i++) {
    const u = keys[i] as number;
    if (u > tau + margin) chosen.push(i);
    else if (!(u < tau - margin)) candidates.push({ i, r: exactRemainder(i) });
  }
  candidates.sort((a, b) => (a.r > b.r ? -1 : a.r < b.r ? 1 : a.i - b.i));
  for (let j = 0; chosen.length < leftover; j++) chosen.push((candidates[j] as { i: number }).i);
  for (const i of chosen) parts[i] = (parts[i] as number) + 1;
  return parts;
}
