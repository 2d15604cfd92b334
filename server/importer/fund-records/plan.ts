/**
 * The fund_records import: parse every row, then per fund (region × scheme × account) load the
 * stored series once, check caliber, period kind, duplicates, gaps, roll-forward and parts, and
 * classify each row. Writing happens only through the returned plan.
 */
import type { Db } from '../../db/client.ts';
import type { RowSource } from '../row-source.ts';
import { ChangeList } from '../change-list.ts';
import { resolveColumns } from '../header.ts';
import type { ImportContext, KindPlan } from '../types.ts';
import { FUND_RECORD_COLUMNS } from './columns.ts';
import { parseFundRecordRows, type FundRecordBatch } from './parse-rows.ts';
import { orderSeries, type SeriesContext } from './series-order.ts';
import { walkSeries, type WalkOutput } from './series-walk.ts';
import { loadFunds, loadRegionIds, storedRecordsReader, type StoredFund } from './stored.ts';
import { writeFundRecords } from './write.ts';

export async function planFundRecords(db: Db, source: RowSource, ctx: ImportContext): Promise<KindPlan> {
  const changes = new ChangeList();
  const cols = resolveColumns(source.header, FUND_RECORD_COLUMNS, 'fund_records', ctx);
  if (ctx.issues.hasErrors) return { rowsRead: null, changes, write: async () => undefined };
  const batch = parseFundRecordRows(source, cols, ctx, await loadRegionIds(db));
  const sctx: SeriesContext = { batch, issues: ctx.issues, label: (name) => cols.label.get(name) ?? name };
  const out: WalkOutput = { changes, action: new Uint8Array(batch.size), storedId: new Float64Array(batch.size), vintage: ctx.vintage,
    hasReason: cols.index.has('adjustment_reason') };
  const storedByKey = await loadFunds(db);
  const readStored = storedRecordsReader(db);
  const groups = groupBySlot(batch);
  const storedFunds: Array<StoredFund | undefined> = [];
  const kinds: number[] = [];
  const series: number[][] = [];

  for (const [s, slot] of batch.slots.entries()) {
    const storedFund = storedByKey.get(slot.key);
    storedFunds.push(storedFund);
    const rows = groups[s] as Int32Array;
    if (storedFund && storedFund.caliber !== slot.caliber) {
      ctx.issues.error(slot.firstRow, sctx.label('caliber'), 'caliber_mismatch',
        `caliber "${slot.caliber}" of ${rows.length} row(s) differs from the stored caliber "${storedFund.caliber}" of ${slot.key}; `
        + 'a series never mixes calibers (import the other caliber as a separate account, or state the caliber column)');
    }
    const ordered = orderSeries(sctx, rows, slot.key, storedFund?.periodKind);
    kinds.push(ordered.kind);
    series.push(ordered.rows);
    walkSeries(sctx, out, { key: slot.key, kind: ordered.kind }, ordered.rows, storedFund ? await readStored(storedFund.id) : []);
  }
  return { rowsRead: batch.size, changes, write: (wdb, importId) => writeFundRecords(wdb, { batch, out, storedFunds, kinds, series }, importId) };
}

/** Each slot's row indices in file order (a counting sort: O(rows)). */
function groupBySlot(batch: FundRecordBatch): Int32Array[] {
  const counts = new Int32Array(batch.slots.length);
  for (let i = 0; i < batch.size; i++) {
    const s = batch.slot[i] as number;
    if (s >= 0) counts[s] = (counts[s] as number) + 1;
  }
  const groups = Array.from(counts, (n) => new Int32Array(n));
  const fill = new Int32Array(batch.slots.length);
  for (let i = 0; i < batch.size; i++) {
    const s = batch.slot[i] as number;
    if (s < 0) continue;
    (groups[s] as Int32Array)[fill[s] as number] = i;
    fill[s] = (fill[s] as number) + 1;
  }
  return groups;
}
