/**
 * The admin router through createCaller on an in-memory database with a fixed clock: user
 * administration (sessions ended on reset, disable and access changes; the last active admin
 * guarded), the audit rows each change writes (who, when, what, before → after, from where,
 * never a secret), and the audit list and chain check.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { TRPCError } from '@trpc/server';
import { asc, eq, sql } from 'drizzle-orm';
import { makeTestDb, anonymousCallerWithCookies, TEST_PASSWORD } from '../harness.ts';
import { appRouter } from '../../../server/routers/_app.ts';
import { createCallerFactory } from '../../../server/trpc/init.ts';
import { createContextInner } from '../../../server/trpc/context.ts';
import { createSession, loadSessionUser, resolveSession } from '../../../server/auth/sessions.ts';
import { importTable } from '../../../server/importer/import-table.ts';
import { parseCsvText } from '../../../server/importer/read-table.ts';
import { auditLog, users } from '../../../server/db/schema.ts';
import { dialectOf, sqliteConnection, type Db } from '../../../server/db/client.ts';

const NOW = Date.UTC(2026, 4, 17, 9, 30, 0);
const ADMIN_IP = '10.20.30.40';
const NEW_PASSWORD = 'lantern-orchard-velvet';
const REGIONS = `code,name,name_en,level,parent_code
P1,测试省,Test province,province,
C1,甲市,City A,city,P1
C2,乙市,City B,city,P1`;

const createCaller = createCallerFactory(appRouter);

async function callerAs(db: Db, username: string, opts: { now?: number; ip?: string } = {}) {
  const [row] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  if (!row) throw new Error(`no user ${username}`);
  return createCaller(createContextInner({ db, user: await loadSessionUser(db, row), now: () => opts.now ?? NOW, ip: opts.ip ?? ADMIN_IP }));
}

async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try { await p; } catch (err) { if (err instanceof TRPCError) return { code: err.code, message: err.message }; throw err; }
  throw new Error('expected an error');
}

const idOf = async (db: Db, username: string) => (await db.select().from(users).where(eq(users.username, username)).limit(1))[0]?.id ?? -1;
const auditRows = (db: Db) => db.select().from(auditLog).orderBy(asc(auditLog.id));
const lastAudit = async (db: Db) => (await auditRows(db)).at(-1);

/** No row of the log may carry a password, an argon2 hash or a TOTP secret. */
async function expectNoSecrets(db: Db, secrets: string[]) {
  const text = JSON.stringify(await auditRows(db));
  expect(text).not.toContain('$argon2');
  for (const s of secrets) expect(text).not.toContain(s);
}

describe('admin router', () => {
  let db: Db;
  beforeEach(async () => {
    db = await makeTestDb();
    const report = await importTable(db, parseCsvText(REGIONS, 'regions.csv', 'utf-8'), { kind: 'regions', unit: 'yuan', dryRun: false, vintage: '2025-01-01' });
    if (!report.ok) throw new Error(JSON.stringify(report.errors));
  });

  it('lists users with role, regions, status and two-factor state, and nothing secret', async () => {
    const list = await (await callerAs(db, 'admin')).admin.users();
    expect(list.map((u) => u.username)).toEqual(['actuary', 'admin', 'budget', 'leader', 'viewer']);
    expect(list.find((u) => u.username === 'viewer')).toMatchObject({ role: 'viewer', regions: ['*'], disabled: false, totpEnabled: false });
    for (const u of list) expect(Object.keys(u).sort()).toEqual(['allRegions', 'createdAt', 'disabled', 'id', 'passwordChangedAt', 'regions', 'role', 'totpEnabled', 'username']);
  });

  it('creates a user scoped to regions, audited with who, when, what and from where', async () => {
    const admin = await callerAs(db, 'admin');
    const { id } = await admin.admin.createUser({ username: 'li.na', password: NEW_PASSWORD, role: 'budget', regionCodes: ['C2', 'C1'] });
    expect(id).toBe(await idOf(db, 'li.na'));
    expect((await admin.admin.users()).find((u) => u.username === 'li.na')).toMatchObject({ role: 'budget', regions: ['C1', 'C2'], allRegions: false });
    expect(await lastAudit(db)).toMatchObject({
      at: '2026-05-17T09:30:00.000Z', userId: await idOf(db, 'admin'), username: 'admin', action: 'user.add', entity: 'user',
      entityId: String(id), ip: ADMIN_IP, beforeJson: null, afterJson: JSON.stringify({ username: 'li.na', role: 'budget', regions: ['C1', 'C2'] }),
    });
    const { caller } = anonymousCallerWithCookies(db, () => NOW);
    expect((await caller.auth.login({ username: 'li.na', password: NEW_PASSWORD })).user.regionIds).toHaveLength(2);
    await expectNoSecrets(db, [NEW_PASSWORD]);
  });

  it('refuses a common password, a taken name and an unknown region with exact messages, changing nothing', async () => {
    const admin = await callerAs(db, 'admin');
    const before = (await auditRows(db)).length;
    expect(await errorOf(admin.admin.createUser({ username: 'weak', password: 'Password1', role: 'viewer' })))
      .toEqual({ code: 'BAD_REQUEST', message: 'password is too common; choose another' });
    expect(await errorOf(admin.admin.createUser({ username: 'viewer', password: NEW_PASSWORD, role: 'viewer' })))
      .toEqual({ code: 'CONFLICT', message: 'user "viewer" already exists' });
    expect(await errorOf(admin.admin.createUser({ username: 'far', password: NEW_PASSWORD, role: 'viewer', regionCodes: ['C9'] })))
      .toEqual({ code: 'BAD_REQUEST', message: 'unknown region code "C9"' });
    expect(await errorOf(admin.admin.createUser({ username: 'x y', password: NEW_PASSWORD, role: 'viewer' })))
      .toEqual({ code: 'BAD_REQUEST', message: 'username "x y" must be 2–64 letters, digits, _ . or -' });
    expect(await db.select().from(users)).toHaveLength(5);
    expect(await auditRows(db)).toHaveLength(before);
  });

  it('disabling ends the sessions and refuses login; enabling lets the user in again', async () => {
    const admin = await callerAs(db, 'admin');
    const token = await createSession(db, await idOf(db, 'leader'), NOW);
    await admin.admin.disableUser({ username: 'leader' });
    expect(await resolveSession(db, token, NOW)).toBeNull();
    const { caller } = anonymousCallerWithCookies(db, () => NOW);
    expect(await errorOf(caller.auth.login({ username: 'leader', password: TEST_PASSWORD }))).toEqual({ code: 'UNAUTHORIZED', message: 'wrong username or password' });
    expect(await lastAudit(db)).toMatchObject({ action: 'auth.login.failure', afterJson: JSON.stringify({ reason: 'disabled' }) });

    await admin.admin.enableUser({ username: 'leader' });
    expect(await lastAudit(db)).toMatchObject({ action: 'user.enable', username: 'admin', beforeJson: '{"disabled":true}', afterJson: '{"disabled":false}', ip: ADMIN_IP });
    expect((await caller.auth.login({ username: 'leader', password: TEST_PASSWORD })).user.username).toBe('leader');
    expect(await errorOf(admin.admin.enableUser({ username: 'nobody' }))).toEqual({ code: 'NOT_FOUND', message: 'no user "nobody"' });
  });

  it('never disables or demotes the last active admin, and allows it once another admin exists', async () => {
    const admin = await callerAs(db, 'admin');
    const guard = { code: 'CONFLICT', message: '"admin" is the last active admin; make another user admin first' };
    expect(await errorOf(admin.admin.disableUser({ username: 'admin' }))).toEqual(guard);
    expect(await errorOf(admin.admin.setAccess({ username: 'admin', role: 'actuary', regionCodes: [] }))).toEqual(guard);
    // a disabled admin does not count as another admin
    await admin.admin.setAccess({ username: 'actuary', role: 'admin', regionCodes: [] });
    await admin.admin.disableUser({ username: 'actuary' });
    expect(await errorOf(admin.admin.disableUser({ username: 'admin' }))).toEqual(guard);
    // restoring region scope on the only admin is not a demotion
    await admin.admin.setAccess({ username: 'admin', role: 'admin', regionCodes: ['C1'] });

    await admin.admin.enableUser({ username: 'actuary' });
    await admin.admin.setAccess({ username: 'admin', role: 'viewer', regionCodes: [] });
    expect((await db.select().from(users).where(eq(users.username, 'admin')))[0]?.role).toBe('viewer');
    expect(await errorOf((await callerAs(db, 'actuary')).admin.disableUser({ username: 'actuary' })))
      .toEqual({ code: 'CONFLICT', message: '"actuary" is the last active admin; make another user admin first' });
  });

  it('resetting a password ends the sessions, applies the policy and logs no secret', async () => {
    const admin = await callerAs(db, 'admin');
    const token = await createSession(db, await idOf(db, 'viewer'), NOW);
    expect(await errorOf(admin.admin.resetPassword({ username: 'viewer', password: 'iloveyou' })))
      .toEqual({ code: 'BAD_REQUEST', message: 'password is too common; choose another' });
    expect(await resolveSession(db, token, NOW)).not.toBeNull();
    await admin.admin.resetPassword({ username: 'viewer', password: NEW_PASSWORD });
    expect(await resolveSession(db, token, NOW)).toBeNull();
    expect(await lastAudit(db)).toMatchObject({ action: 'user.password.reset', entityId: String(await idOf(db, 'viewer')), afterJson: '{"passwordChangedAt":"2026-05-17T09:30:00.000Z"}' });
    const { caller } = anonymousCallerWithCookies(db, () => NOW);
    expect((await errorOf(caller.auth.login({ username: 'viewer', password: TEST_PASSWORD }))).code).toBe('UNAUTHORIZED');
    expect((await caller.auth.login({ username: 'viewer', password: NEW_PASSWORD })).user.username).toBe('viewer');
    await expectNoSecrets(db, [NEW_PASSWORD, TEST_PASSWORD]);
  });

  it('setting access changes role and regions, ends the sessions and records before → after', async () => {
    const admin = await callerAs(db, 'admin');
    const token = await createSession(db, await idOf(db, 'actuary'), NOW);
    await admin.admin.setAccess({ username: 'actuary', role: 'viewer', regionCodes: ['C2'] });
    expect(await resolveSession(db, token, NOW)).toBeNull();
    expect(await lastAudit(db)).toMatchObject({
      action: 'user.access', username: 'admin', ip: ADMIN_IP,
      beforeJson: JSON.stringify({ role: 'actuary', regions: ['*'] }), afterJson: JSON.stringify({ role: 'viewer', regions: ['C2'] }),
    });
    // the new rights apply at the next request
    const upload = { kind: 'institutions' as const, unit: 'yuan' as const, fileName: 'x.csv', contentBase64: Buffer.from('a\n1\n').toString('base64') };
    expect((await errorOf((await callerAs(db, 'actuary')).importer.preview(upload))).code).toBe('FORBIDDEN');
    expect((await (await callerAs(db, 'actuary')).region.tree()).map((r) => r.code)).not.toContain('C1');
    await admin.admin.setAccess({ username: 'actuary', role: 'actuary', regionCodes: [] });
    expect((await lastAudit(db))?.afterJson).toBe(JSON.stringify({ role: 'actuary', regions: ['*'] }));
    expect(await errorOf(admin.admin.setAccess({ username: 'actuary', role: 'actuary', regionCodes: ['ZZ'] })))
      .toEqual({ code: 'BAD_REQUEST', message: 'unknown region code "ZZ"' });
  });

  it('resetting the second factor lets the user in with the password alone and ends the sessions', async () => {
    const viewer = await callerAs(db, 'viewer');
    const { secret } = await viewer.auth.totpSetup();
    const { Secret, TOTP } = await import('otpauth');
    await viewer.auth.totpEnable({ code: TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: NOW }) });
    const { caller } = anonymousCallerWithCookies(db, () => NOW + 60_000);
    expect(await errorOf(caller.auth.login({ username: 'viewer', password: TEST_PASSWORD }))).toEqual({ code: 'UNAUTHORIZED', message: 'two-factor code required' });
    const token = await createSession(db, await idOf(db, 'viewer'), NOW);

    await (await callerAs(db, 'admin')).admin.resetTotp({ username: 'viewer' });
    expect(await resolveSession(db, token, NOW)).toBeNull();
    expect(await lastAudit(db)).toMatchObject({ action: 'user.totp.reset', beforeJson: '{"totp":true}', afterJson: '{"totp":false}' });
    expect((await (await callerAs(db, 'admin')).admin.users()).find((u) => u.username === 'viewer')?.totpEnabled).toBe(false);
    expect((await caller.auth.login({ username: 'viewer', password: TEST_PASSWORD })).user.username).toBe('viewer');
    await expectNoSecrets(db, [secret]);
  });

  it('pages the audit log newest first and filters by user, action prefix, entity and UTC days', async () => {
    // 2001: before the wall-clock time of the harness's rows, so closed day ranges pick out only these
    const day = (d: number, h = 12) => Date.UTC(2001, 4, d, h);
    const setUpRows = (await auditRows(db)).length; // the harness's users and the regions import
    await (await callerAs(db, 'admin', { now: day(10, 23) })).admin.disableUser({ username: 'viewer' });
    await (await callerAs(db, 'admin', { now: day(11, 0) })).admin.enableUser({ username: 'viewer' });
    await (await callerAs(db, 'admin', { now: day(12) })).admin.setAccess({ username: 'budget', role: 'budget', regionCodes: ['C1'] });
    const { caller } = anonymousCallerWithCookies(db, () => day(12, 13));
    await errorOf(caller.auth.login({ username: 'budget', password: 'not-this-one' }));
    const admin = await callerAs(db, 'admin');

    const all = await admin.admin.audit({});
    expect(all.total).toBe(setUpRows + 4);
    expect(all.rows.map((r) => r.id)).toEqual([...all.rows.map((r) => r.id)].sort((a, b) => b - a));
    const page2 = await admin.admin.audit({ page: 2, pageSize: 4 });
    expect(page2.rows.map((r) => r.id)).toEqual(all.rows.slice(4, 8).map((r) => r.id));

    const actions = async (filter: object) => (await admin.admin.audit({ filter })).rows.map((r) => r.action);
    expect(await actions({ actionPrefix: 'user.', username: 'admin' })).toEqual(['user.access', 'user.enable', 'user.disable']);
    expect(await actions({ actionPrefix: 'auth.' })).toEqual(['auth.login.failure']);
    expect(await actions({ actionPrefix: 'user_' })).toEqual([]); // `_` is literal, not a LIKE wildcard
    expect(await actions({ actionPrefix: 'AUTH.Login' })).toEqual(['auth.login.failure']); // in any case, on both databases
    expect(await actions({ fromDate: '2001-05-11', toDate: '2001-05-11' })).toEqual(['user.enable']);
    expect(await actions({ toDate: '2001-05-10' })).toEqual(['user.disable']);
    expect(await actions({ fromDate: '2001-05-12', toDate: '2001-05-12' })).toEqual(['auth.login.failure', 'user.access']);
    expect(await actions({ fromDate: '2001-05-10', toDate: '2001-05-12', username: 'budget' })).toEqual(['auth.login.failure']);
    expect((await admin.admin.audit({ filter: { entity: 'user', username: 'cli' } })).total).toBe(5);

    expect((await errorOf(admin.admin.audit({ filter: { fromDate: '2026-05-12', toDate: '2026-05-11' } }))).code).toBe('BAD_REQUEST');
    expect((await errorOf(admin.admin.audit({ filter: { fromDate: '2026-02-30' } }))).code).toBe('BAD_REQUEST');
    expect((await errorOf(admin.admin.audit({ pageSize: 201 }))).code).toBe('BAD_REQUEST');
  });

  it('reports the chain check, and where it breaks', async () => {
    const admin = await callerAs(db, 'admin');
    const rows = (await auditRows(db)).length;
    expect(await admin.admin.auditVerify()).toEqual({ ok: true, rows, brokenAt: null });
    // past the services, as someone with access to the database could
    if (dialectOf(db) === 'sqlite') sqliteConnection(db).exec('drop trigger audit_log_no_update');
    else await db.execute(sql`drop trigger audit_log_no_update on audit_log`);
    await db.update(auditLog).set({ afterJson: '{}' }).where(eq(auditLog.id, 3));
    expect(await admin.admin.auditVerify()).toMatchObject({ ok: false, rows: 3, brokenAt: { id: 3 } });
  });
});
