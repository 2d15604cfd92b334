/**
 * What the database already holds, read once per import (regions, funds) or once per fund (its
 * records, in period order): never one query per row.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { funds, regions } from '../../db/schema.ts';

export interface StoredFund {
  id: number;
  caliber: string;
  periodKind: 'month' | 'year';
}

/** A `fund_records` row with its SQL column names (integer fen in `*_fen`). */
export type StoredRecord = { id: number; period: string; period_index: number; vintage: string; adjustment_reason: string | null }
  & Record<string, number | string | null>;

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
  const stmt = db.$client.prepare('SELECT * FROM fund_records WHERE fund_id = ? ORDER BY period_index');
  return (fundId) => stmt.all(fundId) as StoredRecord[];
}
