/**
 * Property-based fuzzing of CSV and XLSX import (issue 7 item 6), through the two ways files come
 * in: an upload (importUpload: readTableFromBuffer + importTable, bytes in memory) and a file on
 * disk (importFile: a CSV streamed, an XLSX read whole). Inputs: random bytes, random bytes behind a
 * valid header, valid files cut at any byte, valid files with hostile cells and headers (bad
 * numbers, dates, periods, units, BOMs, formulas and errors in XLSX cells) in UTF-8, UTF-8 with BOM,
 * GB18030 and XLSX, and huge rows. For every import:
 * - nothing is thrown, and no issue is `internal_error` or `write_failed` (an exception caught);
 * - every issue names the file, and a row that is null (the whole file) or a line of the file;
 * - a report that is not ok, and every dry run, wrote nothing (row counts and write journal);
 * - an ok import inserted exactly the rows its summary counts.
 * And the same table imports the same from every encoding and column order.
 *
 * Seeded (SEED) and bounded (about 1,000 imports): 7–12 s here. FUZZ_SEED and FUZZ_SCALE explore further.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { MoneyUnit } from '../../../models/core/money.ts';
import type { Db } from '../../../server/db/client.ts';
import { users } from '../../../server/db/schema.ts';
import { loadSessionUser, type SessionUser } from '../../../server/auth/sessions.ts';
import { importFile, importTable, IMPORT_KINDS, type ImportKind, type ImportReport } from '../../../server/importer/import-table.ts';
import { MAX_XLSX_COLUMNS, parseCsvText } from '../../../server/importer/read-table.ts';
import { importUpload } from '../../../server/services/upload-import.ts';
import { makeTestDb } from '../harness.ts';
import { journalWrites, type WriteJournal } from './write-journal.ts';
import { encodeGbk, gbkEncodable } from './gb18030.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_707);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const TODAY = '2026-01-15';
const TIMEOUT_MS = 60_000 * SCALE;

/** The table each kind fills. */
const TABLE_OF: Record<ImportKind, string> = {
  regions: 'regions', fund_records: 'fund_records', institutions: 'institutions', institution_years: 'institution_scheme_years', violations: 'violations',
};

/** A column's canonical name (`income_employer`), which an issue uses when the file lacks the column. */
const CANONICAL = /^[a-z_]+$/;

type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'xlsx';
type Cell = string | number | boolean | Date | ExcelJS.CellValue;

/** A fund_records file as a provincial bureau sends it: Chinese headers, amounts in 万元, balances rolling forward. */
function fundTable(): string[][] {
  const rows = [['统筹区编码', '险种', '期间', '收入（万元）', '支出（万元）', '累计结余（万元）', '备注']];
  for (const [region, scheme] of [['R01', '职工'], ['R02', '居民']] as const) {
    let balanceFen = 500_000_000;
    for (let m = 1; m <= 12; m++) {
      const expenditureFen = 10_000_000 + m * 123_456;
      const incomeFen = 10_500_000 + m * 98_765;
      balanceFen += incomeFen - expenditureFen;
      const wan = (fen: number) => (fen / 1_000_000).toFixed(6);
      rows.push([region, scheme, `2024-${String(m).padStart(2, '0')}`, wan(incomeFen), wan(expenditureFen), wan(balanceFen), m === 6 ? '年中调整' : '']);
    }
  }
  return rows;
}

const REGION_TABLE = [['编码', '名称', '英文名称', '级别', '上级编码'], ['P2', '测试省', 'Test province', '省', ''], ['C21', '甲市', 'City A', '市', 'P2'], ['C22', '乙市', '', '市', 'P2']];

/** A base file and the kind it is. */
const BASES: readonly { kind: ImportKind; table: () => string[][] }[] = [
  { kind: 'fund_records', table: fundTable },
  { kind: 'regions', table: () => REGION_TABLE.map((r) => [...r]) },
];

function csvText(table: readonly (readonly Cell[])[]): string {
  const field = (c: Cell) => {
    const s = c instanceof Date ? c.toISOString() : typeof c === 'object' && c !== null ? JSON.stringify(c) : String(c);
    return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return table.map((r) => r.map(field).join(',')).join('\r\n');
}

/** A number-looking text becomes a number cell in XLSX, as Excel stores it. */
async function xlsxBytes(table: readonly (readonly Cell[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  for (const row of table) sheet.addRow(row.map((c) => (typeof c === 'string' && /^-?\d+(\.\d+)?$/.test(c) && c.length < 16 ? Number(c) : c)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function encode(table: readonly (readonly Cell[])[], encoding: Encoding): Promise<{ bytes: Buffer; fileName: string }> {
  if (encoding === 'xlsx') return { bytes: await xlsxBytes(table), fileName: 'fuzz.xlsx' };
  const text = csvText(table);
  if (encoding === 'gb18030' && gbkEncodable(text)) return { bytes: encodeGbk(text), fileName: 'fuzz.csv' };
  const utf8 = Buffer.from(text, 'utf8');
  return { bytes: encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8, fileName: 'fuzz.csv' };
}

/** Cells an exported or hand-edited sheet may hold where a valid one was. */
const hostileCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(
    '', ' ', '-', '—', 'NaN', 'Infinity', '-Infinity', '1e400', '1e-400', '-0', '１２３', '1,234.5', '1.234,5', '(100)', '¥100', '100元', '1e5', '0x1F',
    '\uFEFF100', '100\u00a0', '9007199254740993', '99999999999999999999', '12.345', '2024-02-30', '2024-13', '24-01', '2024/01', '202401', '2024-1',
    '二〇二四年一月', 'employee ', '职工医保', 'XX', 'R99', '=1+1', '=HYPERLINK("http://x")', '"', '""', '\n', '\r', ',', '#N/A', '\u0000', '\uD800', '🦠',
    'x'.repeat(100_000), true, false, new Date(Date.UTC(2024, 0, 31)), 1e308, -1e-7,
    { formula: '1/0', result: { error: '#DIV/0!' } }, { richText: [{ text: '12' }, { text: '3.5' }] }, { text: '1000', hyperlink: 'http://example.com' }, { error: '#N/A' },
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.double().map((x) => String(x)),
  fc.integer().map(String),
);

/** Changes to the header: units, BOMs, duplicates, unknown and empty names. */
const hostileHeader: fc.Arbitrary<string> = fc.constantFrom(
  '收入（亿元）', 'income (元)', '收入 (foo)', '收入【万元】', '\uFEFF统筹区编码', '', '期间', 'income', 'INCOME', ' 支出 ', '累计结余（万元）（元）', '未知列', '收入\n合计',
);

interface Edited {
  base: number;
  cells: { row: number; col: number; value: Cell }[];
  header: { col: number; value: string } | null;
  dropColumn: number | null;
}

const edited: fc.Arbitrary<Edited> = fc.record({
  base: fc.nat(BASES.length - 1),
  cells: fc.array(fc.record({ row: fc.nat(), col: fc.nat(), value: hostileCell }), { maxLength: 3 }),
  header: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.record({ col: fc.nat(), value: hostileHeader }) }),
  dropColumn: fc.oneof({ weight: 7, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }),
});

function applyEdits(e: Edited): Cell[][] {
  const table: Cell[][] = (BASES[e.base] as (typeof BASES)[number]).table().map((r) => [...r]);
  const width = (table[0] as Cell[]).length;
  for (const { row, col, value } of e.cells) (table[1 + (row % (table.length - 1))] as Cell[])[col % width] = value;
  if (e.header) (table[0] as Cell[])[e.header.col % width] = e.header.value;
  if (e.dropColumn !== null) for (const r of table) r.splice(e.dropColumn % width, 1);
  return table;
}

describe('fuzzing CSV and XLSX import', () => {
  let db: Db;
  let journal: WriteJournal;
  let user: SessionUser;
  let dir = '';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'fundrisk-import-fuzz-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  /** Each property starts from the same database: users, regions P1 → R01, R02. */
  beforeEach(async () => {
    db = await makeTestDb();
    const regions = await importTable(db, parseCsvText('code,name,level,parent_code\nP1,示例省,province,\nR01,示例市,city,P1\nR02,另一市,city,P1', 'regions.csv', 'utf-8'),
      { kind: 'regions', unit: 'yuan', dryRun: false, vintage: TODAY });
    if (!regions.ok) throw new Error(JSON.stringify(regions.errors));
    journal = await journalWrites(db);
    const [admin] = await db.select().from(users).where(eq(users.username, 'admin')).limit(1);
    if (!admin) throw new Error('no admin');
    user = await loadSessionUser(db, admin);
  });

  interface Attempt { bytes: Uint8Array; fileName: string; kind: ImportKind; unit: MoneyUnit; dryRun: boolean; viaDisk: boolean }

  /**
   * One import with the properties every import must have. `maxRow` bounds the rows issues may name;
   * `header`, when known, holds the columns they may name (besides a canonical name, for a missing one).
   */
  async function importOnce(a: Attempt, maxRow = Number.POSITIVE_INFINITY, header?: readonly string[]): Promise<ImportReport> {
    const before = await journal.rowCounts();
    await journal.clear();
    let report: ImportReport;
    if (a.viaDisk) {
      const path = join(dir, a.fileName);
      writeFileSync(path, a.bytes);
      report = await importFile(db, path, { kind: a.kind, unit: a.unit, dryRun: a.dryRun, vintage: TODAY, userId: user.id, username: user.username });
    } else {
      report = await importUpload(db, user, { kind: a.kind, unit: a.unit, fileName: a.fileName, contentBase64: Buffer.from(a.bytes).toString('base64') }, a.dryRun, TODAY);
    }
    const caught = report.errors.filter((e) => e.rule === 'internal_error' || e.rule === 'write_failed');
    expect(caught, 'an exception was caught inside the import').toEqual([]);
    for (const e of report.errors) {
      expect(e.file).toBe(a.fileName);
      expect(e.message.length).toBeGreaterThan(0);
      if (e.row !== null) expect(e.row >= 1 && e.row <= maxRow, `row ${e.row} of ${e.rule}: ${e.message}`).toBe(true);
      if (header && e.column !== null) expect(header.includes(e.column) || CANONICAL.test(e.column), `column "${e.column}" of ${e.rule}: ${e.message}`).toBe(true);
    }
    if (!report.ok || a.dryRun) {
      expect(await journal.writes(), `${report.ok ? 'a dry run' : 'a refused import'} wrote`).toEqual([]);
      expect(await journal.rowCounts()).toEqual(before);
      expect(report.importId).toBeNull();
    } else {
      const table = TABLE_OF[a.kind];
      expect(((await journal.rowCounts())[table] ?? 0) - (before[table] ?? 0)).toBe(report.summary.inserted);
    }
    return report;
  }

  const kind = fc.constantFrom(...IMPORT_KINDS);
  const unit = fc.constantFrom<MoneyUnit>('yuan', 'wan', 'yi');

  it('random bytes, alone or behind a valid header, never throw and write nothing', async () => {
    const headed = fc.constantFrom<[string, ImportKind]>(
      ['region_code,scheme,period,income,expenditure,balance\n', 'fund_records'], ['统筹区编码,险种,期间,收入,支出,累计结余\r\n', 'fund_records'],
      ['code,name,level\n', 'regions'], ['institution_code,name,type,region_code\n', 'institutions'],
      ['\uFEFFinstitution_code,year,payments\n', 'institution_years'], ['institution_code,date,amount,count,nature,kind,status\n', 'violations'],
    );
    const start = fc.oneof({ weight: 3, arbitrary: headed }, { weight: 1, arbitrary: fc.tuple(fc.constant(''), kind) });
    await fc.assert(fc.asyncProperty(start, fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('x.csv', 'x.xlsx', 'x.txt'), unit, fc.boolean(), fc.boolean(),
      async ([head, k], noise, fileName, u, dryRun, viaDisk) => {
        await importOnce({ bytes: Buffer.concat([Buffer.from(head, 'utf8'), noise]), fileName, kind: k, unit: u, dryRun, viaDisk });
      }), { seed: SEED, numRuns: 300 * SCALE });
  }, TIMEOUT_MS);

  it('a valid file cut at any byte imports whole or not at all', async () => {
    const files = await Promise.all(BASES.flatMap((b) => (['utf-8', 'utf-8-bom', 'gb18030', 'xlsx'] as const).map(async (enc) => ({ kind: b.kind, ...(await encode(b.table(), enc)) }))));
    await fc.assert(fc.asyncProperty(fc.constantFrom(...files), fc.nat(), fc.boolean(), fc.boolean(), async (file, cutAt, dryRun, viaDisk) => {
      const bytes = file.bytes.subarray(0, cutAt % (file.bytes.length + 1));
      await importOnce({ bytes, fileName: file.fileName, kind: file.kind, unit: 'yuan', dryRun, viaDisk });
    }), { seed: SEED, numRuns: 200 * SCALE });
  }, TIMEOUT_MS);

  it('hostile cells and headers in any encoding are reported by row and column, and nothing is written', async () => {
    await fc.assert(fc.asyncProperty(edited, fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'gb18030', 'xlsx'), fc.boolean(), fc.boolean(), async (e, enc, dryRun, viaDisk) => {
      const table = applyEdits(e);
      const { bytes, fileName } = await encode(table, enc);
      // a cell with a line break adds a line to a CSV file: rows are lines of the file, not records
      const lines = enc === 'xlsx' ? table.length : csvText(table).split(/\r\n|\r|\n/).length;
      const header = (table[0] as Cell[]).map((h) => String(h).replace(/^\uFEFF/, '').trim());
      await importOnce({ bytes, fileName, kind: (BASES[e.base] as (typeof BASES)[number]).kind, unit: 'yuan', dryRun, viaDisk }, lines, header);
    }), { seed: SEED, numRuns: 400 * SCALE });
  }, TIMEOUT_MS);

  it('imports the same table the same way from UTF-8, UTF-8 with BOM, GB18030 and XLSX, in any column order, upload or disk', async () => {
    const order = fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6], { minLength: 7, maxLength: 7 });
    await fc.assert(fc.asyncProperty(fc.nat(BASES.length - 1), order, fc.boolean(), async (b, columns, viaDisk) => {
      const base = BASES[b] as (typeof BASES)[number];
      const table = base.table().map((r) => columns.filter((c) => c < r.length).map((c) => r[c] as string));
      const reports = [];
      for (const enc of ['utf-8', 'utf-8-bom', 'gb18030', 'xlsx'] as const) {
        const { bytes, fileName } = await encode(table, enc);
        const report = await importOnce({ bytes, fileName, kind: base.kind, unit: 'yuan', dryRun: true, viaDisk });
        expect(report.encoding).toBe(enc);
        reports.push({ ok: report.ok, errors: report.errors.map((x) => ({ ...x, file: '' })), summary: report.summary, changes: report.changes });
      }
      expect(reports[0]?.ok).toBe(true);
      for (const r of reports.slice(1)) expect(r).toEqual(reports[0]);
    }), { seed: SEED, numRuns: 16 * SCALE });
  }, TIMEOUT_MS);

  it('a sheet costs what it holds, not its extent: stray cells far right or far down', async () => {
    const stray = fc.record({ row: fc.integer({ min: 1, max: 1_048_576 }), column: fc.integer({ min: 1, max: 16_384 }), value: hostileCell });
    await fc.assert(fc.asyncProperty(fc.nat(BASES.length - 1), fc.array(stray, { minLength: 1, maxLength: 3 }), fc.boolean(), async (b, cells, viaDisk) => {
      const base = BASES[b] as (typeof BASES)[number];
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('数据');
      for (const row of base.table()) sheet.addRow(row);
      for (const { row, column, value } of cells) sheet.getCell(row, column).value = value as ExcelJS.CellValue;
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      const report = await importOnce({ bytes, fileName: 'stray.xlsx', kind: base.kind, unit: 'yuan', dryRun: false, viaDisk });
      if (cells.some((c) => c.column > MAX_XLSX_COLUMNS)) expect(report.errors.map((e) => e.rule)).toContain('unreadable_file');
    }), { seed: SEED, numRuns: 30 * SCALE });
  }, TIMEOUT_MS);

  it('huge rows (thousands of columns, megabyte cells, many junk rows) give a report', async () => {
    const huge = fc.oneof(
      fc.integer({ min: 1000, max: 20_000 }).map((n) => `region_code,scheme,period,income,expenditure,balance${',x'.repeat(n)}\nR01,employee,2024-01,1,1,1${',9'.repeat(n)}`),
      fc.integer({ min: 1, max: 4 }).map((mb) => `code,name,level\nZ1,${'名'.repeat(mb * 350_000)},city`),
      fc.integer({ min: 5000, max: 30_000 }).map((n) => `region_code,scheme,period,income,expenditure,balance\n${'R01,employee,2024-13,a,b,c\n'.repeat(n)}`),
    );
    await fc.assert(fc.asyncProperty(huge, kind, fc.boolean(), async (text, k, viaDisk) => {
      await importOnce({ bytes: Buffer.from(text, 'utf8'), fileName: 'huge.csv', kind: k, unit: 'yuan', dryRun: false, viaDisk });
    }), { seed: SEED, numRuns: 8 * SCALE });
  }, TIMEOUT_MS);
});
