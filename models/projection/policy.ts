/**
 * Policy factors on expenditure (domain.md §6.2: "policy factors (reimbursement rate changes,
 * outpatient pooling reform) from a given year").
 *
 * $$ f_{g,t} = \prod_{k:\ \mathrm{fromYear}_k \le t,\ g \in \mathrm{group}_k} \phi_k $$
 * plain: the factor of group g in year t is the product of the `expenditureFactor`s φ of every change
 * that has started by year t and applies to g ('all' applies to every group). A change is a
 * permanent level shift of the per-head cost: the trend growth (medical inflation × utilisation)
 * continues on top of it. Dimensionless.
 *
 * @throws Error `policy[<i>].expenditureFactor: must be a positive number, got <x>`
 * @throws Error `policy[<i>].fromYear: must be a whole year, got <x>`
 * @throws Error `policy[<i>].appliesTo: the resident scheme has one group; use 'all'`
 * @see domain.md §6.2; the reimbursement-ratio example: a rise from 70 % to 75 % multiplies the fund's
 *   share of the same bills by 75/70.
 * @example Array.from(policyFactorPath([{ fromYear: 2028, expenditureFactor: 1.1 }], 2026, 4, 'active')) // => [1, 1, 1.1, 1.1]
 */
import type { PolicyFactor } from './scenario.ts';

/** The group a per-head cost belongs to; the resident scheme has the single group 'all'. */
export type PolicyGroup = 'active' | 'retirees' | 'all';

export function policyFactorPath(
  policy: readonly PolicyFactor[] | undefined,
  startYear: number,
  horizonYears: number,
  group: PolicyGroup,
): Float64Array {
  const out = new Float64Array(horizonYears).fill(1);
  (policy ?? []).forEach((p, i) => {
    if (!Number.isFinite(p.expenditureFactor) || p.expenditureFactor <= 0) {
      throw new Error(`policy[${i}].expenditureFactor: must be a positive number, got ${p.expenditureFactor}`);
    }
    if (!Number.isInteger(p.fromYear)) throw new Error(`policy[${i}].fromYear: must be a whole year, got ${p.fromYear}`);
    const appliesTo = p.appliesTo ?? 'all';
    if (group === 'all' && appliesTo !== 'all') throw new Error(`policy[${i}].appliesTo: the resident scheme has one group; use 'all'`);
    if (appliesTo !== 'all' && appliesTo !== group) return;
    for (let k = Math.max(0, p.fromYear - startYear); k < horizonYears; k++) out[k] = (out[k] as number) * p.expenditureFactor;
  });
  return out;
}
