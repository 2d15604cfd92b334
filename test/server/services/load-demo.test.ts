/**
 * The demo data set loads through the importer with payments per scheme, and a 2026 plan of 东川市
 * (DEMO01) bases each institution on its plan's scheme: the employee plan reads the employee rows
 * of data/demo/institution_years.csv, the resident plan the resident rows.
 */
import { join } from 'node:path';
import { count, eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/client.ts';
import { auditLog, institutionSchemeYears, institutionYears, regions, users } from '../../../server/db/schema.ts';
import { loadSessionUser } from '../../../server/auth/sessions.ts';
import { loadDemoData } from '../../../server/services/load-demo.ts';
import { createPlan, loadPlan } from '../../../server/services/budget-plans.ts';
import { loadInstitutionFacts } from '../../../server/services/budget-facts.ts';
import { fen, readCsv } from '../../data/csv-helpers.ts';
import { openTestDatabase } from '../../support/test-database.ts';

const YEARS = readCsv(join(import.meta.dirname, '../../../data/demo/institution_years.csv'));
/** Fen of an institution's payments in a year and scheme, from the demo file; null when it has no row. */
const csvPaid = (code: string, year: number, scheme: string) => {
  const row = YEARS.rows.find((r) => r.institution_code === code && r.year === String(year) && r.scheme === scheme);
  return row ? fen(row.payments) : null;
};

describe('the demo data set', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDatabase();
    expect(await loadDemoData(db)).toBe(true);
  });

  it('stores one payments row per demo file row and one year row per institution year, none unsplit', async () => {
    const n = (rows: { n: number }[]) => rows[0]?.n ?? 0;
    expect(n(await db.select({ n: count() }).from(institutionSchemeYears))).toBe(YEARS.rows.length);
    expect(n(await db.select({ n: count() }).from(institutionYears))).toBe(new Set(YEARS.rows.map((r) => `${r.institution_code}/${r.year}`)).size);
    expect(n(await db.select({ n: count() }).from(institutionYears).where(isNotNull(institutionYears.unsplitPaymentsFen)))).toBe(0);
  });

  it('loads once: on a database that has data by then it changes nothing and says so', async () => {
    const before = await db.select({ n: count() }).from(auditLog);
    expect(await loadDemoData(db)).toBe(false);
    expect(await db.select({ n: count() }).from(auditLog)).toEqual(before);
  });

  it('bases the employee and the resident plan of 东川市 on their own scheme\'s payments', async () => {
    const regionId = (await db.select({ id: regions.id }).from(regions).where(eq(regions.code, 'DEMO01')).limit(1))[0]?.id as number;
    const user = await loadSessionUser(db, (await db.select().from(users).where(eq(users.username, 'budget')).limit(1))[0] as typeof users.$inferSelect);
    const facts = async (scheme: 'employee' | 'resident') => {
      const plan = await loadPlan(db, null, (await createPlan(db, user, null, { year: 2026, scheme, regionId })).id);
      return new Map((await loadInstitutionFacts(db, plan)).map((f) => [f.code, f]));
    };
    const employee = await facts('employee');
    const resident = await facts('resident');
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
