/**
 * A projection scenario (domain.md §6.2, interfaces.md `project`): the opening position of one
 * pooling fund in the year before `startYear` and the assumptions for each projected year.
 * Every assumption is a number (constant over the horizon) or one value per projected year.
 * Rates are decimals (0.05 = 5 %), money is yuan, members are heads.
 */

/** A constant, or one value per projected year (length = horizonYears). */
export type Assumption = number | readonly number[];

export interface EmployeeOpening {
  balanceYuan: number;
  activeMembers: number;
  retirees: number;
  avgMonthlyWageYuan: number;
  costPerActiveYuan: number;
  costPerRetireeYuan: number;
}

export interface EmployeeAssumptions {
  wageGrowth: Assumption;
  poolingRate: Assumption;
  collectionRate: Assumption;
  activeGrowth: Assumption;
  retireeGrowth: Assumption;
  medicalInflation: Assumption;
  utilisationGrowth: Assumption;
  interestRate: Assumption;
  /** Fiscal subsidy to the employee pooling fund, yuan per year. */
  subsidyYuan: Assumption;
}

export interface ResidentOpening {
  balanceYuan: number;
  insured: number;
  /** Individual premium, yuan per head per year. */
  premiumYuan: number;
  /** Government subsidy, yuan per head per year. */
  subsidyPerHeadYuan: number;
  /** Expenditure, yuan per head per year. */
  costPerHeadYuan: number;
}

export interface ResidentAssumptions {
  insuredGrowth: Assumption;
  /** Yearly increase of the individual premium, yuan per head. */
  premiumGrowthYuan: Assumption;
  /** Yearly increase of the per-head subsidy, yuan per head. */
  subsidyGrowthYuan: Assumption;
  medicalInflation: Assumption;
  utilisationGrowth: Assumption;
  collectionRate: Assumption;
  interestRate: Assumption;
}

/**
 * A policy change from a given year on (domain.md §6.2: reimbursement rate changes, outpatient
 * pooling reform): from `fromYear` the per-head cost of the group it applies to is multiplied by
 * `expenditureFactor` (e.g. 75/70 when the reimbursement rate rises from 70 % to 75 %). The factor is
 * a level shift on top of the trend growth; several changes in force multiply.
 */
export interface PolicyFactor {
  fromYear: number;
  /** Multiplier of the per-head cost, > 0 (dimensionless). */
  expenditureFactor: number;
  /** Employee scheme: 'active', 'retirees' or 'all' (default); the resident scheme only has 'all'. */
  appliesTo?: 'all' | 'active' | 'retirees';
  label?: string;
}

/**
 * Monthly shares of each year's income and expenditure (12 values ≥ 0 summing to 1, January first);
 * a missing profile is flat (1/12 each). Giving one asks for monthly rows.
 */
export interface MonthlyProfile {
  income?: readonly number[];
  expenditure?: readonly number[];
}

interface ScenarioCommon {
  name: string;
  startYear: number;
  horizonYears: number;
  /** Policy factors on expenditure from a given year (domain.md §6.2). */
  policy?: readonly PolicyFactor[];
  /** Share of each year's income set aside as the risk-adjustment reserve (调控金), default 0.09 (domain.md §4.1). */
  reserveRate?: number;
  /** Reserve held within the opening balance, yuan; default 0. */
  openingReserveYuan?: number;
  /** Most the same-level government pays towards a year's shortfall, yuan per year (domain.md §4.2); absent = no cap. */
  fiscalSubsidyCapYuan?: Assumption;
  /** Seasonal profile for monthly rows. */
  monthlyProfile?: MonthlyProfile;
}

export type Sex = 'male' | 'female';
export const SEXES: readonly Sex[] = ['male', 'female'];

/** One value (or one array) per sex. */
export interface BySex<T> {
  male: T;
  female: T;
}

/**
 * Age-structured cohort-component membership of the employee scheme (cohort.ts), the alternative to
 * `activeGrowth`/`retireeGrowth` (which are then not used). Age groups are `ageGroupYears` wide
 * starting at `minAge`; the last group is open-ended. Every per-group array has one value per group.
 */
export interface CohortMembership {
  kind: 'cohort';
  /** Width of an age group, years: 1 (single ages) or 5. */
  ageGroupYears: 1 | 5;
  /** Youngest age of the first group, years. */
  minAge: number;
  /** Active (contributing) members at the end of startYear − 1, heads per group. */
  active: BySex<readonly number[]>;
  /** Retirees at the end of startYear − 1, heads per group. */
  retirees: BySex<readonly number[]>;
  /** New active members in year startYear − 1, heads per group; later years grow by `entryGrowth`. */
  entries: BySex<readonly number[]>;
  /** Yearly growth rate of the entries, default 0. */
  entryGrowth?: Assumption;
  /** Probability of dying within a year (qx) per group; default Gompertz–Makeham (mortality.ts). */
  qx?: BySex<readonly number[]>;
  /** Probability an active member leaves the scheme within a year for reasons other than death or retirement, default 0. */
  exitRate?: BySex<readonly number[]>;
  /** Retirement age in force in each projected year, years (fractions allowed, e.g. 60.25). */
  retirementAge: BySex<Assumption>;
  /** Cost per head of each group relative to the others (dimensionless, ≥ 0); default 1 everywhere. */
  relativeCost?: BySex<readonly number[]>;
}

export interface EmployeeScenario extends ScenarioCommon {
  scheme: 'employee';
  opening: EmployeeOpening;
  assumptions: EmployeeAssumptions;
  /** Cohort-component membership instead of the growth rates (domain.md §6.2). */
  membership?: CohortMembership;
}

export interface ResidentScenario extends ScenarioCommon {
  scheme: 'resident';
  opening: ResidentOpening;
  assumptions: ResidentAssumptions;
}

export type Scenario = EmployeeScenario | ResidentScenario;

export const EMPLOYEE_ASSUMPTION_KEYS = [
  'wageGrowth', 'poolingRate', 'collectionRate', 'activeGrowth', 'retireeGrowth',
  'medicalInflation', 'utilisationGrowth', 'interestRate', 'subsidyYuan',
] as const satisfies readonly (keyof EmployeeAssumptions)[];

export const RESIDENT_ASSUMPTION_KEYS = [
  'insuredGrowth', 'premiumGrowthYuan', 'subsidyGrowthYuan', 'medicalInflation',
  'utilisationGrowth', 'collectionRate', 'interestRate',
] as const satisfies readonly (keyof ResidentAssumptions)[];

/** Longest horizon a scenario may have (years); the solver and Monte Carlo size their buffers by it. */
export const MAX_HORIZON_YEARS = 100;

/**
 * One assumption as a vector over the horizon: a constant is repeated, an array is checked for length.
 * @throws Error `assumptions.<key>: expected <n> yearly values, got <m>` when an array has the wrong length.
 * @example assumptionPath(0.05, 3, 'wageGrowth') // => Float64Array [0.05, 0.05, 0.05]
 */
export function assumptionPath(value: Assumption, horizonYears: number, key: string): Float64Array {
  if (typeof value === 'number') return new Float64Array(horizonYears).fill(value);
  if (value.length !== horizonYears) {
    throw new Error(`assumptions.${key}: expected ${horizonYears} yearly values, got ${value.length}`);
  }
  return Float64Array.from(value);
}

/** Every assumption of a scenario as a vector over its horizon, keyed like the scenario's assumptions. */
export function assumptionPaths<S extends Scenario>(scenario: S): Record<keyof S['assumptions'], Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const [key, value] of Object.entries(scenario.assumptions) as [string, Assumption][]) {
    out[key] = assumptionPath(value, scenario.horizonYears, key);
  }
  return out as Record<keyof S['assumptions'], Float64Array>;
}
