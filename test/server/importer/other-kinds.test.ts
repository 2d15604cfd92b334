import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client.ts';
import { institutionSchemeYears, institutionYears, institutions, regions, violations } from '../../../server/db/schema.ts';
import type { ImportKind } from '../../../server/importer/import-table.ts';
import { counts, makeDb, onlyError, run } from './helpers.ts';

const imp = (db: Db, kind: ImportKind, text: string, dryRun = false) => run(db, text, { kind, dryRun });

const INSTITUTIONS = 'institution_code,name,type,level,region_code,schemes\n'
  + 'H001,第一医院,医院,三级甲等,R01,"职工、居民"\nY001,大药房,药店,,R01,employee\n';

async function withInstitutions(): Promise<Db> {
  const db = await makeDb();
  expect((await imp(db, 'institutions', INSTITUTIONS)).errors).toEqual([]);
  return db;
}

describe('regions', () => {
  it('imports parents given later in the same file, with Chinese levels, idempotently', async () => {
    const db = await makeDb();
    const text = 'code,name,level,parent_code\nC01,县一,县,R03\nR03,新市,市,P1\n';
    expect(await imp(db, 'regions', text)).toMatchObject({ ok: true, summary: { inserted: 2 } });
    const county = (await db.select().from(regions).where(eq(regions.code, 'C01')).limit(1))[0];
    const city = (await db.select().from(regions).where(eq(regions.code, 'R03')).limit(1))[0];
    expect(county).toMatchObject({ level: 'county', parentId: city?.id });
    expect((await imp(db, 'regions', text)).summary).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it('unknown_region for a parent that is nowhere, parent_cycle for a loop', async () => {
    expect(onlyError(await imp(await makeDb(), 'regions', 'code,name,level,parent_code\nC01,县一,county,X9'))).toEqual({
      file: 'test.csv', row: 2, column: 'parent_code', rule: 'unknown_region', message: 'parent region "X9" is neither in this file nor in the regions table',
    });
    const cycle = await imp(await makeDb(), 'regions', 'code,name,level,parent_code\nP1,示例省,province,R01');
    expect(onlyError(cycle)).toMatchObject({ rule: 'parent_cycle', message: 'region P1 would be its own ancestor through parent R01' });
  });

  it('unknown_level', async () => {
    expect(onlyError(await imp(await makeDb(), 'regions', 'code,name,level\nX1,某地,village'))).toMatchObject({
      rule: 'unknown_level', column: 'level', message: 'level "village" is not one of province, city, county',
    });
  });
});

describe('institutions', () => {
  it('imports Chinese types, levels and scheme lists', async () => {
    const db = await withInstitutions();
    expect(await db.select({ code: institutions.code, type: institutions.type, level: institutions.level, schemes: institutions.schemes })
      .from(institutions).orderBy(asc(institutions.code))).toEqual([
      { code: 'H001', type: 'hospital', level: 3, schemes: 'employee,resident' },
      { code: 'Y001', type: 'pharmacy', level: null, schemes: 'employee' },
    ]);
    expect((await imp(db, 'institutions', INSTITUTIONS)).summary).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it.each([
    ['unknown_region', 'H9,甲医院,hospital,3,R99,', 'region "R99" is not in the regions table; import it first (kind regions)'],
    ['unknown_institution_type', 'H9,甲医院,clinic,3,R01,', 'type "clinic" is not one of hospital, primary_care, pharmacy'],
    ['bad_level', 'H9,甲医院,hospital,四级,R01,', 'level "四级" is not 3, 2 or 1 (三级, 二级, 一级); leave it empty for pharmacies'],
    ['unknown_scheme', 'H9,甲医院,hospital,3,R01,职工;养老', 'scheme "养老" is not one of employee, resident, assistance, maternity, critical_illness, long_term_care (or 职工, 居民, …)'],
  ])('%s', async (rule, row, message) => {
    expect(onlyError(await imp(await makeDb(), 'institutions', `institution_code,name,type,level,region_code,schemes\n${row}`))).toMatchObject({ row: 2, rule, message });
  });
});

describe('institution_years', () => {
  const header = 'institution_code,year,scheme,payments,budget,assessment_score,credit_rating';

  it('imports and updates a year', async () => {
    const db = await withInstitutions();
    expect((await imp(db, 'institution_years', `${header}\nH001,2024,职工,1200000.00,1250000,92.5,a级`)).errors).toEqual([]);
    const updated = await imp(db, 'institution_years', `${header}\nH001,2024,employee,1200000.00,1250000,88,B`);
    expect(updated.summary).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(updated.changes[0]).toEqual({ key: 'H001/2024/employee', action: 'update', before: { assessment_score: 92.5, credit_rating: 'A' }, after: { assessment_score: 88, credit_rating: 'B' } });
    expect((await db.select().from(institutionSchemeYears).limit(1))[0]).toMatchObject({ scheme: 'employee', paymentsFen: 120000000, budgetFen: 125000000 });
    expect((await db.select().from(institutionYears).limit(1))[0]).toMatchObject({ assessmentScore: 88, creditRating: 'B', unsplitPaymentsFen: null });
  });

  it.each([
    ['unknown_institution', 'H999,2024,employee,1,,,', 'institution "H999" is not in the institutions table; import it first (kind institutions)'],
    ['bad_credit_rating', 'H001,2024,employee,1,,,AA', 'credit_rating "AA" is not one of A, B, C, D'],
    ['score_out_of_range', 'H001,2024,employee,1,,100.5,', 'assessment_score 100.5 is outside 0–100'],
    ['bad_year', 'H001,24,employee,1,,,', 'year: not a year (expected YYYY): "24"'],
    ['negative_amount', 'H001,2024,employee,-1,,,', 'payments cannot be negative: −1.00 元'],
  ])('%s', async (rule, row, message) => {
    const db = await withInstitutions();
    const before = await counts(db);
    expect(onlyError(await imp(db, 'institution_years', `${header}\n${row}`))).toMatchObject({ row: 2, rule, message });
    expect(await counts(db)).toEqual(before);
  });

  it('duplicate_key', async () => {
    expect(onlyError(await imp(await withInstitutions(), 'institution_years', `${header}\nH001,2024,employee,1,,,\nH001,2024,职工医保,2,,,`))).toMatchObject({
      row: 3, column: 'year', rule: 'duplicate_key', message: 'H001/2024/employee already appears in row 2',
    });
  });
});

describe('violations', () => {
  const header = 'institution_code,date,amount,count,nature,kind,status';

  it('imports Chinese natures and dates, and re-imports unchanged', async () => {
    const db = await withInstitutions();
    const text = `${header}\nH001,2024年3月5日,52000.00,2,较重,分解住院,\nH001,2024/04/01,800,,一般,重复收费,已告知\n`;
    expect((await imp(db, 'violations', text)).errors).toEqual([]);
    expect(await db.select({ date: violations.date, amount: violations.amountFen, count: violations.count, nature: violations.nature, status: violations.status })
      .from(violations).orderBy(asc(violations.date))).toEqual([
      { date: '2024-03-05', amount: 5200000, count: 2, nature: 'serious', status: 'confirmed' },
      { date: '2024-04-01', amount: 80000, count: 1, nature: 'general', status: 'notified' },
    ]);
    expect((await imp(db, 'violations', text)).summary).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it.each([
    ['bad_date', 'H001,2024-02-30,1,,一般,串换项目,', 'date: not a date (expected YYYY-MM-DD): "2024-02-30"'],
    ['unknown_nature', 'H001,2024-02-01,1,,轻微,串换项目,', 'nature "轻微" is not one of general, serious, severe'],
    ['unknown_status', 'H001,2024-02-01,1,,一般,串换项目,pending', 'status "pending" is not one of proposed, notified, confirmed, withdrawn'],
    ['bad_count', 'H001,2024-02-01,1,0,一般,串换项目,', 'count must be at least 1, not 0'],
    ['unknown_institution', 'H404,2024-02-01,1,,一般,串换项目,', 'institution "H404" is not in the institutions table; import it first (kind institutions)'],
  ])('%s', async (rule, row, message) => {
    expect(onlyError(await imp(await withInstitutions(), 'violations', `${header}\n${row}`))).toMatchObject({ row: 2, rule, message });
  });
});
