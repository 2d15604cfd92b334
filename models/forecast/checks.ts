/**
 * Input checks shared by every forecasting method, so that each method fails with the same precise
 * messages (house style: models throw plain errors; one place maps them to tRPC codes).
 *
 * Messages, with `<method>` the method's name:
 * - `<method>: frequency must be a positive integer, got <f>`
 * - `<method>: series too short: needs at least <k> values, got <n>`
 * - `<method>: series has a non-finite value (<v>) at index <i>`
 * - `<method>: series must be positive (<why>), got <v> at index <i>`
 * - `<method>: horizon must be an integer ≥ 1, got <h>`
 * - `<method>: interval level must be in (0, 100), got <l>`
 */
import type { ForecastRequest, TimeSeries } from './types.ts';

export interface SeriesRequirements {
  /** Fewest observations the method can fit. */
  minLength: number;
  /** Why values must be strictly positive, when they must (e.g. "logarithms are taken"). */
  positive?: string;
}

/**
 * Validates a series and returns its values as a fresh Float64Array.
 * @example checkSeries('naive', { values: [1, 2], frequency: 1 }, { minLength: 2 }) // => Float64Array [1, 2]
 */
export function checkSeries(method: string, series: TimeSeries, req: SeriesRequirements): Float64Array {
  const f = series.frequency;
  if (!Number.isInteger(f) || f < 1) throw new Error(`${method}: frequency must be a positive integer, got ${f}`);
  const n = series.values.length;
  if (n < req.minLength) throw new Error(`${method}: series too short: needs at least ${req.minLength} values, got ${n}`);
  const y = Float64Array.from(series.values);
  for (let i = 0; i < n; i++) {
    const v = y[i] as number;
    if (!Number.isFinite(v)) throw new Error(`${method}: series has a non-finite value (${v}) at index ${i}`);
    if (req.positive !== undefined && !(v > 0)) throw new Error(`${method}: series must be positive (${req.positive}), got ${v} at index ${i}`);
  }
  return y;
}

/** Validates a forecast request (horizon and interval levels). */
export function checkRequest(method: string, request: ForecastRequest): void {
  const h = request.horizon;
  if (!Number.isInteger(h) || h < 1) throw new Error(`${method}: horizon must be an integer ≥ 1, got ${h}`);
  for (const level of request.levels) {
    if (!(level > 0 && level < 100)) throw new Error(`${method}: interval level must be in (0, 100), got ${level}`);
  }
}

/**
 * Checks a monthly series that carries its calendar position (calendar adjustments need it).
 * @throws Error `<label>: needs monthly data (frequency 12), got <m>` or
 *   `<label>: needs series.start (the month index year × 12 + month − 1 of the first value)`.
 */
export function checkMonthlyWithStart(label: string, series: TimeSeries): { y: Float64Array; start: number } {
  if (series.frequency !== 12) throw new Error(`${label}: needs monthly data (frequency 12), got ${series.frequency}`);
  const start = series.start;
  if (start === undefined || !Number.isInteger(start)) {
    throw new Error(`${label}: needs series.start (the month index year × 12 + month − 1 of the first value)`);
  }
  return { y: checkSeries(label, series, { minLength: 1 }), start };
}
