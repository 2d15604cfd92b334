/**
 * The AR(1) deviations of every path, advanced one projected year at a time (domain.md §6.3):
 *
 * $$ d_{k,t}^{(p)} = \varphi_k\, d_{k,t-1}^{(p)} + \sum_{j \le k} \Lambda_{kj}\, z_{j,t}^{(p)},\qquad d_{k,0}^{(p)} = 0 $$
 * plain: each path's deviation of driver k = φ_k × last year's + row k of the loading Λ = diag(σ) L_R
 * times that path's standard normals z (see shock-spec.ts); units are decimal growth-rate points.
 *
 * Draw order (fixed, so the same seed gives the same numbers): for each projected year, for each
 * path 0 … N−1, one standard normal per spec driver in the spec's `drivers` order, by the ziggurat
 * method from `rng`'s uniforms (ziggurat.ts). Every year draws N·K normals, even when σ = 0, so
 * changing a σ never shifts the stream of the other drivers.
 * Storage is one Float64Array of N per scheme driver (structure of arrays); a driver without shocks
 * shares a zero array that is never written. Nothing is allocated per path or per year.
 *
 * @see G. E. P. Box, G. M. Jenkins, G. C. Reinsel, G. M. Ljung, Time Series Analysis: Forecasting and Control, 5th ed., ch. 3 (autoregressive processes), Wiley 2015.
 * @example
 * const s = createDeviationSampler(compileShocks(defaultShockSpec('resident'), 'resident'), 2, createRng(1));
 * s.advance(); s.deviations.length // => 3 (medicalInflation, utilisationGrowth, insuredGrowth), each of 2 paths
 */
import type { Rng } from '../core/rng.ts';
import type { CompiledShocks } from './shock-spec.ts';
import { fillStandardNormals } from './ziggurat.ts';

export interface DeviationSampler {
  /** Current deviation per scheme driver (SCHEME_SHOCK_DRIVERS order), one value per path. */
  readonly deviations: readonly Float64Array[];
  /** Moves every path on by one year: d ← φ d + Λ z. */
  advance(): void;
}

export function createDeviationSampler(shocks: CompiledShocks, paths: number, rng: Rng): DeviationSampler {
  const k = shocks.size;
  const own = Array.from({ length: k }, () => new Float64Array(paths));
  const zero = new Float64Array(paths);
  const deviations = Array.from(shocks.specIndex, (i) => (i >= 0 ? own[i] as Float64Array : zero));
  // the year's normals, path-major (z[p·K + j]), drawn in the documented order before they are used
  const z = new Float64Array(paths * k);
  const { phi, loading } = shocks;
  return {
    deviations,
    advance() {
      fillStandardNormals(rng, z);
      // column by column of the loading, skipping its zeros: d_i ← φ_i d_i, then d_i += Λ_ij z_j
      for (let i = 0; i < k; i++) {
        const d = own[i] as Float64Array;
        const f = phi[i] as number;
        for (let p = 0; p < paths; p++) d[p] = f * (d[p] as number);
        for (let j = 0; j <= i; j++) {
          const l = loading[i * k + j] as number;
          if (l === 0) continue;
          for (let p = 0, q = j; p < paths; p++, q += k) d[p] = (d[p] as number) + l * (z[q] as number);
        }
      }
    },
  };
}
