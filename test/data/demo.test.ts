/**
 * The generated demo fund records (data/demo/fund_records.csv): importable (exact roll-forward,
 * parts, no gaps), the story regions hold their tiers at 2025-12 by the trailing-12-month payable
 * months of domain.md §3.1, the Spring Festival dip moves between January and February, and the
 * generator is byte-for-byte deterministic.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPRING_FESTIVAL } from '../../data/demo/calendar.ts';
import { DEMO_FILES, FUND_RECORD_HEADER, buildDemo, generateDemo } from '../../data/demo/generate.ts';
import { demoRegions } from '../../data/demo/regions.ts';
import { fen, ledgerProblems, payableMonths, readCsv, seriesOf, trailingSurplus, type Row } from './csv-helpers.ts';

const DEMO_DIR = join(import.meta.dirname, '../../data/demo');
const { header, rows, comments } = readCsv(join(DEMO_DIR, 'fund_records.csv'));
const series = seriesOf(rows);
const LAST = 95; // index of 2025-12
const fund = (code: string, scheme = 'employee'): Row[] => series.get(`${code}|${scheme}|pooling`) ?? [];
const indexOf = (s: readonly Row[], period: string) => s.findIndex((r) => r.period === period);

describe('demo fund records', () => {
  it('use the import header and say they are synthetic', () => {
    expect(header).toEqual([...FUND_RECORD_HEADER]);
    expect(comments[0]).toMatch(/SYNTHETIC/);
  });

  it('roll forward to the fen, parts sum, no gaps or duplicates, one caliber per series', () => {
    expect(ledgerProblems(rows)).toEqual([]);
  });

  it('has an employee and a resident fund of 96 months (2018-01 … 2025-12) for each of the 14 fund regions', () => {
    expect(series.size).toBe(28);
    for (const [key, s] of series) {
      expect(s.length, key).toBe(96);
      expect([s[0]?.period, s[LAST]?.period], key).toEqual(['2018-01', '2025-12']);
      expect(new Set(s.map((r) => `${r.caliber}/${r.vintage}`)), key).toEqual(new Set(['pooling_fund/2026-01-15']));
    }
  });

  it('fills the insured counts and contribution base of each scheme', () => {
    for (const r of rows) {
      const employee = r.scheme === 'employee';
      expect(r.active_members !== '' && r.retirees !== '' && r.avg_contribution_base !== '', `${r.region_code} ${r.period}`).toBe(employee);
      expect(r.residents !== '', `${r.region_code} ${r.period}`).toBe(!employee);
    }
  });

  it('collects employee income at 6–7 % of wages (halved in Feb–Jun 2020)', () => {
    for (const r of rows.filter((x) => x.scheme === 'employee')) {
      const rate = fen(r.income_employer) / (Number(r.active_members) * fen(r.avg_contribution_base));
      const halved = r.period !== undefined && r.period >= '2020-02' && r.period <= '2020-06';
      expect(rate * (halved ? 2 : 1), `${r.region_code} ${r.period}`).toBeGreaterThan(0.058);
      expect(rate * (halved ? 2 : 1), `${r.region_code} ${r.period}`).toBeLessThan(0.072);
    }
  });

  it('grows province-wide employee spending 7–10 % a year and bases 5–7 %', () => {
    const yearSpend = (year: string) => rows.filter((r) => r.scheme === 'employee' && r.period?.startsWith(year))
      .reduce((s, r) => s + fen(r.expenditure), 0);
    const growth = (yearSpend('2025') / yearSpend('2018')) ** (1 / 7) - 1;
    expect(growth).toBeGreaterThan(0.07);
    expect(growth).toBeLessThan(0.1);
    for (const s of [...series.values()].filter((x) => x[0]?.scheme === 'employee')) {
      const baseGrowth = (fen(s[LAST]?.avg_contribution_base) / fen(s[0]?.avg_contribution_base)) ** (1 / 8) - 1;
      expect(baseGrowth).toBeGreaterThan(0.045);
      expect(baseGrowth).toBeLessThan(0.07);
    }
  });

  it('collects 70–80 % of resident premiums in October–December of the year before', () => {
    for (const s of [...series.values()].filter((x) => x[0]?.scheme === 'resident')) {
      for (let year = 2018; year <= 2024; year++) {
        // one collection season: September of `year` to August of the next
        const start = indexOf(s, `${year}-09`);
        const season = s.slice(start, start + 12).map((r) => fen(r.income_individual));
        const share = ((season[1] ?? 0) + (season[2] ?? 0) + (season[3] ?? 0)) / season.reduce((a, b) => a + b, 0);
        expect(share, `${s[0]?.region_code} ${year}`).toBeGreaterThan(0.7);
        expect(share, `${s[0]?.region_code} ${year}`).toBeLessThan(0.8);
      }
    }
  });
});

describe('story regions at 2025-12 (payable months with the trailing-12-month denominator)', () => {
  const regions = demoRegions();
  const withStory = (story: string) => regions.filter((r) => r.story === story).map((r) => r.code);

  it('has one red, one purple and one current-deficit region, and two orange ones', () => {
    expect([withStory('red').length, withStory('purple').length, withStory('current_deficit').length, withStory('orange').length])
      .toEqual([1, 1, 1, 2]);
  });

  it('red: the employee fund falls from about 8 months to under 3, in current deficit for the last 2+ years', () => {
    for (const code of withStory('red')) {
      const s = fund(code);
      expect(payableMonths(s, 11)).toBeGreaterThan(7);
      expect(payableMonths(s, 11)).toBeLessThan(10);
      expect(payableMonths(s, LAST)).toBeLessThan(3);
      expect(fen(s[LAST]?.balance)).toBeGreaterThan(0);
      for (let t = LAST - 24; t <= LAST; t++) expect(trailingSurplus(s, t), s[t]?.period).toBeLessThan(0);
    }
  });

  it('purple: the employee fund stays above 15 months throughout', () => {
    for (const code of withStory('purple')) {
      const s = fund(code);
      for (let t = 0; t <= LAST; t++) expect(payableMonths(s, t), s[t]?.period).toBeGreaterThan(15);
    }
  });

  it('current deficit: 2025 spending exceeds income, yet the balance is still green or blue', () => {
    for (const code of withStory('current_deficit')) {
      const s = fund(code);
      expect(trailingSurplus(s, LAST)).toBeLessThan(0);
      expect(trailingSurplus(s, LAST - 12)).toBeGreaterThan(0);
      expect(payableMonths(s, LAST)).toBeGreaterThanOrEqual(6);
      expect(payableMonths(s, LAST)).toBeLessThanOrEqual(15);
    }
  });

  it('orange stories sit in 3–6 months; every other employee fund is green or blue', () => {
    for (const code of withStory('orange')) {
      expect(payableMonths(fund(code), LAST), code).toBeGreaterThanOrEqual(3);
      expect(payableMonths(fund(code), LAST), code).toBeLessThan(6);
    }
    for (const code of withStory('typical')) {
      expect(payableMonths(fund(code), LAST), code).toBeGreaterThanOrEqual(6);
      expect(payableMonths(fund(code), LAST), code).toBeLessThanOrEqual(15);
    }
  });
});

describe('Spring Festival', () => {
  const festivalMonth = (year: number) => Number(SPRING_FESTIVAL[year]?.slice(5, 7));

  it('the festival month spends less than the average of its two neighbours, in every fund and year', () => {
    for (const [key, s] of series) {
      for (let year = 2018; year <= 2025; year++) {
        const t = (year - 2018) * 12 + festivalMonth(year) - 1;
        const [prev, cur, next] = [s[t - 1], s[t], s[t + 1]].map((r) => fen(r?.expenditure));
        if (t === 0 || prev === undefined || cur === undefined || next === undefined) continue;
        expect(cur, `${key} ${year}`).toBeLessThan((prev + next) / 2);
      }
    }
  });

  it('moves the dip: February ÷ January is higher in every late-January festival year than in any February one', () => {
    const ratio = (s: readonly Row[], year: number) => {
      const t = (year - 2018) * 12;
      return fen(s[t + 1]?.expenditure) / fen(s[t]?.expenditure);
    };
    const years = [2018, 2019, 2021, 2022, 2023, 2024, 2025]; // 2020: COVID-19 shut February
    const janYears = years.filter((y) => festivalMonth(y) === 1);
    const febYears = years.filter((y) => festivalMonth(y) === 2);
    expect(janYears).toEqual([2023, 2025]);
    for (const [key, s] of series) {
      const lowestJan = Math.min(...janYears.map((y) => ratio(s, y)));
      const highestFeb = Math.max(...febYears.map((y) => ratio(s, y)));
      expect(lowestJan, key).toBeGreaterThan(highestFeb);
    }
  });
});

describe('generator', () => {
  it('writes the same bytes as the committed files on every run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fundrisk-demo-'));
    try {
      generateDemo(dir);
      for (const name of DEMO_FILES) {
        expect(readFileSync(join(dir, name)).equals(readFileSync(join(DEMO_DIR, name))), name).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(buildDemo()).toEqual(buildDemo());
  });

  it('gives other numbers for another seed', () => {
    expect(buildDemo(1)['fund_records.csv']).not.toEqual(buildDemo()['fund_records.csv']);
  });
});
