/**
 * The parameter region searched by maximum likelihood: R's `bounds = "both"`, the intersection of
 * the usual region and the admissible (forecastable) region of Hyndman, Akram & Archibald (2008).
 *
 * Usual:       1e−4 ≤ α ≤ 0.9999,  1e−4 ≤ β ≤ α,  1e−4 ≤ γ ≤ 1 − α,  0.8 ≤ φ ≤ 0.98.
 * Admissible:  non-seasonal forms: 1 − 1/φ < α < 1 + 1/φ and α(φ − 1) < β < (1 + φ)(2 − α)
 *              (always true inside the usual region); seasonal forms: R's easy linear tests, then
 *              every root of the characteristic polynomial
 *                P(z) = z^{m+1} + (α+β−φ)z^m + (α+β−αφ)(z^{m−1} + … + z²) + (α+β−αφ+γ−1)z + φ(1−α−γ)
 *              must lie in the unit disk (R: |z| ≤ 1 + 1e−10).
 *
 * R finds all roots with cpolyroot at every likelihood evaluation. Here the Schur–Cohn step-down
 * test answers the yes/no question without roots, in O(m): P has the shape
 * [A, B, K, …, K, C, 1] (coefficients from z⁰ up) and one step-down maps that shape to itself,
 *   A' = (B − AC)/(1 − A²),  C' = (C − AB)/(1 − A²),  K' = B' = K/(1 + A),
 * so each step costs a few flops instead of m. Trendless forms (β = 0, φ = 1) always have P(1) = 0
 * — the level and the seasonal terms can trade a constant — which R accepts only through its
 * 1e−10 tolerance, and cpolyroot's error on that root near the other roots on the circle makes its
 * verdict noisy. That root is divided out exactly instead:
 *   P(z)/(z − 1) = z^m + α(z^{m−1} + … + z) + (α + γ − 1),
 * and the quotient must have all roots strictly inside.
 *
 * @see R. J. Hyndman, M. Akram, B. C. Archibald, "The admissible parameter space for exponential
 *   smoothing models", Annals of the Institute of Statistical Mathematics 60(2), 407–426, 2008.
 * @see E. I. Jury, Theory and Application of the z-Transform Method, Wiley, 1964 (Schur–Cohn test).
 */
import { PHI_LOWER, PHI_UPPER, SMOOTHING_LOWER, SMOOTHING_UPPER } from './types.ts';

/** Which smoothing parameters a form estimates. */
export interface FreeParameters {
  beta: boolean;
  gamma: boolean;
  phi: boolean;
}

// Local copies: read in every likelihood evaluation.
const LOWER = SMOOTHING_LOWER;
const UPPER = SMOOTHING_UPPER;
const PHI_MIN = PHI_LOWER;
const PHI_MAX = PHI_UPPER;

/** The usual bounds, as R's check.param (β ≤ α and γ ≤ 1 − α included). */
export function withinUsualBounds(free: FreeParameters, alpha: number, beta: number, gamma: number, phi: number): boolean {
  if (!(alpha >= LOWER && alpha <= UPPER)) return false;
  if (free.beta && !(beta >= LOWER && beta <= alpha && beta <= UPPER)) return false;
  if (free.phi && !(phi >= PHI_MIN && phi <= PHI_MAX)) return false;
  if (free.gamma && !(gamma >= LOWER && gamma <= 1 - alpha && gamma <= UPPER)) return false;
  return true;
}

/** Admissibility of a seasonal form with period m ≥ 2 (β = 0 without trend, φ = 1 without damping). */
export function seasonalAdmissible(alpha: number, beta: number, gamma: number, phi: number, m: number): boolean {
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  if (beta === 0 && phi === 1) return structuredSchurCohn(m, alpha + gamma - 1, alpha, alpha, alpha);
  const k = alpha + beta - alpha * phi;
  return structuredSchurCohn(m + 1, phi * (1 - alpha - gamma), k + gamma - 1, k, alpha + beta - phi);
}

/**
 * Are all roots of the monic degree-d polynomial with coefficients [A, B, K, …, K, C, 1] (z⁰
 * first; for d = 3 there is no K, for d = 2 it is [A, C, 1]) strictly inside the unit circle?
 * Schur–Cohn: p is stable iff |p_0| < |p_d| and the step-down (p_d·p(z) − p_0·p*(z))/z is stable.
 */
export function structuredSchurCohn(degree: number, a: number, b: number, k: number, c: number): boolean {
  let d = degree;
  while (d >= 4) {
    if (!(Math.abs(a) < 1)) return false;
    const lead = 1 - a * a;
    const nextA = (b - a * c) / lead;
    c = (c - a * b) / lead;
    k /= 1 + a;
    b = k;
    a = nextA;
    d--;
  }
  if (d === 3) {
    if (!(Math.abs(a) < 1)) return false;
    const lead = 1 - a * a;
    const nextA = (b - a * c) / lead;
    c = (c - a * b) / lead;
    a = nextA;
    d = 2;
  }
  if (d === 2) {
    if (!(Math.abs(a) < 1)) return false;
    a = c / (1 + a);
  }
  return Math.abs(a) < 1;
}
