/** The express app over real HTTP on an ephemeral port: health, status codes, cookies, headers, guards. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Server } from 'node:http';
import { makeTestDb, TEST_PASSWORD, listenApp } from '../harness.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  const db = await makeTestDb();
  ({ server, base } = await listenApp(db));
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const json = { 'content-type': 'application/json' };

async function login(username: string): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: json, body: JSON.stringify({ json: { username, password: TEST_PASSWORD } }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/fundrisk_session=[A-Za-z0-9_-]{22};/);
  expect(cookie).toContain('HttpOnly');
  expect(cookie).toContain('SameSite=Strict');
  expect(cookie).not.toContain('Secure');
  return cookie.split(';')[0] ?? '';
}

describe('HTTP surface', () => {
  it('answers /healthz with {"ok":true}', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('sends a CSP for plain HTTP: base-uri none, no upgrade-insecure-requests', async () => {
    const csp = (await fetch(`${base}/healthz`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('answers 401 without a session and 403 for a role that may not', async () => {
    const anonymous = await fetch(`${base}/trpc/fund.overview`);
    expect(anonymous.status).toBe(401);
    const cookie = await login('viewer');
    const ok = await fetch(`${base}/trpc/fund.overview`, { headers: { cookie } });
    expect(ok.status).toBe(200);
    const body = JSON.stringify({ json: { kind: 'fund_records', unit: 'yuan', fileName: 'x.csv', contentBase64: 'YQ==' } });
    const forbidden = await fetch(`${base}/trpc/importer.preview`, { method: 'POST', headers: { ...json, cookie }, body });
    expect(forbidden.status).toBe(403);
  });

  it('refuses form posts and cross-site writes to /trpc', async () => {
    const form = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=a&password=b' });
    expect(form.status).toBe(403);
    const cross = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: { ...json, origin: 'http://evil.example' }, body: '{}' });
    expect(cross.status).toBe(403);
  });

  it('ends the session on logout', async () => {
    const cookie = await login('leader');
    const out = await fetch(`${base}/trpc/auth.logout`, { method: 'POST', headers: { ...json, cookie }, body: '{}' });
    expect(out.status).toBe(200);
    expect((await fetch(`${base}/trpc/fund.overview`, { headers: { cookie } })).status).toBe(401);
  });

  it('exports a table as CSV with a BOM for a logged-in user, 401 otherwise', async () => {
    expect((await fetch(`${base}/api/export/regions?format=csv`)).status).toBe(401);
    const cookie = await login('viewer');
    const res = await fetch(`${base}/api/export/regions?format=csv`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await fetch(`${base}/api/export/audit_log?format=csv`, { headers: { cookie } })).status).toBe(403);
  });
});
