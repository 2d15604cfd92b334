/**
 * Nonlinear least squares min_x Σ r_i(x)² by Levenberg–Marquardt with a forward-difference Jacobian.
 *
 * Both ARIMA objectives are sums of squares: the CSS directly, and the concentrated exact likelihood
 * because −2 log L = N log(Σ_t (v_t / √F_t)² · (Π F_t)^{1/N}) + const. Gauss–Newton steps use that
 * structure and converge in a handful of iterations, far fewer function calls than Nelder–Mead or
 * BFGS with numerical gradients (what R's `optim` does for `arima`).
 *
 * Step: (JᵀJ + λ diag(JᵀJ)) δ = −Jᵀr (Marquardt's scaling); λ shrinks ×1/3 after a successful step
 * and grows ×4 after a failed one. Infeasible points (the residual function returns false) count as
 * failed steps.
 * @see D. W. Marquardt, "An algorithm for least-squares estimation of nonlinear parameters",
 *   J. SIAM 11(2), 1963, 431–441.
 * @see J. Nocedal, S. J. Wright, *Numerical Optimization*, 2nd ed., Springer, 2006, §10.3.
 */

/** Writes the residuals at x into `out`; returns false when x is infeasible. */
export type ResidualFunction = (x: Float64Array, out: Float64Array) => boolean;

export interface LeastSquaresOptions {
  maxIterations?: number;
  /** Stop when a successful step lowers Σr² by less than this fraction. */
  relativeTolerance?: number;
  /**
   * Called after every successful step; returning true abandons the search (e.g. the caller will
   * reject where the iterates are heading). The result then has `converged: false`.
   */
  abandon?: (x: Float64Array, iteration: number, relativeGain: number) => boolean;
}

export interface LeastSquaresResult {
  x: Float64Array;
  sumSquares: number;
  iterations: number;
  converged: boolean;
  /** The `abandon` callback stopped the search. */
  abandoned: boolean;
}

const DEFAULT_MAX_ITERATIONS = 100;
const DEFAULT_RELATIVE_TOLERANCE = 1e-9;
const JACOBIAN_STEP = 1e-6;
const LAMBDA_MAX = 1e12;
/** Converged when no parameter moves by more than this (relative to 1 + |x_j|). */
const STEP_TOLERANCE = 1e-8;

const sumOfSquares = (r: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += (r[i] as number) * (r[i] as number);
  return s;
};

/** Returns `undefined` when the start point itself is infeasible. */
export function levenbergMarquardt(f: ResidualFunction, x0: ArrayLike<number>, residualCount: number, options: LeastSquaresOptions = {}): LeastSquaresResult | undefined {
  const k = x0.length;
  const m = residualCount;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const tol = options.relativeTolerance ?? DEFAULT_RELATIVE_TOLERANCE;
  const x = Float64Array.from(x0);
  const r = new Float64Array(m);
  if (!f(x, r)) return undefined;
  let S = sumOfSquares(r);
  if (!Number.isFinite(S)) return undefined;
  if (k === 0) return { x, sumSquares: S, iterations: 0, converged: true, abandoned: false };
  const J = new Float64Array(k * m);
  const A = new Float64Array(k * k);
  const g = new Float64Array(k);
  const L = new Float64Array(k * k);
  const delta = new Float64Array(k);
  const xTrial = new Float64Array(k);
  const rTrial = new Float64Array(m);
  let lambda = 1e-3;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    // Forward-difference Jacobian, one row per parameter.
    for (let j = 0; j < k; j++) {
      const xj = x[j] as number;
      const h = JACOBIAN_STEP * Math.max(1, Math.abs(xj));
      x[j] = xj + h;
      const ok = f(x, rTrial);
      x[j] = xj;
      for (let i = 0; i < m; i++) J[j * m + i] = ok ? ((rTrial[i] as number) - (r[i] as number)) / h : 0;
    }
    for (let a = 0; a < k; a++) {
      let ga = 0;
      for (let i = 0; i < m; i++) ga += (J[a * m + i] as number) * (r[i] as number);
      g[a] = ga;
      for (let b = 0; b <= a; b++) {
        let s = 0;
        for (let i = 0; i < m; i++) s += (J[a * m + i] as number) * (J[b * m + i] as number);
        A[a * k + b] = s;
        A[b * k + a] = s;
      }
    }
    let improved = false;
    while (!improved && lambda < LAMBDA_MAX) {
      if (!solveDamped(A, g, lambda, k, L, delta)) { lambda *= 4; continue; }
      for (let j = 0; j < k; j++) xTrial[j] = (x[j] as number) + (delta[j] as number);
      const ok = f(xTrial, rTrial);
      const St = ok ? sumOfSquares(rTrial) : Infinity;
      if (St < S) {
        const relativeGain = (S - St) / Math.max(S, 1e-300);
        x.set(xTrial);
        r.set(rTrial);
        S = St;
        lambda = Math.max(lambda / 3, 1e-12);
        improved = true;
        let largestStep = 0;
        for (let j = 0; j < k; j++) largestStep = Math.max(largestStep, Math.abs(delta[j] as number) / (1 + Math.abs(x[j] as number)));
        if (relativeGain < tol || largestStep < STEP_TOLERANCE) converged = true;
        else if (options.abandon?.(x, iterations, relativeGain)) return { x, sumSquares: S, iterations, converged: false, abandoned: true };
      } else {
        lambda *= 4;
      }
    }
    if (!improved) converged = true; // no descent at any damping: a (numerical) stationary point
  }
  return { x, sumSquares: S, iterations, converged, abandoned: false };
}

/** Solves (A + λ diag(A)) δ = −g by Cholesky; false if not positive definite. */
function solveDamped(A: Float64Array, g: Float64Array, lambda: number, k: number, L: Float64Array, delta: Float64Array): boolean {
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * k + j] as number;
      if (i === j) s += lambda * Math.max(s, 1e-12);
      for (let l = 0; l < j; l++) s -= (L[i * k + l] as number) * (L[j * k + l] as number);
      if (i === j) {
        if (!(s > 0)) return false;
        L[i * k + i] = Math.sqrt(s);
      } else {
        L[i * k + j] = s / (L[j * k + j] as number);
      }
    }
  }
  for (let i = 0; i < k; i++) {
    let s = -(g[i] as number);
    for (let l = 0; l < i; l++) s -= (L[i * k + l] as number) * (delta[l] as number);
    delta[i] = s / (L[i * k + i] as number);
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = delta[i] as number;
    for (let l = i + 1; l < k; l++) s -= (L[l * k + i] as number) * (delta[l] as number);
    delta[i] = s / (L[i * k + i] as number);
  }
  return true;
}
