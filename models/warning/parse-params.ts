/**
 * Validation of a user-supplied warning parameter file (`fundrisk warn --params params.json`).
 *
 * Format (every key optional; a missing key keeps the national default of
 * {@link DEFAULT_WARNING_PARAMS}; unknown keys are refused so a typo is not silently ignored):
 * ```json
 * {
 *   "denominator": "current_year",
 *   "thresholds": { "redBelow": 3, "orangeBelow": 6, "greenUpTo": 9, "blueUpTo": 15 },
 *   "resident": { "surplusRateMax": 0.15, "accumulatedRatioMax": 0.25 },
 *   "schemes": { "resident": { "thresholds": { "blueUpTo": 12 } } },
 *   "regions": { "<region>": { "employee": { "thresholds": { "greenUpTo": 10 }, "denominator": "year_to_date" } } }
 * }
 * ```
 * - `denominator`: `current_year` | `year_to_date` | `projected_next_12` (domain.md §3.1).
 * - `thresholds`: months; may also be written `[redBelow, orangeBelow, greenUpTo, blueUpTo]`, e.g.
 *   `[3, 6, 9, 15]`; must be strictly increasing with `redBelow ≥ 0`.
 * - `resident`: decimal rates (0.15, not 15), each ≥ 0.
 * - `schemes.employee|resident` and `regions.<region>.employee|resident`: overrides holding any of
 *   `thresholds` (partial object or 4-number array), `denominator`, `resident`. Precedence:
 *   national → scheme → region. Every merged combination is checked here, up front.
 */
import {
  DEFAULT_WARNING_PARAMS,
  DENOMINATORS,
  THRESHOLD_KEYS,
  WARNING_SCHEMES,
  checkThresholds,
  resolveParams,
  type Denominator,
  type ResidentLimits,
  type TierThresholds,
  type WarningOverride,
  type WarningParams,
  type WarningScheme,
} from './params.ts';

type Json = Record<string, unknown>;

const ROOT_KEYS = ['denominator', 'thresholds', 'resident', 'schemes', 'regions'];
const OVERRIDE_KEYS = ['denominator', 'thresholds', 'resident'];
const RESIDENT_KEYS = ['surplusRateMax', 'accumulatedRatioMax'] as const;

/**
 * Parses and validates a params JSON value into a full {@link WarningParams}.
 * @throws Error with the JSON path and the rule, e.g.
 *   `params.thresholds.orangeBelow must be a number greater than redBelow (3), got 2`,
 *   `params.denominator must be one of current_year, year_to_date, projected_next_12, got "monthly"`,
 *   `params.threshold is not a known key (expected denominator, thresholds, resident, schemes, regions)`.
 * @example parseWarningParams({ thresholds: [2, 5, 8, 12] }).thresholds.blueUpTo // => 12
 */
export function parseWarningParams(json: unknown): WarningParams {
  const root = asObject(json, 'params', ROOT_KEYS);
  const base = DEFAULT_WARNING_PARAMS;
  const override = parseOverride(root, 'params');
  const params: WarningParams = {
    denominator: override.denominator ?? base.denominator,
    thresholds: { ...base.thresholds, ...override.thresholds },
    resident: { ...base.resident, ...override.resident },
  };
  checkThresholds(params.thresholds, 'params.thresholds');
  if (root.schemes !== undefined) {
    const schemes = asObject(root.schemes, 'params.schemes', WARNING_SCHEMES, 'scheme');
    params.schemes = {};
    for (const s of WARNING_SCHEMES) {
      if (schemes[s] !== undefined) params.schemes[s] = parseOverride(asObject(schemes[s], `params.schemes.${s}`, OVERRIDE_KEYS), `params.schemes.${s}`);
    }
  }
  if (root.regions !== undefined) {
    const regions = asObject(root.regions, 'params.regions');
    params.regions = {};
    for (const [region, value] of Object.entries(regions)) {
      const path = `params.regions.${region}`;
      const bySchemes = asObject(value, path, WARNING_SCHEMES, 'scheme');
      const entry: Partial<Record<WarningScheme, WarningOverride>> = {};
      for (const s of WARNING_SCHEMES) {
        if (bySchemes[s] !== undefined) entry[s] = parseOverride(asObject(bySchemes[s], `${path}.${s}`, OVERRIDE_KEYS), `${path}.${s}`);
      }
      params.regions[region] = entry;
    }
  }
  // Check every merge now, so a bad override fails when the file is read, not mid-report.
  for (const s of WARNING_SCHEMES) {
    resolveParams(params, undefined, s);
    for (const region of Object.keys(params.regions ?? {})) resolveParams(params, region, s);
  }
  return params;
}

function parseOverride(o: Json, path: string): WarningOverride {
  const out: WarningOverride = {};
  if (o.denominator !== undefined) out.denominator = parseDenominator(o.denominator, `${path}.denominator`);
  if (o.thresholds !== undefined) out.thresholds = parseThresholds(o.thresholds, `${path}.thresholds`);
  if (o.resident !== undefined) {
    const r = asObject(o.resident, `${path}.resident`, RESIDENT_KEYS);
    const limits: Partial<ResidentLimits> = {};
    for (const key of RESIDENT_KEYS) {
      const v = r[key];
      if (v === undefined) continue;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new Error(`${path}.resident.${key} must be a number ≥ 0 (a decimal rate, 0.15 not 15), got ${JSON.stringify(v)}`);
      }
      limits[key] = v;
    }
    out.resident = limits;
  }
  return out;
}

function parseDenominator(v: unknown, path: string): Denominator {
  if (typeof v === 'string' && (DENOMINATORS as readonly string[]).includes(v)) return v as Denominator;
  throw new Error(`${path} must be one of ${DENOMINATORS.join(', ')}, got ${JSON.stringify(v)}`);
}

function parseThresholds(v: unknown, path: string): Partial<TierThresholds> {
  if (Array.isArray(v)) {
    if (v.length !== THRESHOLD_KEYS.length) {
      throw new Error(`${path} as an array must hold 4 numbers [redBelow, orangeBelow, greenUpTo, blueUpTo], got ${v.length}`);
    }
    const full = {} as TierThresholds;
    THRESHOLD_KEYS.forEach((key, i) => {
      full[key] = v[i] as number;
      if (typeof v[i] !== 'number') throw new Error(`${path}[${i}] (${key}) must be a number, got ${JSON.stringify(v[i])}`);
    });
    checkThresholds(full, path);
    return full;
  }
  const o = asObject(v, path, THRESHOLD_KEYS);
  const out: Partial<TierThresholds> = {};
  for (const key of THRESHOLD_KEYS) {
    const x = o[key];
    if (x === undefined) continue;
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new Error(`${path}.${key} must be a number, got ${JSON.stringify(x)}`);
    out[key] = x;
  }
  return out;
}

function asObject(v: unknown, path: string, allowed?: readonly string[], what = 'key'): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new Error(`${path} must be a JSON object, got ${Array.isArray(v) ? 'an array' : JSON.stringify(v)}`);
  }
  if (allowed) {
    for (const key of Object.keys(v)) {
      if (!allowed.includes(key)) {
        throw new Error(`${path}.${key} is not a known ${what} (expected ${allowed.join(', ')})`);
      }
    }
  }
  return v as Json;
}
