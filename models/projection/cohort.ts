/**
 * Age-structured cohort-component membership of the employee pooling fund (domain.md §6.2): heads by
 * sex × age group × status (active contributor or retiree), projected one year at a time.
 *
 * One step from the end of year t − 1 to the end of year t, per sex, for groups g = 0 … G − 1 of width w
 * (the last group open-ended):
 * $$ s^A_g = A_g (1 - q_g)(1 - x_g), \quad s^R_g = R_g (1 - q_g) $$
 * $$ N_g = s_g - \tfrac{1}{w}s_g [g < G-1] + \tfrac{1}{w}s_{g-1} [g > 0] $$
 * $$ A_g \mathrel{+}= e_{g,t}, \qquad \rho_g = \min(1, \max(0, (a_g + w - R_t)/w)), \qquad A_g \to A_g(1-\rho_g),\ R_g \to R_g + \rho_g A_g $$
 * plain: (1) survival: active heads A survive the year with probability 1 − q (qx of the group) and stay
 * in the scheme with probability 1 − x (exit rate); retirees R survive with 1 − q; (2) ageing: a share
 * 1/w of each group's survivors moves up one group (all of them for single ages), the last group
 * keeps its own; (3) entries e_{g,t} join the active heads (e_{g,t} = e_{g,t−1} × (1 + entryGrowth_t));
 * (4) retirement: of the active heads of group [a_g, a_g + w), the share ρ_g aged at least the
 * retirement age R_t in force that year moves to the retirees, heads being spread evenly over the group.
 *
 * The heads at the end of year t are the members of year t (the growth-rate model's x_t). Costs by
 * age: the expenditure on actives is A_t × costPerActive_t × k^A_t with the cost index
 * k^A_t = (Σ A_{g,s,t} c_{g,s} / A_t) / (Σ A_{g,s,0} c_{g,s} / A_0), c the relative cost by age, so the
 * opening per-head costs are kept at the opening mix and ageing moves them (the same for retirees);
 * with no opening heads in a status its relative costs act as plain multipliers (base 1).
 *
 * Assumptions and limits: deaths and exits are applied to the start-of-year heads and entries join
 * at the end of the year (no death in the year of entry); within a group heads are taken as evenly
 * spread over ages, which 5-year groups break after a partial retirement, so use single ages to study
 * a gradual retirement-age rise; retirees never return to work.
 * @throws Error `membership.<field>: expected <G> age groups, got <n>` and
 *   `membership.<field>[<g>]: must be <rule>, got <x>` for a bad table (cohort-tables.ts).
 * @see H. S. Shryock, J. S. Siegel, The Methods and Materials of Demography, Academic Press 1976,
 *   ch. 23 (cohort-component projection); P. H. Leslie, "On the use of matrices in certain population
 *   mathematics", Biometrika 33 (1945).
 * @example
 * const none = () => ({ male: new Float64Array(2), female: new Float64Array(2) });
 * cohortStep({ active: { male: Float64Array.of(100, 0), female: new Float64Array(2) }, retirees: none() },
 *   { minAge: 59, ageGroupYears: 1 },
 *   { qx: none(), exitRate: none(), entries: none(), retirementAge: { male: 60, female: 60 } }).retirees.male
 * // => Float64Array [0, 100] (the 59-year-olds turn 60 and retire)
 */
import { cohortTables } from './cohort-tables.ts';
import { SEXES, type BySex, type CohortMembership } from './scenario.ts';

export interface CohortState {
  active: BySex<Float64Array>;
  retirees: BySex<Float64Array>;
}

export interface CohortLayout {
  minAge: number;
  ageGroupYears: number;
}

/** What one year's step needs beyond the heads. */
export interface CohortYearInputs {
  qx: BySex<Float64Array>;
  exitRate: BySex<Float64Array>;
  entries: BySex<Float64Array>;
  retirementAge: BySex<number>;
}

export function cohortStep(state: CohortState, layout: CohortLayout, inputs: CohortYearInputs): CohortState {
  const w = layout.ageGroupYears;
  const next: CohortState = { active: { male: new Float64Array(0), female: new Float64Array(0) }, retirees: { male: new Float64Array(0), female: new Float64Array(0) } };
  for (const sex of SEXES) {
    const q = inputs.qx[sex];
    const x = inputs.exitRate[sex];
    const active = age(state.active[sex], (g, heads) => heads * (1 - at(q, g)) * (1 - at(x, g)), w);
    const retirees = age(state.retirees[sex], (g, heads) => heads * (1 - at(q, g)), w);
    const e = inputs.entries[sex];
    const r = inputs.retirementAge[sex];
    for (let g = 0; g < active.length; g++) {
      const heads = at(active, g) + at(e, g);
      const lower = layout.minAge + g * w;
      const share = Math.min(1, Math.max(0, (lower + w - r) / w));
      active[g] = heads * (1 - share);
      retirees[g] = at(retirees, g) + heads * share;
    }
    next.active[sex] = active;
    next.retirees[sex] = retirees;
  }
  return next;
}

/** Survival then ageing: a share 1/w of each group's survivors moves up; the open last group keeps its own. */
function age(heads: Float64Array, survive: (g: number, heads: number) => number, w: number): Float64Array {
  const n = heads.length;
  const out = new Float64Array(n);
  let movedIn = 0;
  for (let g = 0; g < n; g++) {
    const s = survive(g, at(heads, g));
    const moved = g < n - 1 ? s / w : 0;
    out[g] = s - moved + movedIn;
    movedIn = moved;
  }
  return out;
}

/** Heads per projected year and the cost indices k^A, k^R (see the file comment). */
export interface CohortPaths {
  active: Float64Array;
  retirees: Float64Array;
  activeCostIndex: Float64Array;
  retireeCostIndex: Float64Array;
  /** Heads at the end of each projected year. */
  states: CohortState[];
}

/**
 * Total heads of one status over both sexes.
 * @example cohortTotal({ male: Float64Array.of(1, 2), female: Float64Array.of(3, 4) }) // => 10
 */
export function cohortTotal(heads: BySex<Float64Array>): number {
  let sum = 0;
  for (const sex of SEXES) for (const h of heads[sex]) sum += h;
  return sum;
}

/**
 * Projects the cohort membership of a scenario over its horizon.
 * @throws Error from {@link cohortTables}.
 * @example
 * projectCohort({ kind: 'cohort', ageGroupYears: 5, minAge: 20, active: { male: [100], female: [0] },
 *   retirees: { male: [0], female: [0] }, entries: { male: [0], female: [0] }, qx: { male: [0], female: [0] },
 *   retirementAge: { male: 60, female: 55 } }, 3).active
 * // => Float64Array [100, 100, 100] (one open group aged 20+, no deaths, no entries, nobody retires)
 */
export function projectCohort(m: CohortMembership, horizonYears: number): CohortPaths {
  const { layout, opening, entries: entries0, qx, exitRate, relativeCost: cost, entryGrowth, retirementAge } = cohortTables(m, horizonYears);
  const baseA = positiveOr1(meanCost(opening.active, cost));
  const baseR = positiveOr1(meanCost(opening.retirees, cost));
  const out: CohortPaths = {
    active: new Float64Array(horizonYears), retirees: new Float64Array(horizonYears),
    activeCostIndex: new Float64Array(horizonYears), retireeCostIndex: new Float64Array(horizonYears), states: [],
  };
  let state = opening;
  let entryFactor = 1;
  for (let i = 0; i < horizonYears; i++) {
    entryFactor *= 1 + (entryGrowth[i] as number);
    const entries = { male: entries0.male.map((e) => e * entryFactor), female: entries0.female.map((e) => e * entryFactor) };
    state = cohortStep(state, layout, { qx, exitRate, entries, retirementAge: { male: retirementAge.male[i] as number, female: retirementAge.female[i] as number } });
    out.states.push(state);
    out.active[i] = cohortTotal(state.active);
    out.retirees[i] = cohortTotal(state.retirees);
    out.activeCostIndex[i] = (meanCost(state.active, cost) ?? baseA) / baseA;
    out.retireeCostIndex[i] = (meanCost(state.retirees, cost) ?? baseR) / baseR;
  }
  return out;
}

/** Head-weighted mean relative cost, undefined when there are no heads. */
function meanCost(heads: BySex<Float64Array>, cost: BySex<Float64Array>): number | undefined {
  let weighted = 0;
  let total = 0;
  for (const sex of SEXES) {
    heads[sex].forEach((h, g) => {
      weighted += h * at(cost[sex], g);
      total += h;
    });
  }
  return total > 0 ? weighted / total : undefined;
}

/** The opening mean cost as the index base; 1 (plain multipliers) when there is none to calibrate to. */
function positiveOr1(mean: number | undefined): number {
  return mean !== undefined && mean > 0 ? mean : 1;
}

function at(values: Float64Array, g: number): number {
  return values[g] as number;
}
