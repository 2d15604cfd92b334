/**
 * data/china: the national NHSA figures converted to the import format. Every amount is the
 * published 亿元 figure × 10^8 exactly; each series keeps one caliber; the `#` provenance lines
 * survive the importer's reader; and the files are what data/china/convert.ts makes of the
 * shared source (checked when shared/ sits beside the repository, as in CI).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEME_COLUMNS, convert, readSource, yiToFen } from '../../data/china/convert.ts';
import { FUND_RECORD_HEADER } from '../../data/demo/generate.ts';
import { parseCsvText } from '../../server/importer/read-table.ts';
import { fen, ledgerProblems, readCsv } from './csv-helpers.ts';

const CHINA_DIR = join(import.meta.dirname, '../../data/china');
const regions = readCsv(join(CHINA_DIR, 'regions.csv'));
const records = readCsv(join(CHINA_DIR, 'fund_records.csv'));


describe('data/china', () => {
  it('has the national region and keeps the source line', () => {
    expect(regions.rows).toEqual([{ code: 'CN', name: '全国（国家医保局公布）', name_en: 'China (NHSA published)', level: 'province', parent_code: '', source: 'NHSA published national figures; see data/README.md', synthetic: 'false' }]);
    for (const file of [regions, records]) {
      expect(file.comments[0]).toMatch(/^# source: .*NHSA/);
      expect(file.comments.join('')).not.toMatch(/[,"]/);
    }
  });

  it('reads through the importer with the `#` lines skipped', () => {
    for (const name of ['regions.csv', 'fund_records.csv']) {
      const table = parseCsvText(readFileSync(join(CHINA_DIR, name), 'utf8'), name, 'utf-8');
      expect(table.header[0], name).toBe(name === 'regions.csv' ? 'code' : 'region_code');
      expect(table.rowNumbers[0], name).toBe(4);
    }
  });

  it('is in the import format: yearly periods, one caliber per series, exact roll-forward with adjustments', () => {
    expect(records.header).toEqual([...FUND_RECORD_HEADER]);
    expect(ledgerProblems(records.rows)).toEqual([]);
    for (const r of records.rows) {
      expect(r.period).toMatch(/^\d{4}$/);
      expect(['employee', 'resident']).toContain(r.scheme);
      expect(r.account).toBe(SCHEME_COLUMNS[r.scheme as keyof typeof SCHEME_COLUMNS].account);
      expect(r.vintage).toMatch(/^\d{4}(-\d{2}-\d{2})?$/);
    }
  });

  it('converts 亿元 to 元 exactly', () => {
    expect(yiToFen('20637.18')).toBe(206_371_800_000_000n);
    expect(yiToFen('0.0000000001')).toBe(1n);
    expect(() => yiToFen('1,000')).toThrow('not a plain decimal amount in 亿元: "1,000"');
  });

  it('holds the published figures of its caliber, unchanged', () => {
    const { rows } = readSource();
    for (const r of records.rows) {
      const cols = SCHEME_COLUMNS[r.scheme as keyof typeof SCHEME_COLUMNS];
      const src = rows.find((s) => s.year === r.period && s.caliber === r.caliber);
      expect(src, `${r.scheme} ${r.period}`).toBeDefined();
      for (const [ours, theirs] of [['income', cols.income], ['expenditure', cols.expenditure], ['balance', cols.balance]] as const) {
        expect(BigInt(fen(r[ours])), `${r.scheme} ${r.period} ${ours}`).toBe(yiToFen(src?.[theirs] ?? ''));
      }
    }
  });

  it('is what convert.ts makes of the shared source', () => {
    const out = convert();
    expect(out.regions).toBe(readFileSync(join(CHINA_DIR, 'regions.csv'), 'utf8'));
    expect(out.fundRecords).toBe(readFileSync(join(CHINA_DIR, 'fund_records.csv'), 'utf8'));
  });
});
