/**
 * Insert, update or unchanged for one file row against the stored record of the same fund and
 * period. Only columns the file has are compared. The vintage counts only when the file states
 * it: re-importing the same figures on another day changes nothing (idempotent), while a row
 * whose figures change takes the import's vintage.
 */
import type { ChangeAction } from '../types.ts';
import { yuanOrNull } from '../format.ts';
import { F_ADJUSTMENT, NUMERIC_FIELDS } from './columns.ts';
import type { FundRecordBatch } from './parse-rows.ts';
import { valueOf } from './record-values.ts';
import { S_REASON, S_VINTAGE, storedNumber, type StoredRecord } from './stored.ts';

export function classifyRecord(batch: FundRecordBatch, i: number, stored: StoredRecord | undefined, hasReason: boolean): ChangeAction {
  if (stored === undefined) return 'insert';
  const present = batch.present;
  for (let p = 0; p < present.length; p++) {
    const k = present[p] as number;
    if (valueOf(batch, k, i, undefined) !== storedOrZero(stored, k)) return 'update';
  }
  if (hasReason && (batch.reasons.get(i) ?? null) !== stored[S_REASON]) return 'update';
  const vintage = batch.vintages.size === 0 ? undefined : batch.vintages.get(i);
  if (vintage !== undefined && vintage !== stored[S_VINTAGE]) return 'update';
  return 'unchanged';
}

function storedOrZero(stored: StoredRecord, k: number): number | null {
  const v = storedNumber(stored, k);
  return v === null && k === F_ADJUSTMENT ? 0 : v;
}

/** The record as the change list shows it: canonical column names, money as yuan numbers. */
export function recordView(batch: FundRecordBatch, i: number, vintage: string): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const k of batch.present) {
    const f = NUMERIC_FIELDS[k] as (typeof NUMERIC_FIELDS)[number];
    const v = valueOf(batch, k, i, undefined);
    view[f.name] = f.money ? yuanOrNull(v) : v;
  }
  if (batch.has('adjustment_reason')) view.adjustment_reason = batch.reasons.get(i) ?? null;
  view.vintage = batch.vintages.get(i) ?? vintage;
  return view;
}

/** The stored record shown with the same keys as `recordView`. */
export function storedView(batch: FundRecordBatch, stored: StoredRecord): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const k of batch.present) {
    const f = NUMERIC_FIELDS[k] as (typeof NUMERIC_FIELDS)[number];
    const v = storedOrZero(stored, k);
    view[f.name] = f.money ? yuanOrNull(v) : v;
  }
  if (batch.has('adjustment_reason')) view.adjustment_reason = stored[S_REASON];
  view.vintage = stored[S_VINTAGE];
  return view;
}
