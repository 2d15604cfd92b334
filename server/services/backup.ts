/**
 * Online backup (SQLite's backup API: a consistent copy while the server keeps running) and
 * restore (only of a file that passes `PRAGMA integrity_check`; the replaced database is kept).
 * Both are about the SQLite file: on PostgreSQL they refuse and name pg_dump / pg_restore.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dialectOf, sqliteConnection, type Db, type DatabaseTarget, type Dialect } from '../db/client.ts';

const BACKUP_ON_POSTGRES = 'backup copies the SQLite database; on PostgreSQL use pg_dump (see README "Databases")';
const RESTORE_ON_POSTGRES = 'restore replaces the SQLite database file; on PostgreSQL use pg_restore (see README "Databases")';

/**
 * Whether `fundrisk backup` can serve a database of this dialect (checked before connecting).
 * @throws Error `backup copies the SQLite database; on PostgreSQL use pg_dump (see README "Databases")`
 */
export function assertBackupSupported(dialect: Dialect): void {
  if (dialect === 'pg') throw new Error(BACKUP_ON_POSTGRES);
}

/**
 * @throws Error `<destination> already exists; choose a new file name`, or the refusal of assertBackupSupported.
 */
export async function backupDatabase(db: Db, destination: string): Promise<{ pages: number }> {
  assertBackupSupported(dialectOf(db));
  if (existsSync(destination)) throw new Error(`${destination} already exists; choose a new file name`);
  const progress = await sqliteConnection(db, 'backup').backup(destination);
  return { pages: progress.totalPages };
}

/** `ok` or the first problems SQLite reports for the file. */
export function checkIntegrity(path: string): string[] {
  const conn = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = conn.pragma('integrity_check') as { integrity_check: string }[];
    const fk = conn.pragma('foreign_key_check') as unknown[];
    const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    if (fk.length > 0) problems.push(`${fk.length} broken foreign key reference(s)`);
    return problems;
  } finally {
    conn.close();
  }
}

/**
 * Replaces the SQLite database of `target` by the backup at `source`; the server must be stopped.
 * @throws Error naming the problem when the backup is unreadable or fails the integrity check, or
 *   `restore replaces the SQLite database file; on PostgreSQL use pg_restore (see README "Databases")`.
 */
export function restoreDatabase(source: string, target: DatabaseTarget, nowMs: number): { previous: string | null } {
  if (target.dialect === 'pg') throw new Error(RESTORE_ON_POSTGRES);
  const path = target.path;
  if (!existsSync(source)) throw new Error(`${source}: no such backup file`);
  let problems: string[];
  try {
    problems = checkIntegrity(source);
  } catch (err) {
    throw new Error(`${source}: not a SQLite database (${(err as Error).message})`);
  }
  if (problems.length > 0) throw new Error(`${source}: failed the integrity check: ${problems.slice(0, 3).join('; ')}`);
  let previous: string | null = null;
  if (existsSync(path)) {
    previous = `${path}.before-restore-${nowMs}`;
    renameSync(path, previous);
    for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) rmSync(path + suffix);
  }
  copyFileSync(source, path);
  return { previous };
}
