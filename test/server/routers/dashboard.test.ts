/** `dashboard.summary` through createCaller and over HTTP (warning-fixture.ts has the hand-worked figures). */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Server } from 'node:http';
import { TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { callerFor, makeTestDb, TEST_PASSWORD, listenApp } from '../harness.ts';
import { makeWarningDb, regionId, load } from './warning-fixture.ts';
import type { Db } from '../../../server/db/client.ts';

const code = (p: Promise<unknown>) => p.then(() => 'OK', (e: unknown) => (e instanceof TRPCError ? e.code : String(e)));

describe('dashboard.summary', () => {
  let db: Db;
  beforeAll(async () => { db = await makeWarningDb(); });

  it('focuses on the root with the most funds and grids its cities × schemes, now and in 12 / 24 months', async () => {
    const s = await (await callerFor(db, 'leader')).dashboard.summary({});
    expect(s.focus?.code).toBe('P');
    expect(s.roots.map((r) => r.code)).toEqual(['P', 'Q']);
    expect(s.breadcrumb.map((b) => [b.code, b.accessible])).toEqual([['P', true]]);
    expect([s.schemes, s.firstMonth, s.lastMonth, s.latestPeriod]).toEqual([['employee', 'resident'], '2024-01', '2025-12', '2025-12']);
    expect(s.grid.map((r) => [r.code, r.self, r.hasChildren, r.fundsBelow, r.worstTierBelow])).toEqual([['C1', false, false, 0, null], ['C2', false, true, 1, 'red']]);
    const c1 = s.grid[0]?.cells;
    expect(c1?.employee).toMatchObject({ tier: 'orange', tier12: 'orange', tier24: 'orange', payableMonths: 5, months12: 5, months24: 5, alert: 'high' });
    expect(c1?.resident).toMatchObject({ tier: 'purple', payableMonths: 24.8, alert: 'elevated' });
    // B_12 = 600, B_24 = 0 over a year's spending of 1800: 4 months, then exhausted
    expect(s.grid[1]?.cells.employee).toMatchObject({ tier: 'green', tier12: 'orange', tier24: 'red', months12: 4, months24: 0, flags: ['current_deficit', 'forward'] });
    expect(s.grid[1]?.cells.resident).toBeNull();
  });

  it('KPIs: balances without double counting the nested county, payable months per scheme, growth, tiers', async () => {
    const { kpis } = await (await callerFor(db, 'leader')).dashboard.summary({});
    // employee: C1 500 + C2 1200 (K1 is inside C2's ledger) over 1200 + 1800 a year → 6.8 months
    expect(kpis.schemes[0]).toEqual({ scheme: 'employee', funds: 2, balanceYuan: 1700, annualExpenditureYuan: 3000, payableMonths: 6.8, tier: 'green', incomeYoY: 0, expenditureYoY: 0, growthFunds: 2 });
    // resident income 1320 → 1560 a year
    expect(kpis.schemes[1]).toMatchObject({ scheme: 'resident', balanceYuan: 2480, payableMonths: 24.8, tier: 'purple', incomeYoY: 240 / 1320 });
    expect(kpis.schemes[2]).toMatchObject({ scheme: 'all', balanceYuan: 4180, payableMonths: 4180 * 12 / 4200, tier: 'blue', incomeYoY: 240 / 3720 });
    expect(kpis.tiers.now).toEqual({ red: 1, orange: 1, green: 1, blue: 0, purple: 1, none: 0 });
    expect(kpis.tiers.in12).toEqual({ red: 1, orange: 2, green: 0, blue: 0, purple: 1, none: 0 });
    expect(kpis.tiers.in24).toEqual({ red: 2, orange: 1, green: 0, blue: 0, purple: 1, none: 0 });
    expect([kpis.funds, kpis.ratedFunds, kpis.nestedFunds, kpis.alerts]).toEqual([4, 4, 1, { critical: 1, high: 1, elevated: 2, notice: 0 }]);
  });

  it('alerts sorted by severity with reasons; sparkline of the last 24 months', async () => {
    const s = await (await callerFor(db, 'leader')).dashboard.summary({});
    expect(s.alerts.map((a) => `${a.regionCode} ${a.scheme} ${a.level}`)).toEqual(['K1 employee critical', 'C1 employee high', 'C2 employee elevated', 'C1 resident elevated']);
    expect(s.alerts[0]?.reasonZh).toBe('可支付月数 1.0 个月 < 3：红色严重预警');
    expect(s.alerts[2]).toMatchObject({ warningEntry: { period: '2026-07', monthsAhead: 7 }, redEntry: { period: '2027-04', monthsAhead: 16 } });
    expect(s.alertTotal).toBe(4);
    expect(s.sparkline).toHaveLength(24);
    expect(s.sparkline[0]?.period).toBe('2024-01');
    expect(s.sparkline[23]).toEqual({ period: '2025-12', funds: 3, warningFunds: 2, balanceYuan: 4180, incomeYuan: 330, expenditureYuan: 350, payableMonths: 4180 * 12 / 4200 });
    expect((await (await callerFor(db, 'leader')).dashboard.summary({ alertLimit: 2 })).alerts).toHaveLength(2);
  });

  it('drills down to a city: its own ledger first, then the county under it', async () => {
    const s = await (await callerFor(db, 'leader')).dashboard.summary({ regionId: await regionId(db, 'C2') });
    expect(s.breadcrumb.map((b) => b.code)).toEqual(['P', 'C2']);
    expect(s.grid.map((r) => [r.code, r.self])).toEqual([['C2', true], ['K1', false]]);
    expect(s.kpis.schemes[0]).toMatchObject({ scheme: 'employee', funds: 1, balanceYuan: 1200 });
    expect(s.alerts.map((a) => a.regionCode)).toEqual(['K1', 'C2']);
  });

  it('shows a past month as it was, and a yearly root without sparkline', async () => {
    const past = await (await callerFor(db, 'leader')).dashboard.summary({ asOf: '2024-12' });
    expect(past.asOf).toBe('2024-12');
    expect(past.sparkline.at(-1)?.period).toBe('2024-12');
    expect(past.grid[1]?.cells.employee).toMatchObject({ period: '2024-12', payableMonths: 12, tier: 'blue' });
    const q = await (await callerFor(db, 'leader')).dashboard.summary({ regionId: await regionId(db, 'Q') });
    expect(q.grid.map((r) => [r.code, r.self, r.cells.employee?.tier, r.cells.employee?.tier24])).toEqual([['Q', true, 'green', 'orange']]);
    expect([q.sparkline, q.firstMonth]).toEqual([[], null]);
  });

  it('scopes a user assigned one city: their city only; another region is FORBIDDEN, an unknown one NOT_FOUND', async () => {
    const one = await callerFor(db, 'cityone');
    const s = await one.dashboard.summary({});
    expect([s.focus?.code, s.roots.map((r) => r.code), s.grid.map((r) => r.code)]).toEqual(['C1', ['C1'], ['C1']]);
    expect(s.alerts.every((a) => a.regionCode === 'C1')).toBe(true);
    expect(await code(one.dashboard.summary({ regionId: await regionId(db, 'P') }))).toBe('FORBIDDEN');
    expect(await code(one.dashboard.summary({ regionId: await regionId(db, 'C2') }))).toBe('FORBIDDEN');
    expect(await code(one.dashboard.summary({ regionId: 4242 }))).toBe('NOT_FOUND');
    const two = await (await callerFor(db, 'citytwo')).dashboard.summary({});
    expect(two.breadcrumb.map((b) => [b.code, b.accessible])).toEqual([['P', false], ['C2', true]]);
  });

  it('puts the most urgent rows first, or keeps the administrative order, and limits the rows', async () => {
    const small = await makeTestDb();
    await load(small, 'code,name,level,parent_code\nZ,省,province,\nZA,甲,city,Z\nZB,乙,city,Z', 'regions');
    // ZA: 900 over 1200 a year → 9 months, green, no alert; ZB: 100 → 1 month, red
    await load(small, 'region_code,scheme,period,income,expenditure,balance\nZA,employee,2025,1200,1200,900\nZB,employee,2025,1200,1200,100', 'fund_records');
    const caller = await callerFor(small, 'leader');
    expect((await caller.dashboard.summary({})).grid.map((r) => r.code)).toEqual(['ZB', 'ZA']);
    expect((await caller.dashboard.summary({ gridOrder: 'code' })).grid.map((r) => r.code)).toEqual(['ZA', 'ZB']);
    const one = await caller.dashboard.summary({ gridLimit: 1 });
    expect([one.grid.map((r) => r.code), one.gridTotal]).toEqual([['ZB'], 2]);
  });

  it('refuses bad input with the field and reason', async () => {
    const caller = await callerFor(db, 'leader');
    await expect(caller.dashboard.summary({ asOf: '2025-1' })).rejects.toThrow('asOf must be a month YYYY-MM');
    expect(await code(caller.dashboard.summary({ alertLimit: 501 }))).toBe('BAD_REQUEST');
  });
});

describe('dashboard.summary memo and HTTP', () => {
  let db: Db;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    db = await makeWarningDb();
    ({ server, base } = await listenApp(db));
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  async function login(username: string): Promise<string> {
    const res = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { username, password: TEST_PASSWORD } }) });
    return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }

  it('serves the same summary over HTTP as in process (sent as plain JSON past superjson)', async () => {
    const cookie = await login('leader');
    const res = await fetch(`${base}/trpc/dashboard.summary?input=${encodeURIComponent(JSON.stringify({ json: { regionId: await regionId(db, 'P') } }))}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const body = await res.json() as { result: { data: { json: unknown; meta?: unknown } } };
    expect(body.result.data.meta).toBeUndefined();
    const viaHttp = superjson.deserialize(body.result.data as never);
    expect(viaHttp).toEqual(JSON.parse(JSON.stringify(await (await callerFor(db, 'leader')).dashboard.summary({ regionId: await regionId(db, 'P') }))));
    const scoped = await fetch(`${base}/trpc/dashboard.summary?input=${encodeURIComponent(JSON.stringify({ json: { regionId: await regionId(db, 'P') } }))}`, { headers: { cookie: await login('cityone') } });
    expect(scoped.status).toBe(403);
  });

  it('returns the memoised summary until data change: a login keeps it, an import replaces it', async () => {
    const caller = await callerFor(db, 'leader');
    const first = await caller.dashboard.summary({});
    await login('viewer');
    expect(await caller.dashboard.summary({})).toBe(first);
    await load(db, 'region_code,scheme,period,income,expenditure,balance\nK1,employee,2026-01,700,100,700', 'fund_records');
    const next = await caller.dashboard.summary({});
    expect(next).not.toBe(first);
    expect(next.alerts.map((a) => a.regionCode)).not.toContain('K1');
  });
});
