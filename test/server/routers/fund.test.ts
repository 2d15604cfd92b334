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

function load(db: Db, text: string, kind: 'regions' | 'fund_records') {
  const report = importTable(db, parseCsvText(text, `${kind}.csv`, 'utf-8'), { kind, unit: 'yuan', dryRun: false, vintage: '2025-01-01' });
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
}

describe('fund router', () => {
  let db: Db;
  beforeAll(async () => {
    db = await makeTestDb();
    load(db, REGIONS, 'regions');
    load(db, FUNDS, 'fund_records');
    await addUser(db, { username: 'cityb', password: TEST_PASSWORD, role: 'viewer', regionCodes: ['C2'] }, null);
  });

  it('overview gives each fund its latest period, payable months, tier and flags', async () => {
    const { rows, params, parameterEntries } = await callerFor(db, 'leader').fund.overview({});
    const c1 = rows.find((r) => r.regionCode === 'C1');
    expect(c1).toMatchObject({ scheme: 'employee', latestPeriod: '2024', balanceYuan: 800, payableMonths: 8, tier: 'green', flags: ['current_deficit'] });
    const c2 = rows.find((r) => r.regionCode === 'C2');
    // 3 months of history: annual expenditure = mean 100 × 12 = 1200 → 1200 / 100 = 12 months
    expect(c2).toMatchObject({ scheme: 'resident', latestPeriod: '2024-03', payableMonths: 12, tier: 'blue', flags: ['short_history'] });
    expect(params.thresholds).toEqual({ redBelow: 3, orangeBelow: 6, greenUpTo: 9, blueUpTo: 15 });
    expect(parameterEntries.every((e) => ['seed', 'official', 'practice', 'assumption'].includes(e.provenance))).toBe(true);
  });

  it('as-of selects the record in force at that period', async () => {
    const { rows } = await callerFor(db, 'leader').fund.overview({ asOf: '2023-12' });
    expect(rows.find((r) => r.regionCode === 'C1')).toMatchObject({ latestPeriod: '2023', payableMonths: 9, tier: 'green' });
    expect(rows.find((r) => r.regionCode === 'C2')).toMatchObject({ latestPeriod: null, tier: null });
  });

  it('filters by tier and scheme', async () => {
    const caller = callerFor(db, 'leader');
    expect((await caller.fund.overview({ tier: 'blue' })).rows.map((r) => r.regionCode)).toEqual(['C2']);
    expect((await caller.fund.overview({ scheme: 'employee' })).rows.map((r) => r.regionCode)).toEqual(['C1']);
  });

  it('detail returns every period with indicators, in order', async () => {
    const { rows } = await callerFor(db, 'leader').fund.overview({});
    const fundId = rows.find((r) => r.regionCode === 'C2')?.fundId ?? 0;
    const detail = await callerFor(db, 'actuary').fund.detail({ fundId });
    expect(detail.records.map((r) => r.period)).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(detail.records.map((r) => r.payableMonths)).toEqual([10, 10, 12]);
    expect(detail.denominator).toBe('current_year');
  });

  it('scopes a region-bound user to their regions', async () => {
    const caller = callerFor(db, 'cityb');
    const { rows } = await caller.fund.overview({});
    expect(rows.map((r) => r.regionCode)).toEqual(['C2']);
    const all = await callerFor(db, 'leader').fund.overview({});
    const c1 = all.rows.find((r) => r.regionCode === 'C1')?.fundId ?? 0;
    await expect(caller.fund.detail({ fundId: c1 })).rejects.toSatisfy((e) => e instanceof TRPCError && e.code === 'FORBIDDEN');
    const tree = await caller.region.tree();
    expect(tree.map((r) => [r.code, r.accessible])).toEqual([['C2', true], ['P1', false]]);
  });

  it('answers NOT_FOUND for an unknown fund', async () => {
    await expect(callerFor(db, 'leader').fund.detail({ fundId: 424242 })).rejects.toSatisfy((e) => e instanceof TRPCError && e.code === 'NOT_FOUND');
  });
});

describe('fund overview after a write', () => {
  it('is recomputed when new records are imported (the memo is keyed on the audit log)', async () => {
    const db = await makeTestDb();
    load(db, REGIONS, 'regions');
    load(db, FUNDS, 'fund_records');
    const caller = callerFor(db, 'leader');
    expect((await caller.fund.overview({ scheme: 'employee' })).rows[0]).toMatchObject({ latestPeriod: '2024', tier: 'green' });
    load(db, 'region_code,scheme,period,income,expenditure,balance\nC1,employee,2025,900,1200,500', 'fund_records');
    expect((await caller.fund.overview({ scheme: 'employee' })).rows[0]).toMatchObject({ latestPeriod: '2025', payableMonths: 5, tier: 'orange' });
  });
});
