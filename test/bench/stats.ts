import { quantileSorted } from 'simple-statistics';

/** Runs `fn` `iterations` times after `warmup` runs and returns latency percentiles in ms. */
export function timeIt(fn: () => unknown, iterations: number, warmup = 5): Latency {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return latency(samples);
}

/** `timeIt` for work that is awaited (anything that queries the database). */
export async function timeItAsync(fn: () => Promise<unknown>, iterations: number, warmup = 5): Promise<Latency> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return latency(samples);
}

export interface Latency { p50: number; p95: number; p99: number; mean: number }

function latency(samples: number[]): Latency {
  samples.sort((a, b) => a - b);
  const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
  return { p50: quantileSorted(samples, 0.5), p95: quantileSorted(samples, 0.95), p99: quantileSorted(samples, 0.99), mean };
}

export const fmt = (x: number, digits = 1) => x.toFixed(digits);
