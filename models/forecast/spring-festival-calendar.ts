/**
 * Chinese New Year (春节, first day of the first lunar month) dates 2000–2035, and the share of a
 * holiday window around it that falls in January: the moving-holiday regressor for monthly data.
 *
 * The window runs from `daysBefore` days before New Year's Day to `daysAfter` days after it,
 * inclusive (default 7 and 14: the pre-holiday slowdown, the official week off and the return).
 * January share x_Y = (window days in January) / (window length). New Year's Day falls between
 * 21 January and 20 February, so x_Y ranges from about 0.5 down to 0 (the late-February years
 * spill a few days into March, which the February share then omits).
 *
 * Dates: checked against two independent sources, the Hong Kong Observatory / Purple Mountain
 * Observatory month-length table used by calendar libraries (the 1900–2100 `lunarInfo` encoding,
 * accumulated from 1900-01-31) and the published list of New Year dates (Wikipedia, "Chinese New Year").
 * @see GB/T 33661-2017 《农历的编算和颁行》 (Calculation and promulgation of the Chinese calendar).
 */

/** Month (1–2) and day of Chinese New Year, by Gregorian year. */
const NEW_YEAR: Readonly<Record<number, readonly [number, number]>> = {
  2000: [2, 5], 2001: [1, 24], 2002: [2, 12], 2003: [2, 1], 2004: [1, 22], 2005: [2, 9],
  2006: [1, 29], 2007: [2, 18], 2008: [2, 7], 2009: [1, 26], 2010: [2, 14], 2011: [2, 3],
  2012: [1, 23], 2013: [2, 10], 2014: [1, 31], 2015: [2, 19], 2016: [2, 8], 2017: [1, 28],
  2018: [2, 16], 2019: [2, 5], 2020: [1, 25], 2021: [2, 12], 2022: [2, 1], 2023: [1, 22],
  2024: [2, 10], 2025: [1, 29], 2026: [2, 17], 2027: [2, 6], 2028: [1, 26], 2029: [2, 13],
  2030: [2, 3], 2031: [1, 23], 2032: [2, 11], 2033: [1, 31], 2034: [2, 19], 2035: [2, 8],
};

export const SPRING_FESTIVAL_FIRST_YEAR = 2000;
export const SPRING_FESTIVAL_LAST_YEAR = 2035;

export interface HolidayWindow {
  /** Days before New Year's Day in the window. */
  daysBefore: number;
  /** Days after New Year's Day in the window. */
  daysAfter: number;
}

export const DEFAULT_SPRING_FESTIVAL_WINDOW: HolidayWindow = { daysBefore: 7, daysAfter: 14 };

function entry(year: number): readonly [number, number] {
  const e = NEW_YEAR[year];
  if (!e) throw new Error(`spring festival: no Chinese New Year date for ${year} (table covers ${SPRING_FESTIVAL_FIRST_YEAR}–${SPRING_FESTIVAL_LAST_YEAR})`);
  return e;
}

/**
 * Chinese New Year's Day of a Gregorian year as `YYYY-MM-DD`.
 * @throws Error `spring festival: no Chinese New Year date for <year> (table covers 2000–2035)`
 * @example chineseNewYear(2025) // => '2025-01-29'
 */
export function chineseNewYear(year: number): string {
  const [month, day] = entry(year);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Share of the holiday window that falls in January of `year`.
 * @throws Error `spring festival: window days must be non-negative integers` (and the table's error)
 * @example springFestivalJanuaryShare(2023) // => 17/22 (New Year 22 January: 15–31 January are in the 22-day window)
 */
export function springFestivalJanuaryShare(year: number, window: HolidayWindow = DEFAULT_SPRING_FESTIVAL_WINDOW): number {
  const { daysBefore, daysAfter } = window;
  if (![daysBefore, daysAfter].every((d) => Number.isInteger(d) && d >= 0)) throw new Error('spring festival: window days must be non-negative integers');
  const [month, day] = entry(year);
  const dayOfYear = month === 1 ? day : 31 + day;
  const first = dayOfYear - daysBefore;
  const last = dayOfYear + daysAfter;
  const januaryDays = Math.max(0, Math.min(last, 31) - Math.max(first, 1) + 1);
  return januaryDays / (daysBefore + daysAfter + 1);
}

/** Mean January share over the whole table: the "typical year" the adjustment normalises to. */
export function referenceJanuaryShare(window: HolidayWindow = DEFAULT_SPRING_FESTIVAL_WINDOW): number {
  let s = 0;
  for (let y = SPRING_FESTIVAL_FIRST_YEAR; y <= SPRING_FESTIVAL_LAST_YEAR; y++) s += springFestivalJanuaryShare(y, window);
  return s / (SPRING_FESTIVAL_LAST_YEAR - SPRING_FESTIVAL_FIRST_YEAR + 1);
}
