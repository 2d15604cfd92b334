/**
 * What the database already holds, read once per import (regions, funds) or once per fund (its
 * records, in period order): never one query per row.
 */
import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { dialectOf, sqliteConnection, type Db } from '../../db/client.ts';
import { fundRecords, funds, regions } from '../../db/schema.ts';
import { NUMERIC_FIELDS } from './columns.ts';

export interface StoredFund {
  id: number;
  caliber: string;
  periodKind: 'month' | 'year';
}

/**
 * A `fund_records` row as an array (better-sqlite3 raw mode: objects with 20+ keys cost about
 * four times as much to build): positions S_ID … S_REASON, then NUMERIC_FIELDS from S_NUMERIC.
 */
export type StoredRecord = ReadonlyArray<number | string | null>;
export const S_ID = 0;
export const S_PERIOD = 1;
export const S_PERIOD_INDEX = 2;
export const S_VINTAGE = 3;
export const S_REASON = 4;
export const S_NUMERIC = 5;
const STORED_COLUMNS = ['id', 'period', 'period_index', 'vintage', 'adjustment_reason', ...NUMERIC_FIELDS.map((f) => f.db)];

/** The drizzle property of each `fund_records` column, by its SQL name. */
const FUND_RECORD_PROPERTY: ReadonlyMap<string, keyof typeof fundRecords.$inferSelect> = new Map(
  Object.entries(getTableColumns(fundRecords)).map(([property, column]) => [column.name, property as keyof typeof fundRecords.$inferSelect]),
);
const STORED_PROPERTIES = STORED_COLUMNS.map((c) => FUND_RECORD_PROPERTY.get(c) as keyof typeof fundRecords.$inferSelect);

/** The stored value of numeric field `k` (integer fen or a count), or null. */
export function storedNumber(s: StoredRecord, k: number): number | null {
  const v = s[S_NUMERIC + k];
  return typeof v === 'number' ? v : null;
}

export async function loadRegionIds(db: Db): Promise<Map<string, number>> {
  const rows = await db.select({ id: regions.id, code: regions.code }).from(regions);
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Stored funds keyed `regionCode/scheme/account`. */
export async function loadFunds(db: Db): Promise<Map<string, StoredFund>> {
  const rows = await db.select({
    id: funds.id, code: regions.code, scheme: funds.scheme, account: funds.account,
    caliber: funds.caliber, periodKind: funds.periodKind,
  }).from(funds).innerJoin(regions, eq(regions.id, funds.regionId));
  return new Map(rows.map((f) => [`${f.code}/${f.scheme}/${f.account}`, { id: f.id, caliber: f.caliber, periodKind: f.periodKind }]));
}

/**
 * A reader of one fund's records in period order, prepared once for the whole import: on SQLite a
 * raw better-sqlite3 statement (arrays straight from the row), on PostgreSQL a named prepared query.
 */
export function storedRecordsReader(db: Db): (fundId: number) => Promise<StoredRecord[]> {
  if (dialectOf(db) === 'sqlite') {
    const stmt = sqliteConnection(db, 'the raw fund_records reader')
      .prepare(`SELECT ${STORED_COLUMNS.join(', ')} FROM fund_records WHERE fund_id = ? ORDER BY period_index`).raw(true);
    return async (fundId) => stmt.all(fundId) as StoredRecord[];
  }
  const query = db.select().from(fundRecords).where(eq(fundRecords.fundId, sql.placeholder('fundId')))
    .orderBy(asc(fundRecords.periodIndex)).prepare('importer_stored_fund_records');
  return async (fundId) => (await query.execute({ fundId })).map((r) => STORED_PROPERTIES.map((p) => r[p]) as StoredRecord);
}
