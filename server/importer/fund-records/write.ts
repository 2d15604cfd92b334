/**
 * Writes a validated fund_records batch inside the caller's transaction: creates the new funds,
 * then inserts the new records and updates the revised ones.
 * - SQLite: prepared better-sqlite3 statements in one synchronous loop (inserts go
 *   `SQLITE_INSERT_CHUNK` rows per statement); drizzle's builder costs several µs a row, and an
 *   `await` per row more, too slow for a million rows.
 * - PostgreSQL: new funds through drizzle's builder; records in statements whose columns are
 *   array parameters (`INSERT … SELECT FROM unnest(…)`), one round trip per `PG_ROWS_PER_STATEMENT`
 *   records; a revised record is written by `ON CONFLICT (fund_id, period_index) DO UPDATE` of the
 *   same columns the SQLite path updates.
 */
import type { Statement } from 'better-sqlite3';
import { dialectOf, sqliteConnection, type Db } from '../../db/client.ts';
import { insertFromArrays } from '../../db/pg-arrays.ts';
import { fundRecords, funds } from '../../db/schema.ts';
import { F_ADJUSTMENT, NUMERIC_FIELDS } from './columns.ts';
import { PERIOD_MONTH, type FundRecordBatch, type FundSlot } from './parse-rows.ts';
import { periodText } from './series-order.ts';
import { ACTION_INSERT, ACTION_UPDATE, type WalkOutput } from './series-walk.ts';
import type { StoredFund } from './stored.ts';

/** Rows per multi-row INSERT on SQLite: 50 × 23 parameters stays far below SQLite's 32,766 limit. */
const SQLITE_INSERT_CHUNK = 50;
/** PostgreSQL's limit of bind parameters in one statement (a 16-bit count in the wire protocol). */
const PG_MAX_PARAMETERS = 65_535;
/** Records per PostgreSQL statement (23 array parameters of this length); larger gained nothing measurable. */
export const PG_ROWS_PER_STATEMENT = 5_000;
/** Parameters of a new fund: region_id, scheme, account, caliber, period_kind (fundValues). */
const FUND_COLUMNS = 5;
const INSERT_COLUMNS = ['fund_id', 'period', 'period_index', ...NUMERIC_FIELDS.map((f) => f.db), 'adjustment_reason', 'vintage', 'import_id'];

type FundInsert = typeof funds.$inferInsert;

/** The PostgreSQL array type of each inserted column (`bigint[]`, …), from the schema. */
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

export async function writeFundRecords(db: Db, w: FundRecordWrite, importId: number): Promise<void> {
  if (dialectOf(db) === 'sqlite') writeWithStatements(db, w, importId);
  else await writeWithArrays(db, w, importId);
}

/** The SQLite fast path: synchronous prepared statements on the transaction's connection. */
function writeWithStatements(db: Db, w: FundRecordWrite, importId: number): void {
  const sqlite = sqliteConnection(db, 'the prepared fund_records writer');
  const { batch, out } = w;
  const tuple = `(${INSERT_COLUMNS.map(() => '?').join(', ')})`;
  const insertSql = (n: number) => `INSERT INTO fund_records (${INSERT_COLUMNS.join(', ')}) VALUES ${Array(n).fill(tuple).join(', ')}`;
  const insertMany = sqlite.prepare(insertSql(SQLITE_INSERT_CHUNK));
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
        if (++pendingRows === SQLITE_INSERT_CHUNK) {
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
  return Number(stmt.run(...fundValues(slot, kind)).lastInsertRowid);
}

function fundValues(slot: FundSlot, kind: number): [number, FundSlot['scheme'], FundSlot['account'], string, 'month' | 'year'] {
  return [slot.regionId, slot.scheme, slot.account, slot.caliber, kind === PERIOD_MONTH ? 'month' : 'year'];
}

/**
 * The PostgreSQL path: every new fund in chunked inserts (ids matched back by region, scheme and
 * account), then the inserted and revised records, `PG_ROWS_PER_STATEMENT` at a time, in the SQLite
 * path's order. Each column travels as one array parameter (`unnest`), so a statement has 23
 * parameters whatever its rows: drizzle's multi-row VALUES builder cost about 80 µs a row to build
 * here (over a minute for a million rows), the arrays next to nothing. A revised record goes
 * through the same upsert: the file's columns replace the stored ones, the columns it lacks stay.
 */
async function writeWithArrays(db: Db, w: FundRecordWrite, importId: number): Promise<void> {
  const { batch, out } = w;
  const touched = w.series.flatMap((rows, s) => (rows.some((i) => out.action[i] !== 0) ? [s] : []));
  const fundIds = await createFunds(db, w, touched.filter((s) => w.storedFunds[s] === undefined));
  const setColumns = [...batch.present.map((k) => (NUMERIC_FIELDS[k] as { db: string }).db), ...(out.hasReason ? ['adjustment_reason'] : []), 'vintage', 'import_id'];
  const arrays: unknown[][] = INSERT_COLUMNS.map(() => []);
  let rows = 0;
  const flush = async () => {
    if (rows === 0) return;
    await db.execute(insertFromArrays(fundRecords, INSERT_COLUMNS, arrays, { target: ['fund_id', 'period_index'], update: setColumns }));
    for (const a of arrays) a.length = 0;
    rows = 0;
  };
  for (const s of touched) {
    const kind = w.kinds[s] as number;
    const fundId = w.storedFunds[s]?.id ?? (fundIds.get(s) as number);
    for (const i of w.series[s] as readonly number[]) {
      if (out.action[i] !== ACTION_INSERT && out.action[i] !== ACTION_UPDATE) continue;
      const row: unknown[] = [fundId, periodText(kind, batch.periodIndex[i] as number), batch.periodIndex[i]];
      for (let k = 0; k < NUMERIC_FIELDS.length; k++) row.push(cell(batch, k, i));
      row.push(batch.reasons.get(i) ?? null, batch.vintages.get(i) ?? out.vintage, importId);
      row.forEach((v, c) => (arrays[c] as unknown[]).push(v));
      if (++rows === PG_ROWS_PER_STATEMENT) await flush();
    }
  }
  await flush();
}

/** Inserts the funds of `slots`; their ids by slot. */
async function createFunds(db: Db, w: FundRecordWrite, slots: readonly number[]): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  const chunk = Math.floor(PG_MAX_PARAMETERS / FUND_COLUMNS);
  for (let start = 0; start < slots.length; start += chunk) {
    const part = slots.slice(start, start + chunk);
    const values = part.map((s): FundInsert => {
      const [regionId, scheme, account, caliber, periodKind] = fundValues(w.batch.slots[s] as FundSlot, w.kinds[s] as number);
      return { regionId, scheme, account, caliber, periodKind };
    });
    const created = await db.insert(funds).values(values)
      .returning({ id: funds.id, regionId: funds.regionId, scheme: funds.scheme, account: funds.account });
    const idByKey = new Map(created.map((f) => [`${f.regionId}/${f.scheme}/${f.account}`, f.id]));
    for (const s of part) {
      const slot = w.batch.slots[s] as FundSlot;
      ids.set(s, idByKey.get(`${slot.regionId}/${slot.scheme}/${slot.account}`) as number);
    }
  }
  return ids;
}

/** NaN (empty) or an absent column → null, except the adjustment, which is stored as 0 when none is recorded. */
function cell(batch: FundRecordBatch, k: number, i: number): number | null {
  const col = batch.numeric[k];
  const v = col === undefined ? Number.NaN : (col[i] as number);
  if (v !== v) return k === F_ADJUSTMENT ? 0 : null;
  return v;
}
