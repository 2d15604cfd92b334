/**
 * Bulk inserts for the budget tables: a plan of 100,000 institutions writes 100,000 quota rows (each
 * with its explanation) and 1,200,000 prepayment rows, a year of actual payments 1,200,000 upserts,
 * inside the caller's transaction (`db` is the transaction).
 * - SQLite: drizzle's insert builder costs ~20 µs a row here; one prepared multi-row INSERT per
 *   chunk through better-sqlite3 costs ~2 µs, like the fund-record importer
 *   (server/importer/fund-records/write.ts). The awaitable SQLite transaction runs on the same
 *   connection (server/db/sqlite-client.ts), so these statements are part of it.
 * - PostgreSQL: one array parameter per column (server/db/pg-arrays.ts), `PG_CHUNK` rows a statement:
 *   120,000 prepayment rows in 1.2 s (foreign-key checks included) against 5.7 s with drizzle's builder.
 * Column names and types come from the drizzle table, so the schema stays the one definition.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { dialectOf, sqliteConnection, type Db } from '../db/client.ts';
import { insertFromArrays } from '../db/pg-arrays.ts';

/** SQLite rows per statement: ≤ 32,766 bound variables for tables of up to 32 columns. */
const SQLITE_CHUNK = 1000;
/** PostgreSQL rows per statement (one array parameter per column): bounds a statement's size, ~10 MB with quota explanations. */
const PG_CHUNK = 5000;

type Value = string | number | boolean | null | undefined;

/** Inserts `rows` (objects keyed by the drizzle property names; all rows with the same keys). */
export async function insertRows<T extends PgTable>(db: Db, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  await writeRows(db, table, rows, null);
}

/**
 * Inserts `rows`, or where one conflicts on the `target` columns (a unique key) sets the `update`
 * columns of the stored row to the new row's values. No two rows may share a target key.
 */
export async function upsertRows<T extends PgTable>(
  db: Db, table: T, rows: readonly T['$inferInsert'][], conflict: { target: readonly (keyof T['$inferInsert'] & string)[]; update: readonly (keyof T['$inferInsert'] & string)[] },
): Promise<void> {
  await writeRows(db, table, rows, conflict);
}

async function writeRows(db: Db, table: PgTable, rows: readonly Record<string, Value>[], conflict: { target: readonly string[]; update: readonly string[] } | null): Promise<void> {
  if (rows.length === 0) return;
  const name = getTableName(table);
  const byKey = getTableColumns(table);
  const column = (k: string) => {
    const c = byKey[k];
    if (!c) throw new Error(`insertRows: ${name} has no column for "${k}"`);
    return c;
  };
  const first = rows[0] as Record<string, Value>;
  const keys = Object.keys(first).filter((k) => first[k] !== undefined);
  const columns = keys.map(column);
  const names = conflict === null ? null : { target: conflict.target.map((k) => column(k).name), update: conflict.update.map((k) => column(k).name) };
  if (dialectOf(db) === 'sqlite') {
    // `excluded` is the row that conflicted, as on PostgreSQL
    const onConflict = names === null ? '' : ` ON CONFLICT (${names.target.map((c) => `"${c}"`).join(', ')}) DO UPDATE SET `
      + names.update.map((c) => `"${c}" = excluded."${c}"`).join(', ');
    writeSqliteRows(db, `"${name}" (${columns.map((c) => `"${c.name}"`).join(', ')})`, onConflict, keys, rows);
    return;
  }
  for (let i = 0; i < rows.length; i += PG_CHUNK) {
    const chunk = rows.slice(i, i + PG_CHUNK);
    await db.execute(insertFromArrays(table, columns.map((c) => c.name), keys.map((k) => chunk.map((row) => row[k] ?? null)), names));
  }
}

function writeSqliteRows(db: Db, target: string, onConflict: string, keys: readonly string[], rows: readonly Record<string, Value>[]): void {
  const sqlite = sqliteConnection(db, 'insertRows');
  const tuple = `(${keys.map(() => '?').join(', ')})`;
  const statement = (n: number) => `INSERT INTO ${target} VALUES ${new Array(n).fill(tuple).join(', ')}${onConflict}`;
  const values = (chunk: readonly Record<string, Value>[]) => {
    const out: (string | number | null)[] = [];
    for (const row of chunk) for (const k of keys) {
      const v = row[k];
      out.push(v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v);
    }
    return out;
  };
  let i = 0;
  if (rows.length >= SQLITE_CHUNK) {
    const full = sqlite.prepare(statement(SQLITE_CHUNK));
    for (; i + SQLITE_CHUNK <= rows.length; i += SQLITE_CHUNK) full.run(values(rows.slice(i, i + SQLITE_CHUNK)));
  }
  if (i < rows.length) sqlite.prepare(statement(rows.length - i)).run(values(rows.slice(i)));
}
