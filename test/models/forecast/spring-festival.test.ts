import { describe, expect, it } from 'vitest';
import { createRng } from '../../../models/core/rng.ts';
import { mae } from '../../../models/forecast/metrics.ts';
import { snaiveMethod } from '../../../models/forecast/snaive.ts';
import {
  chineseNewYear,
  referenceJanuaryShare,
  springFestivalJanuaryShare,
} from '../../../models/forecast/spring-festival-calendar.ts';
import { estimateSpringFestivalEffect, springFestivalFactor, withSpringFestival } from '../../../models/forecast/spring-festival.ts';
import { thetaMethod } from '../../../models/forecast/theta.ts';
import type { ForecastMethod } from '../../../models/forecast/types.ts';

describe('Chinese New Year table', () => {
  // Hong Kong Observatory / Purple Mountain Observatory calendar; the brief's spot checks.
  it.each([
    [2000, '2000-02-05'], [2007, '2007-02-18'], [2015, '2015-02-19'], [2018, '2018-02-16'], [2019, '2019-02-05'],
    [2020, '2020-01-25'], [2021, '2021-02-12'], [2022, '2022-02-01'], [2023, '2023-01-22'], [2024, '2024-02-10'],
    [2025, '2025-01-29'], [2026, '2026-02-17'], [2033, '2033-01-31'], [2035, '2035-02-08'],
  ])('%i → %s', (year, date) => {
    expect(chineseNewYear(year)).toBe(date);
  });

  it('every date lies between 21 January and 20 February', () => {
    for (let y = 2000; y <= 2035; y++) {
      const [, m, d] = chineseNewYear(y).split('-').map(Number) as [number, number, number];
      expect(m === 1 ? d >= 21 : m === 2 && d <= 20).toBe(true);
    }
  });

  it('January share of the 22-day window (7 days before to 14 after)', () => {
    expect(springFestivalJanuaryShare(2023)).toBeCloseTo(17 / 22, 15); // 15–31 January
    expect(springFestivalJanuaryShare(2022)).toBeCloseTo(7 / 22, 15); // 25–31 January
    expect(springFestivalJanuaryShare(2024)).toBe(0); // window starts 3 February
    expect(springFestivalJanuaryShare(2020, { daysBefore: 0, daysAfter: 6 })).toBeCloseTo(1, 15); // 25–31 January
    const ref = referenceJanuaryShare();
    expect(ref).toBeGreaterThan(0.2);
    expect(ref).toBeLessThan(0.5);
  });

  it('outside the table: exact message', () => {
    expect(() => chineseNewYear(1999)).toThrow('spring festival: no Chinese New Year date for 1999 (table covers 2000–2035)');
    expect(() => springFestivalJanuaryShare(2036)).toThrow('spring festival: no Chinese New Year date for 2036 (table covers 2000–2035)');
  });
});

// A monthly fund series with a planted Spring Festival shift: the holiday moves a share of the
// January + February total into the month it misses (β = −0.25 per unit of January window share).
const START_YEAR = 2008;
const TRAIN_YEARS = 15;
const TEST_YEARS = 3;
const SEASON = [1.0, 0.95, 1.05, 1.0, 1.0, 1.02, 1.03, 1.04, 1.0, 0.98, 0.97, 1.1];
const PLANTED_BETA = -0.25;

function planted(seed: number): number[] {
  const rng = createRng(seed);
  const xBar = referenceJanuaryShare();
  const p0 = SEASON[0] as number / ((SEASON[0] as number) + (SEASON[1] as number));
  const out: number[] = [];
  for (let t = 0; t < 12 * (TRAIN_YEARS + TEST_YEARS); t++) {
    const year = START_YEAR + Math.floor(t / 12);
    const month = t % 12;
    const level = 1000 * 1.004 ** t;
    let v = level * (SEASON[month] as number);
    if (month < 2) {
      const total = level * ((SEASON[0] as number) + (SEASON[1] as number));
      const p = p0 + PLANTED_BETA * (springFestivalJanuaryShare(year) - xBar);
      v = month === 0 ? total * p : total * (1 - p);
    }
    out.push(v * (1 + 0.01 * rng.normal()));
  }
  return out;
}

function janFebError(method: ForecastMethod, values: number[]): number {
  const n = 12 * TRAIN_YEARS;
  const fit = method.fit({ values: values.slice(0, n), frequency: 12, start: START_YEAR * 12 });
  const fc = method.forecast(fit, { horizon: 12 * TEST_YEARS, levels: [80, 95] });
  const idx = fc.mean.map((_, h) => h).filter((h) => h % 12 < 2);
  return mae(idx.map((h) => values[n + h] as number), idx.map((h) => fc.mean[h] as number));
}

describe('Spring Festival adjustment', () => {
  it('recovers the planted effect', () => {
    const values = planted(2024).slice(0, 12 * TRAIN_YEARS);
    const effect = estimateSpringFestivalEffect(values, START_YEAR * 12);
    expect(effect.years).toBe(TRAIN_YEARS);
    // 1% noise on each month over 15 years: the standard error of β is about 0.01; 4 SE.
    expect(Math.abs(effect.beta - PLANTED_BETA)).toBeLessThan(4 * effect.betaSe);
    expect(effect.betaSe).toBeLessThan(0.03);
  });

  it.each([1, 2, 3])('reduces the January/February forecast error of theta and snaive (seed %i)', (seed) => {
    const values = planted(seed);
    // The planted shift moves up to ~10% of a month between January and February. Theta (which
    // extrapolates the trend) then has little left but the 1% noise: demand at least a halving.
    expect(janFebError(withSpringFestival(thetaMethod), values)).toBeLessThan(0.5 * janFebError(thetaMethod, values));
    // Seasonal naive also misses a year's growth (~5%) in every month, which no calendar
    // adjustment removes, so its January/February error falls by about 40%: demand a quarter.
    expect(janFebError(withSpringFestival(snaiveMethod), values)).toBeLessThan(0.75 * janFebError(snaiveMethod, values));
  });

  it('only January and February are adjusted, and the factors of a typical year are 1', () => {
    const effect = estimateSpringFestivalEffect(planted(7), START_YEAR * 12);
    for (let m = 2; m < 12; m++) expect(springFestivalFactor(effect, 2023 * 12 + m)).toBe(1);
    const early = springFestivalFactor(effect, 2023 * 12); // holiday mostly in January
    expect(early).toBeLessThan(1);
    expect(springFestivalFactor(effect, 2023 * 12 + 1)).toBeGreaterThan(1);
    expect(springFestivalFactor({ ...effect, beta: 0 }, 2023 * 12)).toBe(1);
  });

  it('keeps interval order and labels the method', () => {
    const method = withSpringFestival(thetaMethod);
    const fit = method.fit({ values: planted(5).slice(0, 120), frequency: 12, start: START_YEAR * 12 });
    expect(fit.method).toBe('theta+spring-festival');
    expect(fit.description).toMatch(/Spring Festival adjustment \(β = -0\.2/);
    const fc = method.forecast(fit, { horizon: 14, levels: [80, 95] });
    expect(fc.method).toBe('theta+spring-festival');
    fc.mean.forEach((v, i) => {
      const b = [fc.lower['95']?.[i], fc.lower['80']?.[i], v, fc.upper['80']?.[i], fc.upper['95']?.[i]] as number[];
      b.slice(1).forEach((x, k) => expect(x).toBeGreaterThanOrEqual(b[k] as number));
    });
  });

  it('too few years: no adjustment, said in the description', () => {
    const method = withSpringFestival(snaiveMethod);
    const fit = method.fit({ values: planted(1).slice(0, 24), frequency: 12, start: START_YEAR * 12 });
    expect(fit.effect.beta).toBe(0);
    expect(fit.description).toContain('no Spring Festival adjustment (2 usable years)');
  });

  it('rejects non-monthly data, a missing start, and years outside the table', () => {
    const method = withSpringFestival(thetaMethod);
    expect(() => method.fit({ values: [1, 2, 3, 4], frequency: 4, start: 0 })).toThrow('theta+spring-festival: needs monthly data (frequency 12), got 4');
    expect(() => method.fit({ values: planted(1), frequency: 12 })).toThrow(
      'theta+spring-festival: needs series.start (the month index year × 12 + month − 1 of the first value)');
    expect(() => method.fit({ values: planted(1).slice(0, 48), frequency: 12, start: 1998 * 12 })).toThrow(
      'spring festival: no Chinese New Year date for 1998 (table covers 2000–2035)');
    const fit = method.fit({ values: planted(1).slice(0, 48), frequency: 12, start: 2032 * 12 });
    expect(() => method.forecast(fit, { horizon: 2, levels: [] })).toThrow('spring festival: no Chinese New Year date for 2036 (table covers 2000–2035)');
  });
});
