/**
 * The warning parameter set (domain.md §3): payable-month tier cut points, the denominator of
 * payable months, and the resident-scheme bands. Every default is an entry of
 * {@link NATIONAL_DEFAULT_PARAMETERS} carrying its provenance, so the UI can show where it came
 * from; the typed {@link WarningParams} is derived from those entries, never restated.
 *
 * Thresholds are per scheme and per region: `schemes.<scheme>` overrides the national values for
 * a scheme, and `regions.<region>.<scheme>` overrides those again (domain.md §3.2: "a region may
 * override any of them"). {@link resolveParams} applies both and checks the merged result.
 */

/** Which expenditure divides the balance in payable months (domain.md §3.1). */
export type Denominator = 'current_year' | 'year_to_date' | 'projected_next_12';
export const DENOMINATORS: readonly Denominator[] = ['current_year', 'year_to_date', 'projected_next_12'];

/** Tier cut points in months: red < redBelow ≤ orange < orangeBelow ≤ green ≤ greenUpTo < blue ≤ blueUpTo < purple. */
export interface TierThresholds {
  redBelow: number;
  orangeBelow: number;
  greenUpTo: number;
  blueUpTo: number;
}
export const THRESHOLD_KEYS = ['redBelow', 'orangeBelow', 'greenUpTo', 'blueUpTo'] as const;

/** Resident-scheme bands as decimal rates (0.15, not 15). */
export interface ResidentLimits {
  surplusRateMax: number;
  accumulatedRatioMax: number;
}

export type WarningScheme = 'employee' | 'resident';
export const WARNING_SCHEMES: readonly WarningScheme[] = ['employee', 'resident'];

/** What a scheme or a region may override; missing keys keep the value beneath. */
export interface WarningOverride {
  thresholds?: Partial<TierThresholds>;
  denominator?: Denominator;
  resident?: Partial<ResidentLimits>;
}

export interface WarningParams {
  denominator: Denominator;
  thresholds: TierThresholds;
  resident: ResidentLimits;
  schemes?: Partial<Record<WarningScheme, WarningOverride>>;
  regions?: Record<string, Partial<Record<WarningScheme, WarningOverride>>>;
}

export type Provenance = 'seed' | 'official' | 'practice' | 'assumption';

/** One default value with where it comes from (domain.md: every default carries its provenance). */
export interface ParameterEntry {
  key: string;
  value: number | string;
  provenance: Provenance;
  source: string;
}

const GUIDANCE_2009 =
  '人社部《关于进一步加强基本医疗保险基金管理的指导意见》(人社部发〔2009〕67号): 6–9 months reasonable, > 15 too much, < 3 too little';

/** The national default warning parameters, each with provenance (domain.md §3, §4.1). */
export const NATIONAL_DEFAULT_PARAMETERS: readonly ParameterEntry[] = [
  { key: 'thresholds.redBelow', value: 3, provenance: 'official', source: GUIDANCE_2009 },
  { key: 'thresholds.orangeBelow', value: 6, provenance: 'official', source: GUIDANCE_2009 },
  { key: 'thresholds.greenUpTo', value: 9, provenance: 'official', source: GUIDANCE_2009 },
  { key: 'thresholds.blueUpTo', value: 15, provenance: 'official', source: GUIDANCE_2009 },
  { key: 'tierLabel.orange', value: '预警 (3–6 months)', provenance: 'assumption', source: 'fundrisk label of the 3–6 month band, domain.md §3.2' },
  { key: 'tierLabel.blue', value: '偏高 (9–15 months)', provenance: 'assumption', source: 'fundrisk label of the 9–15 month band, domain.md §3.2' },
  { key: 'denominator', value: 'current_year', provenance: 'assumption', source: 'domain.md §3.1: trailing 12 months, the least noisy observed denominator' },
  { key: 'resident.surplusRateMax', value: 0.15, provenance: 'practice', source: '2007 rural cooperative scheme (新农合) rule: current surplus ≤ 15% of income, domain.md §3.3' },
  { key: 'resident.accumulatedRatioMax', value: 0.25, provenance: 'official', source: '社会保险基金财务制度 cap for 新农合: accumulated surplus ≤ 25% of the year\'s income; carried to 居民医保 as an assumption, domain.md §3.3' },
  { key: 'reserveRate', value: 0.09, provenance: 'seed', source: '河源市医疗保障基金使用监督管理办法 (seed 001) 第十条(一): 9% of the year\'s fund as 调控金' },
];

/**
 * Builds the typed parameter set from provenance entries (keys not used by warnings, such as
 * `reserveRate` and labels, are ignored). Values are checked, so entries read back from a
 * database as `unknown` JSON are accepted.
 * @throws Error `missing parameter <key>` / `parameter <key> must be a number` / `parameter denominator must be one of …`.
 * @example toWarningParams(NATIONAL_DEFAULT_PARAMETERS).thresholds.orangeBelow // => 6
 */
export function toWarningParams(entries: readonly { key: string; value: unknown }[]): WarningParams {
  const byKey = new Map(entries.map((e) => [e.key, e.value]));
  const num = (key: string): number => {
    const v = byKey.get(key);
    if (v === undefined) throw new Error(`missing parameter ${key}`);
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`parameter ${key} must be a number`);
    return v;
  };
  const denominator = byKey.get('denominator');
  if (denominator === undefined) throw new Error('missing parameter denominator');
  if (!DENOMINATORS.includes(denominator as Denominator)) {
    throw new Error(`parameter denominator must be one of ${DENOMINATORS.join(', ')}`);
  }
  const params: WarningParams = {
    denominator: denominator as Denominator,
    thresholds: {
      redBelow: num('thresholds.redBelow'),
      orangeBelow: num('thresholds.orangeBelow'),
      greenUpTo: num('thresholds.greenUpTo'),
      blueUpTo: num('thresholds.blueUpTo'),
    },
    resident: { surplusRateMax: num('resident.surplusRateMax'), accumulatedRatioMax: num('resident.accumulatedRatioMax') },
  };
  checkThresholds(params.thresholds, 'params.thresholds');
  return params;
}

export const DEFAULT_WARNING_PARAMS: WarningParams = toWarningParams(NATIONAL_DEFAULT_PARAMETERS);

/**
 * Checks that the cut points are finite, `redBelow ≥ 0`, and strictly increasing.
 * @throws Error e.g. `params.thresholds.orangeBelow must be a number greater than redBelow (3), got 2`.
 */
export function checkThresholds(t: TierThresholds, path: string): void {
  if (typeof t.redBelow !== 'number' || !Number.isFinite(t.redBelow) || t.redBelow < 0) {
    throw new Error(`${path}.redBelow must be a number ≥ 0, got ${JSON.stringify(t.redBelow)}`);
  }
  for (let i = 1; i < THRESHOLD_KEYS.length; i++) {
    const key = THRESHOLD_KEYS[i] as keyof TierThresholds;
    const prev = THRESHOLD_KEYS[i - 1] as keyof TierThresholds;
    const v = t[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= t[prev]) {
      throw new Error(`${path}.${key} must be a number greater than ${prev} (${t[prev]}), got ${JSON.stringify(v)}`);
    }
  }
}

/**
 * The flat parameter set that applies to one fund: national values, then `schemes[scheme]`,
 * then `regions[region][scheme]`. The result has no `schemes`/`regions`, so resolving it again
 * is a no-op. A scheme other than employee/resident takes the national values.
 * @throws Error from {@link checkThresholds} naming the override whose merge broke the order,
 *   e.g. `params.regions.乌鲁木齐.employee.thresholds.orangeBelow must be a number greater than redBelow (7), got 6`.
 * @example resolveParams({ ...DEFAULT_WARNING_PARAMS, regions: { A: { employee: { thresholds: { blueUpTo: 12 } } } } }, 'A', 'employee').thresholds.blueUpTo // => 12
 */
export function resolveParams(params: WarningParams, region: string | undefined, scheme: string): WarningParams {
  const known = (WARNING_SCHEMES as readonly string[]).includes(scheme) ? (scheme as WarningScheme) : undefined;
  let out: WarningParams = { denominator: params.denominator, thresholds: { ...params.thresholds }, resident: { ...params.resident } };
  if (!known) return out;
  const schemeOverride = params.schemes?.[known];
  if (schemeOverride) out = applyOverride(out, schemeOverride, `params.schemes.${known}`);
  const regionOverride = region === undefined ? undefined : params.regions?.[region]?.[known];
  if (regionOverride) out = applyOverride(out, regionOverride, `params.regions.${region}.${known}`);
  return out;
}

function applyOverride(base: WarningParams, o: WarningOverride, path: string): WarningParams {
  const thresholds = { ...base.thresholds, ...definedOnly(o.thresholds) };
  if (o.thresholds) checkThresholds(thresholds, `${path}.thresholds`);
  return {
    denominator: o.denominator ?? base.denominator,
    thresholds,
    resident: { ...base.resident, ...definedOnly(o.resident) },
  };
}

function definedOnly<T extends object>(o: T | undefined): Partial<T> {
  if (!o) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
