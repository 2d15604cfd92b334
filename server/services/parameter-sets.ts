/**
 * The policy parameter sets as the admin page and `parameters.*` show them (domain.md §3): every
 * version of the national set and of each regional override with its effective months, one
 * version with each value's unit, provenance and source, and the versions in force at a period
 * (the rules a past warning is recomputed under). Edits are in parameter-edits.ts.
 */
import type { Db } from '../db/client.ts';
import { regions, users, type Scheme } from '../db/schema.ts';
import { NATIONAL_DEFAULT_PARAMETERS, THRESHOLD_KEYS, resolveParams, type WarningScheme } from '../../models/index.ts';
import {
  LATEST_PERIOD, NATIONAL_SET_NAME, loadParameterChains, periodMonth, rulesAt, versionAt, type ParameterEntry, type StoredVersion,
} from './parameters.ts';
import { assertRegionVisible } from './region-scope.ts';
import { DomainError } from './errors.ts';

/** How a value is read and shown: months (个月), a decimal rate (shown as %), one of a list, or text. */
export type ParameterUnit = 'months' | 'rate' | 'choice' | 'text';

/** Every key of a national version, in the order of the national defaults. */
export const NATIONAL_KEYS: readonly string[] = NATIONAL_DEFAULT_PARAMETERS.map((e) => e.key);
/** The keys a region may override for a scheme (domain.md §3.2: any threshold, and the warning settings). */
export const OVERRIDE_KEYS: readonly string[] = [
  ...THRESHOLD_KEYS.map((k) => `thresholds.${k}`), 'denominator', 'resident.surplusRateMax', 'resident.accumulatedRatioMax',
];

export function parameterUnit(key: string): ParameterUnit {
  if (key.startsWith('thresholds.')) return 'months';
  if (key === 'denominator') return 'choice';
  if (key.startsWith('tierLabel.')) return 'text';
  return 'rate';
}

export interface ParameterValueView extends ParameterEntry {
  unit: ParameterUnit;
}

export interface VersionView {
  setId: number;
  version: number;
  effectiveFrom: string;
  /** The month the next version of the chain takes over; null for the newest. */
  supersededFrom: string | null;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  valueCount: number;
}

export interface RegionRef {
  regionId: number;
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
}

const valueViews = (entries: readonly ParameterEntry[]): ParameterValueView[] => {
  const order = (key: string) => {
    const i = NATIONAL_KEYS.indexOf(key);
    return i < 0 ? NATIONAL_KEYS.length : i;
  };
  return [...entries].sort((a, b) => order(a.key) - order(b.key)).map((e) => ({ ...e, unit: parameterUnit(e.key) }));
};

async function usernames(db: Db): Promise<Map<number, string>> {
  return new Map((await db.select({ id: users.id, username: users.username }).from(users)).map((u) => [u.id, u.username]));
}

function versionViews(chain: readonly StoredVersion[], names: Map<number, string>): VersionView[] {
  return chain.map((v, i) => ({
    setId: v.id, version: v.version, effectiveFrom: v.effectiveFrom, supersededFrom: chain[i + 1]?.effectiveFrom ?? null, note: v.note,
    createdBy: v.createdBy === null ? null : names.get(v.createdBy) ?? null, createdAt: v.createdAt, valueCount: v.entries.length,
  })).reverse();
}

async function regionRefs(db: Db): Promise<Map<number, RegionRef>> {
  return new Map((await db.select().from(regions)).map((r) => [r.id, { regionId: r.id, regionCode: r.code, regionName: r.name, regionNameEn: r.nameEn }]));
}

/** An override chain's region, or NOT_FOUND / FORBIDDEN (not the user's region). */
function overrideRegion(refs: Map<number, RegionRef>, scope: Set<number> | null, regionId: number): RegionRef {
  const ref = refs.get(regionId);
  if (!ref) throw new DomainError('NOT_FOUND', `no region ${regionId}`);
  assertRegionVisible(scope, regionId);
  return ref;
}

/**
 * The national chain and every override chain of the user's regions, newest version first, with
 * the values of each override's newest version and the keys (with units) an override may hold.
 */
export async function listParameterSets(db: Db, scope: Set<number> | null) {
  const [chains, names, refs] = await Promise.all([loadParameterChains(db), usernames(db), regionRefs(db)]);
  const overrides = [...chains.values()]
    .filter((chain) => chain[0]?.regionId != null && (scope === null || scope.has(chain[0].regionId)))
    .map((chain) => {
      const newest = chain.at(-1) as StoredVersion;
      return {
        ...(refs.get(newest.regionId as number) as RegionRef), scheme: newest.scheme as Scheme,
        versions: versionViews(chain, names), current: valueViews(newest.entries),
      };
    })
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.scheme.localeCompare(b.scheme));
  return {
    national: versionViews(chains.get(NATIONAL_SET_NAME) ?? [], names),
    overrides,
    overrideKeys: OVERRIDE_KEYS.map((key) => ({ key, unit: parameterUnit(key) })),
  };
}

/**
 * One version with every value, its unit, provenance and source.
 * @throws DomainError NOT_FOUND `parameter set <id> not found`; FORBIDDEN for an override outside the user's regions.
 */
export async function getParameterSet(db: Db, scope: Set<number> | null, setId: number) {
  const chains = await loadParameterChains(db);
  const chain = [...chains.values()].find((c) => c.some((v) => v.id === setId));
  const index = chain?.findIndex((v) => v.id === setId) ?? -1;
  if (!chain || index < 0) throw new DomainError('NOT_FOUND', `parameter set ${setId} not found`);
  const v = chain[index] as StoredVersion;
  const region = v.regionId === null ? null : overrideRegion(await regionRefs(db), scope, v.regionId);
  const view = versionViews(chain, await usernames(db)).find((x) => x.setId === setId) as VersionView;
  return {
    ...view, kind: v.name === NATIONAL_SET_NAME ? 'national' as const : 'override' as const, region, scheme: v.scheme,
    newestVersion: (chain.at(-1) as StoredVersion).version, values: valueViews(v.entries),
  };
}

export interface InForceQuery {
  /** `YYYY-MM` or `YYYY` (judged at its end); the newest versions when absent. */
  period?: string | undefined;
  regionId?: number | undefined;
  scheme?: WarningScheme | undefined;
}

/**
 * Which versions were in force at a period: the national version and the overrides (of the
 * user's regions) holding values, the merged warning parameters, and with a region and scheme the
 * resolved parameters a fund there was (or is) judged under.
 * @throws DomainError NOT_FOUND for an unknown region, FORBIDDEN outside the user's regions,
 *   BAD_REQUEST `period <p> is before the first national version (from <month>)`.
 */
export async function parametersInForce(db: Db, scope: Set<number> | null, query: InForceQuery) {
  const month = periodMonth(query.period ?? LATEST_PERIOD);
  const chains = await loadParameterChains(db);
  const first = chains.get(NATIONAL_SET_NAME)?.[0];
  if (first && !versionAt([first], month)) {
    throw new DomainError('BAD_REQUEST', `period ${query.period} is before the first national version (from ${first.effectiveFrom})`);
  }
  const rules = rulesAt(chains, month);
  const refs = await regionRefs(db);
  const region = query.regionId === undefined ? null : overrideRegion(refs, scope, query.regionId);
  const visible = rules.overrides.filter((o) => scope === null || scope.has(o.regionId as number));
  const { national } = rules;
  return {
    period: query.period ?? null,
    national: { setId: national.id, version: national.version, effectiveFrom: national.effectiveFrom, note: national.note, values: valueViews(national.entries) },
    overrides: visible.map((o) => ({
      ...(refs.get(o.regionId as number) as RegionRef), scheme: o.scheme as Scheme, setId: o.id, version: o.version,
      effectiveFrom: o.effectiveFrom, note: o.note, values: valueViews(o.entries),
    })),
    resolved: region && query.scheme ? { ...region, scheme: query.scheme, ...resolveParams(rules.params, region.regionCode, query.scheme) } : null,
  };
}

