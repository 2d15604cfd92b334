/**
 * Ordinary least squares for small designs (a handful of columns), by the normal equations solved
 * with a Cholesky factorisation. Enough for trend + seasonal-dummy regressions on yearly or monthly
 * series (p ≤ 13 columns, well-conditioned because dummies are 0/1 and time is centred by the caller).
 */

export interface OlsFit {
  coef: number[];
  /** (XᵀX)⁻¹, for prediction variances. */
  xtxInverse: number[][];
  /** Residual sum of squares. */
  rss: number;
  /** Residual degrees of freedom n − p. */
  df: number;
}

/**
 * Least squares of y on the rows of X.
 * @throws Error `least squares: design matrix is rank deficient`
 * @example olsFit([[1, 0], [1, 1], [1, 2]], [1, 3, 5]).coef // => [1, 2]
 */
export function olsFit(X: readonly (readonly number[])[], y: ArrayLike<number>): OlsFit {
  const n = X.length;
  const p = (X[0] as readonly number[]).length;
  const a = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    const row = X[i] as readonly number[];
    for (let j = 0; j < p; j++) {
      xty[j] = (xty[j] as number) + (row[j] as number) * (y[i] as number);
      for (let k = 0; k <= j; k++) (a[j] as number[])[k] = ((a[j] as number[])[k] as number) + (row[j] as number) * (row[k] as number);
    }
  }
  // Cholesky A = L Lᵀ (lower triangle of a holds A).
  const L = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  for (let j = 0; j < p; j++) {
    for (let k = 0; k <= j; k++) {
      let s = (a[j] as number[])[k] as number;
      for (let q = 0; q < k; q++) s -= ((L[j] as number[])[q] as number) * ((L[k] as number[])[q] as number);
      if (j === k) {
        if (!(s > 1e-12 * Math.max(1, (a[j] as number[])[j] as number))) throw new Error('least squares: design matrix is rank deficient');
        (L[j] as number[])[j] = Math.sqrt(s);
      } else {
        (L[j] as number[])[k] = s / ((L[k] as number[])[k] as number);
      }
    }
  }
  const solve = (rhs: readonly number[]): number[] => {
    const z = rhs.slice();
    for (let j = 0; j < p; j++) {
      for (let q = 0; q < j; q++) z[j] = (z[j] as number) - ((L[j] as number[])[q] as number) * (z[q] as number);
      z[j] = (z[j] as number) / ((L[j] as number[])[j] as number);
    }
    for (let j = p - 1; j >= 0; j--) {
      for (let q = j + 1; q < p; q++) z[j] = (z[j] as number) - ((L[q] as number[])[j] as number) * (z[q] as number);
      z[j] = (z[j] as number) / ((L[j] as number[])[j] as number);
    }
    return z;
  };
  const coef = solve(xty);
  const xtxInverse = Array.from({ length: p }, (_, j) => solve(Array.from({ length: p }, (_, k) => (k === j ? 1 : 0))));
  let rss = 0;
  for (let i = 0; i < n; i++) {
    const row = X[i] as readonly number[];
    let fit = 0;
    for (let j = 0; j < p; j++) fit += (row[j] as number) * (coef[j] as number);
    rss += ((y[i] as number) - fit) ** 2;
  }
  return { coef, xtxInverse, rss, df: n - p };
}

/** x₀ᵀ (XᵀX)⁻¹ x₀, the leverage of a new design row. */
export function leverage(fit: OlsFit, x: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < x.length; j++) {
    for (let k = 0; k < x.length; k++) s += (x[j] as number) * ((fit.xtxInverse[j] as number[])[k] as number) * (x[k] as number);
  }
  return s;
}
