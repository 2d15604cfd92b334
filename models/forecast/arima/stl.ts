/**
 * STL: seasonal-trend decomposition by loess, non-robust version (Cleveland et al. 1990), a line-
 * for-line port of the Fortran behind R's `stats::stl` (netlib `stl`: stlstp, stlss, stlfts, stless,
 * stlest) with R's default windows, so seasonal-strength decisions match R's.
 *
 *   x_t = S_t + T_t + R_t
 *
 * Each inner pass: detrend; smooth every cycle-subseries with loess (window n_s, degree 0) and
 * extend it one period each way; low-pass filter that (moving averages of length m, m, 3, then loess
 * with window n_l) and subtract to get S; loess-smooth x − S (window n_t, degree 1) to get T.
 * Loess fits are computed every `jump` points and linearly interpolated between them, as R does.
 * Assumes n > 2m (R refuses shorter series).
 * @see R. B. Cleveland, W. S. Cleveland, J. E. McRae, I. Terpenning, "STL: A seasonal-trend
 *   decomposition procedure based on loess", J. Official Statistics 6(1), 1990, 3–73.
 */

export interface StlResult { seasonal: Float64Array; trend: Float64Array; remainder: Float64Array }

export interface StlOptions {
  /** Seasonal loess window n_s (odd, ≥ 3); forecast's mstl uses 11 for the first period. */
  seasonalWindow: number;
  /** Inner iterations (R: 2 when not robust). */
  inner?: number;
}

const nextOdd = (x: number): number => {
  const r = Math.round(x);
  return r % 2 === 0 ? r + 1 : r;
};

/** Local (degree 0 or 1) tricube-weighted fit at 1-based abscissa xs from y[nleft..nright]; NaN if no weight. */
function loessPoint(y: Float64Array, n: number, len: number, degree: number, xs: number, nleft: number, nright: number, w: Float64Array): number {
  const range = n - 1;
  let h = Math.max(xs - nleft, nright - xs);
  if (len > n) h += Math.trunc((len - n) / 2);
  const h9 = 0.999 * h, h1 = 0.001 * h;
  let a = 0;
  for (let j = nleft; j <= nright; j++) {
    w[j - 1] = 0;
    const r = Math.abs(j - xs);
    if (r <= h9) {
      w[j - 1] = r <= h1 ? 1 : (1 - (r / h) ** 3) ** 3;
      a += w[j - 1] as number;
    }
  }
  if (a <= 0) return NaN;
  for (let j = nleft; j <= nright; j++) w[j - 1] = (w[j - 1] as number) / a;
  if (h > 0 && degree > 0) {
    a = 0;
    for (let j = nleft; j <= nright; j++) a += (w[j - 1] as number) * j;
    let b = xs - a;
    let c = 0;
    for (let j = nleft; j <= nright; j++) c += (w[j - 1] as number) * (j - a) ** 2;
    if (Math.sqrt(c) > 0.001 * range) {
      b /= c;
      for (let j = nleft; j <= nright; j++) w[j - 1] = (w[j - 1] as number) * (b * (j - a) + 1);
    }
  }
  let ys = 0;
  for (let j = nleft; j <= nright; j++) ys += (w[j - 1] as number) * (y[j - 1] as number);
  return ys;
}

/** Loess smooth of y[0..n) into ys, evaluated every `jump` points and interpolated (stless). */
function loessSmooth(y: Float64Array, n: number, len: number, degree: number, jump: number, ys: Float64Array, w: Float64Array): void {
  if (n < 2) { ys[0] = y[0] as number; return; }
  const at = (i: number, nl: number, nr: number) => {
    const v = loessPoint(y, n, len, degree, i, nl, nr, w);
    ys[i - 1] = Number.isNaN(v) ? (y[i - 1] as number) : v;
  };
  const newnj = Math.min(jump, n - 1);
  let nleft = 1, nright = n;
  if (len >= n) {
    for (let i = 1; i <= n; i += newnj) at(i, nleft, nright);
  } else if (newnj === 1) {
    const nsh = Math.trunc((len + 1) / 2);
    nright = len;
    for (let i = 1; i <= n; i++) {
      if (i > nsh && nright !== n) { nleft++; nright++; }
      at(i, nleft, nright);
    }
  } else {
    const nsh = Math.trunc((len + 1) / 2);
    for (let i = 1; i <= n; i += newnj) {
      if (i < nsh) { nleft = 1; nright = len; }
      else if (i >= n - nsh + 1) { nleft = n - len + 1; nright = n; }
      else { nleft = i - nsh + 1; nright = len + i - nsh; }
      at(i, nleft, nright);
    }
  }
  if (newnj === 1) return;
  for (let i = 1; i <= n - newnj; i += newnj) {
    const delta = ((ys[i + newnj - 1] as number) - (ys[i - 1] as number)) / newnj;
    for (let j = i + 1; j <= i + newnj - 1; j++) ys[j - 1] = (ys[i - 1] as number) + delta * (j - i);
  }
  const k = Math.trunc((n - 1) / newnj) * newnj + 1;
  if (k !== n) {
    at(n, nleft, nright);
    if (k !== n - 1) {
      const delta = ((ys[n - 1] as number) - (ys[k - 1] as number)) / (n - k);
      for (let j = k + 1; j <= n - 1; j++) ys[j - 1] = (ys[k - 1] as number) + delta * (j - k);
    }
  }
}

/** Moving average of length len over x[0..n) into ave[0..n − len] (stlma). */
function movingAverage(x: Float64Array, n: number, len: number, ave: Float64Array): void {
  let v = 0;
  for (let i = 0; i < len; i++) v += x[i] as number;
  ave[0] = v / len;
  for (let j = 1; j < n - len + 1; j++) {
    v += (x[j + len - 1] as number) - (x[j - 1] as number);
    ave[j] = v / len;
  }
}

/** Cycle-subseries smoothing with one-period extrapolation at each end (stlss); season has n + 2m slots. */
function smoothCycleSubseries(y: Float64Array, n: number, np: number, ns: number, degree: number, jump: number, season: Float64Array, work1: Float64Array, work2: Float64Array, w: Float64Array): void {
  for (let j = 1; j <= np; j++) {
    const k = Math.trunc((n - j) / np) + 1;
    for (let i = 1; i <= k; i++) work1[i - 1] = y[(i - 1) * np + j - 1] as number;
    loessSmooth(work1, k, ns, degree, jump, work2.subarray(1), w);
    const left = loessPoint(work1, k, ns, degree, 0, 1, Math.min(ns, k), w);
    work2[0] = Number.isNaN(left) ? (work2[1] as number) : left;
    const right = loessPoint(work1, k, ns, degree, k + 1, Math.max(1, k - ns + 1), k, w);
    work2[k + 1] = Number.isNaN(right) ? (work2[k] as number) : right;
    for (let m = 1; m <= k + 2; m++) season[(m - 1) * np + j - 1] = work2[m - 1] as number;
  }
}

/**
 * Non-robust STL of x with period m and R's default windows for the given seasonal window:
 * t.window = nextodd(⌈1.5m / (1 − 1.5/n_s)⌉), l.window = nextodd(m), jumps ⌈window / 10⌉,
 * degrees 0 (seasonal), 1 (trend and low-pass).
 * @example
 * const x = [5.2, 3.1, -1.4, -6.0, 6.1, 2.8, -1.1, -5.2, 7.3, 3.9, -0.2, -4.8, 8.0, 4.6, 0.4, -4.1];
 * stl(x.concat(x.map((v) => v + 3)), 4, { seasonalWindow: 11 }).seasonal.length // => 32 (S_t, T_t, R_t per value)
 */
export function stl(x: ArrayLike<number>, period: number, options: StlOptions): StlResult {
  const n = x.length;
  const np = Math.max(2, period);
  const y = Float64Array.from(x);
  const ns = Math.max(3, nextOdd(options.seasonalWindow));
  const nt = Math.max(3, nextOdd(Math.ceil((1.5 * np) / (1 - 1.5 / ns))));
  const nl = Math.max(3, nextOdd(np));
  const [sJump, tJump, lJump] = [ns, nt, nl].map((v) => Math.ceil(v / 10)) as [number, number, number];
  const inner = options.inner ?? 2;
  const size = n + 2 * np;
  const work = Array.from({ length: 5 }, () => new Float64Array(size));
  const [w1, w2, w3, w4, w5] = work as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const season = new Float64Array(size);
  const trend = new Float64Array(n);
  for (let iter = 0; iter < inner; iter++) {
    for (let i = 0; i < n; i++) w1[i] = (y[i] as number) - (trend[i] as number);
    smoothCycleSubseries(w1, n, np, ns, 0, sJump, w2, w3, w4, season);
    movingAverage(w2, size, np, w3);
    movingAverage(w3, size - np + 1, np, w1);
    movingAverage(w1, size - 2 * np + 2, 3, w3);
    loessSmooth(w3, n, nl, 1, lJump, w1, w5);
    for (let i = 0; i < n; i++) season[i] = (w2[np + i] as number) - (w1[i] as number);
    for (let i = 0; i < n; i++) w1[i] = (y[i] as number) - (season[i] as number);
    loessSmooth(w1, n, nt, 1, tJump, trend, w3);
  }
  const seasonal = season.slice(0, n);
  const remainder = y.map((v, i) => v - (seasonal[i] as number) - (trend[i] as number));
  return { seasonal, trend, remainder };
}
