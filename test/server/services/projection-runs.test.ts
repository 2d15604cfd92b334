/**
 * `startRun` answers with the run as it is stored: what `getRun` reads back right after, for a
 * deterministic run, a Monte Carlo run inline and one handed to the worker. A worker's result is
 * stored only while its row is still running, and `failOrphanedRuns` fails exactly the running rows.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeTestDb } from '../harness.ts';
import { projectionRuns, scenarios, users } from '../../../server/db/schema.ts';
import { loadSessionUser, type SessionUser } from '../../../server/auth/sessions.ts';
import { createScenario } from '../../../server/services/scenario-store.ts';
import { failOrphanedRuns, getRun, PROJECTION_MODEL_VERSION, RUN_STALE_MS, startRun, WORKER_THRESHOLD_PATH_YEARS } from '../../../server/services/projection-runs.ts';
import { watchRunOrStored } from '../../../server/services/projection-watch.ts';
import type { RunProgress } from '../../../server/services/projection-progress.ts';
import { openTestDatabase } from '../../support/test-database.ts';
import { closeProjectionPool } from '../../../server/workers/projection-pool.ts';
import { projectScenario, type EmployeeScenario } from '../../../models/index.ts';
import type { Db } from '../../../server/db/client.ts';

const SCENARIO: EmployeeScenario = {
  name: 'runs', scheme: 'employee', startYear: 2026, horizonYears: 5,
  opening: { balanceYuan: 2.0e9, activeMembers: 1.0e6, retirees: 3.0e5, avgMonthlyWageYuan: 6000, costPerActiveYuan: 2000, costPerRetireeYuan: 7000 },
  assumptions: {
    wageGrowth: 0.05, poolingRate: 0.06, collectionRate: 0.97, activeGrowth: 0.0, retireeGrowth: 0.04,
    medicalInflation: 0.03, utilisationGrowth: 0.02, interestRate: 0.015, subsidyYuan: 0,
  },
};

describe('projection runs', () => {
  let db: Db;
  let actuary: SessionUser;
  let scenarioId: number;
  beforeAll(async () => {
    db = await makeTestDb();
    const [row] = await db.select().from(users).where(eq(users.username, 'actuary')).limit(1);
    if (!row) throw new Error('no test user actuary');
    actuary = await loadSessionUser(db, row);
    scenarioId = (await createScenario(db, actuary, null, { scenario: SCENARIO })).id;
  });
  afterAll(async () => { await closeProjectionPool(); });

  it('answers a finished run exactly as it is stored', async () => {
    const deterministic = await startRun(db, actuary, null, { scenarioId, kind: 'deterministic' });
    expect(deterministic).toMatchObject({ status: 'done', progress: 1, error: null, stochastic: null });
    expect(deterministic.deterministic).toEqual(JSON.parse(JSON.stringify(projectScenario(SCENARIO))));
    expect(deterministic).toEqual(await getRun(db, null, deterministic.id));
    const inline = await startRun(db, actuary, null, { scenarioId, kind: 'stochastic', paths: 100, seed: 3 });
    expect(inline).toMatchObject({ status: 'done', paths: 100, seed: 3, deterministic: null });
    expect(inline.finishedAt).not.toBeNull();
    expect(inline).toEqual(await getRun(db, null, inline.id));
  });

  it('answers a run handed to the worker as running, as stored', async () => {
    const paths = WORKER_THRESHOLD_PATH_YEARS / SCENARIO.horizonYears + 1;
    const running = await startRun(db, actuary, null, { scenarioId, kind: 'stochastic', paths, seed: 5 });
    expect(running).toMatchObject({ status: 'running', progress: 0, finishedAt: null, stochastic: null });
    expect(running).toEqual(await getRun(db, null, running.id));
  });

  it('keeps a run cancelled elsewhere cancelled when its worker finishes (another app server cancelled it)', async () => {
    const paths = WORKER_THRESHOLD_PATH_YEARS / SCENARIO.horizonYears + 1;
    const running = await startRun(db, actuary, null, { scenarioId, kind: 'stochastic', paths, seed: 9 });
    await db.update(projectionRuns).set({ status: 'cancelled', finishedAt: '2026-01-01T00:00:00.000Z' }).where(eq(projectionRuns.id, running.id));
    const updates = [];
    for await (const u of await watchRunOrStored(db, null, running.id)) updates.push(u);
    expect(updates.at(-1)).toEqual({ runId: running.id, status: 'cancelled', progress: 0 });
    expect(await getRun(db, null, running.id)).toMatchObject({ status: 'cancelled', progress: 0, stochastic: null, finishedAt: '2026-01-01T00:00:00.000Z' });
  }, 60_000);
});

/** The fields of a stored Monte Carlo run of a new scenario row, written straight to `db`. */
async function runFields(db: Db) {
  const [scenario] = await db.insert(scenarios).values({
    lineage: 'l', version: 1, name: 'orphans', scheme: 'employee', scenarioJson: JSON.stringify(SCENARIO), inputHash: 'h', dataVintage: 'manual',
  }).returning({ id: scenarios.id });
  if (!scenario) throw new Error('no scenario row written');
  return { scenarioId: scenario.id, kind: 'stochastic', paths: 10, seed: 1, inputHash: 'x', modelVersion: PROJECTION_MODEL_VERSION } as const;
}

describe('watching a run another app server computes', () => {
  /** Waits until `ready()` holds, checking every 20 ms. */
  const until = async (ready: () => boolean) => { while (!ready()) await new Promise((r) => setTimeout(r, 20)); };

  it('follows its stored progress until it ends', async () => {
    const fresh = await openTestDatabase();
    const [row] = await fresh.insert(projectionRuns).values({ ...(await runFields(fresh)), status: 'running', heartbeatAtMs: Date.now() }).returning({ id: projectionRuns.id });
    const id = row?.id ?? 0;
    const updates: RunProgress[] = [];
    const watching = (async () => { for await (const u of await watchRunOrStored(fresh, null, id)) updates.push(u); })();
    await until(() => updates.length === 1);
    await fresh.update(projectionRuns).set({ progress: 0.5 }).where(eq(projectionRuns.id, id));
    await until(() => updates.length === 2);
    await fresh.update(projectionRuns).set({ status: 'done', progress: 1 }).where(eq(projectionRuns.id, id));
    await watching;
    expect(updates).toEqual([
      { runId: id, status: 'running', progress: 0 }, { runId: id, status: 'running', progress: 0.5 }, { runId: id, status: 'done', progress: 1 },
    ]);
  }, 20_000);

  it('stops when the subscriber goes away', async () => {
    const fresh = await openTestDatabase();
    const [row] = await fresh.insert(projectionRuns).values({ ...(await runFields(fresh)), status: 'running', heartbeatAtMs: Date.now() }).returning({ id: projectionRuns.id });
    const controller = new AbortController();
    const updates: RunProgress[] = [];
    const watching = (async () => { for await (const u of await watchRunOrStored(fresh, null, row?.id ?? 0, controller.signal)) updates.push(u); })();
    await until(() => updates.length === 1);
    controller.abort();
    await watching;
    expect(updates.map((u) => u.status)).toEqual(['running']);
  }, 20_000);
});

describe('failOrphanedRuns', () => {
  it('fails the rows left running and counts them, leaving the others as they are', async () => {
    const fresh = await openTestDatabase();
    const run = await runFields(fresh);
    await fresh.insert(projectionRuns).values([{ ...run, status: 'running' }, { ...run, status: 'done', progress: 1 }, { ...run, status: 'running' }, { ...run, status: 'cancelled' }]);
    expect(await failOrphanedRuns(fresh)).toBe(2);
    const rows = await fresh.select({ status: projectionRuns.status, error: projectionRuns.error }).from(projectionRuns).orderBy(projectionRuns.id);
    expect(rows).toEqual([
      { status: 'failed', error: 'the server stopped during this run' }, { status: 'done', error: null },
      { status: 'failed', error: 'the server stopped during this run' }, { status: 'cancelled', error: null },
    ]);
    expect(await failOrphanedRuns(fresh)).toBe(0);
  });

  it('leaves a run whose server still beats (another app server) and fails it once the beat is stale', async () => {
    const fresh = await openTestDatabase();
    const now = 1_800_000_000_000;
    const run = { ...(await runFields(fresh)), status: 'running' } as const;
    await fresh.insert(projectionRuns).values([{ ...run, heartbeatAtMs: now - 1000 }, { ...run, heartbeatAtMs: now - RUN_STALE_MS }]);
    expect(await failOrphanedRuns(fresh, now)).toBe(0);
    expect(await failOrphanedRuns(fresh, now + 1)).toBe(1);
    expect(await failOrphanedRuns(fresh, now + RUN_STALE_MS)).toBe(1);
    expect((await fresh.select({ status: projectionRuns.status }).from(projectionRuns)).map((r) => r.status)).toEqual(['failed', 'failed']);
  });
});
