/** `GET /api/audit/export` over real HTTP: administrators only, the page's filters, CSV and XLSX, audited itself. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Server } from 'node:http';
import { readTableFromBuffer } from '../../../server/importer/read-table.ts';
import { chainHash } from '../../../server/services/audit.ts';
import { asc, desc } from 'drizzle-orm';
import { auditLog } from '../../../server/db/schema.ts';
import type { Db } from '../../../server/db/client.ts';
import { makeTestDb, TEST_PASSWORD, listenApp } from '../harness.ts';

let db: Db;
let server: Server;
let base: string;

beforeAll(async () => {
  db = await makeTestDb();
  ({ server, base } = await listenApp(db));
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

async function login(username: string): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { username, password: TEST_PASSWORD } }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const get = (query: string, cookie?: string) => fetch(`${base}/api/audit/export?${query}`, { headers: cookie ? { cookie } : {} });
const orNull = (cell: string | undefined) => (cell === undefined || cell === '' ? null : cell);

describe('audit log export', () => {
  it('answers 401 without a session and 403 for every role but admin', async () => {
    expect((await get('format=csv')).status).toBe(401);
    for (const role of ['actuary', 'budget', 'leader', 'viewer']) expect((await get('format=csv', await login(role))).status).toBe(403);
  });

  it('refuses bad filters with the field and the reason', async () => {
    const res = await get('format=csv&fromDate=2026-13-01', await login('admin'));
    expect(res.status).toBe(400);
    expect((await res.json()) as unknown).toEqual({ error: 'fromDate: not a calendar date' });
    expect((await get('format=pdf', await login('admin'))).status).toBe(400);
  });

  it('exports the whole chain as CSV: each row re-hashes to its hash, then logs the export', async () => {
    const cookie = await login('admin');
    const before = (await db.select().from(auditLog)).length;
    const res = await get('format=csv', cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="audit_log.csv"');
    const table = await readTableFromBuffer(new Uint8Array(await res.arrayBuffer()), 'audit_log.csv');
    expect(table.encoding).toBe('utf-8-bom');
    expect(table.header).toEqual(['id', 'at', 'user_id', 'username', 'action', 'entity', 'entity_id', 'before_json', 'after_json', 'ip', 'prev_hash', 'hash']);
    expect(table.rows).toHaveLength(before);
    let prev = '0'.repeat(64);
    for (const r of table.rows) {
      const [, at, userId, username, action, entity, entityId, beforeJson, afterJson, ip, prevHash, hash] = r;
      expect(prevHash).toBe(prev);
      const content = {
        at: at ?? '', userId: orNull(userId) === null ? null : Number(userId), username: orNull(username), action: action ?? '',
        entity: orNull(entity), entityId: orNull(entityId), beforeJson: orNull(beforeJson), afterJson: orNull(afterJson), ip: orNull(ip),
      };
      expect(chainHash(prev, content)).toBe(hash);
      prev = hash ?? '';
    }
    const [last] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(last).toMatchObject({ action: 'export', entity: 'audit_log', username: 'admin', afterJson: '{"format":"csv"}' });
  });

  it('applies the filters and names the file by the days; XLSX reads back', async () => {
    const cookie = await login('admin');
    // the server stamps rows with its own clock: a range wide enough to hold any run of this test
    const res = await get('format=xlsx&actionPrefix=auth.login&username=admin&fromDate=2000-01-01&toDate=2999-12-31', cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="audit_log-2000-01-01_2999-12-31.xlsx"');
    const table = await readTableFromBuffer(new Uint8Array(await res.arrayBuffer()), 'audit.xlsx');
    const expected = (await db.select().from(auditLog).orderBy(asc(auditLog.id))).filter((r) => r.username === 'admin' && r.action.startsWith('auth.login'));
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(table.rows.map((r) => r[0])).toEqual(expected.map((r) => String(r.id)));
    expect(new Set(table.rows.map((r) => r[4]))).toEqual(new Set(['auth.login.success']));
  });
});
