/**
 * Opening the database of this process (server/db/target.ts) and what the query code may assume of
 * it. `Db` is typed as drizzle's PostgreSQL database: its builders have no synchronous
 * `.all()/.get()/.run()`, so every query is awaited and the same code runs on SQLite, whose drizzle
 * builders are awaitable too. Transactions are `await db.transaction(async (tx) => …)` on both
 * (SQLite's is made awaitable in sqlite-client.ts); a `tx` is a `Db`.
 */
import { is } from 'drizzle-orm';
import { PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type Database from 'better-sqlite3';
import type pg from 'pg';
import type * as pgSchema from './schema-pg.ts';
import { openSqlite } from './sqlite-client.ts';
import { openPostgres, type PoolOptions } from './pg-client.ts';
import { processDialect, resolveDatabaseTarget, type DatabaseTarget, type Dialect } from './target.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof pgSchema>;
export type { Dialect, DatabaseTarget };

/**
 * Opens and migrates the database `target` names (a SQLite path, `:memory:`, or a target).
 * @throws Error `this process uses <dialect> tables (DATABASE_URL / FUNDRISK_DB): it cannot open a <other> database`
 */
export async function openDatabase(target: DatabaseTarget | string, pool?: PoolOptions): Promise<Db> {
  const t: DatabaseTarget = typeof target === 'string' ? resolveDatabaseTarget({ DATABASE_URL: target }) : target;
  if (t.dialect !== processDialect()) {
    throw new Error(`this process uses ${processDialect()} tables (DATABASE_URL / FUNDRISK_DB): it cannot open a ${t.dialect} database`);
  }
  if (t.dialect === 'pg') return (await openPostgres(t.url, pool)) as unknown as Db;
  return openSqlite(t.path) as unknown as Db;
}

export function dialectOf(db: Db): Dialect {
  return is(db, PgDatabase) ? 'pg' : 'sqlite';
}

/**
 * The better-sqlite3 connection under a SQLite `Db` (or a transaction of it), for what only SQLite
 * has: pragmas, online backup, prepared bulk statements.
 * @throws Error `<what> needs the SQLite database; this one is PostgreSQL`
 */
export function sqliteConnection(db: Db, what = 'this operation'): Database.Database {
  if (dialectOf(db) === 'pg') throw new Error(`${what} needs the SQLite database; this one is PostgreSQL`);
  return (db as unknown as { $client: Database.Database }).$client;
}

/** Closes the connection (SQLite) or ends the pool (PostgreSQL). */
export async function closeDatabase(db: Db): Promise<void> {
  const client = (db as unknown as { $client: Database.Database | pg.Pool }).$client;
  if (dialectOf(db) === 'pg') await (client as pg.Pool).end();
  else (client as Database.Database).close();
}
