/**
 * The ETS state-space recursions (Hyndman, Koehler, Ord & Snyder 2008, Table 2.3), written once for
 * every form with error A/M, trend N/A/Ad and season N/A/M.
 *
 * One step at time t with states ℓ, b, s (s = 0 when there is no season):
 *   q = ℓ + φb                                       (level and damped slope carried forward)
 *   ŷ = q + s_{t−m}  or  ŷ = q·s_{t−m}                 (one-step forecast, additive / multiplicative season)
 *   e = y − ŷ  or  e = (y − ŷ)/ŷ                       (additive / multiplicative error)
 *   u = p − q,  p = y − s_{t−m}  or  y/s_{t−m}           (seasonally adjusted observation minus q)
 *   ℓ' = q + αu,   b' = φb + βu
 *   s' = s_{t−m} + γ(r − s_{t−m}),  r = y − q  or  y/q
 * Written with y the updates are the same for both error types; with e they are the state-space
 * equations, e.g. ℓ' = q(1 + αe) for ETS(M,·,N). They are R's forecast:::etscalc updates
 * (b' = φb + (β/α)(ℓ' − ℓ − φb) there, the same value), including its guards: a divisor
 * below 1e−10 in size gives 1e10.
 *
 * Seasonal states live in a ring buffer: `season[t mod m]` holds the term for time t, so a step
 * touches one slot instead of shifting m values.
 */
import type { EtsForm, EtsParameters, EtsState } from './types.ts';

const TOL = 1e-10;
const HUGE = 1e10;

/** Form flags for the loops. */
export interface FormCodes {
  multError: boolean;
  trend: boolean;
  /** 0 none, 1 additive, 2 multiplicative. */
  season: 0 | 1 | 2;
}

export function formCodes(form: EtsForm): FormCodes {
  return { multError: form.error === 'M', trend: form.trend === 'A', season: form.season === 'N' ? 0 : form.season === 'A' ? 1 : 2 };
}

/** Mutable states while stepping: the ring buffer and the slot `k` of the next period. */
export interface StateCursor {
  level: number;
  slope: number;
  ring: Float64Array;
  k: number;
}

export function cursorAt(state: EtsState): StateCursor {
  return { level: state.level, slope: state.slope, ring: Float64Array.from(state.season), k: 0 };
}

/** ŷ for the next period. */
export function oneStepForecast(codes: FormCodes, p: EtsParameters, c: StateCursor): number {
  const q = c.level + (codes.trend ? p.phi * c.slope : 0);
  if (codes.season === 0) return q;
  const s = c.ring[c.k] as number;
  return codes.season === 1 ? q + s : q * s;
}

/** Moves the states one period on, having observed y. */
export function advance(codes: FormCodes, p: EtsParameters, m: number, c: StateCursor, y: number): void {
  const phib = codes.trend ? p.phi * c.slope : 0;
  const q = c.level + phib;
  const s = codes.season === 0 ? 0 : (c.ring[c.k] as number);
  const u = (codes.season === 2 ? (Math.abs(s) < TOL ? HUGE : y / s) : y - s) - q;
  c.level = q + p.alpha * u;
  if (codes.trend) c.slope = phib + p.beta * u;
  if (codes.season === 1) c.ring[c.k] = s + p.gamma * u;
  else if (codes.season === 2) c.ring[c.k] = s + p.gamma * ((Math.abs(q) < TOL ? HUGE : y / q) - s);
  if (codes.season !== 0 && ++c.k === m) c.k = 0;
}

export interface FilterResult {
  fitted: Float64Array;
  /** e_t: y − ŷ (additive error) or (y − ŷ)/ŷ (multiplicative). */
  errors: Float64Array;
  /** R's lik criterion, as ./likelihood.ts. */
  lik: number;
  /** States after the last observation, `season[0]` applying next. */
  final: EtsState;
}

/** Runs the recursions from `initial`, recording fitted values, errors and the final states. */
export function etsFilter(y: Float64Array, codes: FormCodes, m: number, p: EtsParameters, initial: EtsState): FilterResult {
  const n = y.length;
  const fitted = new Float64Array(n);
  const errors = new Float64Array(n);
  const c = cursorAt(initial);
  let sse = 0;
  let logSum = 0;
  for (let t = 0; t < n; t++) {
    const yt = y[t] as number;
    const f = oneStepForecast(codes, p, c);
    const e = codes.multError ? (yt - f) / f : yt - f;
    if (codes.multError) logSum += Math.log(Math.abs(f));
    sse += e * e;
    fitted[t] = f;
    errors[t] = e;
    advance(codes, p, m, c, yt);
  }
  const lik = n * Math.log(sse) + (codes.multError ? 2 * logSum : 0);
  const season = new Float64Array(c.ring.length);
  for (let j = 0; j < season.length; j++) season[j] = c.ring[(j + c.k) % season.length] as number;
  return { fitted, errors, lik, final: { level: c.level, slope: c.slope, season } };
}

/**
 * Point forecasts ŷ_{n+h} = (ℓ + φ_h·b) ⊕ s_{n+h−m⌈h/m⌉}, φ_h = φ + φ² + … + φ^h
 * (HKOS 2008 Table 2.1), with ⊕ = + or × as the season is additive or multiplicative.
 */
export function pointForecasts(codes: FormCodes, m: number, phi: number, level: number, slope: number, season: Float64Array, horizon: number): number[] {
  const out = new Array<number>(horizon);
  let phiSum = 0;
  let phiPower = 1;
  for (let h = 0; h < horizon; h++) {
    phiPower *= phi;
    phiSum += phiPower;
    let f = codes.trend ? level + phiSum * slope : level;
    if (codes.season === 1) f += season[h % m] as number;
    else if (codes.season === 2) f *= season[h % m] as number;
    out[h] = f;
  }
  return out;
}
