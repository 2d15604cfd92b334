/**
 * Forecast pooling by rolling-origin validation: `auto`'s rule for non-seasonal (annual) series.
 *
 * Each member is judged by how well it forecast the series' own last K values from K earlier origins,
 * refitted from scratch at every origin (its own ETS form, ARIMA orders, … selection included); the k
 * best members are pooled and their forecasts combined by the median, step by step (combine.ts).
 *
 * $$ S_i = \frac{1}{K(K+1)/2} \sum_{j=1}^{K} \sum_{s=1}^{j} \big| y_{n-j+s} - \hat y^{(i)}_{n-j+s \mid n-j} \big|, $$
 * $$ \mathcal P = \{k \text{ members with the smallest } S_i\},\qquad \hat y_{n+h} = \operatorname{med}_{i\in\mathcal P}\hat y^{(i)}_{n+h|n} $$
 * plain: score of member i = mean absolute error over every forecast that ends inside the last K values
 * (origin n − j forecasts the j values after it, j = 1…K: K(K+1)/2 errors); the pool is the k members
 * with the lowest scores; the forecast is the median of the pooled members' forecasts (bounds likewise).
 * - y: the series (its unit); n its length;
 * - K = min(K_max, max(K_min, ⌊n/4⌋), ⌊n/3⌋): the last quarter of the series, at least K_min origins
 *   (fewer only when that would leave less than 2/3 of the data to fit) and at most K_max (the cost: each
 *   origin refits every member). More origins make the scores less noisy (Tashman 2000), so long series
 *   get more of them;
 * - ŷ⁽ⁱ⁾_{t|o}: member i fitted to y_1…y_o, forecasting period t.
 * Within one series the MAE ranks members exactly as the MASE would (one scale), so the score is the
 * scale-free error of Hyndman & Koehler (2006) for choosing; sMAPE is not used to choose because it
 * rewards over-forecasts and is unstable near zero.
 *
 * Why pool instead of picking the best member, or always combining all of them: with K of a few
 * origins the validation error of one member is noisy, so picking the single best is risky (on M3
 * yearly data it loses to a fixed combination: auto.ts has the figures), while averaging every member
 * lets a clearly wrong trend extrapolation (say, a linear trend in a series that has levelled off)
 * pull the forecast. Pooling the top k drops the members the series' own recent history rules out and
 * averages away the noise among the rest (Kourentzes, Barrow & Petropoulos 2019; on trimmed and
 * selected combinations, Wang et al. 2023). The median of the pool is robust to one member going astray.
 *
 * A member that fails on the whole series is left out (and named); one that fails at any origin is not
 * ranked (it cannot be compared on the same errors) but still joins the pool when fewer than k members
 * could be ranked; when none could, the pool is every member that fitted.
 *
 * @throws Error `<label>: every member failed to fit (<failures>)`
 * @see N. Kourentzes, D. Barrow, F. Petropoulos, "Another look at forecast selection and combination:
 *   evidence from forecast pooling", International Journal of Production Economics 209, 226–235, 2019.
 * @see X. Wang, R. J. Hyndman, F. Li, Y. Kang, "Forecast combinations: an over 50-year review", IJF 39(4), 1518–1547, 2023.
 * @see L. J. Tashman, "Out-of-sample tests of forecasting accuracy: an analysis and review", IJF 16(4), 437–450, 2000.
 * @see R. J. Hyndman, A. B. Koehler, "Another look at measures of forecast accuracy", IJF 22(4), 679–688, 2006.
 * @example
 * const members = [{ label: 'naive', method: naiveMethod }, { label: 'drift', method: driftMethod }];
 * const line = Array.from({ length: 12 }, (_, t) => 2 * t);
 * fitPool('auto', { values: line, frequency: 1 }, Float64Array.from(line), { members, poolSize: 1, minOrigins: 4, maxOrigins: 8 }).pool // => ['drift']
 */
import { assembleCombo, type ComboFitted, type ComboMember } from './combine.ts';
import type { ForecastMethod, TimeSeries } from './types.ts';

/** A pool candidate: a method with fixed options, under a label of its own (e.g. 'ets-damped'). */
export interface PoolMember {
  label: string;
  method: ForecastMethod;
  options?: unknown;
}

export interface PoolConfig {
  /** Candidates, in tie-break order. */
  members: readonly PoolMember[];
  /** How many of the best-validated members are combined (k). */
  poolSize: number;
  /** Fewest validation origins K_min (fewer only when n < 3·K_min). */
  minOrigins: number;
  /** Most validation origins K_max. */
  maxOrigins: number;
}

export interface PoolFit {
  /** Validation MAE S_i by member label (absent: failed at an origin). */
  holdoutMae: Record<string, number>;
  /** Origins used (K). */
  holdout: number;
  /** Labels of the pooled members, best first. */
  pool: string[];
  inner: ComboFitted;
}

/** K grows with the series: ⌊n/4⌋ origins validate on its last quarter (within K_min…K_max). */
const VALIDATION_SHARE = 4;

/** Absolute errors of `member` over the last K values, refitted at each origin; undefined when a fit fails. */
function validationMae(member: PoolMember, series: TimeSeries, y: Float64Array, origins: number): number | undefined {
  const n = y.length;
  let sum = 0;
  let count = 0;
  for (let j = 1; j <= origins; j++) {
    try {
      const fitted = member.method.fit({ ...series, values: y.subarray(0, n - j) }, member.options);
      const fc = member.method.forecast(fitted, { horizon: j, levels: [] });
      for (let s = 0; s < j; s++) {
        const e = Math.abs((y[n - j + s] as number) - (fc.mean[s] as number));
        if (!Number.isFinite(e)) return undefined;
        sum += e;
        count++;
      }
    } catch {
      return undefined; // a member that cannot fit a shortened series is not ranked
    }
  }
  return sum / count;
}

/** Fits every member to the series, ranks them on the last K values and pools the best k; y = the series' checked values. */
export function fitPool(label: string, series: TimeSeries, y: Float64Array, config: PoolConfig): PoolFit {
  const n = y.length;
  const origins = Math.max(1, Math.min(config.maxOrigins, Math.max(config.minOrigins, Math.floor(n / VALIDATION_SHARE)), Math.floor(n / 3)));
  const fitted: Array<{ label: string; member: ComboMember }> = [];
  const failures: string[] = [];
  for (const m of config.members) {
    try {
      fitted.push({ label: m.label, member: { method: m.method, fitted: m.method.fit({ ...series, values: y }, m.options) } });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      failures.push(message.startsWith(`${m.method.name}:`) ? `${m.label} (${message})` : `${m.label}: ${message}`);
    }
  }
  if (fitted.length === 0) throw new Error(`${label}: every member failed to fit (${failures.join('; ')})`);
  const holdoutMae: Record<string, number> = {};
  for (const f of fitted) {
    const member = config.members.find((m) => m.label === f.label) as PoolMember;
    const s = validationMae(member, series, y, origins);
    if (s !== undefined) holdoutMae[f.label] = s;
  }
  // Ranked members first (stable sort: ties keep the configured order), unranked ones after them.
  const rank = (l: string) => holdoutMae[l] ?? Infinity;
  const ordered = fitted.slice().sort((a, b) => rank(a.label) - rank(b.label));
  const ranked = ordered.filter((f) => holdoutMae[f.label] !== undefined);
  const chosen = (ranked.length >= config.poolSize ? ranked : ordered).slice(0, ranked.length > 0 ? config.poolSize : fitted.length);
  const inner = assembleCombo('auto', 'median', chosen.map((c) => c.member), failures, n);
  return { holdoutMae, holdout: origins, pool: chosen.map((c) => c.label), inner };
}
