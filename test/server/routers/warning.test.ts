/** `warning.current`, `warning.history`, `warning.forward` through createCaller (warning-fixture.ts has the hand-worked figures). */
import { describe, it, expect, beforeAll } from 'vitest';
import { TRPCError } from '@trpc/server';
import { callerFor, TEST_PASSWORD } from '../harness.ts';
import { warningSnapshot } from '../../../server/services/warning-snapshot.ts';
import { makeWarningDb, fundId, regionId, load } from './warning-fixture.ts';
import type { Db } from '../../../server/db/client.ts';

const code = (p: Promise<unknown>) => p.then(() => 'OK', (e: unknown) => (e instanceof TRPCError ? e.code : String(e)));

describe('warning router', () => {
  let db: Db;
  beforeAll(async () => { db = await makeWarningDb(); });

  it('current: tier, flags and reasons of every fund at its latest period', async () => {
    const { funds, parameterVersion, forecastMethod } = await (await callerFor(db, 'leader')).warning.current({});
    expect([parameterVersion, forecastMethod]).toEqual([1, 'theta']);
    const by = (c: string, s: string) => funds.find((f) => f.regionCode === c && f.scheme === s);
    expect(by('C1', 'employee')).toMatchObject({ period: '2025-12', tier: 'orange', payableMonths: 5, flags: [], alert: 'high' });
    expect(by('C1', 'employee')?.reasons?.zh).toBe('可支付月数 5.0 个月 < 6：橙色预警');
    expect(by('K1', 'employee')).toMatchObject({ tier: 'red', payableMonths: 1, alert: 'critical' });
    const c2 = by('C2', 'employee');
    expect(c2).toMatchObject({ tier: 'green', payableMonths: 8, flags: ['current_deficit', 'forward'], consecutiveDeficits: 24, alert: 'elevated' });
    expect(c2?.forward).toEqual({ tier12: 'orange', tier24: 'red', warningEntry: '2026-07', redEntry: '2027-04', method: 'theta' });
    expect(c2?.reasons?.zh).toBe('可支付月数 8.0 个月，在 6–9 之间：绿色合理；当期收不抵支 24 个月；近12个月收不抵支：收入 1200.00 元 < 支出 1800.00 元；'
      + '预测 7 个月后（2026-07）可支付月数 5.7 个月：橙色预警；预测 16 个月后（2027-04）可支付月数 2.7 个月：红色严重预警');
    expect(by('C1', 'resident')?.reasons?.en).toBe('payable months 24.8 > 15: purple (excessive surplus); current surplus rate 23.1% > 15%; accumulated surplus 159.0% of a year\'s income > 25%');
    expect(by('Q', 'employee')).toMatchObject({ period: '2025', tier: 'green', payableMonths: 9 });
  });

  it('current: as of a past month, and filtered by region (nested included), scheme and tier', async () => {
    const caller = await callerFor(db, 'leader');
    const past = await caller.warning.current({ asOf: '2024-12' });
    // C2 at 2024-12: balance 1800 over a year's spending 1800 → 12 months
    expect(past.funds.find((f) => f.regionCode === 'C2')).toMatchObject({ period: '2024-12', payableMonths: 12, tier: 'blue' });
    expect(past.funds.find((f) => f.regionCode === 'Q')).toMatchObject({ period: '2024', payableMonths: 13.2, tier: 'blue' });
    expect((await caller.warning.current({ regionId: await regionId(db, 'C2') })).funds.map((f) => f.regionCode)).toEqual(['C2', 'K1']);
    expect((await caller.warning.current({ scheme: 'resident' })).funds.map((f) => f.regionCode)).toEqual(['C1']);
    expect((await caller.warning.current({ tier: 'red' })).funds.map((f) => f.regionCode)).toEqual(['K1']);
  });

  it('history: every period of one fund with its tier, months and reasons', async () => {
    const { periods, rated } = await (await callerFor(db, 'viewer')).warning.history({ fundId: await fundId(db, 'C1', 'employee') });
    expect(rated).toBe(true);
    expect(periods).toHaveLength(24);
    expect(new Set(periods.map((p) => `${p.tier} ${p.payableMonths}`))).toEqual(new Set(['orange 5']));
    expect(periods[0]).toMatchObject({ period: '2024-01', flags: ['short_history'], parameterVersion: 1 });
    expect(periods[0]?.reasonZh).toBe('可支付月数 5.0 个月 < 6：橙色预警；历史不足12个月：年支出按已有 1 个月的均值折算');
    expect(periods[23]).toMatchObject({ period: '2025-12', flags: [], balanceYuan: 500, incomeYuan: 100, expenditureYuan: 100 });
  });

  it('forward: the default fast method for all funds, without paths', async () => {
    const { funds, method } = await (await callerFor(db, 'leader')).warning.forward({});
    expect(method).toBe('theta');
    const c2 = funds.find((f) => f.regionCode === 'C2');
    expect(c2).toMatchObject({
      method: 'theta', flags: ['forward'], path: null,
      warningEntry: { period: '2026-07', monthsAhead: 7, tier: 'orange' }, redEntry: { period: '2027-04', monthsAhead: 16, tier: 'red' },
    });
    expect(c2?.horizons.map((h) => [h.months, h.tier, h.probabilityRed])).toEqual([[12, 'orange', null], [24, 'red', null]]);
    // two yearly points: too few for Theta, so naive carries the 2025 flows forward: 900 → 700 → 500
    expect(funds.find((f) => f.regionCode === 'Q')).toMatchObject({ method: 'naive', warningEntry: { period: '2027', monthsAhead: 24 } });
  });

  it('forward: one fund with a slower method and its path', async () => {
    const { funds } = await (await callerFor(db, 'actuary')).warning.forward({ fundId: await fundId(db, 'C2', 'employee'), method: 'ets' });
    const [c2] = funds;
    expect(c2?.method).toBe('ets');
    expect(c2?.path).toHaveLength(24);
    // ETS(A,N,N) on a constant series forecasts the constant: 1200 − 50 = 1150 after one month
    expect(c2?.path?.[0]).toMatchObject({ period: '2026-01', monthsAhead: 1, balanceYuan: 1150, tier: 'green' });
    expect(c2?.reasons.map((r) => r.code)).toEqual(['forward', 'forward']);
  });

  it('refuses a slow method for every fund at once, and bad periods', async () => {
    const caller = await callerFor(db, 'leader');
    await expect(caller.warning.forward({ method: 'auto' })).rejects.toThrow('methods ets, arima, combo, auto take seconds per hundred funds: give a fundId');
    expect(await code(caller.warning.forward({ method: 'auto' }))).toBe('BAD_REQUEST');
    await expect(caller.warning.current({ asOf: '2025-13' })).rejects.toThrow('asOf must be a month YYYY-MM');
    expect(await code(caller.warning.current({ regionId: 4242 }))).toBe('NOT_FOUND');
    expect(await code(caller.warning.history({ fundId: 4242 }))).toBe('NOT_FOUND');
  });

  it('scopes a user assigned one region: never another region\'s funds (FORBIDDEN)', async () => {
    const one = await callerFor(db, 'cityone');
    expect((await one.warning.current({})).funds.map((f) => `${f.regionCode} ${f.scheme}`)).toEqual(['C1 employee', 'C1 resident']);
    expect((await one.warning.forward({})).funds.map((f) => f.regionCode)).toEqual(['C1', 'C1']);
    expect(await code(one.warning.history({ fundId: await fundId(db, 'C2', 'employee') }))).toBe('FORBIDDEN');
    expect(await code(one.warning.forward({ fundId: await fundId(db, 'K1', 'employee') }))).toBe('FORBIDDEN');
    expect(await code(one.warning.current({ fundId: await fundId(db, 'C2', 'employee') }))).toBe('FORBIDDEN');
    expect(await code(one.warning.current({ regionId: await regionId(db, 'P') }))).toBe('FORBIDDEN');
    // a city user sees the county nested under it
    expect((await (await callerFor(db, 'citytwo')).warning.current({})).funds.map((f) => f.regionCode)).toEqual(['C2', 'K1']);
  });
});

describe('warning memo', () => {
  it('is recomputed after an import, and not after a login', async () => {
    const db = await makeWarningDb();
    const caller = await callerFor(db, 'leader');
    const before = await warningSnapshot(db, undefined);
    await (await callerFor(db, null)).auth.login({ username: 'viewer', password: TEST_PASSWORD });
    expect(await warningSnapshot(db, undefined)).toBe(before);
    // C1 employee 2026-01: spending 400 brings the balance to 200 → 200 × 12 / 1500 = 1.6 months
    await load(db, 'region_code,scheme,period,income,expenditure,balance\nC1,employee,2026-01,100,400,200', 'fund_records');
    const after = (await caller.warning.current({})).funds.find((f) => f.regionCode === 'C1' && f.scheme === 'employee');
    expect(after).toMatchObject({ period: '2026-01', payableMonths: 1.6, tier: 'red', alert: 'critical' });
  });

  it('shares one computation among concurrent requests: one snapshot, one answer', async () => {
    const db = await makeWarningDb();
    const [a, b] = await Promise.all([warningSnapshot(db, '2025-06'), warningSnapshot(db, '2025-06')]);
    expect(b).toBe(a);
    const caller = await callerFor(db, 'leader');
    const [x, y] = await Promise.all([caller.warning.current({ asOf: '2025-03' }), caller.warning.current({ asOf: '2025-03' })]);
    expect(y).toBe(x);
    expect(x.funds.find((f) => f.regionCode === 'C2')).toMatchObject({ period: '2025-03', balanceYuan: 1650 });
  });
});
