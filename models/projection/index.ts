/**
 * The public face of models/projection (domain.md §4, §6.2, §6.4): scenarios, the deterministic
 * projection of both schemes, the reserve and deficit waterfall, monthly rows, the cohort-component
 * membership model, the solvency solver, sensitivity (tornado) and cost presets.
 */
export * from './scenario.ts';
export * from './limits.ts';
export { checkScenario, checkAssumption } from './check.ts';
export { projectScenario, type ProjectionResult, type EmployeeProjection, type ResidentProjection, type EmployeeProjectionYear, type ResidentProjectionYear, type ProjectionYearBase, type ProjectionOptions } from './project.ts';
export { employeeFlows, type EmployeeDrivers, type EmployeeFlows } from './employee.ts';
export { residentFlows, type ResidentDrivers, type ResidentFlows } from './resident.ts';
export { headlineYears, newFlows, type HeadlineYears, type YearlyFlows } from './flows.ts';
export { projectionMonthsAndTier, tierOfProjectedMonths, type ProjectedMonths } from './payable-months.ts';
export { policyFactorPath, type PolicyGroup } from './policy.ts';
export { deficitFinancing, DEFAULT_RESERVE_RATE, type DeficitFinancing, type FinancingSettings, type FinancingYear } from './financing.ts';
export { monthlyRows, type MonthlyRow } from './monthly.ts';
export { cohortStep, cohortTotal, projectCohort, type CohortLayout, type CohortPaths, type CohortState, type CohortYearInputs } from './cohort.ts';
export { cohortTables, type CohortTables } from './cohort-tables.ts';
export { DEFAULT_MAKEHAM, defaultGroupQx, makehamQx, type MakehamParameters } from './mortality.ts';
export { CHINA_2025_RETIREMENT_AGE_RISE, retirementAgeSchedule, type RetirementAgeRise } from './retirement-age.ts';
export { DEFAULT_TARGET_MONTHS, solveForTarget, type SolveOptions, type SolveResult } from './solver.ts';
export {
  DEFAULT_SENSITIVITY_DELTAS, defaultRange, tornado,
  type SensitivityDelta, type SensitivityRange, type Tornado, type TornadoBar, type TornadoOptions, type TornadoOutcome,
} from './sensitivity.ts';
export { HIGH_COST_DELTAS, costPresets, type PresetName } from './presets.ts';
