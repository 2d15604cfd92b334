/**
 * The contribution that keeps a fund solvent (domain.md §6.2): the lowest pooling rate (employee) or
 * government subsidy per head (resident) for which payable months stay ≥ a target in every projected
 * year, found by bisection. The answer is the value to write into the scenario: `assumptions.poolingRate`
 * or `opening.subsidyPerHeadYuan`.
 *
 * $$ x^* = \min\{x \in [x_{lo}, x_{hi}] : m_t(x) \ge m^* \ \forall t\} $$
 * plain: x* is the smallest value of the lever x with payable months m_t(x) = B_t / (E_t / 12) at or
 * above the target m* (default 6, the bottom of the green band) in every year. Employee: x is a
 * pooling rate p applied to every projected year (a decimal of wages). Resident: x is the opening
 * subsidy per head (yuan, year startYear − 1) on which the scenario's yearly changes build
 * (subsidy_t = x + Σ_{k≤t} ΔG_k), i.e. the whole subsidy path moved up or down together.
 *
 * Why bisection works: raising x raises income in every year and leaves expenditure unchanged, and
 * B_t = B_{t−1}(1 + r_t) + I_t − E_t grows with B_{t−1} because r_t > −1, so every m_t rises with x and
 * the feasible set is an interval [x*, x_hi]. The bracket [lo, hi] keeps lo infeasible and hi feasible;
 * it halves until hi − lo ≤ tolerance, so the answer `value` = hi is feasible and within `precision`
 * = hi − lo of x*. A year with expenditure ≤ 0 counts as met when its balance is positive.
 * Defaults: employee bounds [0, 0.5] (no pooling rate is half of wages), tolerance 1e-7 (0.00001
 * percentage points); resident bounds [0, 10 × the highest cost per head over the horizon ÷ the lowest
 * collection rate] yuan, tolerance 0.01 yuan (a fen).
 * @throws Error `solver: targetMonths must be a finite number, got <x>` /
 *   `solver: need lower < upper, got [<lo>, <hi>]` / `solver: tolerance must be positive, got <t>`, and
 *   scenario errors from {@link checkScenario}.
 * @see domain.md §6.2 ("the contribution rate (or subsidy) that keeps payable months ≥ a target
 *   through the horizon (found by bisection)"); R. L. Burden, J. D. Faires, Numerical Analysis, 9th ed., §2.1.
 * @example solveForTarget(interfacesExample).value // the example scenario of interfaces.md
 * // => 0.0687187910079956 (status 'solved', 23 iterations, precision 5.96e-8, binding year 2035)
 */
import { employeeFlows } from './employee.ts';
import { residentFlows } from './resident.ts';
import type { YearlyFlows } from './flows.ts';
import { assumptionPath, type EmployeeScenario, type ResidentScenario, type Scenario } from './scenario.ts';

export interface SolveOptions {
  /** Payable months to keep in every year (default 6). */
  targetMonths?: number;
  lower?: number;
  upper?: number;
  /** Bisection stops when the bracket is at most this wide (default 1e-7 for a rate, 0.01 yuan for a subsidy). */
  tolerance?: number;
}

export interface SolveResult {
  lever: 'poolingRate' | 'subsidyPerHeadYuan';
  targetMonths: number;
  /** solved: x* inside the bounds; lower-bound-suffices: the lower bound already meets the target; unattainable: not even the upper bound does. */
  status: 'solved' | 'lower-bound-suffices' | 'unattainable';
  /** The feasible value found (the bracket's upper end), null when unattainable. */
  value: number | null;
  /** [infeasible, feasible] at the end; the bounds searched when there was nothing to bisect. */
  bracket: [number, number];
  iterations: number;
  /** Width of the final bracket: |value − x*| ≤ precision. */
  precision: number;
  /** Lowest payable months over the horizon at `value` (at the upper bound when unattainable), and its year. */
  minPayableMonths: number | null;
  bindingYear: number;
}

export const DEFAULT_TARGET_MONTHS = 6;
const EMPLOYEE_UPPER = 0.5;
const EMPLOYEE_TOLERANCE = 1e-7;
const RESIDENT_UPPER_FACTOR = 10;
const RESIDENT_TOLERANCE = 0.01;

export function solveForTarget(scenario: Scenario, options: SolveOptions = {}): SolveResult {
  const target = options.targetMonths ?? DEFAULT_TARGET_MONTHS;
  if (!Number.isFinite(target)) throw new Error(`solver: targetMonths must be a finite number, got ${target}`);
  const lever = scenario.scheme === 'employee' ? 'poolingRate' : 'subsidyPerHeadYuan';
  const flowsAt = scenario.scheme === 'employee' ? employeeAt(scenario) : residentAt(scenario);
  const lower = options.lower ?? 0;
  const upper = options.upper ?? (scenario.scheme === 'employee' ? EMPLOYEE_UPPER : residentUpper(scenario));
  const tolerance = options.tolerance ?? (scenario.scheme === 'employee' ? EMPLOYEE_TOLERANCE : RESIDENT_TOLERANCE);
  if (!(lower < upper)) throw new Error(`solver: need lower < upper, got [${lower}, ${upper}]`);
  if (!(tolerance > 0)) throw new Error(`solver: tolerance must be positive, got ${tolerance}`);
  const base = { lever, targetMonths: target, bracket: [lower, upper] as [number, number], precision: 0 } as const;
  const atLower = worstYear(flowsAt(lower), target);
  if (atLower.ok) return { ...base, status: 'lower-bound-suffices', value: lower, iterations: 0, ...binding(atLower, scenario) };
  const atUpper = worstYear(flowsAt(upper), target);
  if (!atUpper.ok) return { ...base, status: 'unattainable', value: null, iterations: 0, precision: upper - lower, ...binding(atUpper, scenario) };
  let lo = lower;
  let hi = upper;
  let best = atUpper;
  let iterations = 0;
  while (hi - lo > tolerance) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break; // the bracket is down to adjacent doubles
    iterations++;
    const check = worstYear(flowsAt(mid), target);
    if (check.ok) {
      hi = mid;
      best = check;
    } else {
      lo = mid;
    }
  }
  return { ...base, status: 'solved', value: hi, bracket: [lo, hi], iterations, precision: hi - lo, ...binding(best, scenario) };
}

function employeeAt(s: EmployeeScenario): (x: number) => YearlyFlows {
  return (x) => employeeFlows({ ...s, assumptions: { ...s.assumptions, poolingRate: x } });
}

function residentAt(s: ResidentScenario): (x: number) => YearlyFlows {
  return (x) => residentFlows({ ...s, opening: { ...s.opening, subsidyPerHeadYuan: x } });
}

function residentUpper(s: ResidentScenario): number {
  const flows = residentFlows(s);
  const collection = assumptionPath(s.assumptions.collectionRate, s.horizonYears, 'collectionRate');
  // at least 1 yuan, so a fund without costs still has a bracket to search
  return Math.max(1, (RESIDENT_UPPER_FACTOR * Math.max(...flows.drivers.costPerHeadYuan)) / Math.min(...collection));
}

interface Worst {
  ok: boolean;
  months: number | null;
  index: number;
}

/** Whether every year meets the target, and the year with the fewest payable months. */
function worstYear(f: YearlyFlows, target: number): Worst {
  let ok = true;
  let index = 0;
  let worstValue = Infinity;
  let worstMonths: number | null = null;
  for (let t = 0; t < f.balance.length; t++) {
    const e = f.expenditure[t] as number;
    const b = f.balance[t] as number;
    const months = e > 0 ? b / (e / 12) : null;
    if (months === null ? !(b > 0) : !(months >= target)) ok = false;
    const value = months ?? (b > 0 ? Infinity : -Infinity);
    if (value < worstValue || t === 0) {
      worstValue = value;
      worstMonths = months;
      index = t;
    }
  }
  return { ok, months: worstMonths, index };
}

function binding(w: Worst, s: Scenario): { minPayableMonths: number | null; bindingYear: number } {
  return { minPayableMonths: w.months, bindingYear: s.startYear + w.index };
}
