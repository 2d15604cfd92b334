/**
 * What the database already holds, read once per import (regions, funds) or once per fund (its
 * records, in period order): never one query per row.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { funds, regions } from '../../db/schema.ts';
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

/** The stored value of numeric field `k` (integer fen or a count), or null. */
export function storedNumber(s: StoredRecord, k: number): number | null {
  const v = s[S_NUMERIC + k];
  return typeof v === 'number' ? v : null;
}

export function loadRegionIds(db: Db): Map<string, number> {
  const rows = db.select({ id: regions.id, code: regions.code }).from(regions).all();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Stored funds keyed `regionCode/scheme/account`. */
export function loadFunds(db: Db): Map<string, StoredFund> {
  const rows = db.select({
    id: funds.id, code: regions.code, scheme: funds.scheme, account: funds.account,
    caliber: funds.caliber, periodKind: funds.periodKind,
  }).from(funds).innerJoin(regions, eq(regions.id, funds.regionId)).all();
  return new Map(rows.map((f) => [`${f.code}/${f.scheme}/${f.account}`, { id: f.id, caliber: f.caliber, periodKind: f.periodKind }]));
}

/** A reader of one fund's records in period order (one prepared statement for the whole import). */
export function storedRecordsReader(db: Db): (fundId: number) => StoredRecord[] {
  const stmt = db.$client.prepare(`SELECT ${STORED_COLUMNS.join(', ')} FROM fund_records WHERE fund_id = ? ORDER BY period_index`).raw(true);
  return (fundId) => stmt.all(fundId) as StoredRecord[];
}
