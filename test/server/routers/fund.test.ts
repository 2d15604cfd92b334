import { describe, it, expect, beforeAll } from 'vitest';
import { TRPCError } from '@trpc/server';
import { makeTestDb, callerFor, TEST_PASSWORD } from '../harness.ts';
import { importTable } from '../../../server/importer/import-table.ts';
import { parseCsvText } from '../../../server/importer/read-table.ts';
import { addUser } from '../../../server/services/users.ts';
import type { Db } from '../../../server/db/client.ts';

const REGIONS = `code,name,name_en,level,parent_code
P1,测试省,Test province,province,
C1,甲市,City A,city,P1
C2,乙市,City B,city,P1`;

/** C1 employee: yearly expenditure 1200 → payable months = balance / 100. C2 resident: monthly. */
const FUNDS = `region_code,scheme,period,income,expenditure,balance
C1,employee,2023,1000,1200,900
C1,employee,2024,1100,1200,800
C2,resident,2024-01,100,100,1000
C2,resident,2024-02,100,100,1000
C2,resident,2024-03,300,100,1200`;

async function load(db: Db, text: string, kind: 'regions' | 'fund_records'): Promise<void> {
  const report = await importTable(db, parseCsvText(text, `${kind}.csv`, 'utf-8'), { kind, unit: 'yuan', dryRun: false, vintage: '2025-01-01' });
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
}

describe('fund router', () => {
  let db: Db;
  beforeAll(async () => {
    db = await makeTestDb();
    await load(db, REGIONS, 'regions');
    await load(db, FUNDS, 'fund_records');
    await addUser(db, { username: 'cityb', password: TEST_PASSWORD, role: 'viewer', regionCodes: ['C2'] }, null);
  });

  it('overview gives each fund its latest period, payable months, tier and flags', async () => {
    const { rows, params, parameterEntries } = await (await callerFor(db, 'leader')).fund.overview({});
    const c1 = rows.find((r) => r.regionCode === 'C1');
    expect(c1).toMatchObject({ scheme: 'employee', latestPeriod: '2024', balanceYuan: 800, payableMonths: 8, tier: 'green', flags: ['current_deficit'] });
    const c2 = rows.find((r) => r.regionCode === 'C2');
    // 3 months of history: annual expenditure = mean 100 × 12 = 1200 → 1200 / 100 = 12 months
    expect(c2).toMatchObject({ scheme: 'resident', latestPeriod: '2024-03', payableMonths: 12, tier: 'blue', flags: ['short_history'] });
    expect(params.thresholds).toEqual({ redBelow: 3, orangeBelow: 6, greenUpTo: 9, blueUpTo: 15 });
    expect(parameterEntries.every((e) => ['seed', 'official', 'practice', 'assumption'].includes(e.provenance))).toBe(true);
  });

  it('as-of selects the record in force at that period', async () => {
    const { rows } = await (await callerFor(db, 'leader')).fund.overview({ asOf: '2023-12' });
    expect(rows.find((r) => r.regionCode === 'C1')).toMatchObject({ latestPeriod: '2023', payableMonths: 9, tier: 'green' });
    expect(rows.find((r) => r.regionCode === 'C2')).toMatchObject({ latestPeriod: null, tier: null });
  });

  it('filters by tier and scheme', async () => {
    const caller = await callerFor(db, 'leader');
    expect((await caller.fund.overview({ tier: 'blue' })).rows.map((r) => r.regionCode)).toEqual(['C2']);
    expect((await caller.fund.overview({ scheme: 'employee' })).rows.map((r) => r.regionCode)).toEqual(['C1']);
  });

  it('detail returns every period with indicators, in order', async () => {
    const { rows } = await (await callerFor(db, 'leader')).fund.overview({});
    const fundId = rows.find((r) => r.regionCode === 'C2')?.fundId ?? 0;
    const detail = await (await callerFor(db, 'actuary')).fund.detail({ fundId });
    expect(detail.records.map((r) => r.period)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(detail.records.map((r) => r.payableMonths)).toEqual([10, 10, 12]);
    expect(detail.denominator).toBe('current_year');
  });

  it('scopes a region-bound user to their regions', async () => {
    const caller = await callerFor(db, 'cityb');
    const { rows } = await caller.fund.overview({});
    expect(rows.map((r) => r.regionCode)).toEqual(['C2']);
    const all = await (await callerFor(db, 'leader')).fund.overview({});
    const c1 = all.rows.find((r) => r.regionCode === 'C1')?.fundId ?? 0;
    await expect(caller.fund.detail({ fundId: c1 })).rejects.toSatisfy((e) => e instanceof TRPCError && e.code === 'FORBIDDEN');
    const tree = await caller.region.tree();
    expect(tree.map((r) => [r.code, r.accessible])).toEqual([['C2', true], ['P1', false]]);
  });

  it('answers NOT_FOUND for an unknown fund', async () => {
    await expect((await callerFor(db, 'leader')).fund.detail({ fundId: 424242 })).rejects.toSatisfy((e) => e instanceof TRPCError && e.code === 'NOT_FOUND');
  });
});

describe('fund overview after a write', () => {
  it('is recomputed when new records are imported (the memo is keyed on the audit log)', async () => {
    const db = await makeTestDb();
    await load(db, REGIONS, 'regions');
    await load(db, FUNDS, 'fund_records');
    const caller = await callerFor(db, 'leader');
    expect((await caller.fund.overview({ scheme: 'employee' })).rows[0]).toMatchObject({ latestPeriod: '2024', tier: 'green' });
    await load(db, 'region_code,scheme,period,income,expenditure,balance\nC1,employee,2025,900,1200,500', 'fund_records');
    expect((await caller.fund.overview({ scheme: 'employee' })).rows[0]).toMatchObject({ latestPeriod: '2025', payableMonths: 5, tier: 'orange' });
  });
});

describe('fund detail under the rules in force at each period', () => {
  const GUIDANCE = '某市医保局 2024 年第 1 号文';
  const cut = (key: string, value: number) => ({ key, value, provenance: 'practice' as const, source: GUIDANCE });
  let db: Db;
  const rowOf = async (code: string) => (await (await callerFor(db, 'leader')).fund.overview({})).rows.find((r) => r.regionCode === code);
  const fundOf = async (code: string) => (await rowOf(code))?.fundId ?? 0;

  beforeAll(async () => {
    db = await makeTestDb();
    await load(db, REGIONS, 'regions');
    await load(db, 'code,name,name_en,level,parent_code\nC3,丙市,City C,city,P1', 'regions');
    await load(db, FUNDS, 'fund_records');
    // C3 starts before the first national version (2009-01): those years are judged under it
    await load(db, 'region_code,scheme,period,income,expenditure,balance\nC3,employee,2008,1000,1200,900\nC3,employee,2009,1100,1200,800', 'fund_records');
    const admin = await callerFor(db, 'admin');
    const v1 = (await admin.parameters.list()).national[0]?.setId ?? 0;
    const c2 = (await rowOf('C2'))?.regionId ?? 0;
    // C2 resident from 2024-03: green up to 10, blue up to 11 (12 months turns purple)
    await admin.parameters.setOverride({ regionId: c2, scheme: 'resident', effectiveFrom: '2024-03', note: '地区调整', values: [cut('thresholds.greenUpTo', 10), cut('thresholds.blueUpTo', 11)] });
    // national v2 from 2024-06: orange below 9.5, green up to 12 (C1's 9 months of 2023 would turn orange under it)
    await admin.parameters.createVersion({ fromSetId: v1, effectiveFrom: '2024-06', note: '按地方文件调整预警线', values: [cut('thresholds.orangeBelow', 9.5), cut('thresholds.greenUpTo', 12)] });
  });

  it('judges an old year under the old version and a new year under the new one', async () => {
    const detail = await (await callerFor(db, 'actuary')).fund.detail({ fundId: await fundOf('C1') });
    // 2023: 900 / (1200 / 12) = 9 months, green under v1 (6 ≤ 9 ≤ 9), orange under v2; 2024: 8 months, orange under v2
    expect(detail.records.map((r) => [r.period, r.payableMonths, r.tier, r.parameterVersion])).toEqual([['2023', 9, 'green', 1], ['2024', 8, 'orange', 2]]);
    expect(detail.rules).toEqual([
      { from: '2023', to: '2023', parameterVersion: 1, nationalEffectiveFrom: '2009-01', override: null, denominator: 'current_year', thresholds: { redBelow: 3, orangeBelow: 6, greenUpTo: 9, blueUpTo: 15 } },
      { from: '2024', to: '2024', parameterVersion: 2, nationalEffectiveFrom: '2024-06', override: null, denominator: 'current_year', thresholds: { redBelow: 3, orangeBelow: 9.5, greenUpTo: 12, blueUpTo: 15 } },
    ]);
    // the header figures are those of the newest period
    expect([detail.parameterVersion, detail.thresholds.orangeBelow]).toEqual([2, 9.5]);
  });

  it('follows a regional override from the month it takes effect, and lists each span of rules', async () => {
    const detail = await (await callerFor(db, 'actuary')).fund.detail({ fundId: await fundOf('C2') });
    // 10, 10 months: blue under the national 9 / 15; 12 months from 2024-03: purple above the override's 11
    expect(detail.records.map((r) => [r.period, r.payableMonths, r.tier, r.parameterVersion])).toEqual([
      ['2024-01', 10, 'blue', 1], ['2024-02', 10, 'blue', 1], ['2024-03', 12, 'purple', 1],
    ]);
    expect(detail.rules.map((s) => [s.from, s.to, s.parameterVersion, s.override, s.thresholds.greenUpTo, s.thresholds.blueUpTo])).toEqual([
      ['2024-01', '2024-02', 1, null, 9, 15], ['2024-03', '2024-03', 1, { version: 1, effectiveFrom: '2024-03' }, 10, 11],
    ]);
    expect(detail.thresholds).toEqual({ redBelow: 3, orangeBelow: 6, greenUpTo: 10, blueUpTo: 11 });
  });

  it('agrees with warning.history period by period', async () => {
    for (const code of ['C1', 'C2']) {
      const fundId = await fundOf(code);
      const detail = await (await callerFor(db, 'leader')).fund.detail({ fundId });
      const { periods } = await (await callerFor(db, 'leader')).warning.history({ fundId });
      expect(detail.records.map((r) => [r.period, r.payableMonths, r.tier, r.parameterVersion])).toEqual(periods.map((p) => [p.period, p.payableMonths, p.tier, p.parameterVersion]));
    }
  });

  it('judges a period before the first national version under that version', async () => {
    const detail = await (await callerFor(db, 'actuary')).fund.detail({ fundId: await fundOf('C3') });
    expect(detail.records.map((r) => [r.period, r.payableMonths, r.tier, r.parameterVersion])).toEqual([['2008', 9, 'green', 1], ['2009', 8, 'green', 1]]);
    expect(detail.rules.map((s) => [s.from, s.to, s.parameterVersion, s.nationalEffectiveFrom])).toEqual([['2008', '2009', 1, '2009-01']]);
  });
});
