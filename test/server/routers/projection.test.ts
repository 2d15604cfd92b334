import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { makeTestDb, callerFor, TEST_PASSWORD } from '../harness.ts';
import { importTable } from '../../../server/importer/import-table.ts';
import { parseCsvText } from '../../../server/importer/read-table.ts';
import { addUser } from '../../../server/services/users.ts';
import { auditLog, projectionRuns, scenarios } from '../../../server/db/schema.ts';
import { closeProjectionPool } from '../../../server/workers/projection-pool.ts';
import { projectScenario, simulateScenario, type EmployeeScenario } from '../../../models/index.ts';
import type { Db } from '../../../server/db/client.ts';

/** The interfaces.md example scenario. */
const BASE: EmployeeScenario = {
  name: 'base', scheme: 'employee', startYear: 2026, horizonYears: 10,
  opening: { balanceYuan: 2.0e9, activeMembers: 1.0e6, retirees: 3.0e5, avgMonthlyWageYuan: 6000, costPerActiveYuan: 2000, costPerRetireeYuan: 7000 },
  assumptions: {
    wageGrowth: 0.05, poolingRate: 0.06, collectionRate: 0.97, activeGrowth: 0.0, retireeGrowth: 0.04,
    medicalInflation: 0.03, utilisationGrowth: 0.02, interestRate: 0.015, subsidyYuan: 0,
  },
};

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; return 'OK'; } catch (err) { return err instanceof TRPCError ? err.code : `THROWN ${String(err)}`; }
}

/** Three years of a yearly employee fund with member counts, for calibration. */
function yearlyFund(region: string): string {
  const rows = ['region_code,scheme,period,income,expenditure,balance,income_employer,income_interest,income_subsidy,active_members,retirees,avg_contribution_base'];
  let balance = 1_000_000_000;
  for (let i = 0; i < 3; i++) {
    const active = 100_000 * 1.01 ** i;
    const base = 6000 * 1.05 ** i;
    const interest = Math.round(balance * 0.015);
    const contribution = Math.round(active * base * 12 * 0.06);
    const expenditure = Math.round((active + 3 * 30_000 * 1.04 ** i) * 2000 * 1.05 ** i);
    balance += contribution + interest - expenditure;
    rows.push(`${region},employee,${2022 + i},${contribution + interest},${expenditure},${balance},${contribution},${interest},0,${Math.round(active)},${Math.round(30_000 * 1.04 ** i)},${base.toFixed(2)}`);
  }
  return rows.join('\n');
}

async function load(db: Db, text: string, kind: 'regions' | 'fund_records') {
  const report = await importTable(db, parseCsvText(text, `${kind}.csv`, 'utf-8'), { kind, unit: 'yuan', dryRun: false, vintage: '2025-03-01' });
  if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
}

describe('projection router', () => {
  let db: Db;
  let regionA = 0;
  let fundA = 0;
  beforeAll(async () => {
    db = await makeTestDb();
    await load(db, 'code,name,level\nA,甲市,city\nB,乙市,city', 'regions');
    await load(db, yearlyFund('A'), 'fund_records');
    await addUser(db, { username: 'onlyb', password: TEST_PASSWORD, role: 'actuary', regionCodes: ['B'] }, null);
    const { rows } = await (await callerFor(db, 'leader')).fund.overview({});
    const fund = rows.find((r: { regionCode: string }) => r.regionCode === 'A') as { fundId: number; regionId: number };
    fundA = fund.fundId;
    regionA = fund.regionId;
  });
  afterAll(async () => { await closeProjectionPool(); });

  it('saves a scenario as version 1, runs it and stores the exact deterministic projection with what reproduces it', async () => {
    const actuary = await callerFor(db, 'actuary');
    const saved = await actuary.projection.createScenario({ scenario: BASE, note: 'interfaces example' });
    expect(saved).toMatchObject({ version: 1, name: 'base', scheme: 'employee', dataVintage: 'manual', regionId: null });
    const run = await actuary.projection.run({ kind: 'deterministic', scenarioId: saved.id });
    expect(run.status).toBe('done');
    expect(run.deterministic).toEqual(JSON.parse(JSON.stringify(projectScenario(BASE))));
    expect(run.inputHash).toMatch(/^[0-9a-f]{64}$/);
    const audit = (await db.select().from(auditLog)).map((r) => r.action);
    expect(audit).toEqual(expect.arrayContaining(['scenario.create', 'projection.run']));
  });

  it('keeps versions immutable: a revision is version 2, revising version 1 again conflicts, the database refuses edits', async () => {
    const actuary = await callerFor(db, 'actuary');
    const v1 = await actuary.projection.createScenario({ scenario: { ...BASE, name: 'versioned' } });
    const v2 = await actuary.projection.reviseScenario({ fromId: v1.id, scenario: { ...BASE, name: 'versioned', assumptions: { ...BASE.assumptions, poolingRate: 0.065 } } });
    expect(v2).toMatchObject({ lineage: v1.lineage, version: 2, basedOnId: v1.id });
    expect(v2.inputHash).not.toBe(v1.inputHash);
    await expect(actuary.projection.reviseScenario({ fromId: v1.id, scenario: { ...BASE, name: 'versioned' } }))
      .rejects.toThrow(`scenario ${v1.id} is version 1; the newest version of "versioned" is 2`);
    await expect(db.update(scenarios).set({ name: 'edited' }).where(eq(scenarios.id, v1.id))).rejects.toThrow('scenario versions are immutable: save a new version');
    await expect(db.delete(scenarios).where(eq(scenarios.id, v1.id))).rejects.toThrow('scenario versions are immutable: they cannot be deleted');
    const history = await actuary.projection.scenarios({ lineage: v1.lineage });
    expect(history.map((s) => s.version)).toEqual([2, 1]);
  });

  it('rejects a bad scenario with the field and the reason', async () => {
    const bad = { ...BASE, assumptions: { ...BASE.assumptions, wageGrowth: [0.05, 0.05] } };
    const err = await (await callerFor(db, 'actuary')).projection.createScenario({ scenario: bad }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe('BAD_REQUEST');
    expect((err as TRPCError).message).toContain('wageGrowth');
  });

  it('clones the high-cost preset as a new lineage that projects a lower balance', async () => {
    const actuary = await callerFor(db, 'actuary');
    const base = await actuary.projection.createScenario({ scenario: { ...BASE, name: 'preset base' } });
    const high = await actuary.projection.cloneScenario({ fromId: base.id, preset: 'high' });
    expect(high).toMatchObject({ version: 1, preset: 'high', basedOnId: base.id });
    expect(high.lineage).not.toBe(base.lineage);
    const [b, h] = await actuary.projection.compare({ scenarioIds: [base.id, high.id] });
    expect(h?.projection.years.at(-1)?.balanceYuan).toBeLessThan(b?.projection.years.at(-1)?.balanceYuan as number);
  });

  it('answers the solver and the tornado for a stored version', async () => {
    const actuary = await callerFor(db, 'actuary');
    const saved = await actuary.projection.createScenario({ scenario: { ...BASE, name: 'analysis' } });
    const solved = await actuary.projection.solve({ scenarioId: saved.id, targetMonths: 6 });
    expect(solved.lever).toBe('poolingRate');
    const t = await actuary.projection.sensitivity({ scenarioId: saved.id, years: [2030, 2035] });
    expect(t.years).toEqual([2030, 2035]);
    expect(t.bars.length).toBeGreaterThan(5);
  });

  it('gives the same Monte Carlo result for the same seed, inline and in the worker, and streams progress', async () => {
    const actuary = await callerFor(db, 'actuary');
    const saved = await actuary.projection.createScenario({ scenario: { ...BASE, name: 'mc' } });
    const small = await actuary.projection.run({ kind: 'stochastic', scenarioId: saved.id, paths: 500, seed: 7 });
    expect(small.status).toBe('done');
    expect(JSON.stringify(small.stochastic)).toBe(JSON.stringify(simulateScenario(BASE, { paths: 500, seed: 7 })));

    const big = await actuary.projection.run({ kind: 'stochastic', scenarioId: saved.id, paths: 4000, seed: 7 });
    expect(big.status).toBe('running');
    const updates = [];
    for await (const u of await actuary.projection.progress({ runId: big.id })) updates.push(u);
    expect(updates.at(-1)).toMatchObject({ status: 'done', progress: 1 });
    const done = await actuary.projection.runStatus({ runId: big.id });
    expect(done.status).toBe('done');
    expect(JSON.stringify(done.stochastic)).toBe(JSON.stringify(simulateScenario(BASE, { paths: 4000, seed: 7 })));
  }, 60_000);

  it('cancels a long run: its row says cancelled and the stream ends', async () => {
    const actuary = await callerFor(db, 'actuary');
    const saved = await actuary.projection.createScenario({ scenario: { ...BASE, name: 'long', horizonYears: 60 } });
    const run = await actuary.projection.run({ kind: 'stochastic', scenarioId: saved.id, paths: 50_000, seed: 1 });
    expect(run.status).toBe('running');
    const cancelled = await actuary.projection.cancel({ runId: run.id });
    expect(cancelled.status).toBe('cancelled');
    const updates = [];
    for await (const u of await actuary.projection.progress({ runId: run.id })) updates.push(u);
    expect(updates.at(-1)?.status).toBe('cancelled');
    expect((await db.select().from(projectionRuns).where(eq(projectionRuns.id, run.id)).limit(1))[0]?.resultJson).toBeNull();
    expect(await codeOf(actuary.projection.cancel({ runId: run.id }))).toBe('CONFLICT');
  }, 60_000);

  it('calibrates a starting scenario on a stored fund and keeps it inside the region scope', async () => {
    const calibrated = await (await callerFor(db, 'actuary')).projection.calibrate({ fundId: fundA });
    expect(calibrated).toMatchObject({ regionId: regionA, fundId: fundA, openingYear: 2024, dataVintage: '2025-03-01' });
    const s = calibrated.scenario as EmployeeScenario;
    expect(s.startYear).toBe(2025);
    expect(s.opening.activeMembers).toBe(Math.round(100_000 * 1.01 ** 2));
    expect(s.assumptions.wageGrowth).toBeCloseTo(0.05, 3);
    expect(s.assumptions.poolingRate).toBeCloseTo(0.06, 3);
    // The calibrated opening year reproduces the stored expenditure: the split keeps the total.
    const expenditure = s.opening.activeMembers * s.opening.costPerActiveYuan + s.opening.retirees * s.opening.costPerRetireeYuan;
    expect(expenditure).toBeCloseTo(Math.round((100_000 * 1.01 ** 2 + 3 * 30_000 * 1.04 ** 2) * 2000 * 1.05 ** 2), -3);

    const onlyB = await callerFor(db, 'onlyb');
    expect(await codeOf(onlyB.projection.calibrate({ fundId: fundA }))).toBe('FORBIDDEN');
    const inA = await (await callerFor(db, 'actuary')).projection.createScenario({ scenario: calibrated.scenario, regionId: regionA, fundId: fundA, dataVintage: calibrated.dataVintage });
    expect(await codeOf(onlyB.projection.scenario({ id: inA.id }))).toBe('FORBIDDEN');
    expect((await onlyB.projection.scenarios({})).some((s2) => s2.id === inA.id)).toBe(false);
    expect(await codeOf(onlyB.projection.createScenario({ scenario: BASE, regionId: regionA }))).toBe('FORBIDDEN');
  });
});
