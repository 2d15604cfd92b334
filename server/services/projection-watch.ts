/**
 * The progress stream of one projection run for the tRPC subscription: live updates while the
 * run executes in this process, then (or else) one update with its stored state.
 */
import type { Db } from '../db/client.ts';
import { watchRun, type RunProgress } from './projection-progress.ts';
import { getRun } from './projection-runs.ts';

export async function* watchRunOrStored(db: Db, scope: Set<number> | null, runId: number, signal?: AbortSignal): AsyncGenerator<RunProgress> {
  getRun(db, scope, runId);
  let finished = false;
  for await (const update of watchRun(runId, signal)) {
    yield update;
    finished = update.status !== 'queued' && update.status !== 'running';
  }
  if (!finished) {
    const stored = getRun(db, scope, runId);
    yield { runId, status: stored.status, progress: stored.progress };
  }
}
