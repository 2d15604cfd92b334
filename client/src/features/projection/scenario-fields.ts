/**
 * What the editor shows for each input of a scenario: its unit and its limit, per scheme, in the
 * order of interfaces.md. Rates are decimals in the scenario JSON and percentages on screen.
 */
import { ASSUMPTION_LIMITS, COMMON_LIMITS, OPENING_LIMITS, type Limit } from './assumption-limits.ts';
import type { Scheme } from './types.ts';

/**
 * `rate`: decimal shown as %; `yuan`: 元 per year for the fund; `yuanPerHeadYear`: 元/人·年;
 * `yuanPerHeadMonth`: 元/人·月; `yuanPerHeadStep`: 元/人, the yearly change of a per-head amount;
 * `people`: 人; `year`: a calendar year; `years`: a count of years.
 */
export type FieldUnit = 'rate' | 'yuan' | 'yuanPerHeadYear' | 'yuanPerHeadMonth' | 'yuanPerHeadStep' | 'people' | 'year' | 'years';

export interface FieldSpec {
  key: string;
  unit: FieldUnit;
  limit: Limit;
}

const spec = (limits: Readonly<Record<string, Limit>>, units: Readonly<Record<string, FieldUnit>>): FieldSpec[] =>
  Object.entries(units).map(([key, unit]) => ({ key, unit, limit: limits[key] as Limit }));

export const OPENING_FIELDS: Readonly<Record<Scheme, readonly FieldSpec[]>> = {
  employee: spec(OPENING_LIMITS.employee, {
    balanceYuan: 'yuan', activeMembers: 'people', retirees: 'people', avgMonthlyWageYuan: 'yuanPerHeadMonth',
    costPerActiveYuan: 'yuanPerHeadYear', costPerRetireeYuan: 'yuanPerHeadYear',
  }),
  resident: spec(OPENING_LIMITS.resident, {
    balanceYuan: 'yuan', insured: 'people', premiumYuan: 'yuanPerHeadYear', subsidyPerHeadYuan: 'yuanPerHeadYear', costPerHeadYuan: 'yuanPerHeadYear',
  }),
};

export const ASSUMPTION_FIELDS: Readonly<Record<Scheme, readonly FieldSpec[]>> = {
  employee: spec(ASSUMPTION_LIMITS.employee, {
    wageGrowth: 'rate', poolingRate: 'rate', collectionRate: 'rate', activeGrowth: 'rate', retireeGrowth: 'rate',
    medicalInflation: 'rate', utilisationGrowth: 'rate', interestRate: 'rate', subsidyYuan: 'yuan',
  }),
  resident: spec(ASSUMPTION_LIMITS.resident, {
    insuredGrowth: 'rate', premiumGrowthYuan: 'yuanPerHeadStep', subsidyGrowthYuan: 'yuanPerHeadStep', medicalInflation: 'rate',
    utilisationGrowth: 'rate', collectionRate: 'rate', interestRate: 'rate',
  }),
};

/** The horizon and the reserve settings shared by both schemes. */
export const COMMON_FIELDS: readonly FieldSpec[] = spec(COMMON_LIMITS, {
  startYear: 'year', horizonYears: 'years', reserveRate: 'rate', openingReserveYuan: 'yuan',
});

export const FISCAL_CAP_FIELD: FieldSpec = { key: 'fiscalSubsidyCapYuan', unit: 'yuan', limit: COMMON_LIMITS.fiscalSubsidyCapYuan };

/** The spec of one assumption of a scheme (undefined for an unknown key). */
export function assumptionField(scheme: Scheme, key: string): FieldSpec | undefined {
  return ASSUMPTION_FIELDS[scheme].find((f) => f.key === key);
}

/** Digits after the point that keep a percentage exact enough (0.00001 % = 1e-7 as a decimal). */
const PERCENT_SIGNIFICANT = 12;

/**
 * A decimal rate as the percentage typed on screen, without binary noise.
 * @example rateToPercent(0.06792) // => 6.792
 */
export function rateToPercent(rate: number): number {
  return Number((rate * 100).toPrecision(PERCENT_SIGNIFICANT));
}

/**
 * A typed percentage back to the decimal rate of the scenario JSON.
 * @example percentToRate(6.792) // => 0.06792
 */
export function percentToRate(percent: number): number {
  return Number((percent / 100).toPrecision(PERCENT_SIGNIFICANT));
}

/** A value as typed in the editor (percent for a rate), and back. */
export const toInput = (unit: FieldUnit, value: number): number => (unit === 'rate' ? rateToPercent(value) : value);
export const fromInput = (unit: FieldUnit, value: number): number => (unit === 'rate' ? percentToRate(value) : value);
