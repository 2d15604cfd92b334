/**
 * Maximum-likelihood estimation of one ETS form, as R's forecast:::etsmodel with
 * opt.crit = "lik" and bounds = "both": α, β, γ, φ and the initial states ℓ0, b0, s_1..s_{m−1}
 * are searched together by Nelder–Mead on
 *   L(θ) = n·log(Σe_t²)  (+ 2·Σlog|ŷ_t| for a multiplicative error),
 * which is −2·log-likelihood up to a constant once σ² is concentrated out (HKOS 2008 ch. 5).
 * Points outside the bounds of ./admissibility.ts, or with a negative multiplicative seasonal
 * state, are infeasible (the objective is +∞).
 * Information criteria count k = (estimated parameters and states) + 1 for σ²:
 *   AIC = L + 2k,  AICc = AIC + 2k(k + 1)/(n − k − 1),  BIC = L + k·log n.
 */
import { seasonalAdmissible, withinUsualBounds, type FreeParameters } from './admissibility.ts';
import { initialSmoothing, initialStates } from './initial-states.ts';
import { simplexMinimise } from '../../core/nelder-mead.ts';
import { etsLikelihood } from './likelihood.ts';
import { etsFilter, formCodes } from './recursions.ts';
import type { EtsForm, EtsParameters, EtsState } from './types.ts';

/** R's lik clamp: a perfect fit would send n·log(SSE) to −∞. */
const PERFECT_FIT_FLOOR = -1e10;
/** R's optimiser settings for ets: relative tolerance √ε and at most 2000 function evaluations. */
const RELATIVE_TOLERANCE = Math.sqrt(Number.EPSILON);
const MAX_EVALUATIONS = 2000;

export interface FormFit {
  form: EtsForm;
  period: number;
  parameters: EtsParameters;
  initialState: EtsState;
  finalState: EtsState;
  lik: number;
  aic: number;
  aicc: number;
  bic: number;
  /** k: estimated parameters and initial states, plus σ². */
  parameterCount: number;
  sigma2: number;
  fitted: Float64Array;
  residuals: Float64Array;
}

/** Count of optimised values (smoothing parameters and free initial states) for a form. */
export function estimatedCount(form: EtsForm, m: number): number {
  const trend = form.trend === 'A' ? 2 : 0;
  const season = form.season === 'N' ? 0 : m;
  return 2 + trend + season + (form.damped ? 1 : 0);
}

/** Values held fixed instead of estimated (the constant-series and tiny-series fallbacks). */
export interface FixedValues {
  alpha?: number;
  level?: number;
}

/**
 * Fits one form; undefined when the data are too short for it (R: k − 1 ≥ n − 1).
 */
export function fitForm(y: Float64Array, form: EtsForm, frequency: number, fixed: FixedValues = {}): FormFit | undefined {
  const n = y.length;
  const m = form.season === 'N' ? 1 : frequency;
  if (fixed.alpha === undefined && fixed.level === undefined && estimatedCount(form, m) >= n - 1) return undefined;
  const free: FreeParameters = { beta: form.trend === 'A', gamma: form.season !== 'N', phi: form.damped };
  const codes = formCodes(form);
  const start = initialSmoothing(form, m);
  const states = initialStates(y, form, m);
  const x0: number[] = [];
  if (fixed.alpha === undefined) x0.push(start.alpha);
  if (free.beta) x0.push(start.beta);
  if (free.gamma) x0.push(start.gamma);
  if (free.phi) x0.push(start.phi);
  if (fixed.level === undefined) x0.push(states.level);
  if (free.beta) x0.push(states.slope);
  for (let j = 1; j < m && free.gamma; j++) x0.push(states.season[j] as number);

  const mult = form.season === 'M';
  const seasonTarget = mult ? m : 0;
  const p: EtsParameters = { alpha: 0, beta: 0, gamma: 0, phi: 1 };
  const level0 = new Float64Array(2);
  /** Writes x into p, level0 = [ℓ0, b0] and the seasonal ring; false when a multiplicative term is negative. */
  const decode = (x: Float64Array, ring: Float64Array): boolean => {
    let i = 0;
    p.alpha = fixed.alpha ?? (x[i++] as number);
    p.beta = free.beta ? (x[i++] as number) : 0;
    p.gamma = free.gamma ? (x[i++] as number) : 0;
    p.phi = free.phi ? (x[i++] as number) : 1;
    level0[0] = fixed.level ?? (x[i++] as number);
    level0[1] = free.beta ? (x[i++] as number) : 0;
    if (!free.gamma) return true;
    let sum = 0;
    for (let j = 1; j < m; j++) {
      const s = x[i++] as number;
      ring[j] = s;
      sum += s;
      if (mult && s < 0) return false;
    }
    ring[0] = seasonTarget - sum;
    return !(mult && sum > seasonTarget);
  };
  const ring = new Float64Array(m);
  const objective = (x: Float64Array): number => {
    if (!decode(x, ring)) return Infinity;
    if (fixed.alpha === undefined && !withinUsualBounds(free, p.alpha, p.beta, p.gamma, p.phi)) return Infinity;
    if (free.gamma && !seasonalAdmissible(p.alpha, p.beta, p.gamma, p.phi, m)) return Infinity;
    const lik = etsLikelihood(y, codes, m, p.alpha, p.beta, p.gamma, p.phi, level0[0] as number, level0[1] as number, ring);
    if (Number.isNaN(lik)) return Infinity;
    return lik < PERFECT_FIT_FLOOR ? PERFECT_FIT_FLOOR : lik;
  };
  const { x } = simplexMinimise(objective, Float64Array.from(x0), { maxEvaluations: MAX_EVALUATIONS, relativeTolerance: RELATIVE_TOLERANCE });

  decode(x, ring);
  const parameters: EtsParameters = { ...p };
  const initialState: EtsState = { level: level0[0] as number, slope: level0[1] as number, season: free.gamma ? ring.slice() : new Float64Array(0) };
  const filtered = etsFilter(y, codes, m, parameters, initialState);
  const lik = Math.max(filtered.lik, PERFECT_FIT_FLOOR);
  const k = x.length + 1;
  const aic = lik + 2 * k;
  let sse = 0;
  for (let t = 0; t < n; t++) sse += (filtered.errors[t] as number) ** 2;
  return {
    form, period: m, parameters, initialState,
    finalState: filtered.final,
    lik, aic,
    aicc: n - k - 1 > 0 ? aic + (2 * k * (k + 1)) / (n - k - 1) : Infinity,
    bic: lik + Math.log(n) * k,
    parameterCount: k,
    sigma2: sse / (n - x.length),
    fitted: filtered.fitted,
    residuals: filtered.errors,
  };
}
