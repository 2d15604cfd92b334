/**
 * The progress stream of one projection run for the tRPC subscription: live updates while the
 * run executes in this process, then (or else) one update with its stored state.
 */
import type { Db } from '../db/client.ts';
import { watchRun, type RunProgress } from './projection-progress.ts';
import { getRun } from './projection-runs.ts';

/**
 * Checks the run before the stream starts, so an unknown or out-of-scope run is refused with its
 * own code: an error thrown while the stream is read reaches the client as INTERNAL_SERVER_ERROR.
 * @throws DomainError NOT_FOUND `projection run <id> not found`; FORBIDDEN through its scenario's region.
 */
export async function watchRunOrStored(db: Db, scope: Set<number> | null, runId: number, signal?: AbortSignal): Promise<AsyncGenerator<RunProgress>> {
  await getRun(db, scope, runId);
  return progressOf(db, scope, runId, signal);
}

async function* progressOf(db: Db, scope: Set<number> | null, runId: number, signal?: AbortSignal): AsyncGenerator<RunProgress> {
  let finished = false;
  for await (const update of watchRun(runId, signal)) {
    yield update;
    finished = update.status !== 'queued' && update.status !== 'running';
  }
  if (!finished) {
    const stored = await getRun(db, scope, runId);
    yield { runId, status: stored.status, progress: stored.progress };
  }
}
