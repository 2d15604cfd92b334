/**
 * A fresh, migrated, empty database for one test, in the dialect of this test process: SQLite in
 * memory, or — in the `server-pg` project (DATABASE_URL=postgres://…) — a new PostgreSQL database
 * copied from a template migrated once per migration set, dropped when the test file ends.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { closeDatabase, openDatabase, type Db } from '../../server/db/client.ts';
import { processDialect, resolveDatabaseTarget } from '../../server/db/target.ts';

const opened: { db: Db; name: string | null }[] = [];
let templateName: Promise<string> | undefined;
let counter = 0;
const dropLater: string[] = [];

export async function openTestDatabase(): Promise<Db> {
  if (processDialect() === 'sqlite') {
    const db = await openDatabase(':memory:');
    opened.push({ db, name: null });
    return db;
  }
  const template = await (templateName ??= ensureTemplate());
  const name = `fundrisk_t_${process.pid}_${++counter}`;
  await admin(async (c) => { await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`); });
  const db = await openDatabase(databaseUrl(name), { max: 4, idleTimeoutMillis: 1000 });
  opened.push({ db, name });
  return db;
}

/** The URL of a new, empty (unmigrated) PostgreSQL database, dropped with the others when the file ends. */
export async function emptyPgDatabaseUrl(): Promise<string> {
  const name = `fundrisk_t_${process.pid}_${++counter}`;
  await admin(async (c) => { await c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'`); });
  dropLater.push(name);
  return databaseUrl(name);
}

/** Closes every database this file opened and drops the PostgreSQL ones (afterAll of the pg set-up file). */
export async function closeTestDatabases(): Promise<void> {
  const all = opened.splice(0);
  for (const { db } of all) await closeDatabase(db).catch(() => undefined);
  const names = [...all.map((o) => o.name).filter((n): n is string => n !== null), ...dropLater.splice(0)];
  if (names.length > 0) await admin(async (c) => { for (const n of names) await dropDatabase(c, n); });
}

/**
 * Drops a test database, retrying once: a backend PostgreSQL itself started there (e.g. autovacuum)
 * can make `WITH (FORCE)` refuse for a moment. A database still left is only disk: it is reported,
 * not a test failure.
 */
async function dropDatabase(c: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      return;
    } catch (err) {
      if (attempt === 1) console.warn(`test database ${name} left behind: ${(err as Error).message}`);
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function serverUrl(): string {
  const target = resolveDatabaseTarget();
  if (target.dialect !== 'pg') throw new Error('the server-pg tests need DATABASE_URL=postgres://…');
  return target.url;
}

function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The template of the current migrations (named by their hash), made once by whichever worker comes first. */
async function ensureTemplate(): Promise<string> {
  const folder = resolve(import.meta.dirname, '../../data/migrations/pg');
  const hash = createHash('sha256');
  for (const f of readdirSync(folder).filter((n) => n.endsWith('.sql')).sort()) hash.update(readFileSync(resolve(folder, f)));
  const name = `fundrisk_tpl_${hash.digest('hex').slice(0, 16)}`;
  await admin(async (c) => {
    await c.query('SELECT pg_advisory_lock(42)');
    try {
      const exists = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        await c.query(`DROP DATABASE IF EXISTS ${name}_tmp WITH (FORCE)`);
        // Byte (code point) order, as SQLite compares text: README "Databases".
        await c.query(`CREATE DATABASE ${name}_tmp TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'`);
        const db = await openDatabase(databaseUrl(`${name}_tmp`));
        await closeDatabase(db);
        await c.query(`ALTER DATABASE ${name}_tmp RENAME TO ${name}`);
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock(42)');
    }
  });
  return name;
}
