/**
 * The stochastic probability of red linked to funds, through createCaller: a fund whose calibrated
 * scenario has a completed Monte Carlo run gets that run's probabilities in `warning.forward` and in
 * the dashboard's alerts, with the run named; a fund without one gets null; the newest covering run
 * wins; stale runs are marked; another region's fund stays FORBIDDEN. The fixture (warning-fixture.ts)
 * has monthly funds to 2025-12 and a yearly one to 2025, all of record vintage 2026-01-01. Run dates
 * are set by hand after each run, so no wall clock enters a result.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { callerFor } from '../harness.ts';
import { makeWarningDb, fundId } from './warning-fixture.ts';
import { projectionRuns } from '../../../server/db/schema.ts';
import { appendAudit } from '../../../server/services/audit.ts';
import { warningStamp } from '../../../server/services/warning-cache.ts';
import type { EmployeeScenario } from '../../../models/index.ts';
import type { Db } from '../../../server/db/client.ts';

const code = (p: Promise<unknown>) => p.then(() => 'OK', (e: unknown) => (e instanceof TRPCError ? e.code : String(e)));

/** Balance 300,000 yuan against ≈ 1,000,000 a year of spending (3.6 months) with a small deficit: red in some paths, not all. */
function scenario(startYear: number): EmployeeScenario {
  return {
    name: `test ${startYear}`, scheme: 'employee', startYear, horizonYears: 3,
    opening: { balanceYuan: 300_000, activeMembers: 1000, retirees: 100, avgMonthlyWageYuan: 1000, costPerActiveYuan: 900, costPerRetireeYuan: 1000 },
    assumptions: { wageGrowth: 0.03, poolingRate: 0.083, collectionRate: 1, activeGrowth: 0, retireeGrowth: 0, medicalInflation: 0.03, utilisationGrowth: 0, interestRate: 0, subsidyYuan: 0 },
  };
}

interface RunOptions { startYear: number; dataVintage: string; finishedAt: string; seed: number }

/** An actuary's scenario on the fund and a 200-path run of it, finished at `finishedAt`; the run's years and probabilities. */
async function stochasticRun(db: Db, fund: number, o: RunOptions): Promise<{ runId: number; years: number[]; probabilityRedBy: number[] }> {
  const actuary = (await callerFor(db, 'actuary')).projection;
  const saved = await actuary.createScenario({ scenario: scenario(o.startYear), fundId: fund, dataVintage: o.dataVintage });
  const run = await actuary.run({ kind: 'stochastic', scenarioId: saved.id, paths: 200, seed: o.seed });
  expect(run.status).toBe('done');
  await db.update(projectionRuns).set({ finishedAt: o.finishedAt }).where(eq(projectionRuns.id, run.id));
  const result = run.stochastic as { years: number[]; probabilityRedBy: number[] };
  return { runId: run.id, years: result.years, probabilityRedBy: result.probabilityRedBy };
}

describe('stochastic probability of red linked to funds', () => {
  let db: Db;
  let c2: number;
  let first: Awaited<ReturnType<typeof stochasticRun>>;
  beforeAll(async () => {
    db = await makeWarningDb();
    c2 = await fundId(db, 'C2', 'employee');
    first = await stochasticRun(db, c2, { startYear: 2026, dataVintage: '2026-01-01', finishedAt: '2026-01-20T08:00:00.000Z', seed: 7 });
  });

  it('a fund with a run: probabilityRed per horizon is the run\'s probability by the end of 2026 (12 months from 2025-12) and 2027', async () => {
    const { funds } = await (await callerFor(db, 'leader')).warning.forward({ fundId: c2 });
    const [f] = funds;
    expect(first.years).toEqual([2026, 2027, 2028]);
    expect(f?.horizons.map((h) => h.probabilityRed)).toEqual([first.probabilityRedBy[0], first.probabilityRedBy[1]]);
    // the scenario is red in some paths and not in others, so the values say something
    expect(first.probabilityRedBy[1]).toBeGreaterThan(0);
    expect(first.probabilityRedBy[1]).toBeLessThan(1);
    expect(f?.stochastic).toEqual({ runId: first.runId, finishedOn: '2026-01-20', paths: 200, ageMonths: -1, stale: [] });
    const reason = f?.reasons.find((r) => r.code === 'probability_red');
    const pct = (x: number | undefined) => `${((x as number) * 100).toFixed(1)}%`;
    expect(reason?.zh).toBe(`随机模拟进入红色预警的概率：12 个月内 ${pct(first.probabilityRedBy[0])}（至 2026 年末），24 个月内 ${pct(first.probabilityRedBy[1])}（至 2027 年末）；`
      + `来源：随机模拟运行 #${first.runId}（2026-01-20 完成，200 条路径）`);
  });

  it('the same numbers reach the dashboard\'s alert, with the run; a fund without a run has null', async () => {
    const s = await (await callerFor(db, 'leader')).dashboard.summary({});
    const alert = s.alerts.find((a) => a.fundId === c2);
    expect(alert).toMatchObject({ probabilityRed12: first.probabilityRedBy[0], probabilityRed24: first.probabilityRedBy[1], stochastic: { runId: first.runId, finishedOn: '2026-01-20', stale: [] } });
    expect(alert?.reasonEn).toContain(`source: Monte Carlo run #${first.runId} (finished 2026-01-20, 200 paths)`);
    const c1Fund = await fundId(db, 'C1', 'employee');
    const c1 = s.alerts.find((a) => a.fundId === c1Fund);
    expect(c1).toMatchObject({ probabilityRed12: null, probabilityRed24: null, stochastic: null });
    expect(c1?.reasonZh).not.toContain('随机模拟');
    const { funds } = await (await callerFor(db, 'leader')).warning.forward({ fundId: c1Fund });
    expect([funds[0]?.horizons.map((h) => h.probabilityRed), funds[0]?.stochastic]).toEqual([[null, null], null]);
  });

  it('a finished run of a scenario on no fund leaves the warning stamp (and every memoised warning) as it was', async () => {
    const actuary = (await callerFor(db, 'actuary')).projection;
    const saved = await actuary.createScenario({ scenario: scenario(2026) });
    const before = await warningStamp(db);
    const run = await actuary.run({ kind: 'stochastic', scenarioId: saved.id, paths: 200, seed: 3 });
    expect(run.status).toBe('done');
    // the scenario's creation and the run wrote audit rows: only the run count could have moved the stamp
    expect(await warningStamp(db)).toBe(before);
  });

  it('the newest covering run wins; a newer run starting after 2026 leaves a gap and is passed over; a completed run refreshes the memo', async () => {
    const before = await (await callerFor(db, 'leader')).dashboard.summary({});
    const second = await stochasticRun(db, c2, { startYear: 2026, dataVintage: '2026-01-01', finishedAt: '2026-02-01T08:00:00.000Z', seed: 99 });
    await stochasticRun(db, c2, { startYear: 2028, dataVintage: '2026-01-01', finishedAt: '2026-03-01T08:00:00.000Z', seed: 5 });
    const after = await (await callerFor(db, 'leader')).dashboard.summary({});
    expect(after).not.toBe(before);
    expect(after.alerts.find((a) => a.fundId === c2)?.stochastic?.runId).toBe(second.runId);
    const { funds } = await (await callerFor(db, 'viewer')).warning.forward({ fundId: c2 });
    expect(funds[0]?.horizons.map((h) => h.probabilityRed)).toEqual([second.probabilityRedBy[0], second.probabilityRedBy[1]]);
  });

  it('a run whose stored result cannot be linked is named in the note and passed over for the next one', async () => {
    const [{ scenarioId }] = await db.select({ scenarioId: projectionRuns.scenarioId }).from(projectionRuns).where(eq(projectionRuns.id, first.runId)).limit(1) as [{ scenarioId: number }];
    const [broken] = await db.insert(projectionRuns).values({
      scenarioId, kind: 'stochastic', paths: 200, seed: 1, status: 'done', progress: 1, inputHash: 'test', modelVersion: 'test',
      resultJson: JSON.stringify({ years: [2026, 2027], probabilityRedBy: [0.5] }), finishedAt: '2026-04-01T08:00:00.000Z',
    }).returning() as [typeof projectionRuns.$inferSelect];
    // as startRun does, the run row comes with its audit row (warning-cache.ts counts runs again when the audit moves)
    await appendAudit(db, { username: 'test', action: 'projection.run', entity: 'projection_run', entityId: broken.id });
    const { funds } = await (await callerFor(db, 'leader')).warning.forward({ fundId: c2 });
    expect(funds[0]?.note).toBe(`stochastic run ${broken.id} not used: run ${broken.id}: probabilityRedBy has 1 values for 2 years`);
    expect(funds[0]?.stochastic?.runId).not.toBe(broken.id);
    expect(funds[0]?.horizons.every((h) => h.probabilityRed !== null)).toBe(true);
  });

  it('a stale run is used but marked: calibrated before the newest records, and finished 14 months before the data', async () => {
    const k1 = await fundId(db, 'K1', 'employee');
    // opening year 2024 while 2025 is complete in the records (vintage 2026-01-01 > 2024-09-30); 2024-10 → 2025-12 is 14 months
    const old = await stochasticRun(db, k1, { startYear: 2025, dataVintage: '2024-09-30', finishedAt: '2024-10-15T08:00:00.000Z', seed: 3 });
    const { funds } = await (await callerFor(db, 'leader')).warning.forward({ fundId: k1 });
    expect(funds[0]?.stochastic).toEqual({ runId: old.runId, finishedOn: '2024-10-15', paths: 200, ageMonths: 14, stale: ['newer_data', 'old_run'] });
    // the run projects 2025–2027: 12 months from 2025-12 is read at the end of 2026
    expect(funds[0]?.horizons.map((h) => h.probabilityRed)).toEqual([old.probabilityRedBy[1], old.probabilityRedBy[2]]);
    expect(funds[0]?.reasons.at(-1)?.zh).toContain('；该运行已过时：情景校准所用数据早于基金现有数据，运行完成于数据期 2025-12 之前 14 个月');
  });

  it('a run finishing later in a worker, with no audit row at its finish, is seen at the next request', async () => {
    const k1 = await fundId(db, 'K1', 'employee');
    const saved = await (await callerFor(db, 'actuary')).projection.createScenario({ scenario: scenario(2026), fundId: k1, dataVintage: '2026-01-01' });
    const [running] = await db.insert(projectionRuns).values({ scenarioId: saved.id, kind: 'stochastic', paths: 200, seed: 1, status: 'running', inputHash: 'test', modelVersion: 'test' }).returning() as [typeof projectionRuns.$inferSelect];
    await appendAudit(db, { username: 'test', action: 'projection.run', entity: 'projection_run', entityId: running.id });
    const before = await (await callerFor(db, 'leader')).warning.forward({ fundId: k1 });
    expect(before.funds[0]?.stochastic?.runId).not.toBe(running.id);
    // what projection-runs.ts `finish` writes when the worker is done
    await db.update(projectionRuns).set({ status: 'done', progress: 1, resultJson: JSON.stringify({ years: first.years, probabilityRedBy: first.probabilityRedBy }), finishedAt: '2026-05-01T08:00:00.000Z' })
      .where(eq(projectionRuns.id, running.id));
    const after = await (await callerFor(db, 'leader')).warning.forward({ fundId: k1 });
    expect(after.funds[0]?.stochastic).toEqual({ runId: running.id, finishedOn: '2026-05-01', paths: 200, ageMonths: -5, stale: [] });
  });

  it('a yearly fund: 12 and 24 months from 2025 read the run\'s 2026 and 2027', async () => {
    const q = await fundId(db, 'Q', 'employee');
    const run = await stochasticRun(db, q, { startYear: 2026, dataVintage: '2026-01-01', finishedAt: '2026-01-25T08:00:00.000Z', seed: 11 });
    const { funds } = await (await callerFor(db, 'leader')).warning.forward({ fundId: q });
    expect(funds[0]?.horizons.map((h) => h.probabilityRed)).toEqual([run.probabilityRedBy[0], run.probabilityRedBy[1]]);
    expect(funds[0]?.stochastic?.ageMonths).toBe(-1);
  });

  it('as of a past month the same run no longer covers (2024-06 → the run starts in 2026): null', async () => {
    const { funds } = await (await callerFor(db, 'leader')).warning.forward({ fundId: c2, asOf: '2024-06' });
    expect([funds[0]?.horizons.map((h) => h.probabilityRed), funds[0]?.stochastic]).toEqual([[null, null], null]);
  });

  it('another region\'s fund and its run stay out of reach: FORBIDDEN for the fund, absent from the user\'s lists', async () => {
    const one = await callerFor(db, 'cityone');
    expect(await code(one.warning.forward({ fundId: c2 }))).toBe('FORBIDDEN');
    const mine = await one.warning.forward({});
    expect(mine.funds.every((f) => f.regionCode === 'C1' && f.stochastic === null)).toBe(true);
    expect((await one.dashboard.summary({})).alerts.every((a) => a.regionCode === 'C1' && a.stochastic === null)).toBe(true);
  });
});
