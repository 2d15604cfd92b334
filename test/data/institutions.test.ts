/**
 * The generated demo institutions, their yearly records and violations: import-format values,
 * references that resolve, and the shapes the budget models rely on (new institutions with
 * short histories, mostly A/B ratings, violations concentrated in a minority, a few ≥ 50,000 元).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VIOLATION_KINDS } from '../../data/demo/violations.ts';
import { fen, readCsv } from './csv-helpers.ts';

const DEMO_DIR = join(import.meta.dirname, '../../data/demo');
const regions = readCsv(join(DEMO_DIR, 'regions.csv'));
const institutions = readCsv(join(DEMO_DIR, 'institutions.csv'));
const years = readCsv(join(DEMO_DIR, 'institution_years.csv'));
const violations = readCsv(join(DEMO_DIR, 'violations.csv'));
const instByCode = new Map(institutions.rows.map((r) => [r.institution_code, r]));

describe('demo regions', () => {
  it('are one synthetic province with 12 cities and 2 counties under one city', () => {
    expect(regions.header).toEqual(['code', 'name', 'name_en', 'level', 'parent_code', 'source', 'synthetic']);
    const byLevel = (level: string) => regions.rows.filter((r) => r.level === level);
    expect(byLevel('province').map((r) => [r.code, r.name, r.name_en, r.parent_code]))
      .toEqual([['DEMO', '示范省（模拟数据）', 'Demo Province (synthetic)', '']]);
    expect(byLevel('city')).toHaveLength(12);
    expect(byLevel('county')).toHaveLength(2);
    const codes = new Set(regions.rows.map((r) => r.code));
    for (const r of regions.rows) if (r.level !== 'province') expect(codes.has(r.parent_code ?? ''), r.code).toBe(true);
    for (const r of regions.rows) expect(r.name_en, r.code).toMatch(/synthetic/);
  });
});

describe('demo institutions', () => {
  it('number about 300 with unique codes in known regions', () => {
    expect(institutions.header).toEqual(['institution_code', 'name', 'type', 'level', 'region_code', 'schemes']);
    expect(institutions.rows.length).toBeGreaterThan(280);
    expect(institutions.rows.length).toBeLessThan(330);
    expect(instByCode.size).toBe(institutions.rows.length);
    const regionCodes = new Set(regions.rows.map((r) => r.code));
    for (const i of institutions.rows) expect(regionCodes.has(i.region_code ?? ''), i.institution_code).toBe(true);
  });

  it('have a valid type, a level except pharmacies, and schemes from the list', () => {
    for (const i of institutions.rows) {
      expect(['hospital', 'primary_care', 'pharmacy'], i.institution_code).toContain(i.type);
      if (i.type === 'pharmacy') expect(i.level, i.institution_code).toBe('');
      else expect(['1', '2', '3'], i.institution_code).toContain(i.level);
      for (const s of (i.schemes ?? '').split(',')) expect(['employee', 'resident'], i.institution_code).toContain(s);
    }
    const types = new Set(institutions.rows.map((i) => `${i.type}${i.level}`));
    expect(types).toEqual(new Set(['hospital3', 'hospital2', 'hospital1', 'primary_care1', 'pharmacy']));
  });
});

describe('demo institution years', () => {
  const served = (code: string | undefined) => (instByCode.get(code ?? '')?.schemes ?? '').split(',');
  /** One row per institution and year (the score and rating are the year's, repeated on each scheme row). */
  const perYear = [...new Map(years.rows.map((y) => [`${y.institution_code}/${y.year}`, y])).values()];

  it('cover 2022–2025, one row per institution, year and scheme it serves, some institutions new', () => {
    expect(years.header).toEqual(['institution_code', 'year', 'scheme', 'payments', 'budget', 'assessment_score', 'credit_rating']);
    const seen = new Set<string>();
    const schemesOf = new Map<string, string[]>();
    for (const y of years.rows) {
      const key = `${y.institution_code}/${y.year}/${y.scheme}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      expect(instByCode.has(y.institution_code ?? ''), key).toBe(true);
      expect(['2022', '2023', '2024', '2025']).toContain(y.year);
      const yearKey = `${y.institution_code}/${y.year}`;
      schemesOf.set(yearKey, [...(schemesOf.get(yearKey) ?? []), y.scheme ?? '']);
    }
    for (const [key, schemes] of schemesOf) expect(schemes, key).toEqual(served(key.split('/')[0]));
    const count = new Map<string, number>();
    for (const y of perYear) count.set(y.institution_code ?? '', (count.get(y.institution_code ?? '') ?? 0) + 1);
    expect(count.size).toBe(institutions.rows.length);
    const short = [...count.values()].filter((n) => n <= 2).length;
    expect(short).toBeGreaterThan(10);
    expect(short).toBeLessThan(institutions.rows.length / 5);
  });

  it('give the same score and rating on every scheme row of an institution year', () => {
    const first = new Map(perYear.map((y) => [`${y.institution_code}/${y.year}`, y]));
    for (const y of years.rows) {
      const f = first.get(`${y.institution_code}/${y.year}`);
      expect([y.assessment_score, y.credit_rating], `${y.institution_code} ${y.year}`).toEqual([f?.assessment_score, f?.credit_rating]);
    }
  });

  it('pay each scheme apart: resident payments lean to primary care, employee payments to level-3 hospitals', () => {
    const paid = (code: string | undefined, year: string | undefined, scheme: string) =>
      fen(years.rows.find((y) => y.institution_code === code && y.year === year && y.scheme === scheme)?.payments);
    const ratios = (type: string, level: string) => perYear
      .filter((y) => y.year === '2025' && served(y.institution_code).length === 2 && instByCode.get(y.institution_code ?? '')?.type === type && instByCode.get(y.institution_code ?? '')?.level === level)
      .map((y) => paid(y.institution_code, y.year, 'resident') / paid(y.institution_code, y.year, 'employee'));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    // within a region the resident / employee ratio is affinity × (region's resident pool / employee pool):
    // 2 for primary care against 0.7 for level-3 hospitals
    expect(median(ratios('primary_care', '1'))).toBeGreaterThan(2 * median(ratios('hospital', '3')));
    const both = perYear.filter((y) => served(y.institution_code).length === 2);
    expect(both.every((y) => paid(y.institution_code, y.year, 'employee') !== paid(y.institution_code, y.year, 'resident'))).toBe(true);
  });

  it('pay more to higher-level hospitals, and budget within a few per cent of payments', () => {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const paid = (type: string, level: string) => median(years.rows
      .filter((y) => y.year === '2025' && y.scheme === 'employee' && instByCode.get(y.institution_code ?? '')?.type === type && instByCode.get(y.institution_code ?? '')?.level === level)
      .map((y) => fen(y.payments)));
    expect(paid('hospital', '3')).toBeGreaterThan(paid('hospital', '2'));
    expect(paid('hospital', '2')).toBeGreaterThan(paid('hospital', '1'));
    expect(paid('hospital', '1')).toBeGreaterThan(paid('pharmacy', ''));
    for (const y of years.rows) {
      expect(fen(y.payments)).toBeGreaterThan(0);
      if (y.budget === '') continue;
      const ratio = fen(y.budget) / fen(y.payments);
      expect(ratio, `${y.institution_code} ${y.year} ${y.scheme}`).toBeGreaterThan(0.8);
      expect(ratio, `${y.institution_code} ${y.year} ${y.scheme}`).toBeLessThan(1.2);
    }
    expect(years.rows.filter((y) => y.year === '2025' && y.scheme === 'employee' && y.budget !== '').length).toBeGreaterThan(150);
  });

  it('score 0–100 with one decimal around 85 (some missing), rate mostly A/B with a few C/D', () => {
    const scores = perYear.filter((y) => y.assessment_score !== '').map((y) => {
      expect(y.assessment_score).toMatch(/^\d{1,3}\.\d$/);
      return Number(y.assessment_score);
    });
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...scores)).toBeLessThanOrEqual(100);
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    expect(Math.abs(mean - 85)).toBeLessThan(2);
    expect(scores.length).toBeLessThan(perYear.length);
    const ratings = perYear.map((y) => y.credit_rating);
    for (const r of ratings) expect(['A', 'B', 'C', 'D', '']).toContain(r);
    const share = (set: string[]) => ratings.filter((r) => set.includes(r ?? '')).length / ratings.length;
    expect(share(['A', 'B'])).toBeGreaterThan(0.8);
    expect(share(['C', 'D'])).toBeGreaterThan(0.02);
    expect(share(['C', 'D'])).toBeLessThan(0.12);
  });
});

describe('demo violations', () => {
  const v = violations.rows;

  it('are about 120 findings in 2022–2025 with valid dates, kinds, natures and statuses', () => {
    expect(violations.header).toEqual(['institution_code', 'date', 'amount', 'count', 'nature', 'kind', 'status']);
    expect(v.length).toBeGreaterThan(100);
    expect(v.length).toBeLessThan(140);
    for (const r of v) {
      expect(instByCode.has(r.institution_code ?? ''), r.institution_code).toBe(true);
      const date = new Date(`${r.date}T00:00:00Z`);
      expect(date.toISOString().slice(0, 10), r.date).toBe(r.date);
      expect((r.date ?? '') >= '2022-01-01' && (r.date ?? '') <= '2025-12-31', r.date).toBe(true);
      expect(Number.isInteger(Number(r.count)) && Number(r.count) >= 1).toBe(true);
      expect(['general', 'serious', 'severe']).toContain(r.nature);
      expect(VIOLATION_KINDS as readonly string[]).toContain(r.kind);
      expect(['confirmed', 'proposed', 'notified', 'withdrawn']).toContain(r.status);
      const inst = instByCode.get(r.institution_code ?? '');
      if (inst?.type === 'pharmacy') expect(['分解住院', '挂床住院']).not.toContain(r.kind);
    }
    expect(v.filter((r) => r.status === 'confirmed').length / v.length).toBeGreaterThan(0.8);
    expect(new Set(v.map((r) => r.status)).size).toBe(4);
  });

  it('happen only in years the institution has records, with amounts of a few thousand to a few hundred thousand', () => {
    const yearsOf = new Set(years.rows.map((y) => `${y.institution_code}/${y.year}`));
    for (const r of v) expect(yearsOf.has(`${r.institution_code}/${r.date?.slice(0, 4)}`), `${r.institution_code} ${r.date}`).toBe(true);
    const amounts = v.map((r) => fen(r.amount) / 100);
    expect(Math.min(...amounts)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...amounts)).toBeLessThan(500_000);
    const large = amounts.filter((a) => a >= 50_000).length;
    expect(large).toBeGreaterThanOrEqual(3);
    expect(large).toBeLessThan(v.length / 5);
  });

  it('are concentrated: a minority of institutions, the top fifth of offenders holding half the findings', () => {
    const per = new Map<string, number>();
    for (const r of v) per.set(r.institution_code ?? '', (per.get(r.institution_code ?? '') ?? 0) + 1);
    expect(per.size).toBeLessThan(institutions.rows.length / 5);
    const sorted = [...per.values()].sort((a, b) => b - a);
    const top = sorted.slice(0, Math.ceil(sorted.length / 5)).reduce((a, b) => a + b, 0);
    expect(top / v.length).toBeGreaterThan(0.5);
  });
});
