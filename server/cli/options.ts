/** Parsers of numeric CLI options with messages that name the option. */
import { CliError } from './io.ts';

const MAX_HORIZON = 120;

export function parseHorizon(text: string): number {
  const h = Number(text);
  if (!Number.isInteger(h) || h < 1 || h > MAX_HORIZON) throw new CliError(`--horizon: must be a whole number from 1 to ${MAX_HORIZON}, got "${text}"`);
  return h;
}

export function parseLevels(text: string): number[] {
  const levels = text.split(',').map((s) => s.trim()).filter((s) => s !== '').map(Number);
  if (levels.length === 0 || levels.some((l) => !Number.isFinite(l) || l <= 0 || l >= 100)) {
    throw new CliError(`--levels: must be percentages between 0 and 100 separated by commas, e.g. 80,95; got "${text}"`);
  }
  return levels;
}

export function parsePositiveInteger(option: string, text: string, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new CliError(`${option}: must be a whole number from 1 to ${max}, got "${text}"`);
  return n;
}
