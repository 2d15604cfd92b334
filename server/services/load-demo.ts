/**
 * Loads the demo data set (data/demo: a synthetic province; data/china: NHSA's published national
 * figures) into an empty database through the same importer users run, all in one transaction,
 * then creates one demo user per role. The database is checked to be empty inside that
 * transaction, so app servers starting together on one PostgreSQL database load it once.
 */
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client.ts';
import { regions, users } from '../db/schema.ts';
import { readTable, type RawTable } from '../importer/read-table.ts';
import { importTable, type ImportKind } from '../importer/import-table.ts';
import { addUser } from './users.ts';
import { DEMO_USERS } from './demo-users.ts';
import { eq } from 'drizzle-orm';

const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data');
const DEMO_VINTAGE = '2026-01-15';

const DEMO_FILES: ReadonlyArray<{ path: string; kind: ImportKind }> = [
  { path: 'demo/regions.csv', kind: 'regions' },
  { path: 'china/regions.csv', kind: 'regions' },
  { path: 'demo/fund_records.csv', kind: 'fund_records' },
  { path: 'china/fund_records.csv', kind: 'fund_records' },
  { path: 'demo/institutions.csv', kind: 'institutions' },
  { path: 'demo/institution_years.csv', kind: 'institution_years' },
  { path: 'demo/violations.csv', kind: 'violations' },
];

export async function isEmptyDatabase(db: Db): Promise<boolean> {
  const [region] = await db.select({ id: regions.id }).from(regions).limit(1);
  const [user] = await db.select({ id: users.id }).from(users).limit(1);
  return !region && !user;
}

/** A database with the synthetic demo province is a demo database (the UI shows a banner). */
export async function isDemoDatabase(db: Db): Promise<boolean> {
  const [demo] = await db.select({ id: regions.id }).from(regions).where(eq(regions.synthetic, true)).limit(1);
  return Boolean(demo);
}

/**
 * Loads the demo data set unless the database has regions or users by then; whether it loaded.
 * @throws Error naming the demo file and its first problems if any file fails validation.
 */
export async function loadDemoData(db: Db): Promise<boolean> {
  const tables: Array<{ table: RawTable; kind: ImportKind }> = [];
  for (const f of DEMO_FILES) tables.push({ table: await readTable(resolve(DATA_DIR, f.path)), kind: f.kind });
  const loaded = await db.transaction(async (tx) => {
    if (!(await isEmptyDatabase(tx))) return false;
    for (const { table, kind } of tables) {
      const report = await importTable(tx, table, { kind, unit: 'yuan', dryRun: false, vintage: DEMO_VINTAGE, username: 'demo-loader' });
      if (!report.ok) {
        const first = report.errors.slice(0, 5).map((e) => `row ${e.row}, ${e.column}: ${e.message}`).join('; ');
        throw new Error(`demo file ${table.fileName} does not import: ${first}`);
      }
    }
    return true;
  });
  if (loaded) for (const u of DEMO_USERS) await addUser(db, { ...u, skipPolicy: true }, null);
  return loaded;
}
