/** `npx fundrisk user enable | reset-password | set-access | reset-totp` on the FUNDRISK_DB database. */
import { describe, it, expect, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { closeDatabase, openDatabase, type Db } from '../../server/db/client.ts';
import { sessions, users } from '../../server/db/schema.ts';
import { login } from '../../server/services/login.ts';

const BIN = resolve(import.meta.dirname, '../../bin/fundrisk.js');
const REGIONS = resolve(import.meta.dirname, '../fixtures/import/regions.csv');
const FIRST = 'a long enough passphrase';
const SECOND = 'quiet harbour at dawn';
/** Each CLI run starts node and compiles through tsx: 1–5 s on a busy 2-core machine, up to seven runs a test. */
const CLI_TEST_TIMEOUT_MS = 90_000;

function fundrisk(db: string, args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, FUNDRISK_DB: db, DATABASE_URL: '', FUNDRISK_PASSWORD: '' }, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `work` on the file database and closes it again (the CLI opens it in between). */
async function withDb<T>(path: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(path);
  try { return await work(db); } finally { await closeDatabase(db); }
}

const listed = (db: string, name: string) => (JSON.parse(fundrisk(db, ['user', 'list']).stdout) as { users: { username: string }[] }).users.find((u) => u.username === name);

describe('npx fundrisk user: recovery and access', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  let db: string;
  beforeAll(() => {
    db = join(mkdtempSync(join(tmpdir(), 'fundrisk-user-admin-')), 'u.db');
    expect(fundrisk(db, ['import', REGIONS, '--kind', 'regions']).code).toBe(0);
    expect(fundrisk(db, ['user', 'add', '--username', 'wang', '--role', 'viewer', '--password-stdin'], `${FIRST}\n`).code).toBe(0);
  }, CLI_TEST_TIMEOUT_MS);

  it('enables a disabled user again', () => {
    fundrisk(db, ['user', 'disable', 'wang']);
    const enabled = fundrisk(db, ['user', 'enable', 'wang']);
    expect(enabled.stderr).toBe('');
    expect(JSON.parse(enabled.stdout)).toEqual({ username: 'wang', disabled: false });
    expect(listed(db, 'wang')).toMatchObject({ disabled: false });
    expect(fundrisk(db, ['user', 'enable', 'nobody']).stderr).toBe('fundrisk: no user "nobody"\n');
  });

  it('resets a password from standard input, ending the sessions, never echoing it', async () => {
    const session = await withDb(db, async (d) => (await login(d, { username: 'wang', password: FIRST }, { ip: null, nowMs: 1_700_000_000_000 })).token);
    const reset = fundrisk(db, ['user', 'reset-password', '--username', 'wang', '--password-stdin'], `${SECOND}\n`);
    expect(reset.stderr).toBe('');
    expect(JSON.parse(reset.stdout)).toEqual({ username: 'wang', passwordReset: true });
    expect(reset.stdout + reset.stderr).not.toContain(SECOND);
    await withDb(db, async (d) => {
      expect(await d.select({ n: count() }).from(sessions)).toEqual([{ n: 0 }]);
      await expect(login(d, { username: 'wang', password: FIRST }, { ip: null, nowMs: 1_700_000_000_000 })).rejects.toThrow('wrong username or password');
      expect((await login(d, { username: 'wang', password: SECOND }, { ip: null, nowMs: 1_700_000_000_000 })).user.username).toBe('wang');
      expect(session).toMatch(/^[A-Za-z0-9_-]{22}$/);
    });
    expect(fundrisk(db, ['user', 'reset-password', '--username', 'wang', '--password-stdin'], 'iloveyou\n').stderr).toBe('fundrisk: password is too common; choose another\n');
    expect(fundrisk(db, ['user', 'reset-password', '--username', 'wang']).stderr).toContain('no password');
    expect(fundrisk(db, ['user', 'reset-password', '--username', 'ghost', '--password-stdin'], `${SECOND}\n`).stderr).toBe('fundrisk: no user "ghost"\n');
  });

  it('sets role and regions, back to every region without --regions', () => {
    const scoped = fundrisk(db, ['user', 'set-access', '--username', 'wang', '--role', 'budget', '--regions', 'R02,R01']);
    expect(scoped.stderr).toBe('');
    expect(JSON.parse(scoped.stdout)).toEqual({ username: 'wang', role: 'budget', regions: ['R01', 'R02'] });
    expect(listed(db, 'wang')).toMatchObject({ role: 'budget', regions: ['R01', 'R02'], allRegions: false });
    expect(JSON.parse(fundrisk(db, ['user', 'set-access', '--username', 'wang', '--role', 'leader']).stdout)).toEqual({ username: 'wang', role: 'leader', regions: ['*'] });
    expect(fundrisk(db, ['user', 'set-access', '--username', 'wang', '--role', 'boss']).stderr).toContain('--role: unknown role "boss"');
    expect(fundrisk(db, ['user', 'set-access', '--username', 'wang', '--role', 'viewer', '--regions', 'R09']).stderr).toBe('fundrisk: unknown region code "R09"\n');
    expect(listed(db, 'wang')).toMatchObject({ role: 'leader' });
  });

  it('turns a lost second factor off', async () => {
    await withDb(db, async (d) => {
      await d.update(users).set({ totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', totpLastStep: 5 }).where(eq(users.username, 'wang'));
    });
    expect(listed(db, 'wang')).toMatchObject({ totpEnabled: true });
    const reset = fundrisk(db, ['user', 'reset-totp', 'wang']);
    expect(JSON.parse(reset.stdout)).toEqual({ username: 'wang', totpEnabled: false });
    expect(listed(db, 'wang')).toMatchObject({ totpEnabled: false });
  });

  it('lists the new commands in the help', () => {
    const help = fundrisk(db, ['user', '--help']).stdout;
    for (const cmd of ['add', 'disable', 'enable', 'reset-password', 'set-access', 'reset-totp', 'list']) expect(help).toContain(cmd);
  });
});
