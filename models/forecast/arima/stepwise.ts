/**
 * The stepwise order search of Hyndman & Khandakar (2008), in the order `forecast::auto.arima`
 * visits models (for fixed d, D):
 *
 *   1. fit (p₀,q₀)(P₀,Q₀) = (2,2)(1,1) (capped by the bounds; (1,1)(0,0) when n < 10), (0,0)(0,0),
 *      (1,0)(1,0), (0,1)(0,1), and (0,0)(0,0) without the constant; keep the best;
 *   2. around the current centre (the best model's orders) try, in this order: P−1, Q−1, P+1, Q+1, (P−1,Q−1), (P−1,Q+1),
 *      (P+1,Q−1), (P+1,Q+1), p−1, q−1, p+1, q+1, (p−1,q−1), (p−1,q+1), (p+1,q−1), (p+1,q+1), and the
 *      constant toggled; on the first improvement restart step 2 from the new best;
 *   3. stop when no neighbour improves or `maxModels` (94) have been fitted.
 *
 * The criterion comes from `evaluate` (AICc, +∞ for a failed or non-admissible fit). Each dimension
 * has [min, max] bounds; a fixed order is a bound with min = max, so a user-fixed part never moves.
 * Like forecast, when the no-constant null model wins in step 1 the centre moves to (0,0)(0,0) but
 * keeps the constant on (forecast never resets its flag there); this is kept for fidelity to R.
 * @see R. J. Hyndman, Y. Khandakar, "Automatic time series forecasting: the forecast package for R",
 *   J. Statistical Software 27(3), 2008, §3.2.
 */

export interface Orders { p: number; q: number; P: number; Q: number; constant: boolean }

export interface SearchBounds {
  p: readonly [number, number]; q: readonly [number, number];
  P: readonly [number, number]; Q: readonly [number, number];
  /** The constant values the search may use: [true, false], [true], or [false]. */
  constant: readonly boolean[];
  /** Seasonal period; seasonal starting terms are only used when > 1. */
  period: number;
}

export interface SearchResult<E> {
  best: Orders | undefined;
  bestValue: number;
  bestFit: E | undefined;
  /** Every fitted candidate with its criterion, in fitting order. */
  tried: { orders: Orders; value: number; fit: E | undefined }[];
}

/** forecast::auto.arima's cap on the number of models in a stepwise search. */
export const MAX_MODELS = 94;

const clamp = (v: number, [lo, hi]: readonly [number, number]): number => Math.min(Math.max(v, lo), hi);
const key = (o: Orders): string => `${o.p},${o.q},${o.P},${o.Q},${o.constant ? 1 : 0}`;

export function stepwiseSearch<E>(
  evaluate: (orders: Orders) => { value: number; fit: E | undefined },
  bounds: SearchBounds,
  start: Omit<Orders, 'constant'>,
  maxModels = MAX_MODELS,
): SearchResult<E> {
  const seen = new Set<string>();
  const tried: SearchResult<E>['tried'] = [];
  const inBounds = (o: Orders): boolean =>
    o.p >= bounds.p[0] && o.p <= bounds.p[1] && o.q >= bounds.q[0] && o.q <= bounds.q[1] &&
    o.P >= bounds.P[0] && o.P <= bounds.P[1] && o.Q >= bounds.Q[0] && o.Q <= bounds.Q[1] &&
    bounds.constant.includes(o.constant);
  const defaultConstant = bounds.constant[0] ?? false;
  let best: Orders | undefined;
  let bestValue = Infinity;
  let bestFit: E | undefined;
  /** Fits o if new and in bounds; true when it beat the best so far. */
  const consider = (o: Orders): boolean => {
    if (!inBounds(o) || seen.has(key(o)) || tried.length >= maxModels) return false;
    seen.add(key(o));
    const { value, fit } = evaluate(o);
    tried.push({ orders: o, value, fit });
    const improved = value < bestValue;
    // The first model is the best so far even when it failed (+∞), as in forecast.
    if (improved || best === undefined) {
      best = o;
      bestValue = value;
      bestFit = fit;
    }
    return improved;
  };
  const seasonal = bounds.period > 1;
  const clampAll = (o: Orders): Orders => ({ p: clamp(o.p, bounds.p), q: clamp(o.q, bounds.q), P: clamp(o.P, bounds.P), Q: clamp(o.Q, bounds.Q), constant: o.constant });
  // The search centre, kept separately from `best` exactly as forecast's p, q, P, Q, constant.
  let c: Orders = clampAll({ ...start, constant: defaultConstant });
  consider(c);
  const initial: Orders[] = [{ p: 0, q: 0, P: 0, Q: 0, constant: defaultConstant }];
  if (bounds.p[1] > 0 || bounds.P[1] > 0) initial.push({ p: bounds.p[1] > 0 ? 1 : 0, q: 0, P: seasonal && bounds.P[1] > 0 ? 1 : 0, Q: 0, constant: defaultConstant });
  if (bounds.q[1] > 0 || bounds.Q[1] > 0) initial.push({ p: 0, q: bounds.q[1] > 0 ? 1 : 0, P: 0, Q: seasonal && bounds.Q[1] > 0 ? 1 : 0, constant: defaultConstant });
  // forecast moves the centre to the no-constant null model's orders but leaves `constant` on.
  if (defaultConstant) initial.push({ p: 0, q: 0, P: 0, Q: 0, constant: false });
  for (const o of initial) {
    const orders = clampAll(o);
    if (consider(orders)) c = { ...orders, constant: c.constant };
  }

  const moves: [number, number, number, number][] = [
    [0, 0, -1, 0], [0, 0, 0, -1], [0, 0, 1, 0], [0, 0, 0, 1],
    [0, 0, -1, -1], [0, 0, -1, 1], [0, 0, 1, -1], [0, 0, 1, 1],
    [-1, 0, 0, 0], [0, -1, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0],
    [-1, -1, 0, 0], [-1, 1, 0, 0], [1, -1, 0, 0], [1, 1, 0, 0],
  ];
  let fittedBefore = -1;
  while (fittedBefore < tried.length && tried.length < maxModels) {
    fittedBefore = tried.length;
    let moved = false;
    for (const [dp, dq, dP, dQ] of moves) {
      const o = { p: c.p + dp, q: c.q + dq, P: c.P + dP, Q: c.Q + dQ, constant: c.constant };
      if (consider(o)) { c = o; moved = true; break; }
    }
    if (!moved && bounds.constant.length > 1) {
      const o = { ...c, constant: !c.constant };
      if (consider(o)) c = o;
    }
  }
  return { best, bestValue, bestFit, tried };
}
