/**
 * Writes a validated fund_records batch: creates the new funds, then inserts and updates records
 * through prepared better-sqlite3 statements. Runs inside the caller's transaction; drizzle's
 * builder costs several µs a row, too slow for a million rows.
 */
import type { Db } from '../../db/client.ts';
import { NUMERIC_FIELDS } from './columns.ts';
import { PERIOD_MONTH, type FundRecordBatch, type FundSlot } from './parse-rows.ts';
import { periodText } from './series-order.ts';
import { ACTION_INSERT, ACTION_UPDATE, type WalkOutput } from './series-walk.ts';
import type { StoredFund } from './stored.ts';

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
  const present = NUMERIC_FIELDS.filter((f) => batch.values.has(f.name));
  const insertColumns = ['fund_id', 'period', 'period_index', ...NUMERIC_FIELDS.map((f) => f.db), 'adjustment_reason', 'vintage', 'import_id'];
  const insert = sqlite.prepare(`INSERT INTO fund_records (${insertColumns.join(', ')}) VALUES (${insertColumns.map(() => '?').join(', ')})`);
  const setColumns = [...present.map((f) => f.db), ...(batch.has('adjustment_reason') ? ['adjustment_reason'] : []), 'vintage', 'import_id'];
  const update = sqlite.prepare(`UPDATE fund_records SET ${setColumns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`);
  const insertFund = sqlite.prepare('INSERT INTO funds (region_id, scheme, account, caliber, period_kind) VALUES (?, ?, ?, ?, ?)');
  const columns = NUMERIC_FIELDS.map((f) => ({ name: f.name, values: batch.values.get(f.name) }));
  const hasReason = batch.has('adjustment_reason');

  w.series.forEach((rows, s) => {
    const kind = w.kinds[s] as number;
    if (!rows.some((i) => out.action[i] !== 0)) return;
    const fundId = w.storedFunds[s]?.id ?? createFund(insertFund, batch.slots[s] as FundSlot, kind);
    for (const i of rows) {
      const action = out.action[i];
      if (action === ACTION_INSERT) {
        const params: unknown[] = [fundId, periodText(kind, batch.periodIndex[i] as number), batch.periodIndex[i]];
        for (const c of columns) params.push(cell(c.values, i, c.name));
        params.push(batch.reasons.get(i) ?? null, batch.vintages.get(i) ?? out.vintage, importId);
        insert.run(params);
      } else if (action === ACTION_UPDATE) {
        const params: unknown[] = [];
        for (const f of present) params.push(cell(batch.values.get(f.name), i, f.name));
        if (hasReason) params.push(batch.reasons.get(i) ?? null);
        params.push(batch.vintages.get(i) ?? out.vintage, importId, out.storedId[i]);
        update.run(params);
      }
    }
  });
}

function createFund(stmt: { run: (...p: unknown[]) => { lastInsertRowid: number | bigint } }, slot: FundSlot, kind: number): number {
  const result = stmt.run(slot.regionId, slot.scheme, slot.account, slot.caliber, kind === PERIOD_MONTH ? 'month' : 'year');
  return Number(result.lastInsertRowid);
}

/** NaN (empty) → null, except the adjustment, which is stored as 0 when none is recorded. */
function cell(values: Float64Array | undefined, i: number, name: string): number | null {
  const v = values === undefined ? Number.NaN : (values[i] as number);
  if (Number.isNaN(v)) return name === 'adjustment' ? 0 : null;
  return v;
}
