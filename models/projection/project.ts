/**
 * The deterministic projection of a scenario, either scheme (domain.md §6.2, interfaces.md `project`):
 * yearly flows, payable months and tier per year (payable-months.ts), the first current-deficit and
 * exhaustion years (flows.ts), the reserve and deficit waterfall (financing.ts), and monthly rows when
 * the scenario has a monthly profile (monthly.ts). Money is yuan in unrounded doubles: round at output.
 * @throws Error from {@link employeeFlows} / {@link residentFlows}, {@link deficitFinancing}, {@link monthlyRows}.
 * @see domain.md §4, §6.2; interfaces.md `project`.
 * @example projectScenario(interfacesExample).years[0].tier // the example scenario of interfaces.md
 * // => 'orange' (2026: 5.553258285623184 months)
 */
import { DEFAULT_WARNING_PARAMS, type TierThresholds } from '../warning/params.ts';
import type { Tier } from '../warning/tier.ts';
import { employeeFlows, type EmployeeDrivers } from './employee.ts';
import { deficitFinancing, type DeficitFinancing } from './financing.ts';
import { headlineYears, type YearlyFlows } from './flows.ts';
import { monthlyRows, type MonthlyRow } from './monthly.ts';
import { projectionMonthsAndTier } from './payable-months.ts';
import { residentFlows, type ResidentDrivers } from './resident.ts';
import { assumptionPath, type EmployeeScenario, type ResidentScenario, type Scenario } from './scenario.ts';

export interface ProjectionOptions {
  /** Tier cut points, months; default the national ones (3 / 6 / 9 / 15). */
  thresholds?: TierThresholds;
}

export interface ProjectionYearBase {
  year: number;
  incomeYuan: number;
  interestYuan: number;
  expenditureYuan: number;
  /** End-of-year balance, yuan. */
  balanceYuan: number;
  /** income + interest − expenditure, yuan (当期结余, interest included). */
  currentSurplusYuan: number;
  /** balance / (expenditure / 12); null when the year's expenditure is ≤ 0. */
  payableMonths: number | null;
  tier: Tier;
}

export type EmployeeProjectionYear = ProjectionYearBase & { [K in keyof EmployeeDrivers]: number };
export type ResidentProjectionYear = ProjectionYearBase & { [K in keyof ResidentDrivers]: number };

interface ProjectionCommon<Y> {
  name: string;
  startYear: number;
  horizonYears: number;
  years: Y[];
  firstDeficitYear: number | null;
  exhaustionYear: number | null;
  financing: DeficitFinancing;
  /** Present when the scenario has a monthly profile. */
  months?: MonthlyRow[];
}

export type EmployeeProjection = ProjectionCommon<EmployeeProjectionYear> & { scheme: 'employee' };
export type ResidentProjection = ProjectionCommon<ResidentProjectionYear> & { scheme: 'resident' };
export type ProjectionResult = EmployeeProjection | ResidentProjection;

export function projectScenario(scenario: EmployeeScenario, options?: ProjectionOptions): EmployeeProjection;
export function projectScenario(scenario: ResidentScenario, options?: ProjectionOptions): ResidentProjection;
export function projectScenario(scenario: Scenario, options?: ProjectionOptions): ProjectionResult;
export function projectScenario(scenario: Scenario, options: ProjectionOptions = {}): ProjectionResult {
  const thresholds = options.thresholds ?? DEFAULT_WARNING_PARAMS.thresholds;
  if (scenario.scheme === 'employee') {
    const flows = employeeFlows(scenario);
    return { scheme: 'employee', ...common(scenario, flows, thresholds), years: yearRows(scenario.startYear, flows, thresholds) };
  }
  const flows = residentFlows(scenario);
  return { scheme: 'resident', ...common(scenario, flows, thresholds), years: yearRows(scenario.startYear, flows, thresholds) };
}

function common(s: Scenario, flows: YearlyFlows & { openingExpenditureYuan: number }, thresholds: TierThresholds): Omit<ProjectionCommon<never>, 'years'> {
  const opening = s.opening.balanceYuan;
  const cap = s.fiscalSubsidyCapYuan;
  return {
    name: s.name,
    startYear: s.startYear,
    horizonYears: s.horizonYears,
    ...headlineYears(s.startYear, flows),
    financing: deficitFinancing(s.startYear, opening, flows, {
      reserveRate: s.reserveRate,
      openingReserveYuan: s.openingReserveYuan,
      fiscalCapYuan: cap === undefined ? undefined : assumptionPath(cap, s.horizonYears, 'fiscalSubsidyCapYuan'),
    }),
    ...(s.monthlyProfile ? { months: monthlyRows(s.startYear, opening, flows, flows.openingExpenditureYuan, s.monthlyProfile, thresholds) } : {}),
  };
}

/** One row per year: the flows, months and tier, and every driver of the scheme. */
function yearRows<D extends object>(startYear: number, f: YearlyFlows & { drivers: D }, thresholds: TierThresholds): (ProjectionYearBase & { [K in keyof D]: number })[] {
  const keys = Object.keys(f.drivers) as (keyof D & string)[];
  return Array.from(f.balance, (_, t) => {
    const extra = {} as { [K in keyof D]: number };
    for (const key of keys) extra[key] = (f.drivers[key] as Float64Array)[t] as number;
    return { ...yearRow(startYear + t, f, t, thresholds), ...extra };
  });
}

function yearRow(year: number, f: YearlyFlows, t: number, thresholds: TierThresholds): ProjectionYearBase {
  const incomeYuan = f.income[t] as number;
  const interestYuan = f.interest[t] as number;
  const expenditureYuan = f.expenditure[t] as number;
  const balanceYuan = f.balance[t] as number;
  return {
    year, incomeYuan, interestYuan, expenditureYuan, balanceYuan,
    currentSurplusYuan: incomeYuan + interestYuan - expenditureYuan,
    ...projectionMonthsAndTier(balanceYuan, expenditureYuan, thresholds),
  };
}
