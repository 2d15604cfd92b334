/**
 * Self-service through createCaller with a fixed clock: changing the password, and the TOTP
 * second factor from setup to login (required, invalid, ±1 step, no replay) and back off.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { TRPCError } from '@trpc/server';
import { asc, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { makeTestDb, anonymousCallerWithCookies, TEST_PASSWORD } from '../harness.ts';
import { appRouter } from '../../../server/routers/_app.ts';
import { createCallerFactory } from '../../../server/trpc/init.ts';
import { createContextInner } from '../../../server/trpc/context.ts';
import { createSession, loadSessionUser, resolveSession } from '../../../server/auth/sessions.ts';
import { auditLog, users } from '../../../server/db/schema.ts';
import type { Db } from '../../../server/db/client.ts';

/** 09:30:10 UTC: 10 s into a 30-second step. */
const T0 = Date.UTC(2026, 4, 17, 9, 30, 10);
const STEP_MS = 30_000;
const NEW_PASSWORD = 'lantern-orchard-velvet';
const createCaller = createCallerFactory(appRouter);

/** A logged-in caller whose session token is `token` and whose cookie writes land in `jar`. */
async function sessionCaller(db: Db, username: string, now: number) {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  if (!row) throw new Error(`no user ${username}`);
  const token = await createSession(db, row.id, now);
  const jar: { token?: string | undefined } = {};
  const caller = createCaller(createContextInner({
    db, user: await loadSessionUser(db, row), sessionToken: token, now: () => now, ip: '192.168.1.7',
    cookie: { set: (t) => { jar.token = t; }, clear: () => { jar.token = undefined; } },
  }));
  return { caller, token, jar };
}

async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try { await p; } catch (err) { if (err instanceof TRPCError) return { code: err.code, message: err.message }; throw err; }
  throw new Error('expected an error');
}

const codeAt = (secret: string, ms: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: ms });
const loginAt = (db: Db, ms: number) => anonymousCallerWithCookies(db, () => ms).caller.auth;
const auditRows = (db: Db) => db.select().from(auditLog).orderBy(asc(auditLog.id));
const actionsSince = async (db: Db, id: number) => (await auditRows(db)).filter((r) => r.id > id).map((r) => r.action);
const lastId = async (db: Db) => (await auditRows(db)).at(-1)?.id ?? 0;

describe('account: password change', () => {
  let db: Db;
  beforeEach(async () => { db = await makeTestDb(); });

  it('needs the current password, applies the policy, ends the other sessions and keeps this browser in', async () => {
    const [budget] = await db.select().from(users).where(eq(users.username, 'budget')).limit(1);
    const other = await createSession(db, budget?.id ?? 0, T0);
    const { caller, token, jar } = await sessionCaller(db, 'budget', T0);
    expect(await errorOf(caller.auth.changePassword({ currentPassword: 'not-the-password', newPassword: NEW_PASSWORD })))
      .toEqual({ code: 'BAD_REQUEST', message: 'current password is wrong' });
    expect(await errorOf(caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'qwertyuiop' })))
      .toEqual({ code: 'BAD_REQUEST', message: 'password is too common; choose another' });
    expect(await errorOf(caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'my-budget-key' })))
      .toEqual({ code: 'BAD_REQUEST', message: 'password must not contain the username' });
    expect(await resolveSession(db, other, T0)).not.toBeNull();

    expect(await caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).toEqual({ ok: true });
    expect(await resolveSession(db, other, T0)).toBeNull();
    expect(await resolveSession(db, token, T0)).toBeNull();
    expect((await resolveSession(db, jar.token, T0))?.username).toBe('budget');
    expect((await caller.auth.account()).passwordChangedAt).toBe('2026-05-17T09:30:10.000Z');
    expect((await errorOf(loginAt(db, T0).login({ username: 'budget', password: TEST_PASSWORD }))).code).toBe('UNAUTHORIZED');
    expect((await loginAt(db, T0).login({ username: 'budget', password: NEW_PASSWORD })).user.username).toBe('budget');
    const text = JSON.stringify(await auditRows(db));
    expect(text).not.toContain(NEW_PASSWORD);
    expect(text).not.toContain('$argon2');
  });

  it('counts wrong current passwords towards the login throttle', async () => {
    const { caller } = await sessionCaller(db, 'leader', T0);
    for (let i = 0; i < 5; i++) await errorOf(caller.auth.changePassword({ currentPassword: `guess-number-${i}`, newPassword: NEW_PASSWORD }));
    expect(await errorOf(caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })))
      .toEqual({ code: 'TOO_MANY_REQUESTS', message: 'too many failed attempts; try again in 15 minutes' });
    expect((await errorOf(loginAt(db, T0).login({ username: 'leader', password: TEST_PASSWORD }))).code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('account: TOTP second factor', () => {
  let db: Db;
  let secret: string;
  beforeEach(async () => {
    db = await makeTestDb();
    const { caller } = await sessionCaller(db, 'actuary', T0);
    const setup = await caller.auth.totpSetup();
    secret = setup.secret;
    expect(setup.uri).toBe(`otpauth://totp/fundrisk:actuary?issuer=fundrisk&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
  });

  it('stays off until a code confirms the setup; a wrong code changes nothing', async () => {
    const { caller, token, jar } = await sessionCaller(db, 'actuary', T0);
    expect(await caller.auth.account()).toMatchObject({ totpEnabled: false, totpPending: true });
    expect((await loginAt(db, T0).login({ username: 'actuary', password: TEST_PASSWORD })).user.username).toBe('actuary');
    const wrong = codeAt(secret, T0 + 5 * STEP_MS);
    expect(await errorOf(caller.auth.totpEnable({ code: wrong }))).toEqual({ code: 'BAD_REQUEST', message: 'invalid two-factor code' });
    expect(await errorOf(caller.auth.totpEnable({ code: '12345' }))).toMatchObject({ code: 'BAD_REQUEST' });

    expect(await caller.auth.totpEnable({ code: codeAt(secret, T0) })).toEqual({ ok: true });
    expect(await resolveSession(db, token, T0)).toBeNull();
    expect((await resolveSession(db, jar.token, T0))?.username).toBe('actuary');
    expect(await caller.auth.account()).toMatchObject({ totpEnabled: true, totpPending: false });
    expect(await errorOf(caller.auth.totpSetup())).toEqual({ code: 'CONFLICT', message: 'two-factor authentication is already on; turn it off first' });
    expect(await errorOf(caller.auth.totpEnable({ code: codeAt(secret, T0) }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('then asks for the code at login, never saying which factor failed for a wrong password', async () => {
    await (await sessionCaller(db, 'actuary', T0)).caller.auth.totpEnable({ code: codeAt(secret, T0) });
    const t = T0 + 10 * STEP_MS;
    const auth = loginAt(db, t);
    const start = await lastId(db);
    const wrongPassword = { code: 'UNAUTHORIZED', message: 'wrong username or password' };
    expect(await errorOf(auth.login({ username: 'actuary', password: 'wrong-password' }))).toEqual(wrongPassword);
    expect(await errorOf(auth.login({ username: 'actuary', password: 'wrong-password', totp: codeAt(secret, t) }))).toEqual(wrongPassword);
    expect(await errorOf(auth.login({ username: 'actuary', password: 'wrong-password', totp: '000000' }))).toEqual(wrongPassword);
    expect(await errorOf(auth.login({ username: 'actuary', password: TEST_PASSWORD }))).toEqual({ code: 'UNAUTHORIZED', message: 'two-factor code required' });
    const wrongCode = codeAt(secret, t + 3 * STEP_MS);
    expect(await errorOf(auth.login({ username: 'actuary', password: TEST_PASSWORD, totp: wrongCode }))).toEqual({ code: 'UNAUTHORIZED', message: 'invalid two-factor code' });
    expect(await actionsSince(db, start)).toEqual(['auth.login.failure', 'auth.login.failure', 'auth.login.failure', 'auth.login.totp_required', 'auth.login.failure']);
    expect((await auditRows(db)).at(-1)?.afterJson).toBe('{"reason":"totp"}');
  });

  it('accepts a code one step early or late, and each step only once', async () => {
    await (await sessionCaller(db, 'actuary', T0)).caller.auth.totpEnable({ code: codeAt(secret, T0) });
    const t = T0 + 100 * STEP_MS;
    const login = (totp: string, at = t) => loginAt(db, at).login({ username: 'actuary', password: TEST_PASSWORD, totp });
    expect((await login(codeAt(secret, t - STEP_MS))).user.username).toBe('actuary');
    // the same code again, and the (older) confirming code: refused
    expect(await errorOf(login(codeAt(secret, t - STEP_MS)))).toEqual({ code: 'UNAUTHORIZED', message: 'invalid two-factor code' });
    expect(await errorOf(login(codeAt(secret, T0), T0))).toEqual({ code: 'UNAUTHORIZED', message: 'invalid two-factor code' });
    expect((await login(codeAt(secret, t + STEP_MS))).user.username).toBe('actuary');
    // the current step lies before the step just used: its code is now spent too
    expect(await errorOf(login(codeAt(secret, t)))).toEqual({ code: 'UNAUTHORIZED', message: 'invalid two-factor code' });
    expect(await errorOf(login(codeAt(secret, t + 2 * STEP_MS)))).toEqual({ code: 'UNAUTHORIZED', message: 'invalid two-factor code' });
    expect((await login(codeAt(secret, t + 2 * STEP_MS), t + 2 * STEP_MS)).user.username).toBe('actuary');
  });

  it('turns off only with a current unused code, and logs no secret', async () => {
    const first = await sessionCaller(db, 'actuary', T0);
    await first.caller.auth.totpEnable({ code: codeAt(secret, T0) });
    const t = T0 + 4 * STEP_MS;
    const { caller, token, jar } = await sessionCaller(db, 'actuary', t);
    expect(await errorOf(caller.auth.totpDisable({ code: codeAt(secret, t + 2 * STEP_MS) }))).toEqual({ code: 'BAD_REQUEST', message: 'invalid two-factor code' });
    expect(await caller.auth.totpDisable({ code: codeAt(secret, t) })).toEqual({ ok: true });
    expect(await resolveSession(db, token, t)).toBeNull();
    expect((await resolveSession(db, jar.token, t))?.username).toBe('actuary');
    expect(await caller.auth.account()).toMatchObject({ totpEnabled: false, totpPending: false });
    expect(await errorOf(caller.auth.totpDisable({ code: codeAt(secret, t) }))).toEqual({ code: 'BAD_REQUEST', message: 'two-factor authentication is not on' });
    expect((await loginAt(db, t).login({ username: 'actuary', password: TEST_PASSWORD })).user.username).toBe('actuary');
    const rows = await auditRows(db);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['user.totp.setup', 'user.totp.enable', 'user.totp.disable.failure', 'user.totp.disable']));
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it('refuses to enable without a pending setup', async () => {
    const { caller } = await sessionCaller(db, 'viewer', T0);
    expect(await errorOf(caller.auth.totpEnable({ code: '123456' }))).toEqual({ code: 'BAD_REQUEST', message: 'no two-factor setup is pending; start the setup first' });
  });
});
