/**
 * Runs of a stored scenario version (domain.md §6.2–6.4): deterministic projections answer at
 * once; Monte Carlo runs above {@link WORKER_THRESHOLD_PATH_YEARS} execute in a worker thread and
 * report progress. Every run row records the scenario version, its input hash, the seed, the
 * paths and the model version, so the figure can be reproduced.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { projectionRuns } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { projectScenario, simulateScenario, type ProjectionResult, type StochasticResult } from '../../models/index.ts';
import { appendAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import { getScenario, type ScenarioVersion } from './scenario-store.ts';
import { abortRun, publishProgress, registerRun } from './projection-progress.ts';
import { runStochasticInWorker } from '../workers/projection-pool.ts';
import { logger } from '../logger.ts';

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

/** Paths and seed of a Monte Carlo run. */
interface StochasticTask { paths: number; seed: number }

/**
 * Stores the end of a run that is still `running` (a request may have cancelled it meanwhile, here
 * or on another server): one conditional UPDATE. Answers the status the row holds afterwards.
 */
async function finishRunning(db: Db, runId: number, fields: Pick<RunRow, 'status'> & Partial<Pick<RunRow, 'resultJson' | 'error' | 'progress'>>): Promise<RunRow['status']> {
  const updated = await db.update(projectionRuns).set({ ...fields, finishedAt: new Date().toISOString() })
    .where(and(eq(projectionRuns.id, runId), eq(projectionRuns.status, 'running'))).returning({ status: projectionRuns.status });
  if (updated[0]) return updated[0].status;
  const [stored] = await db.select({ status: projectionRuns.status }).from(projectionRuns).where(eq(projectionRuns.id, runId)).limit(1);
  return stored?.status ?? 'cancelled';
}

/**
 * Executes a run in the worker pool; when the worker answers (after it, never inside a transaction)
 * stores the result or the error and publishes the final status. A result that cannot be stored
 * (the database went away) is logged and the run published as failed; its row stays `running`
 * until {@link failOrphanedRuns} finds its heartbeat stale. The heartbeat is written every
 * RUN_HEARTBEAT_MS while the worker computes, and with the progress when it moves (at most every
 * PROGRESS_STORE_MS), so a watcher on another app server sees it (projection-watch.ts).
 */
function runInWorker(db: Db, runId: number, scenario: ScenarioVersion['scenario'], task: StochasticTask): void {
  const signal = registerRun(runId);
  publishProgress({ runId, status: 'running', progress: 0 });
  // the heartbeat, and the progress for watchers on other app servers (at most every PROGRESS_STORE_MS)
  let share = 0;
  let storedAt = Date.now();
  const store = () => {
    storedAt = Date.now();
    db.update(projectionRuns).set({ heartbeatAtMs: storedAt, progress: share }).where(and(eq(projectionRuns.id, runId), eq(projectionRuns.status, 'running')))
      .catch((err: unknown) => logger.warn({ err, runId }, 'projection run heartbeat not stored'));
  };
  const beat = setInterval(store, RUN_HEARTBEAT_MS);
  beat.unref();
  void runStochasticInWorker({ scenario, ...task }, (done) => {
    share = done;
    publishProgress({ runId, status: 'running', progress: done });
    if (Date.now() - storedAt >= PROGRESS_STORE_MS) store();
  }, signal).then(
    (result) => (signal.aborted ? 'cancelled' as const : finishRunning(db, runId, { status: 'done', progress: 1, resultJson: JSON.stringify(result) })),
    (err: unknown) => (signal.aborted ? 'cancelled' as const : finishRunning(db, runId, { status: 'failed', error: (err as Error).message })),
  ).then((status) => {
    publishProgress({ runId, status, progress: status === 'done' ? 1 : 0 });
  }, (err: unknown) => {
    logger.error({ err, runId }, 'the end of a projection run could not be stored');
    publishProgress({ runId, status: 'failed', progress: 0 });
  }).finally(() => clearInterval(beat));
}

/**
 * Starts a run. Deterministic and small Monte Carlo runs are computed first and stored finished,
 * with their audit row, in one transaction; larger ones are stored `running` and finish in a
 * worker (watch them with {@link getRun} or the progress subscription). The scenario is read
 * before the transaction: the database refuses UPDATE and DELETE on scenario versions.
 * @throws DomainError from the scenario store; BAD_REQUEST with the model's message when the stored scenario is invalid.
 */
export async function startRun(db: Db, user: SessionUser, scope: Set<number> | null, input: RunInput): Promise<RunView> {
  const version = await getScenario(db, scope, input.scenarioId);
  const paths = input.kind === 'stochastic' ? input.paths ?? 5000 : null;
  const seed = input.kind === 'stochastic' ? input.seed ?? DEFAULT_SEED : null;
  const inWorker = paths !== null && seed !== null && paths * version.scenario.horizonYears > WORKER_THRESHOLD_PATH_YEARS;
  // an inline run is computed before its row is written, so the row goes in finished (or failed)
  let end: Partial<Pick<RunRow, 'status' | 'progress' | 'resultJson' | 'error' | 'createdAt' | 'finishedAt'>> = {};
  let failure: string | null = null;
  if (!inWorker) {
    const createdAt = new Date().toISOString();
    try {
      const result = paths === null || seed === null ? projectScenario(version.scenario) : simulateScenario(version.scenario, { paths, seed });
      end = { status: 'done', progress: 1, resultJson: JSON.stringify(result), createdAt, finishedAt: new Date().toISOString() };
    } catch (err) {
      failure = (err as Error).message;
      end = { status: 'failed', error: failure, createdAt, finishedAt: new Date().toISOString() };
    }
  }
  const row = await db.transaction(async (tx) => {
    // an insert … returning answers the one row it wrote
    const [inserted] = (await tx.insert(projectionRuns).values({
      scenarioId: version.id, kind: input.kind, paths, seed, status: 'running', ...(inWorker ? { heartbeatAtMs: Date.now() } : {}), ...end,
      inputHash: runHash(version.inputHash, { kind: input.kind, paths, seed }), modelVersion: PROJECTION_MODEL_VERSION, createdBy: user.id,
    }).returning()) as [RunRow];
    await appendAudit(tx, {
      userId: user.id, username: user.username, action: 'projection.run', entity: 'projection_run', entityId: inserted.id,
      after: { scenarioId: version.id, kind: input.kind, paths, seed },
    });
    return inserted;
  });
  if (failure !== null) throw new DomainError('BAD_REQUEST', failure);
  if (inWorker) runInWorker(db, row.id, version.scenario, { paths, seed });
  // the stored row as getRun reads it back (the scenario's scope was checked above)
  return toView(row);
}

/** @throws DomainError NOT_FOUND `projection run <id> not found`; FORBIDDEN through its scenario's region. */
export async function getRun(db: Db, scope: Set<number> | null, runId: number): Promise<RunView> {
  const [row] = await db.select().from(projectionRuns).where(eq(projectionRuns.id, runId)).limit(1);
  if (!row) throw new DomainError('NOT_FOUND', `projection run ${runId} not found`);
  await getScenario(db, scope, row.scenarioId);
  return toView(row);
}

/** Runs of one scenario version, newest first, without their results. */
export async function listRuns(db: Db, scope: Set<number> | null, scenarioId: number) {
  await getScenario(db, scope, scenarioId);
  return db.select({
    id: projectionRuns.id, kind: projectionRuns.kind, status: projectionRuns.status, progress: projectionRuns.progress, paths: projectionRuns.paths,
    seed: projectionRuns.seed, createdAt: projectionRuns.createdAt, finishedAt: projectionRuns.finishedAt, modelVersion: projectionRuns.modelVersion,
  }).from(projectionRuns).where(eq(projectionRuns.scenarioId, scenarioId)).orderBy(desc(projectionRuns.id)).limit(100);
}

/**
 * Cancels a running Monte Carlo run: the status check, the audit row and the `cancelled` row are one
 * transaction; the worker is stopped after it (when the run executes in this process).
 * @throws DomainError CONFLICT `projection run <id> is <status>, not running`.
 */
export async function cancelRun(db: Db, user: SessionUser, scope: Set<number> | null, runId: number): Promise<RunView> {
  await db.transaction(async (tx) => {
    const run = await getRun(tx, scope, runId);
    if (run.status !== 'running' && run.status !== 'queued') throw new DomainError('CONFLICT', `projection run ${runId} is ${run.status}, not running`);
    await appendAudit(tx, { userId: user.id, username: user.username, action: 'projection.cancel', entity: 'projection_run', entityId: runId });
    await tx.update(projectionRuns).set({ status: 'cancelled', finishedAt: new Date().toISOString() }).where(eq(projectionRuns.id, runId));
  });
  abortRun(runId);
  return getRun(db, scope, runId);
}

/** How often the server computing a run in a worker writes its heartbeat (`projection_runs.heartbeat_at_ms`). */
export const RUN_HEARTBEAT_MS = 10_000;
/** The least time between two stored progress values of a run (with a heartbeat), for watchers on other app servers. */
export const PROGRESS_STORE_MS = 1000;
/** A run `running` without a beat for this long lost the server computing it. */
export const RUN_STALE_MS = 3 * RUN_HEARTBEAT_MS;

/**
 * Marks as failed the runs left `running` by a server that stopped mid-run: those without a
 * heartbeat in the last RUN_STALE_MS (or none at all). A run another app server on the same
 * PostgreSQL database is still computing keeps beating, so it is left alone. Called at startup and
 * every RUN_STALE_MS (server/index.ts). Answers how many.
 */
export async function failOrphanedRuns(db: Db, nowMs = Date.now()): Promise<number> {
  const failed = await db.update(projectionRuns).set({ status: 'failed', error: 'the server stopped during this run', finishedAt: new Date(nowMs).toISOString() })
    .where(and(eq(projectionRuns.status, 'running'), or(isNull(projectionRuns.heartbeatAtMs), lt(projectionRuns.heartbeatAtMs, nowMs - RUN_STALE_MS))))
    .returning({ id: projectionRuns.id });
  return failed.length;
}
