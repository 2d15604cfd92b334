/**
 * Online backup (SQLite's backup API: a consistent copy while the server keeps running) and
 * restore (only of a file that passes `PRAGMA integrity_check`; the replaced database is kept).
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import type { Db } from '../db/client.ts';

export async function backupDatabase(db: Db, destination: string): Promise<{ pages: number }> {
  if (existsSync(destination)) throw new Error(`${destination} already exists; choose a new file name`);
  const progress = await db.$client.backup(destination);
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
 * Replaces the database at `target` by the backup at `source`; the server must be stopped.
 * @throws Error naming the problem when the backup is unreadable or fails the integrity check.
 */
export function restoreDatabase(source: string, target: string, nowMs: number): { previous: string | null } {
  if (!existsSync(source)) throw new Error(`${source}: no such backup file`);
  let problems: string[];
  try {
    problems = checkIntegrity(source);
  } catch (err) {
    throw new Error(`${source}: not a SQLite database (${(err as Error).message})`);
  }
  if (problems.length > 0) throw new Error(`${source}: failed the integrity check: ${problems.slice(0, 3).join('; ')}`);
  let previous: string | null = null;
  if (existsSync(target)) {
    previous = `${target}.before-restore-${nowMs}`;
    renameSync(target, previous);
    for (const suffix of ['-wal', '-shm']) if (existsSync(target + suffix)) rmSync(target + suffix);
  }
  copyFileSync(source, target);
  return { previous };
}
