/**
 * Yearly cash flows of every Monte Carlo path: the deterministic projection's drivers
 * (models/projection employeeFlows / residentFlows: heads, wage, per-head costs with policy factors
 * and cohort cost indices) scaled by each path's cumulative shock factors.
 *
 * $$ F_t = F_{t-1}\,\frac{1 + g_t + d_t}{1 + g_t},\quad F_0 = 1,\qquad x_t^{(p)} = \bar x_t\, F_t^{(p)} $$
 * plain: a shocked level = the deterministic level × the product over years of
 * (1 + mean growth + deviation) / (1 + mean growth), which is the convention's x_t = x_{t−1}(1 + g_t)
 * with g_t + d_t in place of g_t. Per-head costs use (1 + π_t + d^π_t)(1 + u_t + d^u_t) / ((1 + π_t)(1 + u_t)).
 * Mean growth g_t: the wage's, medical inflation and utilisation are the scenario's assumptions; for
 * heads it is the deterministic path's own growth x̄_t / x̄_{t−1} − 1 (the assumption itself with growth
 * rates, the cohort model's with `membership.kind = 'cohort'`; 0 when x̄_{t−1} or x̄_t is 0).
 * Then, with the path's heads A, R (or N), wage w and per-head costs c (yuan), as interfaces.md:
 * employee $I_t = A_t w_t \cdot 12 \cdot p_t k_t + S_t$, $E_t = A_t c^A_t + R_t c^R_t$;
 * resident $I_t = N_t (P_t + G_t) k_t$, $E_t = N_t c_t$ (premium P and subsidy G per head are not shocked).
 * With every deviation 0, (1 + g + 0)/(1 + g) is exactly 1, so each path reproduces the deterministic
 * projection's flows to the last bit (same products, same order). Interest and the balance are the
 * ledger's (ledger.ts).
 *
 * @throws Error from checkScenario via employeeFlows / residentFlows (e.g. `assumptions.wageGrowth[3]: must be greater than -1`).
 * @see interfaces.md `project` (timing convention); domain.md §6.2–6.3; models/projection/employee.ts, resident.ts.
 * @example
 * const flows = scenarioCashflows(interfacesExample, 1); // the employee scenario of interfaces.md
 * flows.advance(0, [zero, zero, zero, zero, zero], income, expenditure);
 * income[0] // => 4399920000 (1e6 × 6300 × 12 × 0.06 × 0.97)
 */
import { employeeFlows } from '../projection/employee.ts';
import { residentFlows } from '../projection/resident.ts';
import { assumptionPaths, type EmployeeScenario, type ResidentScenario, type Scenario } from '../projection/scenario.ts';

export interface CashflowModel {
  /** Interest rate on the opening balance, per projected year, decimal. */
  interestRate: Float64Array;
  /**
   * Moves every path into projected year t (0-based) and writes its income (yuan, without
   * interest) and expenditure (yuan); `deviations` are per scheme driver (SCHEME_SHOCK_DRIVERS order).
   */
  advance(t: number, deviations: readonly Float64Array[], income: Float64Array, expenditure: Float64Array): void;
}

const at = (xs: Float64Array, t: number) => xs[t] as number;

/** Mean growth of a deterministic level path per year: x̄_t / x̄_{t−1} − 1, with x̄_{−1} the opening value. */
function impliedGrowth(opening: number, levels: Float64Array): Float64Array {
  return levels.map((x, t) => {
    const previous = t === 0 ? opening : at(levels, t - 1);
    return previous > 0 && x > 0 ? x / previous - 1 : 0;
  });
}

function employeeCashflows(s: EmployeeScenario, paths: number): CashflowModel {
  const det = employeeFlows(s).drivers; // checks the scenario first
  const a = assumptionPaths(s);
  const gA = impliedGrowth(s.opening.activeMembers, det.activeMembers);
  const gR = impliedGrowth(s.opening.retirees, det.retirees);
  const fA = new Float64Array(paths).fill(1);
  const fR = new Float64Array(paths).fill(1);
  const fW = new Float64Array(paths).fill(1);
  const fC = new Float64Array(paths).fill(1);
  return {
    interestRate: a.interestRate,
    advance(t, deviations, income, expenditure) {
      const [dW, dM, dU, dA, dR] = deviations as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
      const ga = at(gA, t), gr = at(gR, t), gw = at(a.wageGrowth, t), gm = at(a.medicalInflation, t), gu = at(a.utilisationGrowth, t);
      const costMean = (1 + gm) * (1 + gu);
      const active = at(det.activeMembers, t), retirees = at(det.retirees, t), wage = at(det.avgMonthlyWageYuan, t);
      const costA = at(det.costPerActiveYuan, t), costR = at(det.costPerRetireeYuan, t);
      const pooling = at(a.poolingRate, t), collection = at(a.collectionRate, t), subsidy = at(a.subsidyYuan, t);
      for (let p = 0; p < paths; p++) {
        const fa = (fA[p] as number) * ((1 + (ga + (dA[p] as number))) / (1 + ga));
        const fr = (fR[p] as number) * ((1 + (gr + (dR[p] as number))) / (1 + gr));
        const fw = (fW[p] as number) * ((1 + (gw + (dW[p] as number))) / (1 + gw));
        const fc = (fC[p] as number) * (((1 + (gm + (dM[p] as number))) * (1 + (gu + (dU[p] as number)))) / costMean);
        fA[p] = fa; fR[p] = fr; fW[p] = fw; fC[p] = fc;
        const act = active * fa;
        income[p] = act * (wage * fw) * 12 * pooling * collection + subsidy;
        expenditure[p] = act * (costA * fc) + (retirees * fr) * (costR * fc);
      }
    },
  };
}

function residentCashflows(s: ResidentScenario, paths: number): CashflowModel {
  const det = residentFlows(s).drivers; // checks the scenario first
  const a = assumptionPaths(s);
  const gN = impliedGrowth(s.opening.insured, det.insured);
  const fN = new Float64Array(paths).fill(1);
  const fC = new Float64Array(paths).fill(1);
  return {
    interestRate: a.interestRate,
    advance(t, deviations, income, expenditure) {
      const [dM, dU, dN] = deviations as [Float64Array, Float64Array, Float64Array];
      const gn = at(gN, t), gm = at(a.medicalInflation, t), gu = at(a.utilisationGrowth, t);
      const costMean = (1 + gm) * (1 + gu);
      const insured = at(det.insured, t), cost = at(det.costPerHeadYuan, t);
      const perHead = at(det.premiumYuan, t) + at(det.subsidyPerHeadYuan, t);
      const collection = at(a.collectionRate, t);
      for (let p = 0; p < paths; p++) {
        const fn = (fN[p] as number) * ((1 + (gn + (dN[p] as number))) / (1 + gn));
        const fc = (fC[p] as number) * (((1 + (gm + (dM[p] as number))) * (1 + (gu + (dU[p] as number)))) / costMean);
        fN[p] = fn; fC[p] = fc;
        const n = insured * fn;
        income[p] = n * perHead * collection;
        expenditure[p] = n * (cost * fc);
      }
    },
  };
}

/** The cash-flow model of a scenario's scheme for `paths` paths (runs and checks the deterministic projection once). */
export function scenarioCashflows(scenario: Scenario, paths: number): CashflowModel {
  return scenario.scheme === 'employee' ? employeeCashflows(scenario, paths) : residentCashflows(scenario, paths);
}
