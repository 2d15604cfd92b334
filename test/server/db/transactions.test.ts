/**
 * Transactions and values behave the same on SQLite and PostgreSQL (this file runs in the unit and
 * the server-pg projects): commit, rollback, savepoints, serialised read-modify-write, bigint
 * amounts as numbers, and the append-only triggers with the same messages.
 */
import { eq, max } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, regions, sessions, users } from '../../../server/db/schema.ts';
import { openTestDatabase } from '../../support/test-database.ts';
import { NESTED_ON_DB } from '../../../server/db/transaction-rules.ts';

const region = (code: string) => ({ code, name: `region ${code}`, level: 'city' as const });

describe('transactions', () => {
  it('commit what the function wrote and answer its result', async () => {
    const db = await openTestDatabase();
    const ids = await db.transaction(async (tx) => {
      const rows = await tx.insert(regions).values([region('1'), region('2')]).returning({ id: regions.id });
      return rows.map((r) => r.id);
    });
    expect(ids).toHaveLength(2);
    expect((await db.select().from(regions)).map((r) => r.code)).toEqual(['1', '2']);
  });

  it('roll back everything when the function throws, and rethrow its error', async () => {
    const db = await openTestDatabase();
    await db.insert(regions).values(region('kept'));
    await expect(db.transaction(async (tx) => {
      await tx.insert(regions).values(region('gone'));
      await tx.update(regions).set({ name: 'changed' }).where(eq(regions.code, 'kept'));
      throw new Error('refused half-way');
    })).rejects.toThrow('refused half-way');
    expect(await db.select({ code: regions.code, name: regions.name }).from(regions)).toEqual([{ code: 'kept', name: 'region kept' }]);
  });

  it('roll back a nested transaction alone (a savepoint) and keep the outer one', async () => {
    const db = await openTestDatabase();
    await db.transaction(async (tx) => {
      await tx.insert(regions).values(region('outer'));
      await expect(tx.transaction(async (inner) => {
        await inner.insert(regions).values(region('inner'));
        throw new Error('inner refused');
      })).rejects.toThrow('inner refused');
      await tx.transaction(async (inner) => { await inner.insert(regions).values(region('inner ok')); });
    });
    expect((await db.select().from(regions)).map((r) => r.code).sort()).toEqual(['inner ok', 'outer']);
  });

  it('serialise concurrent read-modify-write transactions (no lost update)', async () => {
    const db = await openTestDatabase();
    const next = () => db.transaction(async (tx) => {
      const [row] = await tx.select({ top: max(regions.code) }).from(regions);
      const n = Number(row?.top ?? '100') + 1;
      await tx.insert(regions).values(region(String(n)));
      return n;
    });
    const got = await Promise.all(Array.from({ length: 12 }, next));
    expect([...got].sort()).toEqual(Array.from({ length: 12 }, (_, i) => 101 + i));
  });

  it('keep a query awaited elsewhere during a transaction out of it (not rolled back with it)', async () => {
    const db = await openTestDatabase();
    let release!: () => void;
    const signal = new Promise<void>((resolve) => { release = resolve; });
    // Registered outside the transaction, run while it is open.
    const outside = signal.then(() => db.insert(regions).values(region('outside')));
    await expect(db.transaction(async (tx) => {
      await tx.insert(regions).values(region('inside'));
      release();
      for (let i = 0; i < 5; i += 1) await tx.select().from(regions);
      throw new Error('inside refused');
    })).rejects.toThrow('inside refused');
    await outside;
    expect((await db.select().from(regions)).map((r) => r.code)).toEqual(['outside']);
  });
});

describe('values', () => {
  it('keep bigint amounts above 2^31 exact and as numbers', async () => {
    const db = await openTestDatabase();
    const [u] = await db.insert(users).values({ username: 'u', passwordHash: 'x', role: 'viewer' }).returning();
    const ms = 1_795_000_000_123;
    await db.insert(sessions).values({ tokenHash: 'h', userId: u?.id ?? 0, createdAtMs: ms, lastSeenAtMs: ms + 1 });
    const [s] = await db.select().from(sessions);
    expect(s).toMatchObject({ createdAtMs: ms, lastSeenAtMs: ms + 1 });
    expect(typeof s?.createdAtMs).toBe('number');
    expect(u?.disabled).toBe(false);
    expect(u?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('refuse to change or delete audit rows with the same message on both databases', async () => {
    const db = await openTestDatabase();
    await db.insert(auditLog).values({ at: '2026-01-01T00:00:00.000Z', action: 'auth.login', prevHash: '0', hash: '1' });
    await expect(db.update(auditLog).set({ action: 'x' }).where(eq(auditLog.id, 1))).rejects.toThrow('audit_log is append-only');
    await expect(db.delete(auditLog).where(eq(auditLog.id, 1))).rejects.toThrow('audit_log is append-only');
    expect(await db.select({ action: auditLog.action }).from(auditLog)).toEqual([{ action: 'auth.login' }]);
  });
});

describe('misuse', () => {
  it('refuse db.transaction inside a transaction of the same database (it would deadlock on PostgreSQL)', async () => {
    const db = await openTestDatabase();
    await expect(db.transaction(async (tx) => {
      await tx.insert(regions).values(region('outer'));
      await db.transaction(async (inner) => { await inner.insert(regions).values(region('inner')); });
    })).rejects.toThrow(NESTED_ON_DB);
    expect(await db.select().from(regions)).toEqual([]);
  });
});
