/**
 * SQLite's awaitable transactions (server/db/sqlite-client.ts) run on one connection: a function that
 * awaits only queries finishes within one turn of the event loop, and one that awaits anything else is
 * rolled back. SQLite-only (excluded from the server-pg project).
 */
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { regions } from '../../../server/db/schema.ts';
import { YIELDED } from '../../../server/db/transaction-rules.ts';
import { openTestDatabase } from '../../support/test-database.ts';

describe('SQLite transactions', () => {
  it('finish 200 awaited queries before the event loop turns', async () => {
    const db = await openTestDatabase();
    let turned = false;
    setImmediate(() => { turned = true; });
    await db.transaction(async (tx) => {
      for (let i = 0; i < 100; i += 1) {
        await tx.insert(regions).values({ code: String(i), name: 'r', level: 'city' });
        await tx.select().from(regions).limit(1);
      }
    });
    expect(turned).toBe(false);
    expect(await db.$count(regions)).toBe(100);
  });

  it('roll back a transaction that awaited something other than a query', async () => {
    const db = await openTestDatabase();
    await expect(db.transaction(async (tx) => {
      await tx.insert(regions).values({ code: 'x', name: 'r', level: 'city' });
      await new Promise((r) => setTimeout(r, 5));
    })).rejects.toThrow(YIELDED);
    expect(await db.$count(regions)).toBe(0);
  });

  it('roll back at once a transaction waiting on work that waits on it, instead of hanging', async () => {
    const db = await openTestDatabase();
    let release!: () => void;
    const signal = new Promise<void>((resolve) => { release = resolve; });
    // A memo another request is filling: its query is queued behind the transaction.
    const memo = signal.then(() => db.select().from(regions));
    await expect(db.transaction(async (tx) => {
      await tx.insert(regions).values({ code: 'inside', name: 'r', level: 'city' });
      release();
      await memo;
      await tx.insert(regions).values({ code: 'after', name: 'r', level: 'city' });
    })).rejects.toThrow(YIELDED);
    expect(await memo).toEqual([]);
    expect(await db.$count(regions)).toBe(0);
  });

  it('make a prepared statement awaited outside wait for the open transaction', async () => {
    const db = await openTestDatabase();
    const byCode = db.select().from(regions).where(eq(regions.code, sql.placeholder('code'))).prepare('region_by_code');
    let release!: () => void;
    const signal = new Promise<void>((resolve) => { release = resolve; });
    const seen = signal.then(() => byCode.execute({ code: 'inside' }));
    await expect(db.transaction(async (tx) => {
      await tx.insert(regions).values({ code: 'inside', name: 'r', level: 'city' });
      release();
      for (let i = 0; i < 5; i += 1) await tx.select().from(regions);
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(await seen).toEqual([]);
  });
});
