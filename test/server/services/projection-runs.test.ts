/**
 * `startRun` answers with the run as it is stored: what `getRun` reads back right after, for a
 * deterministic run, a Monte Carlo run inline and one handed to the worker.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeTestDb } from '../harness.ts';
import { users } from '../../../server/db/schema.ts';
import { loadSessionUser, type SessionUser } from '../../../server/auth/sessions.ts';
import { createScenario } from '../../../server/services/scenario-store.ts';
import { getRun, startRun, WORKER_THRESHOLD_PATH_YEARS } from '../../../server/services/projection-runs.ts';
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
    actuary = loadSessionUser(db, db.select().from(users).where(eq(users.username, 'actuary')).get() as typeof users.$inferSelect);
    scenarioId = createScenario(db, actuary, null, { scenario: SCENARIO }).id;
  });
  afterAll(async () => { await closeProjectionPool(); });

  it('answers a finished run exactly as it is stored', () => {
    const deterministic = startRun(db, actuary, null, { scenarioId, kind: 'deterministic' });
    expect(deterministic).toMatchObject({ status: 'done', progress: 1, error: null, stochastic: null });
    expect(deterministic.deterministic).toEqual(JSON.parse(JSON.stringify(projectScenario(SCENARIO))));
    expect(deterministic).toEqual(getRun(db, null, deterministic.id));
    const inline = startRun(db, actuary, null, { scenarioId, kind: 'stochastic', paths: 100, seed: 3 });
    expect(inline).toMatchObject({ status: 'done', paths: 100, seed: 3, deterministic: null });
    expect(inline.finishedAt).not.toBeNull();
    expect(inline).toEqual(getRun(db, null, inline.id));
  });

  it('answers a run handed to the worker as running, as stored', () => {
    const paths = WORKER_THRESHOLD_PATH_YEARS / SCENARIO.horizonYears + 1;
    const running = startRun(db, actuary, null, { scenarioId, kind: 'stochastic', paths, seed: 5 });
    expect(running).toMatchObject({ status: 'running', progress: 0, finishedAt: null, stochastic: null });
    expect(running).toEqual(getRun(db, null, running.id));
  });
});
