/**
 * The progress stream of one projection run for the tRPC subscription: live updates while the
 * run executes in this process; otherwise (another app server computes it, behind a load balancer)
 * its stored state, read every STORED_POLL_MS until it ends — the server computing it stores its
 * progress at most every second (projection-runs.ts), and a run whose server stopped is failed by
 * the orphan sweep within RUN_STALE_MS, so the stream always ends.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../db/client.ts';
import { watchRun, type RunProgress } from './projection-progress.ts';
import { getRun } from './projection-runs.ts';

export const STORED_POLL_MS = 1000;

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
  let last: RunProgress | undefined;
  while (!finished) {
    const stored = await getRun(db, scope, runId);
    const update = { runId, status: stored.status, progress: stored.progress };
    if (last === undefined || last.status !== update.status || last.progress !== update.progress) yield update;
    last = update;
    finished = update.status !== 'queued' && update.status !== 'running';
    if (!finished) {
      if (signal?.aborted) return;
      await sleep(STORED_POLL_MS, undefined, { signal }).catch(() => undefined);
      if (signal?.aborted) return;
    }
  }
}
