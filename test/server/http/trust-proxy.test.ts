/**
 * `trust proxy` (FUNDRISK_TRUST_PROXY) over real HTTP: the login throttle and the audit key on
 * `req.ip`, the session cookie's `Secure` and the CSP follow `req.secure`. Without the setting a
 * client's own X-Forwarded-For / X-Forwarded-Proto change nothing; with the proxy trusted they do.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { desc } from 'drizzle-orm';
import { createApp } from '../../../server/app.ts';
import type { TrustProxy } from '../../../server/env.ts';
import { recordLoginFailure } from '../../../server/auth/login-throttle.ts';
import { auditLog } from '../../../server/db/schema.ts';
import type { Db } from '../../../server/db/client.ts';
import { makeTestDb, TEST_PASSWORD } from '../harness.ts';

/** An address whose throttle bucket the tests fill, and one that is never throttled (RFC 5737 documentation ranges). */
const FLOODED = '203.0.113.7';
const CLEAN = '198.51.100.4';
/** login-throttle.ts blocks an address after this many failures in its window. */
const ADDRESS_LIMIT = 50;

let db: Db;
const servers: Server[] = [];

async function serve(trustProxy: TrustProxy): Promise<string> {
  const server = createApp({ db, demo: false, clientDir: null, trustProxy }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  db = await makeTestDb();
  // fill FLOODED's bucket without argon2 work: other usernames, so no test user is blocked by name
  for (let i = 0; i < ADDRESS_LIMIT; i++) await recordLoginFailure(db, { username: `guess-${i}`, address: FLOODED }, Date.now());
});
afterAll(() => Promise.all(servers.map((s) => new Promise<void>((done) => s.close(() => done())))));

async function loginAs(base: string, username: string, headers: Record<string, string>) {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ json: { username, password: TEST_PASSWORD } }),
  });
  const [audit] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  return { status: res.status, cookie: res.headers.get('set-cookie') ?? '', csp: res.headers.get('content-security-policy') ?? '', audit };
}

describe('without FUNDRISK_TRUST_PROXY', () => {
  it('keys the throttle and the audit on the socket address whatever X-Forwarded-For claims', async () => {
    const base = await serve(false);
    const res = await loginAs(base, 'viewer', { 'x-forwarded-for': FLOODED, 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(res.audit).toMatchObject({ action: 'auth.login.success', ip: '127.0.0.1' });
  });

  it('leaves Secure off the cookie and upgrade-insecure-requests out of the CSP when X-Forwarded-Proto says https', async () => {
    const base = await serve(false);
    const res = await loginAs(base, 'leader', { 'x-forwarded-proto': 'https' });
    expect(res.cookie).toContain('HttpOnly');
    expect(res.cookie).not.toContain('Secure');
    expect(res.csp).not.toContain('upgrade-insecure-requests');
  });

  it('ignores the headers of a peer outside the trusted ranges', async () => {
    const base = await serve(['10.0.0.0/8']);
    const res = await loginAs(base, 'budget', { 'x-forwarded-for': FLOODED, 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(res.audit?.ip).toBe('127.0.0.1');
    expect(res.cookie).not.toContain('Secure');
  });
});

describe.each<[string, TrustProxy]>([['loopback', ['loopback']], ['one hop', 1]])('with FUNDRISK_TRUST_PROXY %s', (_name, trust) => {
  it('keys the throttle and the audit on the forwarded client address', async () => {
    const base = await serve(trust);
    const blocked = await loginAs(base, 'viewer', { 'x-forwarded-for': FLOODED });
    expect(blocked.status).toBe(429);
    expect(blocked.audit).toMatchObject({ action: 'auth.login.throttled', ip: FLOODED });
    const other = await loginAs(base, 'viewer', { 'x-forwarded-for': CLEAN });
    expect(other.status).toBe(200);
    expect(other.audit).toMatchObject({ action: 'auth.login.success', ip: CLEAN });
  });

  it('marks the session cookie Secure and upgrades insecure requests when the proxy forwarded https', async () => {
    const base = await serve(trust);
    const https = await loginAs(base, 'actuary', { 'x-forwarded-for': CLEAN, 'x-forwarded-proto': 'https' });
    expect(https.status).toBe(200);
    expect(https.cookie).toMatch(/; Secure/);
    expect(https.csp).toContain('upgrade-insecure-requests');
    const plain = await loginAs(base, 'actuary', { 'x-forwarded-for': CLEAN, 'x-forwarded-proto': 'http' });
    expect(plain.cookie).not.toContain('Secure');
  });
});
