/**
 * A PostgreSQL server (`DATABASE_URL=postgres://…`) for deployments with many users or several
 * app servers: a connection pool, the migrations of data/migrations/pg run under an advisory lock
 * (app servers starting together migrate once), and write transactions serialised across every
 * app server by a transaction-level advisory lock — the same one-writer-at-a-time rule as SQLite's
 * `BEGIN IMMEDIATE`, so a check made inside a transaction still holds when it writes.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { DrizzleQueryError, sql } from 'drizzle-orm';
import { PgPreparedQuery } from 'drizzle-orm/pg-core';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema-pg.ts';
import { NESTED_ON_DB } from './transaction-rules.ts';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/migrations/pg');
/** Advisory lock keys (any bigint agreed by every app server): migrations, and the one writer. */
const MIGRATION_LOCK = 0x66756e64;
const WRITE_LOCK = 0x66756e65;
const INT8_OID = 20;

/** Options of the pool: its size, and how long an idle connection is kept. */
export interface PoolOptions { max?: number; idleTimeoutMillis?: number }

/**
 * Connects, migrates and returns the database. `bigint` columns (fen, milliseconds) are read as
 * numbers: amounts stay below 2^53 fen (about 9 × 10^13 yuan).
 * @throws Error `cannot reach PostgreSQL at <url without password>: <reason>`
 */
export async function openPostgres(url: string, options: PoolOptions = {}): Promise<PgDb> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    idleTimeoutMillis: options.idleTimeoutMillis ?? 10_000,
    types: { getTypeParser: (oid: number, format?: string) => (oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format as 'text')) } as pg.CustomTypesConfig,
  });
  pool.on('error', () => { /* an idle client lost its connection: the pool replaces it */ });
  try {
    await migrateLocked(pool, url);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const db = drizzle(pool, { schema }) as PgDb;
  installWriterLock(db);
  surfaceDriverErrors();
  return db;
}

async function migrateLocked(pool: pg.Pool, url: string): Promise<void> {
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    const shown = new URL(url);
    if (shown.password) shown.password = '***';
    throw new Error(`cannot reach PostgreSQL at ${shown.toString()}: ${(err as Error).message}`);
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

const insideTransaction = new AsyncLocalStorage<PgDb>();

/**
 * Every top-level transaction first takes the write lock (released at COMMIT or ROLLBACK).
 * `db.transaction` inside a transaction of the same database is refused (`NESTED_ON_DB`): it would
 * wait for ever on the lock its caller holds; `tx.transaction` is a savepoint.
 */
function installWriterLock(db: PgDb): void {
  const transaction = db.transaction.bind(db);
  const locked: PgDb['transaction'] = (work, config) => {
    if (insideTransaction.getStore() === db) return Promise.reject(new Error(NESTED_ON_DB));
    return transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
      return insideTransaction.run(db, () => work(tx));
    }, config);
  };
  Object.defineProperty(db, 'transaction', { value: locked });
}

let surfaced = false;

/**
 * drizzle wraps a failed PostgreSQL statement in `Failed query: <sql>` and keeps the server's error
 * (a trigger's refusal, a constraint) as its cause; on SQLite the driver's error comes through as it
 * is. The database's error is rethrown on PostgreSQL too, so both say the same thing
 * (e.g. `audit_log is append-only`).
 */
function surfaceDriverErrors(): void {
  if (surfaced) return;
  surfaced = true;
  const proto = PgPreparedQuery.prototype as unknown as { queryWithCache: (...args: unknown[]) => Promise<unknown> };
  const queryWithCache = proto.queryWithCache;
  proto.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    try {
      return await queryWithCache.apply(this, args);
    } catch (err) {
      throw err instanceof DrizzleQueryError && err.cause instanceof Error ? err.cause : err;
    }
  };
}
