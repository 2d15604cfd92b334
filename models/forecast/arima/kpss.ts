/**
 * The KPSS test of level stationarity and the number of first differences it asks for, as
 * `forecast::ndiffs(x, test = "kpss")` with `urca::ur.kpss(type = "mu")`.
 *
 *   e_t = x_t − x̄,  S_t = Σ_{i≤t} e_i,
 *   KPSS = (Σ_t S_t² / n²) / s²(l),
 *   s²(l) = (1/n) Σ e_t² + (2/n) Σ_{j=1}^{l} (1 − j/(l + 1)) Σ_{t=j+1}^{n} e_t e_{t−j}     (Bartlett window)
 *
 * with lag truncation l = ⌊3√n / 13⌋ (forecast's choice). The null (stationary) is rejected at 5%
 * when KPSS > 0.463, the Kwiatkowski et al. (1992, Table 1) critical value for the level case.
 * @see D. Kwiatkowski, P. C. B. Phillips, P. Schmidt, Y. Shin, "Testing the null hypothesis of
 *   stationarity against the alternative of a unit root", J. Econometrics 54, 1992, 159–178.
 * @see R. J. Hyndman, Y. Khandakar, J. Statistical Software 27(3), 2008, §3.2.
 * @example kpssStatistic([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) // => 1.01 (> 0.463: a trend is not level-stationary)
 */

/** Kwiatkowski et al. (1992) 5% critical value, level-stationarity case (η_μ). */
export const KPSS_CRITICAL_5PCT = 0.463;

export function kpssStatistic(x: ArrayLike<number>, lags = Math.trunc((3 * Math.sqrt(x.length)) / 13)): number {
  const n = x.length;
  let mean = 0;
  for (let t = 0; t < n; t++) mean += x[t] as number;
  mean /= n;
  const e = new Float64Array(n);
  let cum = 0, sumS2 = 0, s2 = 0;
  for (let t = 0; t < n; t++) {
    const et = (x[t] as number) - mean;
    e[t] = et;
    cum += et;
    sumS2 += cum * cum;
    s2 += et * et;
  }
  let longRun = s2 / n;
  for (let j = 1; j <= lags; j++) {
    let c = 0;
    for (let t = j; t < n; t++) c += (e[t] as number) * (e[t - j] as number);
    longRun += (2 / n) * (1 - j / (lags + 1)) * c;
  }
  return sumS2 / (n * n) / longRun;
}

/**
 * Whether x is constant in R's `all.equal` sense (mean absolute deviation from x_0 within 1.5e-8 of
 * the mean absolute value), as `forecast:::is.constant`.
 */
export function isConstant(x: ArrayLike<number>): boolean {
  const n = x.length;
  if (n === 0) return true;
  const x0 = x[0] as number;
  let dev = 0, size = 0;
  for (let t = 0; t < n; t++) {
    dev += Math.abs((x[t] as number) - x0);
    size += Math.abs(x[t] as number);
  }
  dev /= n;
  size /= n;
  return size > 1.5e-8 ? dev / size <= 1.5e-8 : dev <= 1.5e-8;
}

/**
 * forecast::ndiffs: difference while the KPSS test rejects stationarity, up to maxD times, stopping
 * early when the differenced series is constant.
 * @example ndiffs(Array.from({ length: 40 }, (_, t) => t * t)) // => 2
 */
export function ndiffs(x: ArrayLike<number>, maxD = 2): number {
  let cur = Float64Array.from(x);
  let d = 0;
  if (isConstant(cur)) return d;
  let reject = kpssStatistic(cur) > KPSS_CRITICAL_5PCT;
  while (reject && d < maxD) {
    d++;
    const next = new Float64Array(cur.length - 1);
    for (let t = 0; t < next.length; t++) next[t] = (cur[t + 1] as number) - (cur[t] as number);
    cur = next;
    if (cur.length < 2 || isConstant(cur)) return d;
    reject = kpssStatistic(cur) > KPSS_CRITICAL_5PCT;
  }
  return d;
}
