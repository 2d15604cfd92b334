/**
 * Pure edits of a scenario draft and the range checks run before saving. Every edit returns a
 * new scenario (drafts are compared and hashed, never mutated); a yearly assumption is an array
 * with one value per projected year, so changing the horizon resizes every such array.
 */
import { outsideLimit, COMMON_LIMITS, type Limit } from './assumption-limits.ts';
import { ASSUMPTION_FIELDS, COMMON_FIELDS, FISCAL_CAP_FIELD, OPENING_FIELDS, type FieldSpec, type FieldUnit } from './scenario-fields.ts';
import type { Assumption, Scenario, ScenarioDraft } from './types.ts';

/**
 * A yearly array resized to `years` values: cut, or extended with its last value.
 * @example resizeYearly([0.05, 0.04], 4) // => [0.05, 0.04, 0.04, 0.04]
 */
export function resizeYearly(values: readonly number[], years: number): number[] {
  const last = values.at(-1) ?? 0;
  return Array.from({ length: years }, (_, i) => values[i] ?? last);
}

/**
 * An assumption as one value per year (a constant repeated).
 * @example toYearly(0.03, 3) // => [0.03, 0.03, 0.03]
 */
export function toYearly(value: Assumption, years: number): number[] {
  return typeof value === 'number' ? Array.from({ length: years }, () => value) : resizeYearly(value, years);
}

/**
 * An assumption as a constant: its first year's value.
 * @example toConstant([0.05, 0.04]) // => 0.05
 */
export function toConstant(value: Assumption): number {
  return typeof value === 'number' ? value : value[0] ?? 0;
}

const assumptionsOf = (s: Scenario) => s.assumptions as unknown as Readonly<Record<string, Assumption>>;
const openingOf = (s: Scenario) => s.opening as unknown as Readonly<Record<string, number>>;

/** The scenario with one opening value replaced. */
export function withOpening(s: Scenario, key: string, value: number): Scenario {
  return { ...s, opening: { ...s.opening, [key]: value } } as Scenario;
}

/** The editor's rows of yearly inputs: the scheme's assumptions, then the optional cap on the fiscal subsidy (a top-level field). */
export function assumptionRows(scheme: Scenario['scheme']): FieldSpec[] {
  return [...ASSUMPTION_FIELDS[scheme], FISCAL_CAP_FIELD];
}

/** One assumption (or the fiscal cap: undefined when there is none). */
export function assumptionValue(s: Scenario, key: string): Assumption | undefined {
  return key === FISCAL_CAP_FIELD.key ? s.fiscalSubsidyCapYuan : assumptionsOf(s)[key];
}

/** The scenario with one assumption replaced (a number or one value per year); undefined removes the fiscal cap. */
export function withAssumption(s: Scenario, key: string, value: Assumption | undefined): Scenario {
  if (key === FISCAL_CAP_FIELD.key) {
    const { fiscalSubsidyCapYuan: _removed, ...rest } = s;
    return (value === undefined ? rest : { ...rest, fiscalSubsidyCapYuan: value }) as Scenario;
  }
  return { ...s, assumptions: { ...s.assumptions, [key]: value ?? 0 } } as Scenario;
}

/** The value of one year of an assumption set per year. */
export function withAssumptionYear(s: Scenario, key: string, index: number, value: number): Scenario {
  const values = toYearly(assumptionValue(s, key) ?? 0, s.horizonYears);
  values[index] = value;
  return withAssumption(s, key, values);
}

/** The inputs given one value per year, in the editor's order. */
export function yearlyKeys(s: Scenario): string[] {
  return assumptionRows(s.scheme).filter((f) => Array.isArray(assumptionValue(s, f.key))).map((f) => f.key);
}

/**
 * The scenario over a new horizon: every yearly array (assumptions, the fiscal cap, the cohort
 * membership's yearly values) is cut or extended with its last value. An invalid horizon is kept
 * as typed and reported by {@link draftIssues}; the arrays then keep their length.
 */
export function withHorizon(s: Scenario, horizonYears: number): Scenario {
  if (outsideLimit(horizonYears, COMMON_LIMITS.horizonYears)) return { ...s, horizonYears };
  const fit = <T extends Assumption | undefined>(v: T): T => (Array.isArray(v) ? resizeYearly(v, horizonYears) as unknown as T : v);
  const assumptions = Object.fromEntries(Object.entries(assumptionsOf(s)).map(([k, v]) => [k, fit(v)]));
  const out = { ...s, horizonYears, assumptions } as unknown as Scenario;
  if (s.fiscalSubsidyCapYuan !== undefined) out.fiscalSubsidyCapYuan = fit(s.fiscalSubsidyCapYuan);
  if (s.scheme === 'employee' && s.membership && out.scheme === 'employee') {
    const m = s.membership;
    out.membership = {
      ...m,
      ...(m.entryGrowth === undefined ? {} : { entryGrowth: fit(m.entryGrowth) }),
      retirementAge: { male: fit(m.retirementAge.male), female: fit(m.retirementAge.female) },
    };
  }
  return out;
}

/**
 * The path of an editor row in the scenario JSON (and in {@link draftIssues}).
 * @example assumptionPath('wageGrowth') // => 'assumptions.wageGrowth'
 * @example assumptionPath('fiscalSubsidyCapYuan', 2) // => 'fiscalSubsidyCapYuan[2]'
 */
export function assumptionPath(key: string, yearIndex?: number): string {
  const path = key === FISCAL_CAP_FIELD.key ? key : `assumptions.${key}`;
  return yearIndex === undefined ? path : `${path}[${yearIndex}]`;
}

/** Why a field cannot be saved: outside its range (shown with the range), empty, or a reserve above the balance. */
export type DraftIssue =
  | { kind: 'range'; limit: Limit; unit: FieldUnit }
  | { kind: 'empty' }
  | { kind: 'reserveAboveBalance' };

/**
 * Every field of the draft that the server would refuse, keyed by its path in the scenario JSON
 * (`assumptions.wageGrowth[3]`, the server's notation), in the order the fields are shown.
 * The opening reserve above the opening balance is accepted by the schema but refused by every
 * run (models/projection/financing.ts), so it is reported here too.
 * @example draftIssues({ ...example, assumptions: { ...example.assumptions, poolingRate: 1 } }).get('assumptions.poolingRate') // => { kind: 'range', … }
 */
export function draftIssues(s: Scenario): Map<string, DraftIssue> {
  const issues = new Map<string, DraftIssue>();
  const check = (path: string, value: number | undefined, limit: Limit, unit: FieldUnit) => {
    if (outsideLimit(value, limit)) issues.set(path, { kind: 'range', limit, unit });
  };
  if (s.name.trim() === '') issues.set('name', { kind: 'empty' });
  const root = s as unknown as Readonly<Record<string, number | undefined>>;
  for (const f of COMMON_FIELDS) {
    const optional = f.key === 'reserveRate' || f.key === 'openingReserveYuan';
    if (!(optional && root[f.key] === undefined)) check(f.key, root[f.key], f.limit, f.unit);
  }
  if (!issues.has('openingReserveYuan') && (s.openingReserveYuan ?? 0) > Math.max(0, s.opening.balanceYuan)) {
    issues.set('openingReserveYuan', { kind: 'reserveAboveBalance' });
  }
  for (const f of OPENING_FIELDS[s.scheme]) check(`opening.${f.key}`, openingOf(s)[f.key], f.limit, f.unit);
  const checkAssumption = (path: string, value: Assumption | undefined, limit: Limit, unit: FieldUnit) => {
    if (Array.isArray(value)) value.forEach((v, i) => check(`${path}[${i}]`, v, limit, unit));
    else check(path, value as number | undefined, limit, unit);
  };
  for (const f of ASSUMPTION_FIELDS[s.scheme]) checkAssumption(assumptionPath(f.key), assumptionsOf(s)[f.key], f.limit, f.unit);
  if (s.fiscalSubsidyCapYuan !== undefined) checkAssumption(assumptionPath(FISCAL_CAP_FIELD.key), s.fiscalSubsidyCapYuan, FISCAL_CAP_FIELD.limit, FISCAL_CAP_FIELD.unit);
  return issues;
}

/**
 * Whether a value differs from the calibrated one (so its provenance is the user's, not the fund's).
 * @example isEdited([0.05, 0.05], 0.05) // => true
 */
export function isEdited(value: Assumption | number | undefined, calibrated: Assumption | number | undefined): boolean {
  return JSON.stringify(value) !== JSON.stringify(calibrated);
}

export type ValueSource = 'calibrated' | 'edited' | 'example' | 'manual';

/**
 * Where the value of one input comes from: the fund's calibration (unless edited since), the
 * interfaces.md example, or the user.
 * @example valueSource({ origin: 'example', scenario }, 'wageGrowth') // => 'example'
 */
export function valueSource(draft: ScenarioDraft, key: string): ValueSource {
  if (draft.calibrated) return isEdited(assumptionValue(draft.scenario, key), assumptionValue(draft.calibrated, key)) ? 'edited' : 'calibrated';
  return draft.origin === 'example' ? 'example' : 'manual';
}
