import { describe, it, expect } from 'vitest';
import { TRPCError } from '@trpc/server';
import { makeTestDb, anonymousCallerWithCookies, callerFor, TEST_PASSWORD } from '../harness.ts';
import { auditLog } from '../../../server/db/schema.ts';
import { addUser } from '../../../server/services/users.ts';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; return 'OK'; } catch (err) { return err instanceof TRPCError ? err.code : String(err); }
}

describe('auth router', () => {
  it('logs in, sets the session cookie and audits success and failure', async () => {
    const db = await makeTestDb();
    const { caller, jar } = anonymousCallerWithCookies(db);
    expect(await codeOf(caller.auth.login({ username: 'leader', password: 'wrong-password' }))).toBe('UNAUTHORIZED');
    const { user } = await caller.auth.login({ username: 'leader', password: TEST_PASSWORD });
    expect(user).toMatchObject({ username: 'leader', role: 'leader', regionIds: null });
    expect(jar.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const actions = (await db.select().from(auditLog)).map((r) => r.action);
    expect(actions).toContain('auth.login.failure');
    expect(actions).toContain('auth.login.success');
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const db = await makeTestDb();
    const { caller } = anonymousCallerWithCookies(db);
    await expect(caller.auth.login({ username: 'nobody', password: 'x' })).rejects.toThrow('wrong username or password');
    await expect(caller.auth.login({ username: 'viewer', password: 'x' })).rejects.toThrow('wrong username or password');
  });

  it('throttles a username after five failures', async () => {
    const db = await makeTestDb();
    await addUser(db, { username: 'throttled', password: TEST_PASSWORD, role: 'viewer' }, null);
    const { caller } = anonymousCallerWithCookies(db);
    for (let i = 0; i < 5; i++) expect(await codeOf(caller.auth.login({ username: 'throttled', password: 'bad' }))).toBe('UNAUTHORIZED');
    expect(await codeOf(caller.auth.login({ username: 'throttled', password: TEST_PASSWORD }))).toBe('TOO_MANY_REQUESTS');
  });

  it('me answers logged out and logged in', async () => {
    const db = await makeTestDb();
    expect(await (await callerFor(db, null)).auth.me()).toEqual({ user: null, demo: false });
    expect((await (await callerFor(db, 'viewer')).auth.me()).user?.role).toBe('viewer');
  });

  it('refuses common passwords for new users', async () => {
    const db = await makeTestDb();
    await expect(addUser(db, { username: 'weak', password: 'password1', role: 'viewer' }, null)).rejects.toThrow('password is too common; choose another');
    await expect(addUser(db, { username: 'short', password: 'abc', role: 'viewer' }, null)).rejects.toThrow('password must have at least 8 characters');
  });
});
