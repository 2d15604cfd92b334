/**
 * The piscina worker task of a Monte Carlo projection: runs `simulateScenario` off the request
 * thread and posts progress (paths done, paths in all) through the port it was given.
 */
import type { MessagePort } from 'node:worker_threads';
import { simulateScenario, type Scenario, type StochasticResult } from '../../models/index.ts';

export interface StochasticTask {
  scenario: Scenario;
  paths: number;
  seed: number;
  port: MessagePort;
}

/** Progress messages are at most every 2 % of the paths, so the port is never flooded. */
const PROGRESS_STEP = 0.02;

export default function runStochasticTask({ scenario, paths, seed, port }: StochasticTask): StochasticResult {
  let lastShare = 0;
  try {
    return simulateScenario(scenario, {
      paths, seed,
      onProgress: (done, total) => {
        const share = done / total;
        if (share - lastShare >= PROGRESS_STEP || done === total) {
          lastShare = share;
          port.postMessage(share);
        }
      },
    });
  } finally {
    port.close();
  }
}
