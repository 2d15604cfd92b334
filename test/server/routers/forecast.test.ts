import { describe, it, expect, beforeAll } from 'vitest';
import { TRPCError } from '@trpc/server';
import { makeTestDb, callerFor, TEST_PASSWORD } from '../harness.ts';
import { importTable } from '../../../server/importer/import-table.ts';
import { parseCsvText } from '../../../server/importer/read-table.ts';
import { addUser } from '../../../server/services/users.ts';
import { auditLog } from '../../../server/db/schema.ts';
import type { Db } from '../../../server/db/client.ts';

/** Four years of a seasonal monthly expenditure with a trend; balances roll forward. */
function monthlyFund(region: string): string {
  const rows = ['region_code,scheme,period,income,expenditure,balance'];
  let balance = 100_000;
  for (let t = 0; t < 48; t++) {
    const month = (t % 12) + 1;
    const noise = ((t * 7919) % 41) - 20;
    const expenditure = Math.round(1000 + 10 * t + 150 * Math.sin((2 * Math.PI * month) / 12) + noise);
    const income = 1100 + 10 * t;
    balance += income - expenditure;
    rows.push(`${region},employee,${2021 + Math.floor(t / 12)}-${String(month).padStart(2, '0')},${income},${expenditure},${balance}`);
  }
  return rows.join('\n');
}

async function load(db: Db, text: string, kind: 'regions' | 'fund_records') {
  const report = await importTable(db, parseCsvText(text, `${kind}.csv`, 'utf-8'), { kind, unit: 'yuan', dryRun: false, vintage: '2025-02-01' });
  if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
}

describe('forecast router', () => {
  let db: Db;
  let fundA = 0;
  let fundB = 0;
  beforeAll(async () => {
    db = await makeTestDb();
    await load(db, 'code,name,level\nA,甲市,city\nB,乙市,city', 'regions');
    await load(db, monthlyFund('A'), 'fund_records');
    await load(db, monthlyFund('B'), 'fund_records');
    await addUser(db, { username: 'onlyb', password: TEST_PASSWORD, role: 'actuary', regionCodes: ['B'] }, null);
    const { rows } = await (await callerFor(db, 'leader')).fund.overview({});
    fundA = rows.find((r) => r.regionCode === 'A')?.fundId ?? 0;
    fundB = rows.find((r) => r.regionCode === 'B')?.fundId ?? 0;
  });

  it('forecasts a stored monthly series with ordered intervals and the next periods', async () => {
    const out = await (await callerFor(db, 'actuary')).forecast.run({ target: { kind: 'fund', fundId: fundA, measure: 'expenditure' }, method: 'ets', horizon: 6, levels: [80, 95] });
    expect(out.history).toHaveLength(48);
    expect(out.forecast.periods).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(out.dataVintage).toBe('2025-02-01');
    expect(out.model).toMatch(/ETS/);
    for (let h = 0; h < 6; h++) {
      const [lo95, lo80, mean, hi80, hi95] = [out.forecast.lower['95']?.[h], out.forecast.lower['80']?.[h], out.forecast.mean[h], out.forecast.upper['80']?.[h], out.forecast.upper['95']?.[h]] as number[];
      expect(lo95).toBeLessThanOrEqual(lo80 as number);
      expect(lo80).toBeLessThanOrEqual(mean as number);
      expect(mean).toBeLessThanOrEqual(hi80 as number);
      expect(hi80).toBeLessThanOrEqual(hi95 as number);
    }
  });

  it('backtests the methods on the series', async () => {
    const out = await (await callerFor(db, 'viewer')).forecast.backtest({ target: { kind: 'fund', fundId: fundA, measure: 'expenditure' }, horizon: 3, origins: 3, methods: ['naive', 'snaive', 'ets'] });
    expect(out.methods.map((m) => m.method)).toEqual(['naive', 'snaive', 'ets']);
    for (const m of out.methods) expect(m.mase).toBeGreaterThan(0);
  });

  it('saves a forecast with its vintage and model version, audited', async () => {
    const saved = await (await callerFor(db, 'actuary')).forecast.save({ target: { kind: 'fund', fundId: fundA, measure: 'income' }, method: 'drift', horizon: 3, levels: [80, 95], note: '2025 预算测算' });
    const list = await (await callerFor(db, 'viewer')).forecast.saved({ fundId: fundA });
    expect(list[0]).toMatchObject({ id: saved.id, method: 'drift', dataVintage: '2025-02-01', lastPeriod: '2024-12', note: '2025 预算测算' });
    expect((await db.select().from(auditLog)).some((r) => r.action === 'forecast.save')).toBe(true);
  });

  it('refuses series outside the user regions and measures without data', async () => {
    const onlyB = await callerFor(db, 'onlyb');
    await expect(onlyB.forecast.run({ target: { kind: 'fund', fundId: fundA, measure: 'income' }, method: 'naive', horizon: 2, levels: [80] }))
      .rejects.toSatisfy((e) => e instanceof TRPCError && e.code === 'FORBIDDEN');
    await expect(onlyB.forecast.run({ target: { kind: 'fund', fundId: fundB, measure: 'income_subsidy' }, method: 'naive', horizon: 2, levels: [80] }))
      .rejects.toThrow('has no income_subsidy figure for 2021-01');
  });
});
