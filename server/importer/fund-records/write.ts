/**
 * Writes a validated fund_records batch: creates the new funds, then inserts and updates records
 * through prepared better-sqlite3 statements (inserts go `INSERT_CHUNK` rows per statement).
 * Runs inside the caller's transaction; drizzle's builder costs several µs a row, too slow for a
 * million rows.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/client.ts';
import { F_ADJUSTMENT, NUMERIC_FIELDS } from './columns.ts';
import { PERIOD_MONTH, type FundRecordBatch, type FundSlot } from './parse-rows.ts';
import { periodText } from './series-order.ts';
import { ACTION_INSERT, ACTION_UPDATE, type WalkOutput } from './series-walk.ts';
import type { StoredFund } from './stored.ts';

/** Rows per multi-row INSERT: 50 × 24 parameters stays far below SQLite's 32,766 limit. */
const INSERT_CHUNK = 50;
const INSERT_COLUMNS = ['fund_id', 'period', 'period_index', ...NUMERIC_FIELDS.map((f) => f.db), 'adjustment_reason', 'vintage', 'import_id'];

export interface FundRecordWrite {
  batch: FundRecordBatch;
  out: WalkOutput;
  /** Per slot: the stored fund, if any. */
  storedFunds: ReadonlyArray<StoredFund | undefined>;
  /** Per slot: PERIOD_MONTH or PERIOD_YEAR. */
  kinds: readonly number[];
  /** Per slot: the slot's rows in period order (validated). */
  series: ReadonlyArray<readonly number[]>;
}

export function writeFundRecords(db: Db, w: FundRecordWrite, importId: number): void {
  const sqlite = db.$client;
  const { batch, out } = w;
  const tuple = `(${INSERT_COLUMNS.map(() => '?').join(', ')})`;
  const insertSql = (n: number) => `INSERT INTO fund_records (${INSERT_COLUMNS.join(', ')}) VALUES ${Array(n).fill(tuple).join(', ')}`;
  const insertMany = sqlite.prepare(insertSql(INSERT_CHUNK));
  const insertOne = sqlite.prepare(insertSql(1));
  const hasReason = out.hasReason;
  const setColumns = [...batch.present.map((k) => (NUMERIC_FIELDS[k] as { db: string }).db), ...(hasReason ? ['adjustment_reason'] : []), 'vintage', 'import_id'];
  const update = sqlite.prepare(`UPDATE fund_records SET ${setColumns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
  const insertFund = sqlite.prepare('INSERT INTO funds (region_id, scheme, account, caliber, period_kind) VALUES (?, ?, ?, ?, ?)');
  const pending: unknown[] = [];
  let pendingRows = 0;

  w.series.forEach((rows, s) => {
    const kind = w.kinds[s] as number;
    if (!rows.some((i) => out.action[i] !== 0)) return;
    const fundId = w.storedFunds[s]?.id ?? createFund(insertFund, batch.slots[s] as FundSlot, kind);
    for (const i of rows) {
      const action = out.action[i];
      if (action === ACTION_INSERT) {
        pending.push(fundId, periodText(kind, batch.periodIndex[i] as number), batch.periodIndex[i]);
        for (let k = 0; k < NUMERIC_FIELDS.length; k++) pending.push(cell(batch, k, i));
        pending.push(batch.reasons.get(i) ?? null, batch.vintages.get(i) ?? out.vintage, importId);
        if (++pendingRows === INSERT_CHUNK) {
          insertMany.run(pending);
          pending.length = 0;
          pendingRows = 0;
        }
      } else if (action === ACTION_UPDATE) {
        const params: unknown[] = batch.present.map((k) => cell(batch, k, i));
        if (hasReason) params.push(batch.reasons.get(i) ?? null);
        params.push(batch.vintages.get(i) ?? out.vintage, importId, out.storedId[i]);
        update.run(params);
      }
    }
  });
  flushSingly(insertOne, pending, INSERT_COLUMNS.length);
}

function flushSingly(stmt: Statement, params: unknown[], width: number): void {
  for (let p = 0; p < params.length; p += width) stmt.run(params.slice(p, p + width));
}

function createFund(stmt: Statement, slot: FundSlot, kind: number): number {
  const result = stmt.run(slot.regionId, slot.scheme, slot.account, slot.caliber, kind === PERIOD_MONTH ? 'month' : 'year');
  return Number(result.lastInsertRowid);
}

/** NaN (empty) or an absent column → null, except the adjustment, which is stored as 0 when none is recorded. */
function cell(batch: FundRecordBatch, k: number, i: number): number | null {
  const col = batch.numeric[k];
  const v = col === undefined ? Number.NaN : (col[i] as number);
  if (v !== v) return k === F_ADJUSTMENT ? 0 : null;
  return v;
}
