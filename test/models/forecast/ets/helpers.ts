/**
 * Shared test helpers for the ETS tests: seeded series simulated from a known ETS form, and the R
 * golden fixtures of test/reference/forecast (written by make-fixtures.R with forecast 8.20).
 */
import { readFileSync } from 'node:fs';
import { createRng } from '../../../../models/core/rng.ts';

/**
 * y_t = ℓ + b + ε_t, ℓ ← ℓ + b + αε, b ← b + βε (ETS(A,A,N); β undefined gives ETS(A,N,N)),
 * ε ~ N(0, σ²) from createRng(seed).
 */
export function simulateAdditive(seed: number, n: number, p: { alpha: number; beta?: number; level0: number; slope0?: number; sigma: number }): number[] {
  const rng = createRng(seed);
  const y: number[] = [];
  let level = p.level0;
  let slope = p.slope0 ?? 0;
  for (let t = 0; t < n; t++) {
    const e = p.sigma * rng.normal();
    const forecast = level + (p.beta === undefined ? 0 : slope);
    y.push(forecast + e);
    level = forecast + p.alpha * e;
    if (p.beta !== undefined) slope += p.beta * e;
  }
  return y;
}

export interface RSection {
  call: string;
  model: string;
  par: Record<string, number>;
  loglik: number;
  aicc: number;
  sigma2: number;
  fitted: number[];
  mean: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
}

export interface RFixture {
  name: string;
  frequency: number;
  values: number[];
  h: number;
  R: string;
  ets: RSection;
  ets_ann: RSection;
  ets_aan: RSection;
}

export function readFixture(name: string): RFixture {
  const url = new URL(`../../../reference/forecast/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as RFixture;
}

/** Largest |a_i / b_i − 1|. */
export function maxRelativeError(a: readonly number[], b: readonly number[]): number {
  expectSameLength(a, b);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs((a[i] as number) / (b[i] as number) - 1));
  return worst;
}

function expectSameLength(a: readonly number[], b: readonly number[]): void {
  if (a.length !== b.length) throw new Error(`length ${a.length} ≠ ${b.length}`);
}
