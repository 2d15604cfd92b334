import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../bin/fundrisk.js');

function fundrisk(db: string, args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, FUNDRISK_DB: db, DATABASE_URL: '' }, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npx fundrisk user', () => {
  it('adds, lists and disables users on the FUNDRISK_DB database, never echoing the password', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'fundrisk-user-')), 'u.db');
    const added = fundrisk(db, ['user', 'add', '--username', 'alice', '--role', 'admin', '--password-stdin'], 'a long enough passphrase\n');
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ username: 'alice', role: 'admin' });
    expect(added.stdout).not.toContain('passphrase');

    const listed = JSON.parse(fundrisk(db, ['user', 'list']).stdout);
    expect(listed.users).toEqual([expect.objectContaining({ username: 'alice', role: 'admin', disabled: false, regions: ['*'] })]);

    expect(fundrisk(db, ['user', 'disable', 'alice']).code).toBe(0);
    expect(JSON.parse(fundrisk(db, ['user', 'list']).stdout).users[0].disabled).toBe(true);
  });

  it('refuses a bad role, a duplicate user, a common password and a missing password with clear messages', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'fundrisk-user-')), 'u.db');
    const badRole = fundrisk(db, ['user', 'add', '--username', 'bob', '--role', 'boss', '--password-stdin'], 'a long enough passphrase\n');
    expect(badRole.code).not.toBe(0);
    expect(badRole.stderr).toContain('unknown role "boss"');
    const common = fundrisk(db, ['user', 'add', '--username', 'bob', '--role', 'viewer', '--password-stdin'], 'password1\n');
    expect(common.stderr).toContain('password is too common');
    const none = fundrisk(db, ['user', 'add', '--username', 'bob', '--role', 'viewer']);
    expect(none.stderr).toContain('no password');
    fundrisk(db, ['user', 'add', '--username', 'bob', '--role', 'viewer', '--password-stdin'], 'a long enough passphrase\n');
    const dup = fundrisk(db, ['user', 'add', '--username', 'bob', '--role', 'viewer', '--password-stdin'], 'a long enough passphrase\n');
    expect(dup.stderr).toContain('user "bob" already exists');
    expect(fundrisk(db, ['user', 'disable', 'nobody']).stderr).toContain('no user "nobody"');
  });

  it('prints help for every command', () => {
    const help = fundrisk(':memory:', ['--help']);
    for (const cmd of ['warn', 'import', 'export', 'user']) expect(help.stdout).toContain(cmd);
  });
});
