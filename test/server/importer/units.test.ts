import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fundRecords } from '../../../server/db/schema.ts';
import ExcelJS from 'exceljs';
import { expandExponent } from '../../../server/importer/fast-amount.ts';
import { importFile, importTable } from '../../../server/importer/import-table.ts';
import { readTableFromBuffer } from '../../../server/importer/read-table.ts';
import { makeDb, run, VINTAGE } from './helpers.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/import');

describe('money units', () => {
  it('stores 万元 exactly as integer fen (1.23456 万元 = 1234560 fen)', async () => {
    const db = await makeDb();
    const report = await importFile(db, join(FIXTURES, 'fund-records-wan.csv'), { kind: 'fund_records', unit: 'wan', dryRun: false, vintage: VINTAGE });
    expect(report.errors).toEqual([]);
    const rows = await db.select({ i: fundRecords.incomeFen, e: fundRecords.expenditureFen, b: fundRecords.balanceFen })
      .from(fundRecords).orderBy(asc(fundRecords.periodIndex));
    expect(rows).toEqual([{ i: 1234560, e: 500000, b: 10000010 }, { i: 2500000, e: 1250000, b: 11250010 }]);
  });

  it('stores 亿元 exactly, and rounds half away from zero below the fen', async () => {
    const db = await makeDb();
    const report = await run(db, 'region_code,scheme,period,income,expenditure,balance\nR01,employee,2024,22.48,15.67,0.00000000005', { unit: 'yi' });
    expect(report.errors).toEqual([]);
    expect((await db.select({ i: fundRecords.incomeFen, e: fundRecords.expenditureFen, b: fundRecords.balanceFen }).from(fundRecords).limit(1))[0])
      .toEqual({ i: 224_800_000_000, e: 156_700_000_000, b: 1 });
  });

  it('a unit in a header wins over the import unit, with a warning', async () => {
    const db = await makeDb();
    const report = await run(db, 'region_code,scheme,period,income (万元),expenditure（万元）,balance [元]\nR01,employee,2024,1.5,0.5,10000.00');
    expect(report.errors).toEqual([]);
    expect(report.warnings?.map((w) => [w.column, w.rule])).toEqual([['income (万元)', 'header_unit'], ['expenditure（万元）', 'header_unit']]);
    expect((await db.select({ i: fundRecords.incomeFen, e: fundRecords.expenditureFen, b: fundRecords.balanceFen }).from(fundRecords).limit(1))[0])
      .toEqual({ i: 1_500_000, e: 500_000, b: 1_000_000 });
  });

  it('the average contribution base is per head: 元 whatever the import unit', async () => {
    const db = await makeDb();
    await run(db, 'region_code,scheme,period,income,expenditure,balance,avg_contribution_base\nR01,employee,2024,1,1,10,6543.21', { unit: 'wan' });
    expect((await db.select({ base: fundRecords.avgContributionBaseFen }).from(fundRecords).limit(1))[0]?.base).toBe(654321);
  });

  it('thousands separators are read; an ignored column is a warning, not an error', async () => {
    const report = await run(await makeDb(), 'region_code,scheme,period,income,expenditure,balance,备注\nR01,employee,2024,"1,234.50",0,"1,234.50",note', { dryRun: true });
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([{ file: 'test.csv', row: 1, column: '备注', rule: 'unknown_column', message: 'column "备注" is not part of a fund_records import and is ignored' }]);
  });
});

describe('numbers from XLSX cells', () => {
  it('expandExponent shifts the decimal point exactly', () => {
    expect([expandExponent('5e-7'), expandExponent('1.25e3'), expandExponent('-1.5E+2'), expandExponent('12'), expandExponent('1.2345e2')])
      .toEqual(['0.0000005', '1250', '-150', '12', '123.45']);
  });

  it('accepts a tiny amount an XLSX number cell prints in exponent notation, exactly', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('s');
    sheet.addRow(['region_code', 'scheme', 'period', 'income', 'expenditure', 'balance']);
    sheet.addRow(['R01', 'employee', '2024', 0.0000005, 0, 0.0000005]);
    const table = await readTableFromBuffer(Buffer.from(await workbook.xlsx.writeBuffer()), 'tiny.xlsx');
    expect(table.rows[0]?.[3]).toBe('5e-7');
    const db = await makeDb();
    expect((await importTable(db, table, { kind: 'fund_records', unit: 'yi', dryRun: false, vintage: VINTAGE })).errors).toEqual([]);
    expect((await db.select({ i: fundRecords.incomeFen }).from(fundRecords).limit(1))[0]?.i).toBe(5000);
  });
});
