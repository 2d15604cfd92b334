/**
 * Live state of Monte Carlo runs executing in this process: their progress for the tRPC
 * subscription and the abort handle for cancelling. The database row holds the durable state;
 * this registry only lives while a run does.
 */
import { EventEmitter, on } from 'node:events';

export interface RunProgress {
  runId: number;
  status: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  /** Share of paths done, 0–1. */
  progress: number;
}

interface LiveRun {
  abort: AbortController;
  last: RunProgress;
}

const live = new Map<number, LiveRun>();
const events = new EventEmitter();
events.setMaxListeners(0);

export function registerRun(runId: number): AbortSignal {
  const abort = new AbortController();
  live.set(runId, { abort, last: { runId, status: 'queued', progress: 0 } });
  return abort.signal;
}

export function publishProgress(update: RunProgress): void {
  const run = live.get(update.runId);
  if (run) run.last = update;
  events.emit(String(update.runId), update);
  if (update.status !== 'queued' && update.status !== 'running') live.delete(update.runId);
}

/** Aborts a live run; false when it is not running in this process. */
export function abortRun(runId: number): boolean {
  const run = live.get(runId);
  if (!run) return false;
  run.abort.abort();
  return true;
}

export function isLive(runId: number): boolean {
  return live.has(runId);
}

/**
 * Progress updates of one run until it finishes, starting with its current state. Ends at once
 * when the run is not live (the caller then reads the stored row).
 */
export async function* watchRun(runId: number, signal?: AbortSignal): AsyncGenerator<RunProgress> {
  const run = live.get(runId);
  if (!run) return;
  const stream = on(events, String(runId), signal ? { signal } : {});
  yield run.last;
  for await (const [update] of stream as AsyncIterable<[RunProgress]>) {
    yield update;
    if (update.status !== 'queued' && update.status !== 'running') return;
  }
}
