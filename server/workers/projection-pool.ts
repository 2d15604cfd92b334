/**
 * One piscina pool for long projection runs. Workers load the TypeScript task through tsx; on a
 * 2-core machine one worker keeps the event loop free for requests (stack-notes.md: the gain is a
 * free event loop more than speed). Created on first use, destroyed with the server.
 */
import { MessageChannel } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Scenario, StochasticResult } from '../../models/index.ts';

const TASK_FILE = fileURLToPath(new URL('./stochastic-task.ts', import.meta.url));
const MAX_THREADS = 1;

let pool: Piscina | undefined;

function getPool(): Piscina {
  pool ??= new Piscina({ filename: TASK_FILE, execArgv: ['--import', 'tsx'], maxThreads: MAX_THREADS, idleTimeout: 60_000 });
  return pool;
}

/** Runs a Monte Carlo projection in a worker; `signal` aborts it (the worker is terminated). */
export async function runStochasticInWorker(
  task: { scenario: Scenario; paths: number; seed: number },
  onProgress: (share: number) => void,
  signal: AbortSignal,
): Promise<StochasticResult> {
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (share: number) => onProgress(share));
  try {
    return (await getPool().run({ ...task, port: port2 }, { transferList: [port2], signal })) as StochasticResult;
  } finally {
    port1.close();
  }
}

export async function closeProjectionPool(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.destroy();
}
