/**
 * Stationarity and invertibility of lag polynomials, and the reparametrisation that keeps an
 * optimiser inside the admissible region.
 *
 * A polynomial 1 − Σ_{j=1}^p a_j z^j has all roots outside the unit circle exactly when its partial
 * autocorrelations π_1…π_p (the reflection coefficients of the Durbin–Levinson recursion) all satisfy
 * |π_k| < 1. Mapping unconstrained u_k to π_k = tanh(u_k) and running Durbin–Levinson forward
 * therefore gives every stationary AR (and, with the sign flipped, every invertible MA) polynomial:
 * this is R's `partrans` (Jones 1980), which `stats::arima` uses for the AR part.
 *
 *   forward:  a^{(k)}_k = π_k,  a^{(k)}_j = a^{(k−1)}_j − π_k a^{(k−1)}_{k−j}   (j < k)
 *   backward: π_k = a^{(k)}_k,  a^{(k−1)}_j = (a^{(k)}_j + π_k a^{(k)}_{k−j}) / (1 − π_k²)
 *
 * @see R. H. Jones, "Maximum likelihood fitting of ARMA models to time series with missing
 *   observations", Technometrics 22(3), 1980, 389–395.
 * @see O. E. Barndorff-Nielsen, G. Schou, "On the parametrization of autoregressive models by partial
 *   autocorrelations", J. Multivariate Analysis 3, 1973, 408–419.
 */

/**
 * AR coefficients (1 − Σ a_j z^j convention) from unconstrained values u: π = tanh(u), then
 * Durbin–Levinson. Always stationary.
 * @example Array.from(arFromUnconstrained([Math.atanh(0.5)])) // => [0.5]
 */
export function arFromUnconstrained(u: ArrayLike<number>, out?: Float64Array, work?: Float64Array): Float64Array {
  const p = u.length;
  const a = out ?? new Float64Array(p);
  const tmp = work ?? new Float64Array(p);
  for (let k = 0; k < p; k++) {
    const pk = Math.tanh(u[k] as number);
    for (let j = 0; j < k; j++) tmp[j] = (a[j] as number) - pk * (a[k - 1 - j] as number);
    for (let j = 0; j < k; j++) a[j] = tmp[j] as number;
    a[k] = pk;
  }
  return a;
}

/**
 * The partial autocorrelations of 1 − Σ a_j z^j by the step-down (backward Levinson) recursion,
 * or `undefined` when some |π_k| ≥ 1 (a root on or inside the unit circle).
 */
export function partialAutocorrelations(a: ArrayLike<number>): Float64Array | undefined {
  const p = a.length;
  const cur = Float64Array.from(a);
  const pacf = new Float64Array(p);
  for (let k = p - 1; k >= 0; k--) {
    const pk = cur[k] as number;
    if (!(Math.abs(pk) < 1)) return undefined;
    pacf[k] = pk;
    const denom = 1 - pk * pk;
    const prev = new Float64Array(k);
    for (let j = 0; j < k; j++) prev[j] = ((cur[j] as number) + pk * (cur[k - 1 - j] as number)) / denom;
    cur.set(prev);
  }
  return pacf;
}

/**
 * Unconstrained values u with arFromUnconstrained(u) = a (the inverse map: u = atanh π), or
 * `undefined` if a is not stationary.
 */
export function unconstrainedFromAr(a: ArrayLike<number>): Float64Array | undefined {
  const pacf = partialAutocorrelations(a);
  return pacf?.map((pk) => Math.atanh(pk));
}

/**
 * Whether every root z of 1 − Σ_{j} a_j z^{j·stride} has |z| ≥ radius (strictly greater, up to the
 * step-down test): substitute z = radius·y, which scales a_j by radius^{j·stride}, and test the
 * scaled polynomial in y^{stride} for stationarity. With stride = m this checks a seasonal factor
 * Φ(B^m) in terms of its roots in B, as `forecast::auto.arima` does on the expanded polynomial.
 * @example allRootsOutside([0.995], 1.01) // => false (root 1.005 is within 1.01)
 */
export function allRootsOutside(a: ArrayLike<number>, radius: number, stride = 1): boolean {
  let last = a.length;
  // Trailing coefficients of ~0 lower the degree (roots at infinity), as in forecast's myarima.
  while (last > 0 && Math.abs(a[last - 1] as number) < 1e-8) last--;
  if (last === 0) return true;
  const step = radius ** stride;
  const scaled = new Float64Array(last);
  let factor = 1;
  for (let j = 0; j < last; j++) {
    factor /= step;
    scaled[j] = (a[j] as number) / factor;
  }
  return partialAutocorrelations(scaled) !== undefined;
}

/**
 * Reflects the roots of θ(z) = 1 + Σ θ_j z^j that lie inside the unit circle (z → 1/z̄), giving the
 * invertible MA polynomial with the same autocorrelations, as R's `maInvert` does for the CSS start
 * of `arima(method = "CSS-ML")`. Roots by Durand–Kerner (degrees here are ≤ 5).
 * @see E. Durand (1960); I. O. Kerner, "Ein Gesamtschrittverfahren zur Berechnung der Nullstellen von
 *   Polynomen", Numerische Mathematik 8, 1966, 290–294.
 * @example invertMa([2]) // => [0.5]
 */
export function invertMa(theta: readonly number[]): number[] {
  let q = theta.length;
  while (q > 0 && theta[q - 1] === 0) q--;
  if (q === 0) return theta.slice();
  const roots = polynomialRoots([1, ...theta.slice(0, q)]);
  if (roots.every(([re, im]) => Math.hypot(re, im) >= 1)) return theta.slice();
  if (q === 1) return [1 / (theta[0] as number), ...theta.slice(1)];
  // Rebuild Π (1 − z / r_k) with the inside roots replaced by 1 / r_k (complex arithmetic).
  let coef: [number, number][] = [[1, 0]];
  for (const [re, im] of roots) {
    const mod2 = re * re + im * im;
    // Factor (1 − z / r) = (1 − s z) with s = 1 / r; an inside root r is replaced by 1 / r, i.e. s = r.
    const [ir, ii] = mod2 < 1 ? [re, im] : [re / mod2, -im / mod2];
    const next: [number, number][] = coef.map(([a, b]) => [a, b]);
    next.push([0, 0]);
    coef.forEach(([a, b], k) => {
      const target = next[k + 1] as [number, number];
      target[0] -= a * ir - b * ii;
      target[1] -= a * ii + b * ir;
    });
    coef = next;
  }
  return [...coef.slice(1).map(([a]) => a), ...theta.slice(q).map(() => 0)];
}

/** Complex roots [re, im] of Σ c_k z^k (c_0 first, c_last ≠ 0) by Durand–Kerner iteration. */
function polynomialRoots(c: readonly number[]): [number, number][] {
  const deg = c.length - 1;
  const lead = c[deg] as number;
  const a = c.map((v) => v / lead); // monic
  const z: [number, number][] = Array.from({ length: deg }, (_, k) => {
    // Distinct starting points (0.4 + 0.9i)^k, the usual choice.
    let [re, im] = [1, 0];
    for (let j = 0; j < k; j++) [re, im] = [re * 0.4 - im * 0.9, re * 0.9 + im * 0.4];
    return [re, im];
  });
  for (let iter = 0; iter < 500; iter++) {
    let change = 0;
    for (let i = 0; i < deg; i++) {
      const [xr, xi] = z[i] as [number, number];
      // p(z_i) by Horner, divided by Π_{j≠i} (z_i − z_j).
      let [pr, pi] = [1, 0];
      for (let k = deg - 1; k >= 0; k--) [pr, pi] = [pr * xr - pi * xi + (a[k] as number), pr * xi + pi * xr];
      let [dr, di] = [1, 0];
      for (let j = 0; j < deg; j++) {
        if (j === i) continue;
        const [yr, yi] = [xr - (z[j] as [number, number])[0], xi - (z[j] as [number, number])[1]];
        [dr, di] = [dr * yr - di * yi, dr * yi + di * yr];
      }
      const den = dr * dr + di * di;
      const [qr, qi] = [(pr * dr + pi * di) / den, (pi * dr - pr * di) / den];
      z[i] = [xr - qr, xi - qi];
      change = Math.max(change, Math.hypot(qr, qi));
    }
    if (change < 1e-14) break;
  }
  return z;
}
