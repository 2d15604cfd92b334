/**
 * Institutions over their budget on `dashboard.summary` (dashboard-budget.ts), through createCaller.
 * On top of warning-fixture.ts (P → C1, C2 → K1; Q): approved 2026 employee plans of C1, C2 and Q, a
 * settled-looking 2025 plan of C1 and a plan of C1 still being allocated. C1's institutions sit on
 * the band edges of domain.md §5.6 with a flat profile: quota 1,200,000 元 → expected to date at
 * month 3 = 1,200,000 × 3 / 12 = 300,000 元; bands at 5 / 15 / 30 %, a value on a cut point in the band it opens.
 *
 * | institution | actual Jan–Mar (元) | to date | deviation | band |
 * | --- | --- | --- | --- | --- |
 * | I0 | 100,000 · 100,000 · 115,000 | 315,000 | +5 % | over, general (since 2026-03) |
 * | I1 | 100,000 · 100,000 · 114,999.99 | 314,999.99 | just under +5 % | within |
 * | I2 | 100,000 · 100,000 · 145,000 | 345,000 | +15 % | over, major |
 * | I3 | 100,000 · 130,000 · 160,000 | 390,000 | +30 % (Feb: 230,000 vs 200,000, +15 %) | over, severe since 2026-02 |
 * | I4 | 100,000 · 100,000 · 85,000 | 285,000 | −5 % | under, general |
 * | I5 | 100,000 · 100,000 · 10,000 | 210,000 | −30 % | under, severe |
 * | I6 | 100,000 × 3 | 300,000 | 0 | within |
 * | I7 | 100,000 · 100,000 · 144,999.99 | 344,999.99 | just under +15 % | over, general |
 * | I8 (quota 0) | March 1,000 | 1,000 | none expected | over, severe |
 *
 * C2's B1: quota 120,000 元, 12,000 a month → 36,000 against 30,000, +20 %, major, 6,000 元 over.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { callerFor } from '../harness.ts';
import { makeWarningDb, regionId } from './warning-fixture.ts';
import { importTable } from '../../../server/importer/import-table.ts';
import { parseCsvText } from '../../../server/importer/read-table.ts';
import { budgetPlans, budgetQuotas, institutions, type Scheme } from '../../../server/db/schema.ts';
import type { Db } from '../../../server/db/client.ts';
import { dashboardBudget } from '../../../server/services/dashboard-budget.ts';
import { regionIndex, subtreeIds } from '../../../server/services/warning-regions.ts';
import { warningDataStamp } from '../../../server/services/warning-cache.ts';

const code = (p: Promise<unknown>) => p.then(() => 'OK', (e: unknown) => (e instanceof TRPCError ? e.code : String(e)));
const csv = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8').toString('base64');

const INSTITUTIONS = ['institution_code,name,type,level,region_code,schemes',
  ...Array.from({ length: 9 }, (_, i) => `I${i},甲市机构${i},hospital,2,C1,"employee,resident"`),
  'B1,乙市医院,hospital,3,C2,employee', 'Q1,另一省医院,hospital,3,Q,employee'].join('\n');

/** A plan with the given quotas (yuan), allocated, then approved unless left allocated; returns its id. */
async function plan(db: Db, o: { year: number; scheme: Scheme; region: string; quotas: Record<string, number>; status?: 'approved' | 'allocated' }): Promise<number> {
  const [row] = await db.insert(budgetPlans).values({ year: o.year, scheme: o.scheme, regionId: await regionId(db, o.region), version: 1, status: 'allocated' }).returning({ id: budgetPlans.id });
  const planId = row?.id as number;
  for (const [c, yuan] of Object.entries(o.quotas)) {
    const [inst] = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.code, c)).limit(1);
    await db.insert(budgetQuotas).values({
      planId, institutionId: inst?.id as number, quotaFen: Math.round(yuan * 100), source: 'manual', agreementStatus: 'active',
      assessmentFactor: 1, creditFactor: 1, violationDeductionFen: 0, explanationJson: '{}',
    });
  }
  if ((o.status ?? 'approved') === 'approved') await db.update(budgetPlans).set({ status: 'approved', approvedAt: '2026-01-05T00:00:00.000Z' }).where(eq(budgetPlans.id, planId));
  return planId;
}

/** Imports actual payments (元) through `budget.importActuals`, as a budget officer does. */
async function actuals(db: Db, planId: number, rows: Array<[string, string, number]>): Promise<void> {
  const report = await (await callerFor(db, 'budget')).budget.importActuals({
    planId, fileName: 'actuals.csv', contentBase64: csv(['institution_code,period,amount', ...rows.map(([c, p, a]) => `${c},${p},${a.toFixed(2)}`)]),
  });
  expect(report.errors).toEqual([]);
}

const C1_ACTUALS: Record<string, [number, number, number]> = {
  I0: [100_000, 100_000, 115_000], I1: [100_000, 100_000, 114_999.99], I2: [100_000, 100_000, 145_000], I3: [100_000, 130_000, 160_000],
  I4: [100_000, 100_000, 85_000], I5: [100_000, 100_000, 10_000], I6: [100_000, 100_000, 100_000], I7: [100_000, 100_000, 144_999.99],
};

describe('dashboard.summary: institutions over their budget', () => {
  let db: Db;
  const plans: Record<string, number> = {};
  beforeAll(async () => {
    db = await makeWarningDb();
    const report = await importTable(db, parseCsvText(INSTITUTIONS, 'institutions.csv', 'utf-8'), { kind: 'institutions', unit: 'yuan', dryRun: false, vintage: '2026-01-01' });
    expect(report.ok).toBe(true);
    plans.c1 = await plan(db, { year: 2026, scheme: 'employee', region: 'C1', quotas: { ...Object.fromEntries(Object.keys(C1_ACTUALS).map((c) => [c, 1_200_000])), I8: 0 } });
    plans.c1resident = await plan(db, { year: 2026, scheme: 'resident', region: 'C1', quotas: { I0: 50_000 }, status: 'allocated' });
    plans.c1last = await plan(db, { year: 2025, scheme: 'employee', region: 'C1', quotas: { I0: 120_000 } });
    plans.c2 = await plan(db, { year: 2026, scheme: 'employee', region: 'C2', quotas: { B1: 120_000 } });
    plans.q = await plan(db, { year: 2026, scheme: 'employee', region: 'Q', quotas: { Q1: 100_000 } });
    await actuals(db, plans.c1 as number, [
      ...Object.entries(C1_ACTUALS).flatMap(([c, m]) => m.map((a, k): [string, string, number] => [c, `2026-0${k + 1}`, a])), ['I8', '2026-03', 1000],
    ]);
    await actuals(db, plans.c1last as number, Array.from({ length: 12 }, (_, k): [string, string, number] => ['I0', `2025-${String(k + 1).padStart(2, '0')}`, 10_000]));
    await actuals(db, plans.c2 as number, [['B1', '2026-01', 12_000], ['B1', '2026-02', 12_000], ['B1', '2026-03', 12_000]]);
  });

  it('counts the institutions in each band per region × scheme, at the band edges', async () => {
    const { budget } = await (await callerFor(db, 'leader')).dashboard.summary({});
    expect([budget.year, budget.throughPeriod, budget.planTotal]).toEqual([2026, '2026-03', 2]);
    expect(budget.plans.map((p) => [p.code, p.scheme, p.planId, p.status, p.throughPeriod])).toEqual([
      ['C1', 'employee', plans.c1, 'approved', '2026-03'], ['C2', 'employee', plans.c2, 'approved', '2026-03'],
    ]);
    expect(budget.plans[0]).toMatchObject({
      institutions: 9, within: 2, over: { general: 2, major: 1, severe: 2 }, under: { general: 1, major: 0, severe: 1 }, overYuan: 195_999.99,
    });
    expect(budget.plans[1]).toMatchObject({ institutions: 1, within: 0, over: { general: 0, major: 1, severe: 0 }, overYuan: 6000 });
    expect(budget.totals).toEqual({
      institutions: 10, within: 2, over: { general: 2, major: 2, severe: 2 }, under: { general: 1, major: 0, severe: 1 }, overInstitutions: 6, overYuan: 201_999.99,
    });
  });

  it('lists the institutions furthest over budget: none expected first, then by deviation, with since and the amount over', async () => {
    const { budget } = await (await callerFor(db, 'leader')).dashboard.summary({});
    expect(budget.overBudget.map((r) => [r.code, r.band, r.since, r.overYuan])).toEqual([
      ['I8', 'severe', '2026-03', 1000], ['I3', 'severe', '2026-02', 90_000], ['B1', 'major', '2026-01', 6000],
      ['I2', 'major', '2026-03', 45_000], ['I7', 'general', '2026-03', 44_999.99], ['I0', 'general', '2026-03', 15_000],
    ]);
    expect(budget.overBudget[0]).toMatchObject({ deviation: null, quotaYuan: 0, scheme: 'employee', planId: plans.c1 });
    expect(budget.overBudget[1]).toMatchObject({ name: '甲市机构3', regionCode: 'C1', regionName: '甲市', regionNameEn: 'City A', deviation: 0.3, quotaYuan: 1_200_000 });
    expect(budget.overBudget[4]?.deviation).toBeCloseTo(44_999.99 / 300_000, 12);
    expect(budget.overBudgetTotal).toBe(6);
  });

  it('keeps the lists short: the plans with the most institutions over budget first, then the furthest over', async () => {
    const index = await regionIndex(db, await warningDataStamp(db));
    const short = await dashboardBudget(db, index, null, subtreeIds(index, await regionId(db, 'P')), undefined, { plans: 1, institutions: 2 });
    // C1 has two severe, C2 none
    expect([short.plans.map((p) => p.code), short.planTotal, short.overBudget.map((r) => r.code), short.overBudgetTotal]).toEqual([['C1'], 2, ['I8', 'I3'], 6]);
    expect(short.totals.overInstitutions).toBe(6);
  });

  it('as of a month: that month of its year (never past the last imported one); another year; a year without plans', async () => {
    const caller = await callerFor(db, 'leader');
    // February: expected 200,000; only I3 (230,000, +15 %) and B1 (24,000 vs 20,000) are over; I8 has nothing yet
    const feb = (await caller.dashboard.summary({ asOf: '2026-02' })).budget;
    expect(feb.plans.map((p) => [p.code, p.throughPeriod, p.within, p.over])).toEqual([
      ['C1', '2026-02', 8, { general: 0, major: 1, severe: 0 }], ['C2', '2026-02', 0, { general: 0, major: 1, severe: 0 }],
    ]);
    expect((await caller.dashboard.summary({ asOf: '2026-09' })).budget.plans.map((p) => p.throughPeriod)).toEqual(['2026-03', '2026-03']);
    const last = (await caller.dashboard.summary({ asOf: '2025-12' })).budget;
    expect([last.year, last.throughPeriod, last.plans.map((p) => [p.planId, p.throughPeriod, p.institutions, p.within])]).toEqual([2025, '2025-12', [[plans.c1last, '2025-12', 1, 1]]]);
    const none = (await caller.dashboard.summary({ asOf: '2024-06' })).budget;
    expect([none.year, none.throughPeriod, none.plans, none.planTotal, none.overBudget, none.totals.institutions]).toEqual([2024, null, [], 0, [], 0]);
  });

  it('follows the drill-down, and shows an approved plan without payments as not monitored yet', async () => {
    const caller = await callerFor(db, 'leader');
    expect((await caller.dashboard.summary({ regionId: await regionId(db, 'C2') })).budget.overBudget.map((r) => r.code)).toEqual(['B1']);
    const q = (await caller.dashboard.summary({ regionId: await regionId(db, 'Q') })).budget;
    expect(q.plans.map((p) => [p.code, p.throughPeriod, p.institutions])).toEqual([['Q', null, 0]]);
  });

  it('another region\'s budget never appears: each city user sees only its own plans; asking for another is FORBIDDEN', async () => {
    const one = (await (await callerFor(db, 'cityone')).dashboard.summary({})).budget;
    expect([one.plans.map((p) => p.code), one.overBudget.map((r) => r.code)]).toEqual([['C1'], ['I8', 'I3', 'I2', 'I7', 'I0']]);
    const two = (await (await callerFor(db, 'citytwo')).dashboard.summary({})).budget;
    expect([two.plans.map((p) => p.code), two.overBudget.map((r) => r.code), two.totals.overYuan]).toEqual([['C2'], ['B1'], 6000]);
    expect(await code((await callerFor(db, 'cityone')).dashboard.summary({ regionId: await regionId(db, 'C2') }))).toBe('FORBIDDEN');
  });

  it('is memoised with the summary until a budget write: a new month of payments shows at once', async () => {
    const caller = await callerFor(db, 'leader');
    const before = await caller.dashboard.summary({});
    expect(await caller.dashboard.summary({})).toBe(before);
    await actuals(db, plans.c2 as number, [['B1', '2026-04', 30_000]]);
    const after = await caller.dashboard.summary({});
    // B1 April: 66,000 against 40,000 → +65 %, severe
    expect(after.budget.plans.find((p) => p.code === 'C2')).toMatchObject({ throughPeriod: '2026-04', over: { general: 0, major: 0, severe: 1 }, overYuan: 26_000 });
  });
});

describe('dashboard.summary without approved plans', () => {
  it('has an empty budget part', async () => {
    const { budget } = await (await callerFor(await makeWarningDb(), 'leader')).dashboard.summary({});
    expect(budget).toEqual({
      year: null, throughPeriod: null, plans: [], planTotal: 0, overBudget: [], overBudgetTotal: 0,
      totals: { institutions: 0, within: 0, over: { general: 0, major: 0, severe: 0 }, under: { general: 0, major: 0, severe: 0 }, overInstitutions: 0, overYuan: 0 },
    });
  });
});
