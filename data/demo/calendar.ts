/**
 * The demo calendar: 96 months 2018-01 … 2025-12, the real Spring Festival (春节) dates, and
 * day-weighted activity factors for medical spending. Spending is built day by day, so the
 * festival's dip (and the rebound in the weeks after) falls in January or February as the
 * moving holiday does, instead of a fixed calendar month.
 */

export const FIRST_YEAR = 2018;
export const LAST_YEAR = 2025;
export const MONTH_COUNT = (LAST_YEAR - FIRST_YEAR + 1) * 12;

/** 春节 (first day of the lunar year), 2018–2025, as published in the State Council holiday notices. */
export const SPRING_FESTIVAL: Readonly<Record<number, string>> = {
  2018: '2018-02-16', 2019: '2019-02-05', 2020: '2020-01-25', 2021: '2021-02-12',
  2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29',
};

export interface DemoMonth {
  /** 0 … 95 from 2018-01. */
  t: number;
  year: number;
  /** 1 … 12. */
  month: number;
  period: string;
  days: number;
}

export function demoMonths(): DemoMonth[] {
  const months: DemoMonth[] = [];
  for (let t = 0; t < MONTH_COUNT; t++) {
    const year = FIRST_YEAR + Math.floor(t / 12);
    const month = (t % 12) + 1;
    months.push({ t, year, month, period: `${year}-${String(month).padStart(2, '0')}`, days: daysInMonth(year, month) });
  }
  return months;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MS_PER_DAY = 86_400_000;
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Day offset of the Spring Festival of `year` from 1 January of that year. */
function festivalDayNumber(year: number): number {
  const iso = SPRING_FESTIVAL[year];
  if (iso === undefined) throw new Error(`no Spring Festival date for ${year}`);
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y ?? year, m ?? 1, d ?? 1);
}

/**
 * Activity on one day relative to an ordinary day, by offset from the festival: discharges
 * before the holiday, the 7-day holiday itself, the return week and a three-week rebound.
 */
function festivalFactor(offset: number): number {
  if (offset >= -10 && offset <= -4) return 0.85;
  if (offset >= -3 && offset <= 6) return 0.6;
  if (offset >= 7 && offset <= 13) return 0.92;
  if (offset >= 14 && offset <= 35) return 1.12;
  return 1;
}

/** Ordinary seasonality by calendar month: October golden week dip, December year-end spike. */
const MONTH_FACTOR = [1.0, 1.0, 1.03, 1.0, 0.99, 1.02, 1.02, 1.01, 1.0, 0.96, 1.03, 1.16] as const;

/** 2020 COVID-19 lockdown months: elective care postponed. */
const COVID_2020: Readonly<Record<number, number>> = { 2: 0.7, 3: 0.8, 4: 0.92, 5: 0.97 };

export interface ActivityFactors {
  /** Inpatient and outpatient: day-weighted sum of daily factors (≈ number of days). */
  medicalDays: number;
  /** Pharmacy: half the festival effect, a smaller year-end spike, a milder COVID dip. */
  pharmacyDays: number;
}

/** Activity-weighted day counts of a month; divide a year's spending by ≈ 365 to scale them. */
export function activityFactors(year: number, month: number): ActivityFactors {
  const days = daysInMonth(year, month);
  let medical = 0;
  let pharmacy = 0;
  for (let day = 1; day <= days; day++) {
    // every festival falls between 21 January and 20 February, so its effects stay in Jan–Mar
    const f = festivalFactor(dayNumber(year, month, day) - festivalDayNumber(year));
    medical += f;
    pharmacy += 1 + 0.5 * (f - 1);
  }
  const seasonal = MONTH_FACTOR[month - 1] ?? 1;
  const covid = year === 2020 ? (COVID_2020[month] ?? 1) : 1;
  return {
    medicalDays: medical * seasonal * covid,
    pharmacyDays: pharmacy * (1 + 0.5 * (seasonal - 1)) * (1 + 0.5 * (covid - 1)),
  };
}
