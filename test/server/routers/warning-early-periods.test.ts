/**
 * Periods before the first national parameter version (2009-01) are judged under that version
 * (server/services/warning-rules.ts, the rule fund.detail applies), never refused with a 500.
 * On top of warning-fixture.ts: C3, a city of P, whose employee pooling fund has monthly records
 * 2007-01 … 2010-12 with income = expenditure = 100 元 and a balance of 500 元, so 500 ÷ (1200 ÷ 12)
 * = 5 payable months: orange under version 1 (orange below 6), green under a version 2 that lowers
 * the orange line to 4.5 from 2009-07; R, another root, has one yearly employee record for 2007:
 * 900 ÷ (1200 ÷ 12) = 9 months, green (≤ 9).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { TRPCError } from '@trpc/server';
import { callerFor } from '../harness.ts';
import { makeWarningDb, fundId, load, regionId } from './warning-fixture.ts';
import { judgingMonth, warningParamsAt, warningRulesByPeriod } from '../../../server/services/warning-rules.ts';
import type { Db } from '../../../server/db/client.ts';

const code = (p: Promise<unknown>) => p.then(() => 'OK', (e: unknown) => (e instanceof TRPCError ? e.code : String(e)));
const months = Array.from({ length: 48 }, (_, k) => `${2007 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);

describe('warning services for periods before the first national version', () => {
  let db: Db;
  beforeAll(async () => {
    db = await makeWarningDb();
    await load(db, 'code,name,name_en,level,parent_code\nC3,丁市,City D,city,P\nR,早期省,Early Province,province,', 'regions');
    await load(db, ['region_code,scheme,period,income,expenditure,balance', ...months.map((p) => `C3,employee,${p},100,100,500`), 'R,employee,2007,1000,1200,900'].join('\n'), 'fund_records');
    const v1 = (await (await callerFor(db, 'viewer')).parameters.list()).national[0]?.setId ?? 0;
    await (await callerFor(db, 'admin')).parameters.createVersion({
      fromSetId: v1, effectiveFrom: '2009-07', note: '测试：下调橙色预警线',
      values: [{ key: 'thresholds.orangeBelow', value: 4.5, provenance: 'practice', source: '测试文件' }],
    });
  });

  it('judgingMonth: an earlier period is judged at the first version\'s month; later ones at their own (a year at its end)', async () => {
    const periods = ['2007-03', '2008', '2009-01', '2009', '2010-02'];
    expect(await Promise.all(periods.map((p) => judgingMonth(db, p)))).toEqual(['2009-01', '2009-01', '2009-01', '2009-12', '2010-02']);
    expect((await Promise.all(['2007-03', '2009-06', '2009-07'].map((p) => warningParamsAt(db, p)))).map((r) => r.version)).toEqual([1, 1, 2]);
  });

  it('warningRulesByPeriod answers as judgingMonth and warningParamsAt, period by period', async () => {
    const rules = await warningRulesByPeriod(db);
    for (const p of ['2007-03', '2008', '2009-01', '2009-06', '2009-07', '2009', '2010-02']) {
      expect(rules.judgingMonth(p)).toBe(await judgingMonth(db, p));
      expect(rules.paramsAt(p)).toEqual(await warningParamsAt(db, p));
    }
  });

  it('warning.history answers for a fund with records from 2007: version 1 until 2009-06, then the rules in force', async () => {
    const caller = await callerFor(db, 'leader');
    expect(await code(caller.warning.history({ fundId: await fundId(db, 'C3', 'employee') }))).toBe('OK');
    const { periods } = await caller.warning.history({ fundId: await fundId(db, 'C3', 'employee') });
    expect(periods).toHaveLength(48);
    const at = (p: string) => periods.find((x) => x.period === p);
    expect([at('2007-01'), at('2008-12'), at('2009-06')].map((x) => [x?.payableMonths, x?.tier, x?.parameterVersion])).toEqual([[5, 'orange', 1], [5, 'orange', 1], [5, 'orange', 1]]);
    expect([at('2009-07'), at('2010-12')].map((x) => [x?.payableMonths, x?.tier, x?.parameterVersion])).toEqual([[5, 'green', 2], [5, 'green', 2]]);
    expect(periods.filter((x) => x.parameterVersion === 1)).toHaveLength(30);
    expect(at('2007-01')?.reasonZh).toContain('可支付月数 5.0 个月 < 6：橙色预警');
    const yearly = await caller.warning.history({ fundId: await fundId(db, 'R', 'employee') });
    expect(yearly.periods.map((x) => [x.period, x.payableMonths, x.tier, x.parameterVersion])).toEqual([['2007', 9, 'green', 1]]);
  });

  it('dashboard.summary and warning.current as of a month before 2009 answer under version 1', async () => {
    const caller = await callerFor(db, 'leader');
    expect(await code(caller.dashboard.summary({ asOf: '2008-06' }))).toBe('OK');
    const s = await caller.dashboard.summary({ asOf: '2008-06' });
    expect([s.asOf, s.parameterVersion, s.thresholds.orangeBelow, s.firstMonth]).toEqual(['2008-06', 1, 6, '2007-01']);
    expect(s.grid.find((r) => r.code === 'C3')?.cells.employee).toMatchObject({ period: '2008-06', payableMonths: 5, tier: 'orange' });
    // the funds of 2024–2025 had no record yet
    expect(s.grid.find((r) => r.code === 'C1')?.cells.employee).toMatchObject({ period: null, tier: null });
    const r = await caller.dashboard.summary({ asOf: '2008-06', regionId: await regionId(db, 'R') });
    expect(r.grid.map((x) => [x.code, x.cells.employee?.period, x.cells.employee?.tier])).toEqual([['R', '2007', 'green']]);
    const current = await caller.warning.current({ asOf: '2007-01', regionId: await regionId(db, 'C3') });
    expect([current.parameterVersion, current.funds.map((f) => [f.period, f.tier, f.flags])]).toEqual([1, [['2007-01', 'orange', ['short_history']]]]);
    // after the change, the rules then in force
    const later = await caller.dashboard.summary({ asOf: '2009-08' });
    expect([later.parameterVersion, later.grid.find((x) => x.code === 'C3')?.cells.employee?.tier]).toEqual([2, 'green']);
  });

  it('fund.overview as of a month before 2009 answers under version 1', async () => {
    const overview = await (await callerFor(db, 'leader')).fund.overview({ asOf: '2008-06' });
    expect(overview.parameterVersion).toBe(1);
    expect(overview.rows.find((r) => r.regionCode === 'C3' && r.scheme === 'employee')).toMatchObject({ latestPeriod: '2008-06', payableMonths: 5, tier: 'orange' });
  });
});
