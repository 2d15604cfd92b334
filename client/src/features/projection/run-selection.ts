/** Which stored runs of the open version the results show: the newest finished run of each kind, and a run still going. */
import type { RunListRow } from './types.ts';

/**
 * The newest run of a kind that finished (runs arrive newest first).
 * @example latestDone([{ id: 3, kind: 'stochastic', status: 'failed' }, { id: 2, kind: 'stochastic', status: 'done' }], 'stochastic')?.id // => 2
 */
export function latestDone<R extends Pick<RunListRow, 'kind' | 'status'>>(runs: readonly R[], kind: RunListRow['kind']): R | undefined {
  return runs.find((r) => r.kind === kind && r.status === 'done');
}

/** A Monte Carlo run still queued or running (to reattach its progress bar after a reload). */
export function activeRun<R extends Pick<RunListRow, 'status'>>(runs: readonly R[]): R | undefined {
  return runs.find((r) => r.status === 'running' || r.status === 'queued');
}

/** Whether a progress update ends the run. */
export function isFinished(status: RunListRow['status']): boolean {
  return status !== 'running' && status !== 'queued';
}
