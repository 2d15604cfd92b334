/**
 * Bulk inserts for the budget tables: a plan of 10,000 institutions writes 10,000 quota rows (each
 * with its explanation) and 120,000 prepayment rows. drizzle's insert builder costs ~20 µs a row
 * here; one prepared multi-row INSERT per chunk costs ~2 µs, like the fund-record importer
 * (server/importer/fund-records/write.ts). Runs on the same connection, so inside the caller's
 * transaction. Column names come from the drizzle table, so the schema stays the one definition.
 */
import type { Database } from 'better-sqlite3';
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';

/** Rows per statement: ≤ 32,766 bound variables for tables of up to 32 columns. */
const CHUNK = 1000;

type Value = string | number | boolean | null | undefined;

/** Inserts `rows` (objects keyed by the drizzle property names; all rows with the same keys). */
export function insertRows(sqlite: Database, table: SQLiteTable, rows: readonly Record<string, Value>[]): void {
  if (rows.length === 0) return;
  const config = getTableConfig(table);
  const keys = Object.keys(rows[0] as object).filter((k) => (rows[0] as Record<string, Value>)[k] !== undefined);
  const byKey = new Map(Object.entries(table as unknown as Record<string, { name?: string }>).filter(([, c]) => config.columns.includes(c as never)));
  const columns = keys.map((k) => {
    const name = byKey.get(k)?.name;
    if (!name) throw new Error(`insertRows: ${config.name} has no column for "${k}"`);
    return `"${name}"`;
  });
  const tuple = `(${keys.map(() => '?').join(', ')})`;
  const sql = (n: number) => `INSERT INTO "${config.name}" (${columns.join(', ')}) VALUES ${new Array(n).fill(tuple).join(', ')}`;
  const full = sqlite.prepare(sql(CHUNK));
  const values = (chunk: readonly Record<string, Value>[]) => {
    const out: (string | number | null)[] = [];
    for (const row of chunk) for (const k of keys) {
      const v = row[k];
      out.push(v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v);
    }
    return out;
  };
  let i = 0;
  for (; i + CHUNK <= rows.length; i += CHUNK) full.run(values(rows.slice(i, i + CHUNK)));
  if (i < rows.length) sqlite.prepare(sql(rows.length - i)).run(values(rows.slice(i)));
}
