/**
 * Automatic ARIMA order selection, following `forecast::auto.arima` (stepwise, exact likelihood):
 *
 *   1. D = 1 when the STL seasonal strength of x exceeds 0.64 (m > 1, n > 2m), else 0;
 *   2. d = number of first differences of (1 − B^m)^D x that KPSS asks for (≤ 2);
 *   3. if the differenced series is constant, a deterministic model (no search);
 *   4. bounds p, q ≤ min(5, ⌊n/3⌋), P, Q ≤ min(2, ⌊n/3m⌋), and p, q ≤ m − 1 when seasonal terms are
 *      allowed; a constant (mean or drift) is allowed only when d + D ≤ 1;
 *   5. stepwise AICc search (stepwise.ts), rejecting fits with an AR or MA root inside |z| < 1.01;
 *   6. if every candidate fails, fall back to ARIMA(0,d,0)(0,D,0) (with the constant if allowed).
 *
 * Unlike forecast, the exact likelihood is used for every series length (no CSS "approximation"
 * for n > 150: the O(N·r) filter makes it affordable) and AICc is +∞ rather than negative when
 * N − k − 1 ≤ 0, so very short series fall back to small models. forecast's `checkarima` (reject
 * fits whose Hessian gives NaN standard errors) is not reproduced. Where choices differ from R (about
 * 2–3% of M3 series) it is mostly R's likelihood, not ours: R drops every observation whose
 * innovation variance is ≥ 1e4·σ² (meant for its diffuse prior, but it also hits near-unit-root
 * stationary ARs) and approximates the diffuse prior with κ = 1e6; and its BFGS stops at different
 * points on flat MA likelihoods.
 * @see R. J. Hyndman, Y. Khandakar, J. Statistical Software 27(3), 2008.
 */
import { estimateArima, type ArimaEstimate, type ArimaSpec } from './estimate.ts';
import { isConstant, ndiffs } from './kpss.ts';
import { difference } from './lag-polynomial.ts';
import { nsdiffs } from './seasonal-strength.ts';
import { stepwiseSearch, type SearchBounds } from './stepwise.ts';
import type { ArimaOptions } from './types.ts';

export interface Selection {
  estimate: ArimaEstimate;
  modelsFitted: number;
}

/** forecast::auto.arima defaults. */
export const DEFAULT_LIMITS = { maxP: 5, maxQ: 5, maxSeasonalP: 2, maxSeasonalQ: 2, maxD: 2, maxSeasonalD: 1, startP: 2, startQ: 2, startSeasonalP: 1, startSeasonalQ: 1 } as const;
/** Below this length forecast starts the search from (1,d,1)(0,D,0). */
const SHORT_SERIES = 10;

const mean = (x: Float64Array): number => x.reduce((s, v) => s + v, 0) / x.length;

/** Selects and fits the model for x with seasonal period m (1 = non-seasonal). */
export function selectArima(x: Float64Array, period: number, options: ArimaOptions): Selection {
  const n = x.length;
  const m = period;
  const free = options.order === undefined && options.seasonalOrder === undefined;
  if (free && options.includeConstant !== false && isConstant(x)) {
    const est = fitOrThrow(x, { p: 0, d: 0, q: 0, P: 0, D: 0, Q: 0, period: m, constant: true }, x[0] as number);
    return { estimate: est, modelsFitted: 1 };
  }
  const D = options.seasonalOrder?.[1] ?? (m === 1 || n <= 2 * m ? 0 : nsdiffs(x, m, DEFAULT_LIMITS.maxSeasonalD));
  const seasonallyDifferenced = difference(x, m, D);
  const d = options.order?.[1] ?? ndiffs(seasonallyDifferenced, DEFAULT_LIMITS.maxD);
  const w = difference(seasonallyDifferenced, 1, d);
  const constantAllowed = d + D <= 1;
  if (options.includeConstant && !constantAllowed) throw new Error(`arima: a constant needs d + D ≤ 1, got d + D = ${d + D}`);

  if (free && isConstant(w)) {
    // forecast's deterministic cases: drift/mean fixed at the differences' mean when allowed.
    const useConstant = constantAllowed && options.includeConstant !== false;
    const spec: ArimaSpec = { p: 0, d, q: 0, P: 0, D, Q: 0, period: m, constant: useConstant };
    return { estimate: fitOrThrow(w, spec, useConstant ? mean(w) : undefined), modelsFitted: 1 };
  }

  let maxp = Math.min(DEFAULT_LIMITS.maxP, Math.floor(n / 3));
  let maxq = Math.min(DEFAULT_LIMITS.maxQ, Math.floor(n / 3));
  const maxP = m === 1 ? 0 : Math.min(DEFAULT_LIMITS.maxSeasonalP, Math.floor(n / 3 / m));
  const maxQ = m === 1 ? 0 : Math.min(DEFAULT_LIMITS.maxSeasonalQ, Math.floor(n / 3 / m));
  if (m > 1 && maxP > 0) maxp = Math.min(maxp, m - 1);
  if (m > 1 && maxQ > 0) maxq = Math.min(maxq, m - 1);
  const fixed = (o: readonly [number, number, number] | undefined, i: 0 | 2, max: number): readonly [number, number] =>
    o ? [o[i], o[i]] : [0, max];
  const bounds: SearchBounds = {
    p: fixed(options.order, 0, maxp), q: fixed(options.order, 2, maxq),
    P: fixed(options.seasonalOrder, 0, maxP), Q: fixed(options.seasonalOrder, 2, maxQ),
    constant: options.includeConstant !== undefined ? [options.includeConstant] : constantAllowed ? [true, false] : [false],
    period: m,
  };
  const short = n < SHORT_SERIES;
  const start = {
    p: Math.min(short ? 1 : DEFAULT_LIMITS.startP, maxp), q: Math.min(short ? 1 : DEFAULT_LIMITS.startQ, maxq),
    P: short ? 0 : Math.min(DEFAULT_LIMITS.startSeasonalP, maxP), Q: short ? 0 : Math.min(DEFAULT_LIMITS.startSeasonalQ, maxQ),
  };
  const singleModel = bounds.p[0] === bounds.p[1] && bounds.q[0] === bounds.q[1] && bounds.P[0] === bounds.P[1] &&
    bounds.Q[0] === bounds.Q[1] && bounds.constant.length === 1;
  // forecast switches to AIC when the series is so short that AICc is undefined.
  const criterion = (e: ArimaEstimate): number => (n <= 3 ? e.aic : e.aicc);
  const search = stepwiseSearch((o) => {
    const est = estimateArima(w, { ...o, d, D, period: m }, { candidate: !singleModel });
    const ok = est !== undefined && (est.admissible || singleModel);
    const value = ok ? criterion(est) : Infinity;
    return { value: Number.isNaN(value) ? Infinity : value, fit: est };
  }, bounds, start);
  if (search.bestFit && search.bestValue < Infinity) return { estimate: search.bestFit, modelsFitted: search.tried.length };
  if (singleModel && search.bestFit) return { estimate: search.bestFit, modelsFitted: 1 };

  // Nothing admissible with a finite criterion: the simplest model the bounds allow.
  for (const constant of bounds.constant) {
    const spec: ArimaSpec = { p: bounds.p[0], d, q: bounds.q[0], P: bounds.P[0], D, Q: bounds.Q[0], period: m, constant };
    const est = estimateArima(w, spec);
    if (est) return { estimate: est, modelsFitted: search.tried.length + 1 };
  }
  throw new Error('arima: no ARIMA model could be fitted');
}

function fitOrThrow(w: Float64Array, spec: ArimaSpec, fixedMean: number | undefined): ArimaEstimate {
  const est = estimateArima(w, spec, fixedMean === undefined ? {} : { fixedMean });
  if (!est) throw new Error('arima: no ARIMA model could be fitted');
  return est;
}
