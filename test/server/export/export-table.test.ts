import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client.ts';
import { institutionYears, institutions, regions } from '../../../server/db/schema.ts';
import { importTable, type ImportKind } from '../../../server/importer/import-table.ts';
import { readTableFromBuffer } from '../../../server/importer/read-table.ts';
import { EXPORTABLE_TABLES, exportTable, fenToUnitText } from '../../../server/services/export-table.ts';
import { makeDb, run, VINTAGE } from '../importer/helpers.ts';

const FUND_RECORDS = 'region_code,scheme,account,period,income,expenditure,balance,income_employer,income_individual,'
  + 'expenditure_inpatient,adjustment,adjustment_reason,active_members,retirees,avg_contribution_base,caliber,vintage\n'
  + 'R01,employee,pooling,2024-01,300.00,50.00,1250.00,200.00,100.00,50.00,0,,1000,300,6543.21,pooling_fund,2025-12-31\n'
  + 'R01,employee,pooling,2024-02,300.00,50.00,1490.00,200.00,100.00,50.00,-10.00,"审计调减, 重复拨付",1001,301,6543.21,pooling_fund,2025-12-31\n'
  + 'R02,resident,pooling,2024,123456.78,23456.78,100000.00,,,,0,,,,,pooling_fund,\n';

async function loaded(): Promise<Db> {
  const db = await makeDb();
  const steps: Array<[ImportKind, string]> = [
    ['regions', 'code,name,name_en,level,parent_code\nC01,=县一,"County, One",county,R01\n'],
    ['fund_records', FUND_RECORDS],
    ['institutions', 'institution_code,name,type,level,region_code,schemes\nH001,第一医院,hospital,3,R01,"employee,resident"\nH002,二院,hospital,2,R02,resident\n'],
    ['institution_years', 'institution_code,year,scheme,payments,budget,assessment_score,credit_rating\nH001,2024,employee,1200000.01,1250000,92.5,A\nH001,2024,resident,300000,,92.5,A\nH002,2024,,500,,,\n'],
    ['violations', 'institution_code,date,amount,count,nature,kind,status\nH001,2024-03-05,52000.00,2,serious,分解住院,confirmed\nH002,2024-04-01,1.5,1,general,重复收费,notified\n'],
  ];
  for (const [kind, text] of steps) expect((await run(db, text, { kind })).errors).toEqual([]);
  return db;
}

async function reimport(db: Db, kind: ImportKind, bytes: Buffer, fileName: string) {
  const table = await readTableFromBuffer(bytes, fileName);
  return importTable(db, table, { kind, unit: 'yuan', dryRun: true, vintage: '2027-01-01' });
}

describe('fenToUnitText', () => {
  it.each([
    [1234560, 'wan', '1.23456'], [100_000_000, 'wan', '100.00'], [-1, 'wan', '-0.000001'], [0, 'yi', '0.00'],
    [12_345_678_901, 'yi', '1.2345678901'], [-5, 'yuan', '-0.05'], [123456, 'yuan', '1234.56'],
  ] as const)('%d fen in %s is %s', (fen, unit, text) => {
    expect(fenToUnitText(fen, unit)).toBe(text);
  });
});

describe('exportTable', () => {
  it('writes CSV with a UTF-8 BOM and the unit in money headers', async () => {
    const file = await exportTable(await loaded(), 'fund_records', 'csv', { unit: 'wan' });
    expect(file).toMatchObject({ fileName: 'fund_records-wan.csv', contentType: 'text/csv; charset=utf-8' });
    expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = file.bytes.toString('utf8').slice(1).split('\n');
    expect(lines[0]).toBe('region_code,scheme,account,period,income (万元),expenditure (万元),balance (万元),income_employer (万元),'
      + 'income_individual (万元),income_subsidy (万元),income_interest (万元),income_other (万元),expenditure_inpatient (万元),'
      + 'expenditure_outpatient (万元),expenditure_pharmacy (万元),expenditure_other (万元),adjustment (万元),adjustment_reason,'
      + 'active_members,retirees,residents,avg_contribution_base (元),caliber,vintage');
    expect(lines[3]).toBe('R02,resident,pooling,2024,12.345678,2.345678,10.00,,,,,,,,,,0.00,,,,,,pooling_fund,2026-01-15');
  });

  for (const format of ['csv', 'xlsx'] as const) {
    for (const unit of ['yuan', 'wan', 'yi'] as const) {
      it(`${format} in ${unit} imports back unchanged, table by table`, async () => {
        const db = await loaded();
        const kinds: ImportKind[] = ['regions', 'fund_records', 'institutions', 'institution_years', 'violations'];
        for (const kind of kinds) {
          const file = await exportTable(db, kind, format, { unit });
          const report = await reimport(db, kind, file.bytes, file.fileName);
          expect(report.errors).toEqual([]);
          expect(report.summary.inserted + report.summary.updated).toBe(0);
          expect(report.summary.unchanged).toBeGreaterThan(0);
        }
      });
    }
  }

  it('exports into an empty database that then holds the same records', async () => {
    const source = await loaded();
    const target = await makeDb();
    for (const kind of ['regions', 'fund_records'] as const) {
      const file = await exportTable(source, kind, 'xlsx', { unit: 'yi' });
      const table = await readTableFromBuffer(file.bytes, file.fileName);
      expect((await importTable(target, table, { kind, unit: 'yuan', dryRun: false, vintage: VINTAGE })).errors).toEqual([]);
    }
    const again = await exportTable(target, 'fund_records', 'csv');
    expect(again.bytes.equals((await exportTable(source, 'fund_records', 'csv')).bytes)).toBe(true);
  });

  it('keeps a formula-looking text from running in a spreadsheet, and reads it back', async () => {
    const db = await loaded();
    const csv = (await exportTable(db, 'regions', 'csv')).bytes.toString('utf8');
    expect(csv).toContain("C01,'=县一,\"County, One\",county,R01");
    expect((await reimport(db, 'regions', Buffer.from(csv), 'regions.csv')).summary.updated).toBe(0);
  });

  it('limits rows to the regions given', async () => {
    const db = await loaded();
    const r02 = (await db.select({ id: regions.id }).from(regions).where(eq(regions.code, 'R02')).limit(1))[0]?.id as number;
    const text = (table: (typeof EXPORTABLE_TABLES)[number]) => exportTable(db, table, 'csv', { regionIds: [r02] }).then((f) => f.bytes.toString('utf8'));
    expect((await text('fund_records')).trim().split('\n').slice(1).map((l) => l.split(',')[0])).toEqual(['R02']);
    expect((await text('regions')).trim().split('\n')).toHaveLength(2);
    expect(await text('violations')).toContain('H002,2024-04-01,1.50');
    expect(await text('violations')).not.toContain('H001');
    expect((await text('funds')).trim().split('\n').slice(1)).toEqual([expect.stringMatching(/^R02,resident,pooling,pooling_fund,year,/)]);
    await expect(exportTable(db, 'audit_log', 'csv', { regionIds: [r02] })).rejects.toThrow('the audit log can only be exported with access to all regions');
  });

  it('exports institution years per scheme with the year\'s score on each row, and a pre-0010 all-schemes total with an empty scheme', async () => {
    const db = await loaded();
    const h001 = (await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.code, 'H001')).limit(1))[0]?.id as number;
    await db.insert(institutionYears).values({ institutionId: h001, year: 2023, unsplitPaymentsFen: 123_456, unsplitBudgetFen: null, assessmentScore: 80 });
    const lines = (await exportTable(db, 'institution_years', 'csv')).bytes.toString('utf8').slice(1).trim().split('\n');
    expect(lines).toEqual([
      'institution_code,year,scheme,payments (元),budget (元),assessment_score,credit_rating',
      'H001,2023,,1234.56,,80,', 'H001,2024,employee,1200000.01,1250000.00,92.5,A', 'H001,2024,resident,300000.00,,92.5,A', 'H002,2024,resident,500.00,,,',
    ]);
    // the all-schemes total cannot come back for an institution serving two schemes: the importer says why
    const report = await reimport(db, 'institution_years', Buffer.from(lines.join('\n')), 'institution_years.csv');
    expect(report.errors.map((e) => [e.row, e.column, e.rule])).toEqual([[2, 'scheme', 'scheme_required']]);
  });

  it('exports the audit log with the import entries', async () => {
    const csv = (await exportTable(await loaded(), 'audit_log', 'xlsx')).bytes;
    const table = await readTableFromBuffer(csv, 'audit_log.xlsx');
    expect(table.header.slice(0, 5)).toEqual(['id', 'at', 'user_id', 'username', 'action']);
    expect(table.rows.map((r) => r[4])).toEqual(['import.regions', 'import.fund_records', 'import.institutions', 'import.institution_years', 'import.violations']);
  });
});
