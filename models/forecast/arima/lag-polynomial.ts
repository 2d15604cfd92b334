/**
 * Lag-polynomial arithmetic for ARIMA models, in R's sign conventions (`stats::arima`):
 *
 *   AR:  φ(B) = 1 − φ₁B − … − φ_pB^p        stored as `phi = [φ₁, …, φ_p]`
 *   MA:  θ(B) = 1 + θ₁B + … + θ_qB^q        stored as `theta = [θ₁, …, θ_q]`
 *
 * B is the backshift operator (B x_t = x_{t−1}); m is the seasonal period.
 * @see G. E. P. Box, G. M. Jenkins, G. C. Reinsel, G. M. Ljung, *Time Series Analysis*, 5th ed., Wiley, 2015, ch. 4 and 9.
 */

/**
 * The AR coefficients of the product φ(B)Φ(B^m), i.e. the multiplicative seasonal AR polynomial
 * written as one polynomial of degree p + mP: 1 − Σ φ*_k B^k.
 * @example expandSeasonalAr([0.5], [0.3], 4) // => [0.5, 0, 0, 0.3, -0.15]
 */
export function expandSeasonalAr(phi: ArrayLike<number>, seasonalPhi: ArrayLike<number>, period: number, out?: Float64Array): Float64Array {
  const p = phi.length;
  const P = seasonalPhi.length;
  const full = out ?? new Float64Array(p + period * P);
  full.fill(0);
  for (let i = 0; i < p; i++) full[i] = phi[i] as number;
  for (let j = 0; j < P; j++) {
    const sj = seasonalPhi[j] as number;
    const base = (j + 1) * period - 1;
    full[base] = (full[base] as number) + sj;
    // (1 − φ_i B^i)(1 − Φ_j B^{jm}) contains +φ_iΦ_j B^{i+jm}, which is −φ_iΦ_j in the 1 − Σ φ* convention.
    for (let i = 0; i < p; i++) full[base + i + 1] = (full[base + i + 1] as number) - (phi[i] as number) * sj;
  }
  return full;
}

/**
 * The MA coefficients of θ(B)Θ(B^m) as one polynomial 1 + Σ θ*_k B^k of degree q + mQ.
 * @example expandSeasonalMa([0.5], [0.3], 4) // => [0.5, 0, 0, 0.3, 0.15]
 */
export function expandSeasonalMa(theta: ArrayLike<number>, seasonalTheta: ArrayLike<number>, period: number, out?: Float64Array): Float64Array {
  const q = theta.length;
  const Q = seasonalTheta.length;
  const full = out ?? new Float64Array(q + period * Q);
  full.fill(0);
  for (let i = 0; i < q; i++) full[i] = theta[i] as number;
  for (let j = 0; j < Q; j++) {
    const sj = seasonalTheta[j] as number;
    const base = (j + 1) * period - 1;
    full[base] = (full[base] as number) + sj;
    for (let i = 0; i < q; i++) full[base + i + 1] = (full[base + i + 1] as number) + (theta[i] as number) * sj;
  }
  return full;
}

/**
 * The coefficients δ of the differencing operator (1 − B)^d (1 − B^m)^D = 1 − Σ δ_k B^k, so that an
 * integrated series satisfies x_t = w_t + Σ δ_k x_{t−k} with w its differenced series.
 * @example differencingPolynomial(1, 1, 4) // => [1, 0, 0, 1, -1]
 */
export function differencingPolynomial(d: number, D: number, period: number): Float64Array {
  // Multiply out as an ordinary polynomial c(B) = Σ c_k B^k with c_0 = 1, then flip signs.
  let c = [1];
  const times = (factorLag: number) => {
    const next = new Array<number>(c.length + factorLag).fill(0);
    c.forEach((ck, k) => {
      next[k] = (next[k] as number) + ck;
      next[k + factorLag] = (next[k + factorLag] as number) - ck;
    });
    c = next;
  };
  for (let i = 0; i < d; i++) times(1);
  for (let i = 0; i < D; i++) times(period);
  return Float64Array.from(c.slice(1), (ck) => 0 - ck); // 0 − ck, not −ck: no −0 entries
}

/**
 * Applies (1 − B^lag)^times to x: each pass shortens the series by `lag`.
 * @example difference([1, 4, 9, 16], 1, 2) // => [2, 2]
 */
export function difference(x: ArrayLike<number>, lag: number, times = 1): Float64Array {
  let cur = Float64Array.from(x);
  for (let t = 0; t < times; t++) {
    const len = Math.max(0, cur.length - lag);
    const next = new Float64Array(len);
    for (let i = 0; i < len; i++) next[i] = (cur[i + lag] as number) - (cur[i] as number);
    cur = next;
  }
  return cur;
}

/**
 * The ψ-weights of the MA(∞) form x_t = Σ_j ψ_j ε_{t−j} of φ(B) x_t = θ(B) ε_t (ψ_0 = 1):
 *
 *   ψ_j = θ_j + Σ_{i=1}^{min(j,p)} φ_i ψ_{j−i}      (θ_j = 0 for j > q)
 *
 * With the differencing folded into φ (non-stationary), they give the h-step forecast error variance
 * σ² Σ_{j<h} ψ_j².
 * @example Array.from(psiWeights([1], [], 4)) // => [1, 1, 1, 1] (random walk)
 */
export function psiWeights(phi: ArrayLike<number>, theta: ArrayLike<number>, count: number): Float64Array {
  const psi = new Float64Array(count);
  if (count === 0) return psi;
  psi[0] = 1;
  for (let j = 1; j < count; j++) {
    let v = j <= theta.length ? (theta[j - 1] as number) : 0;
    const top = Math.min(j, phi.length);
    for (let i = 1; i <= top; i++) v += (phi[i - 1] as number) * (psi[j - i] as number);
    psi[j] = v;
  }
  return psi;
}

/**
 * Coefficients of the product (1 − Σ a_i B^i)(1 − Σ b_j B^j) = 1 − Σ c_k B^k, i.e.
 * c_k = a_k + b_k − Σ_i a_i b_{k−i}; used to fold the differencing operator into φ.
 * @example Array.from(multiplyAr([0.5], [1])) // => [1.5, -0.5] ((1 − 0.5B)(1 − B))
 */
export function multiplyAr(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  const c = new Float64Array(a.length + b.length);
  for (let i = 0; i < a.length; i++) c[i] = (c[i] as number) + (a[i] as number);
  for (let j = 0; j < b.length; j++) c[j] = (c[j] as number) + (b[j] as number);
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) c[i + j + 1] = (c[i + j + 1] as number) - (a[i] as number) * (b[j] as number);
  }
  return c;
}
