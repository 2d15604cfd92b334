/**
 * Autocovariances of a stationary ARMA process φ(B) x_t = θ(B) ε_t with unit innovation variance,
 * by the method of Brockwell & Davis (§3.3): for k = 0…p solve
 *
 *   γ(k) − Σ_{j=1}^p φ_j γ(|k − j|) = Σ_{j=k}^q θ_j ψ_{j−k}        (θ_0 = 1, ψ the MA(∞) weights)
 *
 * as a (p+1)×(p+1) linear system, then continue γ(k) = Σ φ_j γ(k − j) + [that right side] for k > p.
 * Used to start the exact-likelihood filter at the stationary state covariance.
 * Assumes φ is stationary (otherwise the system is singular or gives a meaningless answer; callers
 * keep φ stationary through the tanh reparametrisation).
 * @see P. J. Brockwell, R. A. Davis, *Time Series: Theory and Methods*, 2nd ed., Springer, 1991, §3.3 (eq. 3.3.8–3.3.9).
 * @example Array.from(armaAutocovariance([0.5], [], 1)) // => [1.3333…, 0.6666…] (γ(0) = 1/(1 − φ²))
 */
/** Reusable buffers for armaAutocovariance (sized for given p, q, lagMax). */
export interface AutocovarianceWorkspace { gamma: Float64Array; psi: Float64Array; A: Float64Array; b: Float64Array }

export function createAutocovarianceWorkspace(p: number, q: number, lagMax: number): AutocovarianceWorkspace {
  return { gamma: new Float64Array(Math.max(lagMax, p) + 1), psi: new Float64Array(q + 1), A: new Float64Array((p + 1) ** 2), b: new Float64Array(p + 1) };
}

export function armaAutocovariance(phi: ArrayLike<number>, theta: ArrayLike<number>, lagMax: number, workspace?: AutocovarianceWorkspace): Float64Array {
  const p = phi.length;
  const q = theta.length;
  const ws = workspace ?? createAutocovarianceWorkspace(p, q, lagMax);
  const gamma = ws.gamma;
  // ψ_0…ψ_q of the ARMA (only these enter the right-hand sides).
  const psi = ws.psi;
  psi[0] = 1;
  for (let j = 1; j <= q; j++) {
    let v = theta[j - 1] as number;
    for (let i = 1; i <= Math.min(j, p); i++) v += (phi[i - 1] as number) * (psi[j - i] as number);
    psi[j] = v;
  }
  const rhs = (k: number): number => {
    let s = 0;
    for (let j = k; j <= q; j++) s += (j === 0 ? 1 : (theta[j - 1] as number)) * (psi[j - k] as number);
    return s;
  };
  if (p === 0) {
    for (let k = 0; k < gamma.length; k++) gamma[k] = k <= q ? rhs(k) : 0;
    return gamma;
  }
  const size = p + 1;
  const A = ws.A.fill(0);
  const b = ws.b;
  for (let k = 0; k <= p; k++) {
    A[k * size + k] = 1;
    for (let j = 1; j <= p; j++) {
      const col = Math.abs(k - j);
      A[k * size + col] = (A[k * size + col] as number) - (phi[j - 1] as number);
    }
    b[k] = rhs(k);
  }
  if (!solveInPlace(A, b, size)) return gamma.fill(NaN);
  for (let k = 0; k <= p; k++) gamma[k] = b[k] as number;
  for (let k = p + 1; k < gamma.length; k++) {
    let v = k <= q ? rhs(k) : 0;
    for (let j = 1; j <= p; j++) v += (phi[j - 1] as number) * (gamma[k - j] as number);
    gamma[k] = v;
  }
  return gamma;
}

/** Gaussian elimination with partial pivoting on a dense row-major n×n system; false if singular. */
export function solveInPlace(A: Float64Array, b: Float64Array, n: number): boolean {
  for (let c = 0; c < n; c++) {
    let piv = c;
    let best = Math.abs(A[c * n + c] as number);
    for (let r = c + 1; r < n; r++) {
      const v = Math.abs(A[r * n + c] as number);
      if (v > best) { best = v; piv = r; }
    }
    if (!(best > 1e-300)) return false;
    if (piv !== c) {
      for (let k = 0; k < n; k++) {
        const t = A[c * n + k] as number;
        A[c * n + k] = A[piv * n + k] as number;
        A[piv * n + k] = t;
      }
      const t = b[c] as number; b[c] = b[piv] as number; b[piv] = t;
    }
    const inv = 1 / (A[c * n + c] as number);
    for (let r = c + 1; r < n; r++) {
      const f = (A[r * n + c] as number) * inv;
      if (f === 0) continue;
      for (let k = c; k < n; k++) A[r * n + k] = (A[r * n + k] as number) - f * (A[c * n + k] as number);
      b[r] = (b[r] as number) - f * (b[c] as number);
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let v = b[r] as number;
    for (let k = r + 1; k < n; k++) v -= (A[r * n + k] as number) * (b[k] as number);
    b[r] = v / (A[r * n + r] as number);
  }
  return true;
}
