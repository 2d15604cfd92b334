/** Shared set-up for importer tests: a fresh migrated database (SQLite or PostgreSQL) with a few regions. */
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../../server/db/client.ts';
import { auditLog, fundRecords, funds, imports, regions } from '../../../server/db/schema.ts';
import { importTable, type ImportOptions, type ImportReport } from '../../../server/importer/import-table.ts';
import { parseCsvText, type RawTable } from '../../../server/importer/read-table.ts';
import { openTestDatabase } from '../../support/test-database.ts';

export const VINTAGE = '2026-01-15';

export async function makeDb(): Promise<Db> {
  const db = await openTestDatabase();
  const [province] = await db.insert(regions).values({ code: 'P1', name: '示例省', level: 'province' }).returning();
  await db.insert(regions).values([
    { code: 'R01', name: '示例市', level: 'city', parentId: province?.id ?? null },
    { code: 'R02', name: '另一市', level: 'city', parentId: province?.id ?? null },
  ]);
  return db;
}

export function csvTable(text: string, fileName = 'test.csv'): RawTable {
  return parseCsvText(text, fileName, 'utf-8');
}

export function run(db: Db, text: string, options: Partial<ImportOptions> = {}): Promise<ImportReport> {
  return importTable(db, csvTable(text), { kind: 'fund_records', unit: 'yuan', dryRun: false, vintage: VINTAGE, ...options });
}

export async function counts(db: Db) {
  const n = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return { funds: await n(funds), fundRecords: await n(fundRecords), imports: await n(imports), audit: await n(auditLog), regions: await n(regions) };
}

/** The only error of a report, for exact-message assertions. */
export function onlyError(report: ImportReport) {
  if (report.errors.length !== 1) throw new Error(`expected one error, got ${JSON.stringify(report.errors, null, 1)}`);
  return report.errors[0] as ImportReport['errors'][number];
}

export const HEADER = 'region_code,scheme,period,income,expenditure,balance';
