import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fundRecords, funds } from '../../../server/db/schema.ts';
import { importFile, importTable } from '../../../server/importer/import-table.ts';
import { readTable, readTableFromBuffer } from '../../../server/importer/read-table.ts';
import { counts, makeDb, VINTAGE } from './helpers.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/import');
const options = { kind: 'fund_records' as const, unit: 'yuan' as const, dryRun: false, vintage: VINTAGE };

describe('file formats', () => {
  it('imports a GBK-encoded CSV with Chinese headers and scheme names', async () => {
    const db = await makeDb();
    const report = await importFile(db, join(FIXTURES, 'fund-records-gbk.csv'), options);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ ok: true, encoding: 'gb18030', rowsRead: 3, summary: { inserted: 3, updated: 0, unchanged: 0 } });
    const stored = await db.select({ scheme: funds.scheme, period: fundRecords.period, income: fundRecords.incomeFen, employer: fundRecords.incomeEmployerFen })
      .from(fundRecords).innerJoin(funds, eq(funds.id, fundRecords.fundId)).orderBy(asc(funds.scheme), asc(fundRecords.periodIndex));
    expect(stored).toEqual([
      { scheme: 'employee', period: '2024-01', income: 30000, employer: 20000 },
      { scheme: 'employee', period: '2024-02', income: 30000, employer: 20000 },
      { scheme: 'resident', period: '2024-01', income: 8000, employer: null },
    ]);
  });

  it('reads the GBK file the same through readTable and importTable (the upload path)', async () => {
    const db = await makeDb();
    const table = await readTableFromBuffer(readFileSync(join(FIXTURES, 'fund-records-gbk.csv')), 'upload.csv');
    const report = await importTable(db, table, { ...options, dryRun: true });
    expect(report).toMatchObject({ ok: true, encoding: 'gb18030', summary: { inserted: 3 } });
  });

  it('imports UTF-8 with a BOM (Chinese headers) and without (English headers)', async () => {
    const db = await makeDb();
    const bom = await importFile(db, join(FIXTURES, 'fund-records-bom.csv'), options);
    expect(bom).toMatchObject({ ok: true, encoding: 'utf-8-bom', summary: { inserted: 3 } });
    const plain = await importFile(db, join(FIXTURES, 'fund-records-utf8.csv'), options);
    // 2024-01 and 2024-02 of R01/employee were in the BOM file with the same figures.
    expect(plain).toMatchObject({ ok: true, encoding: 'utf-8', summary: { inserted: 1, updated: 0, unchanged: 2 } });
  });

  it('imports an XLSX workbook with numeric cells', async () => {
    const db = await makeDb();
    const report = await importFile(db, join(FIXTURES, 'fund-records.xlsx'), options);
    expect(report).toMatchObject({ ok: true, encoding: 'xlsx', rowsRead: 3, summary: { inserted: 3 } });
    expect((await db.select({ b: fundRecords.balanceFen }).from(fundRecords).orderBy(asc(fundRecords.periodIndex))).map((r) => r.b))
      .toEqual([125000, 150000, 175000]);
  });

  it('gives the same report for a streamed CSV file and the same file read as a table', async () => {
    const path = join(FIXTURES, 'fund-records-utf8.csv');
    const streamed = await importFile(await makeDb(), path, { ...options, dryRun: true });
    const whole = await importTable(await makeDb(), await readTable(path), { ...options, dryRun: true });
    expect(streamed).toEqual(whole);
  });

  it('reports an unreadable file as one file-level issue and writes nothing', async () => {
    const db = await makeDb();
    const before = await counts(db);
    const report = await importFile(db, join(FIXTURES, 'no-such-file.csv'), options);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([expect.objectContaining({ row: null, column: null, rule: 'unreadable_file' })]);
    expect(await counts(db)).toEqual(before);
  });
});
