/**
 * Runs of a stored scenario version (domain.md §6.2–6.4): deterministic projections answer at
 * once; Monte Carlo runs above {@link WORKER_THRESHOLD_PATH_YEARS} execute in a worker thread and
 * report progress. Every run row records the scenario version, its input hash, the seed, the
 * paths and the model version, so the figure can be reproduced.
 */
import { createHash } from 'node:crypto';
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { projectionRuns } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { projectScenario, simulateScenario, type ProjectionResult, type StochasticResult } from '../../models/index.ts';
import { appendAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import { getScenario } from './scenario-store.ts';
import { abortRun, publishProgress, registerRun } from './projection-progress.ts';
import { runStochasticInWorker } from '../workers/projection-pool.ts';

export const PROJECTION_MODEL_VERSION = 'fundrisk-projection 0.1.0';
/** Paths × years above which a Monte Carlo run leaves the request thread (≈ 50 ms of work inline). */
export const WORKER_THRESHOLD_PATH_YEARS = 20_000;
export const DEFAULT_SEED = 20260101;

type RunRow = typeof projectionRuns.$inferSelect;

export interface RunInput {
  scenarioId: number;
  kind: 'deterministic' | 'stochastic';
  paths?: number | undefined;
  seed?: number | undefined;
}

export interface RunView {
  id: number;
  scenarioId: number;
  kind: RunRow['kind'];
  status: RunRow['status'];
  progress: number;
  paths: number | null;
  seed: number | null;
  inputHash: string;
  modelVersion: string;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
  deterministic: ProjectionResult | null;
  stochastic: StochasticResult | null;
}

function runHash(scenarioHash: string, input: { kind: string; paths: number | null; seed: number | null }): string {
  return createHash('sha256').update(JSON.stringify([scenarioHash, input.kind, input.paths, input.seed, PROJECTION_MODEL_VERSION])).digest('hex');
}

function toView(row: RunRow): RunView {
  const result = row.resultJson === null ? null : JSON.parse(row.resultJson);
  return {
    id: row.id, scenarioId: row.scenarioId, kind: row.kind, status: row.status, progress: row.progress, paths: row.paths, seed: row.seed,
    inputHash: row.inputHash, modelVersion: row.modelVersion, createdAt: row.createdAt, finishedAt: row.finishedAt, error: row.error,
    deterministic: row.kind === 'deterministic' ? result : null,
    stochastic: row.kind === 'stochastic' ? result : null,
  };
}

/** Stores a run's end and returns the `finishedAt` it wrote. */
function finish(db: Db, runId: number, fields: Partial<Pick<RunRow, 'status' | 'resultJson' | 'error' | 'progress'>>): string {
  const finishedAt = new Date().toISOString();
  db.update(projectionRuns).set({ ...fields, finishedAt }).where(eq(projectionRuns.id, runId)).run();
  return finishedAt;
}

/**
 * Starts a run. Deterministic and small Monte Carlo runs finish before this returns; larger ones
 * return `running` and finish in a worker (watch them with {@link getRun} or the progress subscription).
 * @throws DomainError from the scenario store; BAD_REQUEST with the model's message when the stored scenario is invalid.
 */
export function startRun(db: Db, user: SessionUser, scope: Set<number> | null, input: RunInput): RunView {
  const version = getScenario(db, scope, input.scenarioId);
  const paths = input.kind === 'stochastic' ? input.paths ?? 5000 : null;
  const seed = input.kind === 'stochastic' ? input.seed ?? DEFAULT_SEED : null;
  const inWorker = paths !== null && paths * version.scenario.horizonYears > WORKER_THRESHOLD_PATH_YEARS;
  const row = db.transaction((tx) => {
    const inserted = tx.insert(projectionRuns).values({
      scenarioId: version.id, kind: input.kind, paths, seed, status: inWorker ? 'running' : 'queued',
      inputHash: runHash(version.inputHash, { kind: input.kind, paths, seed }), modelVersion: PROJECTION_MODEL_VERSION, createdBy: user.id,
    }).returning().get();
    appendAudit(tx, {
      userId: user.id, username: user.username, action: 'projection.run', entity: 'projection_run', entityId: inserted.id,
      after: { scenarioId: version.id, kind: input.kind, paths, seed },
    });
    return inserted;
  });
  // the answers below are the stored row as getRun would read it back (the scenario's scope was checked above)
  if (!inWorker) {
    let resultJson: string;
    try {
      const result = input.kind === 'deterministic'
        ? projectScenario(version.scenario)
        : simulateScenario(version.scenario, { paths: paths as number, seed: seed as number });
      resultJson = JSON.stringify(result);
    } catch (err) {
      finish(db, row.id, { status: 'failed', error: (err as Error).message });
      throw new DomainError('BAD_REQUEST', (err as Error).message);
    }
    const finishedAt = finish(db, row.id, { status: 'done', progress: 1, resultJson });
    return toView({ ...row, status: 'done', progress: 1, resultJson, finishedAt });
  }
  const signal = registerRun(row.id);
  publishProgress({ runId: row.id, status: 'running', progress: 0 });
  void runStochasticInWorker({ scenario: version.scenario, paths: paths as number, seed: seed as number }, (share) => {
    publishProgress({ runId: row.id, status: 'running', progress: share });
  }, signal).then((result) => {
    if (signal.aborted) return;
    finish(db, row.id, { status: 'done', progress: 1, resultJson: JSON.stringify(result) });
    publishProgress({ runId: row.id, status: 'done', progress: 1 });
  }, (err: unknown) => {
    const cancelled = signal.aborted;
    if (!cancelled) finish(db, row.id, { status: 'failed', error: (err as Error).message });
    publishProgress({ runId: row.id, status: cancelled ? 'cancelled' : 'failed', progress: 0 });
  });
  return toView(row);
}

/** @throws DomainError NOT_FOUND `projection run <id> not found`; FORBIDDEN through its scenario's region. */
export function getRun(db: Db, scope: Set<number> | null, runId: number): RunView {
  const row = db.select().from(projectionRuns).where(eq(projectionRuns.id, runId)).get();
  if (!row) throw new DomainError('NOT_FOUND', `projection run ${runId} not found`);
  getScenario(db, scope, row.scenarioId);
  return toView(row);
}

/** Runs of one scenario version, newest first, without their results. */
export function listRuns(db: Db, scope: Set<number> | null, scenarioId: number) {
  getScenario(db, scope, scenarioId);
  return db.select({
    id: projectionRuns.id, kind: projectionRuns.kind, status: projectionRuns.status, progress: projectionRuns.progress, paths: projectionRuns.paths,
    seed: projectionRuns.seed, createdAt: projectionRuns.createdAt, finishedAt: projectionRuns.finishedAt, modelVersion: projectionRuns.modelVersion,
  }).from(projectionRuns).where(eq(projectionRuns.scenarioId, scenarioId)).orderBy(desc(projectionRuns.id)).limit(100).all();
}

/**
 * Cancels a running Monte Carlo run.
 * @throws DomainError CONFLICT `projection run <id> is <status>, not running`.
 */
export function cancelRun(db: Db, user: SessionUser, scope: Set<number> | null, runId: number): RunView {
  const run = getRun(db, scope, runId);
  if (run.status !== 'running' && run.status !== 'queued') throw new DomainError('CONFLICT', `projection run ${runId} is ${run.status}, not running`);
  db.transaction((tx) => {
    appendAudit(tx, { userId: user.id, username: user.username, action: 'projection.cancel', entity: 'projection_run', entityId: runId });
  });
  abortRun(runId);
  finish(db, runId, { status: 'cancelled' });
  return getRun(db, scope, runId);
}

/** Marks runs left `running` by a previous process (it stopped mid-run) as failed; call at startup. */
export function failOrphanedRuns(db: Db): number {
  const result = db.update(projectionRuns).set({ status: 'failed', error: 'the server stopped during this run', finishedAt: new Date().toISOString() })
    .where(eq(projectionRuns.status, 'running')).run();
  return result.changes;
}
