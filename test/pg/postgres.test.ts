/**
 * What only PostgreSQL deployments have (server-pg project): several app servers on one database —
 * write transactions serialised across them, migrations run once when they start together — and a
 * clear error when the server cannot be reached.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { max, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../server/db/client.ts';
import { regions } from '../../server/db/schema.ts';
import { emptyPgDatabaseUrl } from '../support/test-database.ts';
import { isLoginBlocked, MAX_FAILURES_PER_USERNAME, recordLoginFailure } from '../../server/auth/login-throttle.ts';

const servers: Db[] = [];
afterAll(async () => { for (const db of servers.splice(0)) await closeDatabase(db); });

async function appServer(url: string): Promise<Db> {
  const db = await openDatabase(url, { max: 3, idleTimeoutMillis: 500 });
  servers.push(db);
  return db;
}

describe('PostgreSQL with several app servers', () => {
  it('migrate once when two app servers start together on an empty database', async () => {
    const url = await emptyPgDatabaseUrl();
    const [a] = await Promise.all([appServer(url), appServer(url)]);
    const files = readdirSync(resolve(import.meta.dirname, '../../data/migrations/pg')).filter((f) => f.endsWith('.sql'));
    const applied = await a.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`) as unknown as { rows: { n: number }[] };
    expect(applied.rows).toEqual([{ n: files.length }]);
  });

  it('serialise read-modify-write transactions across app servers (no lost update)', async () => {
    const url = await emptyPgDatabaseUrl();
    const a = await appServer(url);
    const b = await appServer(url);
    const next = (db: Db) => db.transaction(async (tx) => {
      const [row] = await tx.select({ top: max(regions.code) }).from(regions);
      const n = Number(row?.top ?? '100') + 1;
      await tx.execute(sql`select pg_sleep(0.02)`);
      await tx.insert(regions).values({ code: String(n), name: `r${n}`, level: 'city' });
      return n;
    });
    const got = await Promise.all(Array.from({ length: 8 }, (_, i) => next(i % 2 === 0 ? a : b)));
    expect([...got].sort()).toEqual(Array.from({ length: 8 }, (_, i) => 101 + i));
  });

  it('say which server could not be reached, without the password', async () => {
    await expect(openDatabase('postgres://fundrisk:secret-pw@127.0.0.1:1/nowhere')).rejects.toThrow(
      /^cannot reach PostgreSQL at postgres:\/\/fundrisk:\*\*\*@127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/,
    );
  });
});

describe('the login throttle with several app servers', () => {
  it('counts failures served by either server', async () => {
    const url = await emptyPgDatabaseUrl();
    const a = await appServer(url);
    const b = await appServer(url);
    const keys = { username: 'alice', address: '10.1.1.1' };
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME; i++) await recordLoginFailure(i % 2 === 0 ? a : b, keys, 1_800_000_000_000 + i);
    expect(await isLoginBlocked(a, keys, 1_800_000_000_010)).toBe(true);
    expect(await isLoginBlocked(b, keys, 1_800_000_000_010)).toBe(true);
  });
});
