/**
 * The embedded SQLite database: opened with the connection settings stack-notes.md requires (WAL,
 * busy timeout, foreign keys on the connection, never inside a migration), migrated, and given
 * awaitable transactions (sqlite-transactions.ts) so the query code is the same as on PostgreSQL.
 */
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema-sqlite.ts';
import { installAwaitableTransactions } from './sqlite-transactions.ts';

export type SqliteDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), '../../data/migrations/sqlite');
const BUSY_TIMEOUT_MS = 5000;

/** `:memory:` or a file path; creates the folder of a file database. */
export function openSqlite(path: string): SqliteDb {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema }) as SqliteDb;
  migrateSafely(db, path);
  sqlite.pragma('foreign_keys = ON');
  installAwaitableTransactions(db);
  return db;
}

/**
 * Runs pending migrations with foreign keys off on the connection (a table rebuild inside a
 * migration transaction would otherwise cascade deletes: drizzle-orm#5782), backs the file up
 * first when anything is pending, and refuses to continue if a foreign key is left dangling.
 * @throws Error `migration left broken foreign keys in <tables>; backup at <path>`
 */
function migrateSafely(db: SqliteDb, path: string): void {
  const sqlite = db.$client;
  sqlite.pragma('foreign_keys = OFF');
  const pending = hasPendingMigrations(sqlite);
  let backupPath: string | undefined;
  if (pending && path !== ':memory:' && existsSync(path) && hasUserTables(sqlite)) {
    backupPath = `${path}.pre-migrate-${Date.now()}.bak`;
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(path, backupPath);
  }
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  const broken = sqlite.pragma('foreign_key_check') as { table: string }[];
  if (broken.length > 0) {
    const tables = [...new Set(broken.map((b) => b.table))].join(', ');
    throw new Error(`migration left broken foreign keys in ${tables}; backup at ${backupPath ?? '(none)'}`);
  }
}

function hasUserTables(sqlite: Database.Database): boolean {
  const row = sqlite.prepare("select count(*) as n from sqlite_master where type='table' and name='regions'").get() as { n: number };
  return row.n > 0;
}

function hasPendingMigrations(sqlite: Database.Database): boolean {
  const journal = JSON.parse(readFileSync(resolve(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  const exists = sqlite.prepare("select count(*) as n from sqlite_master where type='table' and name='__drizzle_migrations'").get() as { n: number };
  if (exists.n === 0) return true;
  const applied = sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
  return applied.n < journal.entries.length;
}
