/**
 * Migration 0010 (payments per scheme) on a database left at 0009 with data: every old
 * institution_years row survives, a single-scheme institution's payments move under its scheme,
 * a multi-scheme institution's total stays unsplit (never attributed to a scheme), score, rating
 * and import ids stay, and the database opens through the real openDatabase (backup, foreign-key check).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { asc } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, sqliteConnection } from '../../../server/db/client.ts';
import { institutionSchemeYears, institutionYears } from '../../../server/db/schema.ts';

const MIGRATIONS = resolve(import.meta.dirname, '../../../data/migrations/sqlite');
const BEFORE = '0010_';
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A migrations folder holding only the migrations before 0010, with the journal cut to match. */
function foldersUpTo0009(dir: string): string {
  const out = join(dir, 'migrations');
  mkdirSync(join(out, 'meta'), { recursive: true });
  for (const f of readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql') && f < BEFORE)) copyFileSync(join(MIGRATIONS, f), join(out, f));
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < BEFORE);
  expect(journal.entries.at(-1)?.tag).toBe('0009_parameter_values_immutable');
  writeFileSync(join(out, 'meta/_journal.json'), JSON.stringify(journal));
  return out;
}

/** A file database at 0009 with regions, institutions of one and two schemes, an import and five institution years. */
function databaseAt0009(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fundrisk-0010-'));
  dirs.push(dir);
  const path = join(dir, 'old.db');
  const sqlite = new Database(path);
  migrate(drizzle(sqlite), { migrationsFolder: foldersUpTo0009(dir) });
  sqlite.exec(`
    INSERT INTO regions (id, code, name, level) VALUES (1, 'A', '甲市', 'city');
    INSERT INTO institutions (id, code, name, type, level, region_id, schemes) VALUES
      (1, 'H1', '一院', 'hospital', 3, 1, 'employee,resident'),
      (2, 'P1', '药房', 'pharmacy', NULL, 1, 'employee'),
      (3, 'R1', '诊所', 'primary_care', 1, 1, 'resident');
    INSERT INTO imports (id, kind, file_name, unit, rows_inserted, rows_updated) VALUES (7, 'institution_years', 'years.csv', 'yuan', 5, 0);
    INSERT INTO institution_years (institution_id, year, payments_fen, budget_fen, assessment_score, credit_rating, import_id) VALUES
      (1, 2024, 150000000, 155000000, 92.5, 'A', 7),
      (1, 2025, 160000000, NULL, NULL, 'B', 7),
      (2, 2024, 800000, NULL, 88, NULL, 7),
      (2, 2025, 900000, 950000, 90, 'A', NULL),
      (3, 2025, 300000, NULL, NULL, NULL, 7);
  `);
  sqlite.close();
  return path;
}

describe('migration 0010_per_scheme_payments', () => {
  it('keeps every old row: single-scheme years under their scheme, multi-scheme years unsplit', async () => {
    const path = databaseAt0009();
    const db = await openDatabase(path);
    expect(readdirSync(dirname(path)).filter((f) => f.startsWith('old.db.pre-migrate-'))).toHaveLength(1);
    expect(await db.select().from(institutionSchemeYears).orderBy(asc(institutionSchemeYears.institutionId), asc(institutionSchemeYears.year))).toEqual([
      { institutionId: 2, year: 2024, scheme: 'employee', paymentsFen: 800000, budgetFen: null, importId: 7 },
      { institutionId: 2, year: 2025, scheme: 'employee', paymentsFen: 900000, budgetFen: 950000, importId: null },
      { institutionId: 3, year: 2025, scheme: 'resident', paymentsFen: 300000, budgetFen: null, importId: 7 },
    ]);
    expect(await db.select().from(institutionYears).orderBy(asc(institutionYears.institutionId), asc(institutionYears.year))).toEqual([
      { institutionId: 1, year: 2024, assessmentScore: 92.5, creditRating: 'A', unsplitPaymentsFen: 150000000, unsplitBudgetFen: 155000000, importId: 7 },
      { institutionId: 1, year: 2025, assessmentScore: null, creditRating: 'B', unsplitPaymentsFen: 160000000, unsplitBudgetFen: null, importId: 7 },
      { institutionId: 2, year: 2024, assessmentScore: 88, creditRating: null, unsplitPaymentsFen: null, unsplitBudgetFen: null, importId: 7 },
      { institutionId: 2, year: 2025, assessmentScore: 90, creditRating: 'A', unsplitPaymentsFen: null, unsplitBudgetFen: null, importId: null },
      { institutionId: 3, year: 2025, assessmentScore: null, creditRating: null, unsplitPaymentsFen: null, unsplitBudgetFen: null, importId: 7 },
    ]);
    const sqlite = sqliteConnection(db, 'the migration test');
    const columns = (sqlite.prepare('PRAGMA table_info(institution_years)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(['institution_id', 'year', 'assessment_score', 'credit_rating', 'import_id', 'unsplit_payments_fen', 'unsplit_budget_fen']);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    await closeDatabase(db);
  });

  it('keeps the sum of old payments, per institution and year, to the fen', async () => {
    const db = await openDatabase(databaseAt0009());
    const total = new Map<string, number>();
    for (const s of await db.select().from(institutionSchemeYears)) total.set(`${s.institutionId}/${s.year}`, (total.get(`${s.institutionId}/${s.year}`) ?? 0) + s.paymentsFen);
    for (const y of await db.select().from(institutionYears)) if (y.unsplitPaymentsFen !== null) total.set(`${y.institutionId}/${y.year}`, (total.get(`${y.institutionId}/${y.year}`) ?? 0) + y.unsplitPaymentsFen);
    expect(Object.fromEntries(total)).toEqual({ '1/2024': 150000000, '1/2025': 160000000, '2/2024': 800000, '2/2025': 900000, '3/2025': 300000 });
    await closeDatabase(db);
  });
});
