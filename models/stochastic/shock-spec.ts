/**
 * The shock specification of the stochastic projection (domain.md §6.3): which growth drivers
 * deviate from the scenario's means, how strongly (σ), how persistently (φ), and how the drivers'
 * yearly innovations are correlated.
 *
 * $$ g_{k,t} = \mu_{k,t} + d_{k,t},\quad d_{k,t} = \varphi_k d_{k,t-1} + \varepsilon_{k,t},\quad d_{k,0} = 0,\quad
 *    \varepsilon_t = \mathrm{diag}(\sigma)\, L_R\, z_t,\ z_t \sim N(0, I),\ L_R L_R^\top = R $$
 * plain: growth of driver k in year t = the scenario's mean for that year + an AR(1) deviation whose
 * innovation ε has standard deviation σ_k and correlation R between drivers; the opening year
 * deviates by 0, so the first projected year's deviation is ε₁ alone.
 * - μ_{k,t}: the scenario's assumption for year t, decimal growth rate per year;
 * - σ_k: standard deviation of the yearly innovation, decimal growth-rate points (0.02 = 2 points);
 * - φ_k: AR(1) persistence, dimensionless, |φ| < 1 (stationary);
 * - R: correlation matrix of the innovations, in the order of `drivers`.
 * Factoring R rather than the covariance keeps a driver with σ = 0 valid (its row of ε is 0).
 * Limit: deviations are normal and unbounded, so with a σ of tens of points a growth rate can fall
 * below −100 % (negative members or costs); nothing floors it.
 */
import type { Scenario } from '../projection/scenario.ts';
import { choleskyLower } from './cholesky.ts';

/** Every driver that may carry shocks, in canonical order (the order of estimated specs). */
export const SHOCK_DRIVERS = [
  'wageGrowth', 'medicalInflation', 'utilisationGrowth', 'activeGrowth', 'retireeGrowth', 'insuredGrowth',
] as const;
export type ShockDriver = (typeof SHOCK_DRIVERS)[number];

/** The drivers of each scheme, in the order the engine applies them (each is an assumption key). */
export const SCHEME_SHOCK_DRIVERS = {
  employee: ['wageGrowth', 'medicalInflation', 'utilisationGrowth', 'activeGrowth', 'retireeGrowth'],
  resident: ['medicalInflation', 'utilisationGrowth', 'insuredGrowth'],
} as const satisfies Record<Scenario['scheme'], readonly ShockDriver[]>;

export interface ShockSpec {
  /** Drivers that carry shocks; the rows of `correlation` follow this order. Others keep their means. */
  drivers: readonly ShockDriver[];
  /** σ per driver: standard deviation of the yearly innovation, decimal growth-rate points. */
  sigma: readonly number[];
  /** φ per driver: AR(1) persistence of the deviation, |φ| < 1. */
  phi: readonly number[];
  /** Correlation matrix of the innovations, drivers × drivers. */
  correlation: readonly (readonly number[])[];
  /** Where the values come from (provenance, shown with the result). */
  source?: string;
}

/** Most paths one run may simulate: memory is O(paths), and 100,000 × 30 years stays within seconds. */
export const MAX_PATHS = 100_000;

const DEFAULT_SOURCE =
  'assumption: fundrisk defaults (models/stochastic/shock-spec.ts), the order of magnitude of yearly swings in national series; '
  + 'estimate them from the fund\'s history (estimateShocks) when about 10 or more years are available';

/**
 * Default shock specification of a scheme (`assumption`, to be overridden). Not fitted to data: the
 * sizes are the order of year-to-year swings in national series around their trends, and the
 * correlations only the two links we are confident of in sign.
 * - wageGrowth σ 0.02, φ 0.5: average-wage growth of urban employees (NBS) moved by a few points a
 *   year in multi-year waves;
 * - medicalInflation σ 0.015, φ 0.4: the health-care CPI changes by one or two points a year;
 * - utilisationGrowth σ 0.02, φ 0.3: volume swings (epidemics, reforms) are large but short-lived;
 * - activeGrowth σ 0.015, φ 0.6 and retireeGrowth σ 0.01, φ 0.7: membership follows employment and
 *   demography, slower and more persistent; insuredGrowth (resident) σ 0.015, φ 0.5;
 * - correlations: wage with active members 0.4 (both follow the business cycle), wage with medical
 *   inflation 0.3 (general inflation feeds both); all others 0.
 * @example defaultShockSpec('resident').drivers // => ['medicalInflation', 'utilisationGrowth', 'insuredGrowth']
 */
export function defaultShockSpec(scheme: Scenario['scheme']): ShockSpec {
  if (scheme === 'employee') {
    return {
      drivers: [...SCHEME_SHOCK_DRIVERS.employee],
      sigma: [0.02, 0.015, 0.02, 0.015, 0.01],
      phi: [0.5, 0.4, 0.3, 0.6, 0.7],
      correlation: [
        [1, 0.3, 0, 0.4, 0],
        [0.3, 1, 0, 0, 0],
        [0, 0, 1, 0, 0],
        [0.4, 0, 0, 1, 0],
        [0, 0, 0, 0, 1],
      ],
      source: DEFAULT_SOURCE,
    };
  }
  return {
    drivers: [...SCHEME_SHOCK_DRIVERS.resident],
    sigma: [0.015, 0.02, 0.015],
    phi: [0.4, 0.3, 0.5],
    correlation: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
    source: DEFAULT_SOURCE,
  };
}

/** A checked spec ready for sampling: ε = loading · z with loading = diag(σ) L_R, row-major K × K. */
export interface CompiledShocks {
  /** For each driver of the scheme (SCHEME_SHOCK_DRIVERS order), its row in the spec, or −1 when unshocked. */
  specIndex: Int32Array;
  phi: Float64Array;
  loading: Float64Array;
  size: number;
}

/** Largest asymmetry |R_ij − R_ji| (and |R_ii − 1|) accepted: rounding of a matrix typed by hand. */
const CORRELATION_TOLERANCE = 1e-12;

function checkDrivers(spec: ShockSpec, scheme: Scenario['scheme']): readonly ShockDriver[] {
  const allowed: readonly ShockDriver[] = SCHEME_SHOCK_DRIVERS[scheme];
  if (!Array.isArray(spec.drivers)) throw new Error('shocks.drivers must be an array of driver names');
  spec.drivers.forEach((d, i) => {
    if (!allowed.includes(d)) {
      throw new Error(`shocks.drivers[${i}]: '${String(d)}' is not a shock driver of the ${scheme} scheme (allowed: ${allowed.join(', ')})`);
    }
    if (spec.drivers.indexOf(d) !== i) throw new Error(`shocks.drivers[${i}]: '${d}' is listed twice`);
  });
  return spec.drivers;
}

function checkVector(values: readonly number[], name: 'sigma' | 'phi', drivers: readonly ShockDriver[]): void {
  if (!Array.isArray(values) || values.length !== drivers.length) {
    throw new Error(`shocks.${name} must have ${drivers.length} values, one per driver, got ${Array.isArray(values) ? values.length : typeof values}`);
  }
  values.forEach((v, i) => {
    if (name === 'sigma' && !(Number.isFinite(v) && v >= 0)) {
      throw new Error(`shocks.sigma[${i}] (${drivers[i]}) must be a finite number ≥ 0, got ${v}`);
    }
    if (name === 'phi' && !(Number.isFinite(v) && Math.abs(v) < 1)) {
      throw new Error(`shocks.phi[${i}] (${drivers[i]}) must satisfy |φ| < 1 (a stationary AR(1)), got ${v}`);
    }
  });
}

function checkCorrelation(r: ShockSpec['correlation'], k: number): void {
  if (!Array.isArray(r) || r.length !== k || r.some((row) => !Array.isArray(row) || row.length !== k)) {
    throw new Error(`shocks.correlation must be a ${k}×${k} matrix, one row and column per driver`);
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const v = (r[i] as readonly number[])[j] as number;
      if (!(Number.isFinite(v) && Math.abs(v) <= 1)) throw new Error(`shocks.correlation[${i}][${j}] must be a finite number in [−1, 1], got ${v}`);
      if (i === j && Math.abs(v - 1) > CORRELATION_TOLERANCE) throw new Error(`shocks.correlation[${i}][${i}] must be 1, got ${v}`);
      const w = (r[j] as readonly number[])[i] as number;
      if (j < i && Math.abs(v - w) > CORRELATION_TOLERANCE) {
        throw new Error(`shocks.correlation must be symmetric: [${i}][${j}] = ${v} but [${j}][${i}] = ${w}`);
      }
    }
  }
}

/**
 * Checks a spec against a scheme and prepares it for sampling.
 * @throws Error `shocks.drivers[<i>]: '<name>' is not a shock driver of the <scheme> scheme (allowed: …)`,
 *   `shocks.drivers[<i>]: '<name>' is listed twice`, `shocks.sigma[<i>] (<driver>) must be a finite number ≥ 0, got <v>`,
 *   `shocks.phi[<i>] (<driver>) must satisfy |φ| < 1 (a stationary AR(1)), got <v>`,
 *   `shocks.correlation must be a <k>×<k> matrix, one row and column per driver`,
 *   `shocks.correlation[<i>][<j>] must be a finite number in [−1, 1], got <v>`, `shocks.correlation[<i>][<i>] must be 1, got <v>`,
 *   `shocks.correlation must be symmetric: [<i>][<j>] = <a> but [<j>][<i>] = <b>`,
 *   `shocks.correlation is not positive definite (Cholesky pivot <j> = <v> ≤ 0)`.
 * @example compileShocks(defaultShockSpec('resident'), 'resident').loading // => Float64Array [0.015, 0, 0, 0, 0.02, 0, 0, 0, 0.015]
 */
export function compileShocks(spec: ShockSpec, scheme: Scenario['scheme']): CompiledShocks {
  const drivers = checkDrivers(spec, scheme);
  checkVector(spec.sigma, 'sigma', drivers);
  checkVector(spec.phi, 'phi', drivers);
  const k = drivers.length;
  checkCorrelation(spec.correlation, k);
  const loading = choleskyLower(spec.correlation, 'shocks.correlation');
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) loading[i * k + j] = (spec.sigma[i] as number) * (loading[i * k + j] as number);
  }
  const schemeDrivers: readonly ShockDriver[] = SCHEME_SHOCK_DRIVERS[scheme];
  return {
    specIndex: Int32Array.from(schemeDrivers, (d) => drivers.indexOf(d)),
    phi: Float64Array.from(spec.phi),
    loading,
    size: k,
  };
}
