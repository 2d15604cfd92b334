/**
 * Insert, update or unchanged for one file row against the stored record of the same fund and
 * period. Only columns the file has are compared. The vintage counts only when the file states
 * it: re-importing the same figures on another day changes nothing (idempotent), while a row
 * whose figures change takes the import's vintage.
 */
import type { ChangeAction } from '../types.ts';
import { yuanOrNull } from '../format.ts';
import { NUMERIC_FIELDS } from './columns.ts';
import type { FundRecordBatch } from './parse-rows.ts';
import { dbColumn, valueOf } from './record-values.ts';
import type { StoredRecord } from './stored.ts';

export function classifyRecord(batch: FundRecordBatch, i: number, stored: StoredRecord | undefined): ChangeAction {
  if (!stored) return 'insert';
  for (const name of batch.values.keys()) {
    const stored_ = stored[dbColumn(name)];
    const own = valueOf(batch, name, i, undefined);
    if ((stored_ ?? null) !== (own ?? (name === 'adjustment' ? 0 : null))) return 'update';
  }
  if (batch.has('adjustment_reason') && (batch.reasons.get(i) ?? null) !== stored.adjustment_reason) return 'update';
  const vintage = batch.vintages.get(i);
  if (vintage !== undefined && vintage !== stored.vintage) return 'update';
  return 'unchanged';
}

/** The record as the change list shows it: canonical column names, money as yuan numbers. */
export function recordView(batch: FundRecordBatch, i: number, vintage: string): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const f of NUMERIC_FIELDS) {
    if (!batch.values.has(f.name)) continue;
    const v = valueOf(batch, f.name, i, undefined);
    view[f.name] = f.money ? yuanOrNull(v) : v;
  }
  if (batch.has('adjustment_reason')) view.adjustment_reason = batch.reasons.get(i) ?? null;
  view.vintage = batch.vintages.get(i) ?? vintage;
  return view;
}

/** The stored record shown with the same keys as `recordView`. */
export function storedView(batch: FundRecordBatch, stored: StoredRecord): Record<string, unknown> {
  const view: Record<string, unknown> = {};
  for (const f of NUMERIC_FIELDS) {
    if (!batch.values.has(f.name)) continue;
    const v = stored[f.db];
    view[f.name] = f.money ? yuanOrNull(typeof v === 'number' ? v : null) : v ?? null;
  }
  if (batch.has('adjustment_reason')) view.adjustment_reason = stored.adjustment_reason;
  view.vintage = stored.vintage;
  return view;
}
