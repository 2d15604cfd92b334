/**
 * `fundrisk backup` / `restore` (server/services/backup.ts): SQLite's online backup of the open
 * database and the checked restore of a file; on PostgreSQL both refuse and name pg_dump /
 * pg_restore. Each vitest project checks the database of its own dialect.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, dialectOf, openDatabase } from '../../../server/db/client.ts';
import { regions } from '../../../server/db/schema.ts';
import { assertBackupSupported, backupDatabase, checkIntegrity, restoreDatabase } from '../../../server/services/backup.ts';
import { openTestDatabase } from '../../support/test-database.ts';

const BACKUP_REFUSAL = 'backup copies the SQLite database; on PostgreSQL use pg_dump (see README "Databases")';
const RESTORE_REFUSAL = 'restore replaces the SQLite database file; on PostgreSQL use pg_restore (see README "Databases")';
const dir = mkdtempSync(join(tmpdir(), 'fundrisk-backup-service-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('backup and restore', () => {
  it('backs up the open SQLite database to a sound file, or refuses on PostgreSQL naming pg_dump', async () => {
    const db = await openTestDatabase();
    await db.insert(regions).values({ code: 'B1', name: '备份市', level: 'city' });
    const destination = join(dir, 'copy.db');
    if (dialectOf(db) === 'pg') {
      await expect(backupDatabase(db, destination)).rejects.toThrow(BACKUP_REFUSAL);
      expect(existsSync(destination)).toBe(false);
      return;
    }
    expect((await backupDatabase(db, destination)).pages).toBeGreaterThan(0);
    expect(checkIntegrity(destination)).toEqual([]);
    await expect(backupDatabase(db, destination)).rejects.toThrow(`${destination} already exists; choose a new file name`);
    const copy = await openDatabase(destination);
    expect(await copy.select({ code: regions.code }).from(regions)).toEqual([{ code: 'B1' }]);
    await closeDatabase(copy);
  });

  it('refuses backup and restore for a PostgreSQL target before touching anything', () => {
    expect(() => assertBackupSupported('pg')).toThrow(BACKUP_REFUSAL);
    expect(() => assertBackupSupported('sqlite')).not.toThrow();
    const source = join(dir, 'junk.db');
    writeFileSync(source, 'not a database');
    expect(() => restoreDatabase(source, { dialect: 'pg', url: 'postgres://fundrisk:secret@127.0.0.1:5432/fundrisk' }, 0)).toThrow(RESTORE_REFUSAL);
    expect(readFileSync(source, 'utf8')).toBe('not a database');
  });

  it('restores only a file that passes the integrity check, keeping the replaced one', () => {
    const target = join(dir, 'live.db');
    writeFileSync(target, 'the old database');
    const junk = join(dir, 'junk-restore.db');
    writeFileSync(junk, 'this is not sqlite');
    expect(() => restoreDatabase(junk, { dialect: 'sqlite', path: target }, 1)).toThrow(`${junk}: not a SQLite database`);
    expect(() => restoreDatabase(join(dir, 'missing.db'), { dialect: 'sqlite', path: target }, 1)).toThrow(`${join(dir, 'missing.db')}: no such backup file`);
    expect(readFileSync(target, 'utf8')).toBe('the old database');
  });
});
