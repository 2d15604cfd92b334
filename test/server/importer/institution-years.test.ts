/**
 * institution_years with payments per scheme (domain.md §2, §5.2; issue 6): one row per institution ×
 * year × scheme, score and rating per institution × year, and the files that say no scheme.
 * Institutions: H001 serves employee and resident, Y001 (a pharmacy) employee only.
 */
import { asc, count } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client.ts';
import { imports, institutionSchemeYears, institutionYears } from '../../../server/db/schema.ts';
import { makeDb, onlyError, run } from './helpers.ts';

const years = (db: Db, text: string, dryRun = false) => run(db, text, { kind: 'institution_years', dryRun });

async function withInstitutions(): Promise<Db> {
  const db = await makeDb();
  const text = 'institution_code,name,type,level,region_code,schemes\nH001,第一医院,hospital,3,R01,"employee,resident"\nY001,大药房,pharmacy,,R01,employee\n';
  expect((await run(db, text, { kind: 'institutions' })).errors).toEqual([]);
  return db;
}

const schemeRows = async (db: Db) => db.select({ year: institutionSchemeYears.year, scheme: institutionSchemeYears.scheme, paid: institutionSchemeYears.paymentsFen, budget: institutionSchemeYears.budgetFen })
  .from(institutionSchemeYears).orderBy(asc(institutionSchemeYears.institutionId), asc(institutionSchemeYears.year), asc(institutionSchemeYears.scheme));
const yearRows = async (db: Db) => db.select({ year: institutionYears.year, score: institutionYears.assessmentScore, credit: institutionYears.creditRating, unsplit: institutionYears.unsplitPaymentsFen })
  .from(institutionYears).orderBy(asc(institutionYears.institutionId), asc(institutionYears.year));
const stored = async (db: Db) => ({
  schemeYears: await schemeRows(db), years: await yearRows(db), imports: (await db.select({ n: count() }).from(imports))[0]?.n ?? 0,
});

const HEADER = 'institution_code,year,scheme,payments,budget,assessment_score,credit_rating';

describe('institution_years per scheme', () => {
  it('stores each scheme\'s payments apart and the score once per institution year', async () => {
    const db = await withInstitutions();
    const text = `${HEADER}\nH001,2024,employee,1200000.00,1250000,92.5,A\nH001,2024,居民,300000.50,,92.5,A\nY001,2024,,8000,,,\n`;
    const report = await years(db, text);
    expect([report.errors, report.warnings, report.summary]).toEqual([[], [], { inserted: 3, updated: 0, unchanged: 0 }]);
    expect(await schemeRows(db)).toEqual([
      { year: 2024, scheme: 'employee', paid: 120_000_000, budget: 125_000_000 },
      { year: 2024, scheme: 'resident', paid: 30_000_050, budget: null },
      { year: 2024, scheme: 'employee', paid: 800_000, budget: null },
    ]);
    expect(await yearRows(db)).toEqual([{ year: 2024, score: 92.5, credit: 'A', unsplit: null }, { year: 2024, score: null, credit: null, unsplit: null }]);
    expect((await years(db, text)).summary).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
  });

  it('changes one scheme without touching the other, and keeps the score when the file has no score column', async () => {
    const db = await withInstitutions();
    expect((await years(db, `${HEADER}\nH001,2024,employee,100,,90,B\nH001,2024,resident,50,,90,B\n`)).errors).toEqual([]);
    const report = await years(db, 'institution_code,year,scheme,payments\nH001,2024,resident,60\n');
    expect(report.changes).toEqual([{ key: 'H001/2024/resident', action: 'update', before: { payments: 50 }, after: { payments: 60 } }]);
    expect((await schemeRows(db)).map((r) => [r.scheme, r.paid])).toEqual([['employee', 10_000], ['resident', 6_000]]);
    expect(await yearRows(db)).toEqual([{ year: 2024, score: 90, credit: 'B', unsplit: null }]);
  });

  it('stores a file without a scheme column under the only scheme of a single-scheme institution', async () => {
    const db = await withInstitutions();
    expect((await years(db, 'institution_code,year,payments\nY001,2023,7000\nY001,2024,8000\n')).errors).toEqual([]);
    expect((await schemeRows(db)).map((r) => [r.year, r.scheme, r.paid])).toEqual([[2023, 'employee', 700_000], [2024, 'employee', 800_000]]);
  });

  it('refuses a file without a scheme column for an institution serving two schemes, naming row and column, and changes nothing', async () => {
    const db = await withInstitutions();
    const before = await stored(db);
    const report = await years(db, 'institution_code,year,payments\nY001,2024,8000\nH001,2024,1500000\n');
    expect(onlyError(report)).toEqual({
      file: 'test.csv', row: 3, column: 'scheme', rule: 'scheme_required',
      message: 'the file has no scheme column and institution "H001" serves employee and resident: one payments figure for several schemes cannot be split between their budget plans; give one row per scheme with a scheme column (employee / resident, or 职工 / 居民)',
    });
    expect(await stored(db)).toEqual(before);
  });

  it('refuses an empty scheme cell for an institution serving two schemes, naming the column as written', async () => {
    const db = await withInstitutions();
    const report = await years(db, '机构编码,年度,险种,基金支付\nH001,2024,,1500000\n');
    expect(onlyError(report)).toMatchObject({
      row: 2, column: '险种', rule: 'scheme_required',
      message: 'the scheme cell is empty and institution "H001" serves employee and resident: one payments figure for several schemes cannot be split between their budget plans; give one row per scheme with a scheme column (employee / resident, or 职工 / 居民)',
    });
    expect((await stored(db)).schemeYears).toEqual([]);
  });

  it('names the row and column of a scheme that is not a scheme, and changes nothing', async () => {
    const db = await withInstitutions();
    expect((await years(db, `${HEADER}\nH001,2023,employee,1,,,\n`)).errors).toEqual([]);
    const before = await stored(db);
    const report = await years(db, `${HEADER}\nH001,2024,employee,1,,,\nH001,2024,养老,2,,,\n`);
    expect(onlyError(report)).toEqual({
      file: 'test.csv', row: 3, column: 'scheme', rule: 'unknown_scheme',
      message: 'scheme "养老" is not one of employee, resident, assistance, maternity, critical_illness, long_term_care',
    });
    expect(await stored(db)).toEqual(before);
  });

  it('refuses scheme rows of one year that disagree on the score or rating', async () => {
    const db = await withInstitutions();
    const report = await years(db, `${HEADER}\nH001,2024,employee,1,,92.5,A\nH001,2024,resident,2,,90,\n`);
    expect(report.errors).toEqual([
      { file: 'test.csv', row: 3, column: 'assessment_score', rule: 'conflicting_year_value',
        message: 'assessment_score 90 differs from 92.5 in row 2 for H001/2024: it belongs to the institution\'s year, not to one scheme; give the same value on every scheme row' },
      { file: 'test.csv', row: 3, column: 'credit_rating', rule: 'conflicting_year_value',
        message: 'credit_rating empty differs from A in row 2 for H001/2024: it belongs to the institution\'s year, not to one scheme; give the same value on every scheme row' },
    ]);
    expect((await stored(db)).schemeYears).toEqual([]);
  });

  it('stores payments for a scheme the institution does not serve, with a warning', async () => {
    const db = await withInstitutions();
    const report = await years(db, `${HEADER}\nY001,2024,resident,500,,,\n`);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([{
      file: 'test.csv', row: 2, column: 'scheme', rule: 'scheme_not_served',
      message: 'institution "Y001" does not serve resident (its schemes: employee): the payments are stored, but no resident plan uses them until the institutions import adds resident',
    }]);
    expect((await schemeRows(db)).map((r) => r.scheme)).toEqual(['resident']);
  });

  it('property: any employee and resident amounts come back to the fen per scheme, in any row order, and re-import unchanged', async () => {
    const fen = fc.integer({ min: 0, max: 10 ** 12 });
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fen, fen), { minLength: 1, maxLength: 4 }), fc.boolean(), async (amounts, reversed) => {
      const db = await withInstitutions();
      const rows = amounts.flatMap(([e, r], i) => [`H001,${2020 + i},employee,${e / 100},,,`, `H001,${2020 + i},resident,${r / 100},,,`]);
      const text = `${HEADER}\n${(reversed ? rows.reverse() : rows).join('\n')}\n`;
      expect((await years(db, text)).errors).toEqual([]);
      expect((await schemeRows(db)).map((s) => s.paid)).toEqual(amounts.flat());
      expect((await years(db, text)).summary).toEqual({ inserted: 0, updated: 0, unchanged: 2 * amounts.length });
    }), { numRuns: 30 });
  });
});
