/**
 * Reads the golden R fixtures of test/reference/forecast (written by make-fixtures.R with R 4.2.2 /
 * forecast 8.20; see that script for each section's R call).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface ThetaSection {
  seasonal_adjusted: boolean;
  alpha: number;
  drift: number;
  sigma2: number;
  fitted: (number | null)[];
  mean: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
}

export interface RFixture {
  name: string;
  frequency: number;
  start: number[];
  values: number[];
  h: number;
  test?: number[];
  theta: ThetaSection;
}

const DIR = resolve(import.meta.dirname, '../../reference/forecast');

export function fixtureNames(): string[] {
  return readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
}

export function loadFixture(name: string): RFixture {
  return JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as RFixture;
}
