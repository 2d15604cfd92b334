/**
 * The answer memo (answer-memo.ts) and the answers kept in it: `warning.current` and `fund.overview`
 * computed once per stamp, filter and scope, marked as memoised, and computed anew after a write.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import type { Db } from '../../../server/db/client.ts';
import { isMemoisedAnswer, memoAnswer, rememberAnswer, scopeMemoKey } from '../../../server/services/answer-memo.ts';
import { callerFor } from '../harness.ts';
import { load, makeWarningDb, regionId } from '../routers/warning-fixture.ts';

describe('answer memo', () => {
  it('computes once per key and stamp, again when the stamp moves', async () => {
    const db = {} as Db;
    let runs = 0;
    const compute = async () => ({ run: ++runs });
    const first = await memoAnswer(db, 'k', 's1', compute);
    expect(await memoAnswer(db, 'k', 's1', compute)).toBe(first);
    expect(await memoAnswer(db, 'k', 's2', compute)).toEqual({ run: 2 });
    expect(await memoAnswer({} as Db, 'k', 's2', compute)).toEqual({ run: 3 });
    expect(isMemoisedAnswer(first)).toBe(true);
    expect(isMemoisedAnswer({ run: 1 })).toBe(false);
    expect(isMemoisedAnswer(null)).toBe(false);
  });

  it('lets the least recently used answer go when full (64 entries)', async () => {
    const db = {} as Db;
    let runs = 0;
    const compute = async () => ({ run: ++runs });
    const kept = await memoAnswer(db, 'kept', 's', compute);
    const dropped = await memoAnswer(db, 'dropped', 's', compute);
    for (let i = 0; i < 62; i++) await memoAnswer(db, `filler ${i}`, 's', compute);
    expect(await memoAnswer(db, 'kept', 's', compute)).toBe(kept);
    await memoAnswer(db, 'one more', 's', compute);
    expect(await memoAnswer(db, 'kept', 's', compute)).toBe(kept);
    expect(await memoAnswer(db, 'dropped', 's', compute)).not.toBe(dropped);
  });

  it('shares one computation among the calls that arrive while it runs', async () => {
    const db = {} as Db;
    let runs = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const compute = async () => {
      runs += 1;
      await gate;
      return { run: runs };
    };
    const calls = [memoAnswer(db, 'k', 's', compute), memoAnswer(db, 'k', 's', compute), memoAnswer(db, 'k', 's', compute)];
    release();
    const [a, b, c] = await Promise.all(calls);
    expect(runs).toBe(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('keeps no rejected computation: every waiting call gets the error, the next call computes anew', async () => {
    const db = {} as Db;
    let runs = 0;
    const compute = async () => {
      runs += 1;
      if (runs === 1) throw new Error('the database went away');
      return { run: runs };
    };
    const [first, second] = [memoAnswer(db, 'k', 's', compute), memoAnswer(db, 'k', 's', compute)];
    await expect(first).rejects.toThrow('the database went away');
    await expect(second).rejects.toThrow('the database went away');
    expect(await memoAnswer(db, 'k', 's', compute)).toEqual({ run: 2 });
    expect(runs).toBe(2);
  });

  it('keys a scope by its set: all, and one key per set', () => {
    const a = new Set([1, 2]);
    expect(scopeMemoKey(null)).toBe('all');
    expect(scopeMemoKey(a)).toBe(scopeMemoKey(a));
    expect(scopeMemoKey(new Set([1, 2]))).not.toBe(scopeMemoKey(a));
    expect(rememberAnswer(7)).toBe(7);
  });
});

describe('memoised read answers', () => {
  let db: Db;
  beforeAll(async () => { db = await makeWarningDb(); });

  it('answers warning.current and fund.overview once per filter and scope', async () => {
    const leader = await callerFor(db, 'leader');
    const city = await callerFor(db, 'cityone');
    for (const read of [(c: typeof leader) => c.warning.current({}), (c: typeof leader) => c.fund.overview({})]) {
      const all = await read(leader);
      expect(await read(await callerFor(db, 'leader'))).toBe(all);
      expect(isMemoisedAnswer(all)).toBe(true);
      const own = await read(city);
      expect(own).not.toBe(all);
      expect(await read(city)).toBe(own);
    }
    const c2 = await leader.warning.current({ regionId: await regionId(db, 'C2') });
    expect(c2.funds.map((f) => f.regionCode)).toEqual(['C2', 'K1']);
    expect((await city.warning.current({})).funds.map((f) => f.regionCode)).toEqual(['C1', 'C1']);
    expect((await city.fund.overview({ scheme: 'resident' })).rows.map((r) => r.regionCode)).toEqual(['C1']);
  });

  it('answers anew after an import', async () => {
    const leader = await callerFor(db, 'leader');
    const [current, overview] = [await leader.warning.current({}), await leader.fund.overview({})];
    await load(db, 'code,name,name_en,level,parent_code\nC4,己市,City F,city,P', 'regions');
    await load(db, 'region_code,scheme,period,income,expenditure,balance\nC4,employee,2025-12,100,100,300', 'fund_records');
    const [current2, overview2] = [await leader.warning.current({}), await leader.fund.overview({})];
    expect(current2.funds.length).toBe(current.funds.length + 1);
    expect(overview2.rows.length).toBe(overview.rows.length + 1);
    expect(current2.funds.find((f) => f.regionCode === 'C4')).toMatchObject({ period: '2025-12', balanceYuan: 300 });
  });
});
