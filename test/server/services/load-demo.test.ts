/**
 * The demo data set loads through the importer with payments per scheme, and a 2026 plan of 东川市
 * (DEMO01) bases each institution on its plan's scheme: the employee plan reads the employee rows
 * of data/demo/institution_years.csv, the resident plan the resident rows.
 */
import { join } from 'node:path';
import { count, eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../server/db/client.ts';
import { institutionSchemeYears, institutionYears, regions, users } from '../../../server/db/schema.ts';
import { loadSessionUser } from '../../../server/auth/sessions.ts';
import { loadDemoData } from '../../../server/services/load-demo.ts';
import { createPlan, loadPlan } from '../../../server/services/budget-plans.ts';
import { loadInstitutionFacts } from '../../../server/services/budget-facts.ts';
import { fen, readCsv } from '../../data/csv-helpers.ts';

const YEARS = readCsv(join(import.meta.dirname, '../../../data/demo/institution_years.csv'));
/** Fen of an institution's payments in a year and scheme, from the demo file; null when it has no row. */
const csvPaid = (code: string, year: number, scheme: string) => {
  const row = YEARS.rows.find((r) => r.institution_code === code && r.year === String(year) && r.scheme === scheme);
  return row ? fen(row.payments) : null;
};

describe('the demo data set', () => {
  let db: Db;
  beforeAll(async () => {
    db = openDatabase(':memory:');
    await loadDemoData(db);
  });

  it('stores one payments row per demo file row and one year row per institution year, none unsplit', () => {
    const n = (rows: { n: number } | undefined) => rows?.n ?? 0;
    expect(n(db.select({ n: count() }).from(institutionSchemeYears).get())).toBe(YEARS.rows.length);
    expect(n(db.select({ n: count() }).from(institutionYears).get())).toBe(new Set(YEARS.rows.map((r) => `${r.institution_code}/${r.year}`)).size);
    expect(n(db.select({ n: count() }).from(institutionYears).where(isNotNull(institutionYears.unsplitPaymentsFen)).get())).toBe(0);
  });

  it('bases the employee and the resident plan of 东川市 on their own scheme\'s payments', () => {
    const regionId = db.select({ id: regions.id }).from(regions).where(eq(regions.code, 'DEMO01')).get()?.id as number;
    const user = loadSessionUser(db, db.select().from(users).where(eq(users.username, 'budget')).get() as typeof users.$inferSelect);
    const facts = (scheme: 'employee' | 'resident') => new Map(loadInstitutionFacts(db, loadPlan(db, null, createPlan(db, user, null, { year: 2026, scheme, regionId }).id))
      .map((f) => [f.code, f]));
    const employee = facts('employee');
    const resident = facts('resident');
    const both = [...employee.keys()].filter((code) => resident.has(code));
    expect(both.length).toBeGreaterThan(10);
    expect(employee.size).toBeGreaterThan(both.length); // pharmacies serving the employee scheme only
    for (const code of both) {
      expect(employee.get(code)?.paidFen, code).toEqual([2023, 2024, 2025].map((y) => csvPaid(code, y, 'employee')));
      expect(resident.get(code)?.paidFen, code).toEqual([2023, 2024, 2025].map((y) => csvPaid(code, y, 'resident')));
      expect(employee.get(code)?.paidFen, code).not.toEqual(resident.get(code)?.paidFen);
      expect(employee.get(code)?.score, code).toBe(resident.get(code)?.score);
    }
  });
});
