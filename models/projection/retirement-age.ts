/**
 * A retirement-age schedule with a gradual rise, for `membership.retirementAge` of the cohort model.
 *
 * $$ R_Y = R_0 + \min\!\Big(R_1 - R_0,\ \frac{m}{12}\max(0,\ Y - Y_0 + 1)\Big) $$
 * plain: the retirement age in force at the end of year Y is the old age R_0 plus m months for every
 * year since the rise began in year Y_0 (counting Y_0 itself), capped at the new age R_1. Years.
 *
 * This is an approximation by calendar year of a rule written by month of birth: the 2024 decision
 * raises the age by one month every four (or two) months of birth from January 2025, so members who
 * reach the old age during year Y retire a little later than R_Y and a little earlier, by at most a few
 * months. Give the schedule year by year when the exact mix of birth months matters.
 * @throws Error `retirement age rise: toAge must be at least fromAge, got <to> < <from>`
 * @throws Error `retirement age rise: monthsPerYear must be a non-negative number, got <m>`
 * @see 全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定 (2024-09-13) and its 办法: from
 *   2025-01-01 men 60 → 63 and women with an original age of 55 → 58 by one month every four months,
 *   women with an original age of 50 → 55 by one month every two months.
 * @example retirementAgeSchedule(CHINA_2025_RETIREMENT_AGE_RISE.male, 2025, 3) // => [60.25, 60.5, 60.75]
 */

export interface RetirementAgeRise {
  /** Retirement age before the rise, years. */
  fromAge: number;
  /** Retirement age once the rise is complete, years. */
  toAge: number;
  /** First calendar year of the rise. */
  riseStartYear: number;
  /** Months added per calendar year (12 / the months between one-month steps). */
  monthsPerYear: number;
}

/** The 2025 reform (`official`): 3 months a year for men and 55-year women, 6 for 50-year women. */
export const CHINA_2025_RETIREMENT_AGE_RISE = {
  male: { fromAge: 60, toAge: 63, riseStartYear: 2025, monthsPerYear: 3 },
  femaleCadre: { fromAge: 55, toAge: 58, riseStartYear: 2025, monthsPerYear: 3 },
  femaleWorker: { fromAge: 50, toAge: 55, riseStartYear: 2025, monthsPerYear: 6 },
} as const satisfies Record<string, RetirementAgeRise>;

export function retirementAgeSchedule(rise: RetirementAgeRise, startYear: number, horizonYears: number): number[] {
  if (!(rise.toAge >= rise.fromAge)) {
    throw new Error(`retirement age rise: toAge must be at least fromAge, got ${rise.toAge} < ${rise.fromAge}`);
  }
  if (!(rise.monthsPerYear >= 0) || !Number.isFinite(rise.monthsPerYear)) {
    throw new Error(`retirement age rise: monthsPerYear must be a non-negative number, got ${rise.monthsPerYear}`);
  }
  return Array.from({ length: horizonYears }, (_, i) => {
    const yearsOfRise = Math.max(0, startYear + i - rise.riseStartYear + 1);
    return rise.fromAge + Math.min(rise.toAge - rise.fromAge, (rise.monthsPerYear * yearsOfRise) / 12);
  });
}
