/**
 * Forecast combination: the median (or mean) of several methods' forecasts, step by step.
 *
 * $$ \hat y_h = \operatorname{med}_i \hat y_{i,h},\qquad \ell_{h}^{L} = \operatorname{med}_i \ell_{i,h}^{L},\qquad u_{h}^{L} = \operatorname{med}_i u_{i,h}^{L} $$
 * plain: point forecast = median of the members' point forecasts; each bound = median of the members'
 * bounds at that level. With two members the median is their mean.
 *
 * The bounds are an approximation, not the quantiles of any combined forecast distribution (that
 * would need the members' joint error distribution). Combining quantiles by the median or mean
 * (Vincentization) keeps them ordered, because both are monotone in every argument: when each member
 * has lo95 ≤ lo80 ≤ mean ≤ hi80 ≤ hi95, so does the combination. Empirically such bounds are
 * close to, or slightly wider than, the members' typical bounds (Lichtendahl, Grushka-Cockayne &
 * Winkler 2013).
 *
 * Members that fail to fit (a seasonal ETS on too short a series, a non-converging ARIMA) are left
 * out and named in the description; the combination fails only when every member does.
 *
 * @see S. Makridakis, M. Hibon, "The M3-Competition", IJF 16(4), 451–476, 2000 (combinations of ETS-type methods).
 * @see K. C. Lichtendahl, Y. Grushka-Cockayne, R. L. Winkler, "Is it better to average probabilities or quantiles?", Management Science 59(7), 1594–1611, 2013.
 */
import { checkRequest, checkSeries } from './checks.ts';
import type { FittedModel, Forecast, ForecastMethod, MethodName } from './types.ts';

export type Combiner = 'median' | 'mean';

/**
 * Median (or mean) of numbers.
 * @example combineValues([3, 1, 2], 'median') // => 2
 */
export function combineValues(values: readonly number[], how: Combiner): number {
  if (how === 'mean') return values.reduce((s, v) => s + v, 0) / values.length;
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Combines forecasts of the same horizon step by step; levels are those every member has.
 * @throws Error `combine: no forecasts to combine`
 */
export function combineForecasts(forecasts: readonly Forecast[], how: Combiner, method: string): Forecast {
  const first = forecasts[0];
  if (!first) throw new Error('combine: no forecasts to combine');
  const horizon = Math.min(...forecasts.map((f) => f.mean.length));
  const at = (pick: (f: Forecast) => number[] | undefined) =>
    Array.from({ length: horizon }, (_, h) => combineValues(forecasts.map((f) => (pick(f) as number[])[h] as number), how));
  const keys = Object.keys(first.lower).filter((k) => forecasts.every((f) => f.lower[k] && f.upper[k]));
  return {
    method,
    mean: at((f) => f.mean),
    lower: Object.fromEntries(keys.map((k) => [k, at((f) => f.lower[k])])),
    upper: Object.fromEntries(keys.map((k) => [k, at((f) => f.upper[k])])),
  };
}

export interface ComboMember {
  method: ForecastMethod;
  fitted: FittedModel;
}

export interface ComboFitted extends FittedModel {
  members: ComboMember[];
  /** The error message of each member that failed to fit, prefixed "<method>: " when it is not already. */
  failures: string[];
  combiner: Combiner;
}

/** Fewest observations a combination accepts; members needing more are left out. */
const COMBO_MIN_LENGTH = 3;

/** Fits every member, keeping those that succeed. */
export function fitMembers(label: string, members: readonly ForecastMethod[], series: Parameters<ForecastMethod['fit']>[0]): { fitted: ComboMember[]; failures: string[] } {
  const fitted: ComboMember[] = [];
  const failures: string[] = [];
  for (const method of members) {
    try {
      fitted.push({ method, fitted: method.fit(series) });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      failures.push(message.startsWith(`${method.name}:`) ? message : `${method.name}: ${message}`);
    }
  }
  if (fitted.length === 0) throw new Error(`${label}: every member failed to fit (${failures.join('; ')})`);
  return { fitted, failures };
}

/** The combination's fitted model from already-fitted members (median/mean of their fitted values). */
export function assembleCombo(name: string, how: Combiner, members: ComboMember[], failures: string[], n: number): ComboFitted {
  const fitted = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const v = members.map((m) => m.fitted.fitted[t] as number).filter(Number.isFinite);
    fitted[t] = v.length ? combineValues(v, how) : NaN;
  }
  const names = members.map((m) => m.fitted.description).join('; ');
  return {
    method: name, fitted, members, failures, combiner: how,
    description: `${how} of ${members.length} (${names})${failures.length ? `; left out ${failures.join('; ')}` : ''}`,
  };
}

/**
 * A method that combines `members`. The series is checked first (so bad input gets the `<name>:`
 * messages of checks.ts); member failures after that are tolerated as described above.
 * @throws Error `<name>: every member failed to fit (<failures>)`
 */
export function createCombo(members: readonly ForecastMethod[], how: Combiner = 'median', name: MethodName = 'combo'): ForecastMethod<ComboFitted> {
  return {
    name,
    fit(series) {
      checkSeries(name, series, { minLength: COMBO_MIN_LENGTH });
      const { fitted, failures } = fitMembers(name, members, series);
      return assembleCombo(name, how, fitted, failures, series.values.length);
    },
    forecast(fitted, request) {
      checkRequest(name, request);
      return combineForecasts(fitted.members.map((m) => m.method.forecast(m.fitted, request)), fitted.combiner, name);
    },
  };
}
