import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../bin/fundrisk.js');
const run = (db: string, args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, FUNDRISK_DB: db, DATABASE_URL: '' }, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('backup, restore and audit verify', () => {
  it('backs up online, restores after a loss, and verifies the audit chain', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fundrisk-backup-'));
    const db = join(dir, 'live.db');
    expect(run(db, ['user', 'add', '--username', 'alice', '--role', 'admin', '--password-stdin'], 'a long enough passphrase\n').code).toBe(0);
    const backup = join(dir, 'b.db');
    expect(run(db, ['backup', '--out', backup]).code).toBe(0);
    expect(run(db, ['backup', '--out', backup]).stderr).toContain('already exists');
    run(db, ['user', 'add', '--username', 'bob', '--role', 'viewer', '--password-stdin'], 'a long enough passphrase\n');
    const restored = run(db, ['restore', backup]);
    expect(restored.code).toBe(0);
    expect(existsSync(JSON.parse(restored.stdout).previous)).toBe(true);
    const users = JSON.parse(run(db, ['user', 'list']).stdout).users.map((u: { username: string }) => u.username);
    expect(users).toEqual(['alice']);
    expect(JSON.parse(run(db, ['audit', 'verify']).stdout)).toMatchObject({ ok: true, brokenAt: null });
  });

  it('on PostgreSQL refuses backup and restore, naming pg_dump and pg_restore, without connecting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fundrisk-backup-'));
    // Port 1 has no server: a command that tried to connect would fail with "cannot reach PostgreSQL".
    const env = { ...process.env, FUNDRISK_DB: '', DATABASE_URL: 'postgres://fundrisk:secret@127.0.0.1:1/fundrisk' };
    const pg = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8' });
    const backup = pg(['backup', '--out', join(dir, 'b.db')]);
    expect([backup.status, backup.stderr]).toEqual([1, 'fundrisk: backup copies the SQLite database; on PostgreSQL use pg_dump (see README "Databases")\n']);
    expect(existsSync(join(dir, 'b.db'))).toBe(false);
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'this is not sqlite');
    const restore = pg(['restore', junk]);
    expect([restore.status, restore.stderr]).toEqual([1, 'fundrisk: restore replaces the SQLite database file; on PostgreSQL use pg_restore (see README "Databases")\n']);
    expect(backup.stderr + restore.stderr).not.toContain('secret');
  });

  it('refuses to restore a file that is not a sound database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fundrisk-backup-'));
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'this is not sqlite');
    const r = run(join(dir, 'live.db'), ['restore', junk]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('junk.db: not a SQLite database');
    expect(run(join(dir, 'live.db'), ['restore', join(dir, 'missing.db')]).stderr).toContain('no such backup file');
  });
});
