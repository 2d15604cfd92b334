/**
 * The accuracy measures of the forecast benches, exactly as shared/data/benchmarks/r_forecast_m3_measured.csv
 * and R compute them (test/bench/r-m3.R, holdout/holdout-r.R), averaged over series by the callers:
 *   sMAPE = mean_h 200·|y − f| / (|y| + |f|)            (percent; a term with y = f = 0 counts 0)
 *   MASE  = mean_h |y − f| / mean_t |x_t − x_{t−m}|     (m = frequency; R: mean(abs(diff(x, lag = m))))
 *   coverage = share of test values inside [lo, hi].
 */

export function smape(actual: readonly number[], f: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number, p = f[i] as number;
    const d = Math.abs(y) + Math.abs(p);
    s += d === 0 ? 0 : (200 * Math.abs(y - p)) / d;
  }
  return s / actual.length;
}

/** In-sample seasonal-naive MAE with lag m (R: mean(abs(diff(x, lag = m)))). */
export function maseScale(train: readonly number[], m: number): number {
  let s = 0;
  for (let t = m; t < train.length; t++) s += Math.abs((train[t] as number) - (train[t - m] as number));
  return s / (train.length - m);
}

export function mase(actual: readonly number[], f: ArrayLike<number>, scale: number): number {
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += Math.abs((actual[i] as number) - (f[i] as number));
  return s / actual.length / scale;
}

export function coverage(actual: readonly number[], lo: ArrayLike<number>, hi: ArrayLike<number>): number {
  let k = 0;
  for (let i = 0; i < actual.length; i++) if ((actual[i] as number) >= (lo[i] as number) && (actual[i] as number) <= (hi[i] as number)) k++;
  return k / actual.length;
}

