/**
 * Policy parameter sets in the database (domain.md §3): the national default set and the
 * overrides of one region and scheme, each a chain of immutable versions with an effective-from
 * month. This is the read side: the rules in force at a period, as the warning services use them.
 *
 * In force at period P, per chain: the newest version whose effective-from month is ≤ P. A new
 * version never takes effect before the one it follows (parameter-sets.ts refuses it), so that is
 * also the version with the latest effective-from month ≤ P, and the version in force never moves
 * back as P moves forward.
 */
import { asc, count, eq, max } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { parameterSets, parameterValues, regions, type Provenance, type Scheme } from '../db/schema.ts';
import { NATIONAL_DEFAULT_PARAMETERS, parseWarningParams, type WarningParams } from '../../models/index.ts';

export const NATIONAL_SET_NAME = 'national-default';
const NATIONAL_EFFECTIVE_FROM = '2009-01';
/** Later than any period: the newest version of every chain. */
export const LATEST_PERIOD = '9999-12';

export interface ParameterEntry {
  key: string;
  value: unknown;
  provenance: Provenance;
  source: string;
}

/** One stored version with its values; `regionCode` and `scheme` are null for the national set. */
export interface StoredVersion {
  id: number;
  name: string;
  version: number;
  regionId: number | null;
  regionCode: string | null;
  scheme: Scheme | null;
  effectiveFrom: string;
  note: string | null;
  createdBy: number | null;
  createdAt: string;
  entries: ParameterEntry[];
}

/** The set name of the override chain of one region and scheme. */
export const overrideSetName = (regionId: number, scheme: string) => `region-${regionId}-${scheme}`;

/** Writes version 1 of the national default set if the database has none. */
export async function ensureNationalParameterSet(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: parameterSets.id }).from(parameterSets).where(eq(parameterSets.name, NATIONAL_SET_NAME)).limit(1);
    if (existing) return;
    await insertVersion(tx, {
      name: NATIONAL_SET_NAME, version: 1, regionId: null, scheme: null, effectiveFrom: NATIONAL_EFFECTIVE_FROM,
      note: 'National defaults of domain.md §3–§5 with provenance per value', createdBy: null,
    }, NATIONAL_DEFAULT_PARAMETERS);
  });
}

export interface NewVersion {
  name: string;
  version: number;
  regionId: number | null;
  scheme: Scheme | null;
  effectiveFrom: string;
  note: string;
  createdBy: number | null;
}

/**
 * Inserts a version as a draft, its values, then publishes it (the database refuses values for a
 * published version). Call inside the transaction that also writes the audit row.
 */
export async function insertVersion(tx: Db, set: NewVersion, entries: readonly ParameterEntry[]): Promise<number> {
  const [{ id }] = await tx.insert(parameterSets).values({ ...set, status: 'draft' }).returning({ id: parameterSets.id }) as [{ id: number }];
  if (entries.length > 0) {
    await tx.insert(parameterValues).values(entries.map((e) => ({
      setId: id, key: e.key, valueJson: JSON.stringify(e.value), provenance: e.provenance, source: e.source,
    })));
  }
  await tx.update(parameterSets).set({ status: 'published' }).where(eq(parameterSets.id, id));
  return id;
}

interface Loaded {
  stamp: string;
  /** Shared by the requests that find the same stamp while it is being read. */
  chains: Promise<Map<string, StoredVersion[]>>;
  rules: Map<string, RulesInForce>;
}
const loaded = new WeakMap<Db, Loaded>();
const stampQueries = new WeakMap<Db, () => Promise<string>>();
/** Months of rules kept per database (a fund's ten years of monthly history is 120). */
const RULES_MEMO_LIMIT = 256;

/**
 * Count and newest id of the published versions, as a named prepared statement per database:
 * published rows never change and ids only grow, so an equal stamp means equal chains.
 */
function publishedStamp(db: Db): Promise<string> {
  let query = stampQueries.get(db);
  if (!query) {
    const prepared = db.select({ n: count(), last: max(parameterSets.id) }).from(parameterSets)
      .where(eq(parameterSets.status, 'published')).prepare('parameters_published_stamp');
    query = async () => {
      const [row] = await prepared.execute();
      return `${row?.n ?? 0}|${row?.last ?? 0}`;
    };
    stampQueries.set(db, query);
  }
  return query();
}

/**
 * The loaded chains of a database and the rules built from them, read again only after a version
 * was published. Concurrent requests share one read; a read that fails is dropped, not kept.
 */
async function loadedState(db: Db): Promise<{ chains: Map<string, StoredVersion[]>; rules: Map<string, RulesInForce> }> {
  const stamp = await publishedStamp(db);
  let state = loaded.get(db);
  if (!state || state.stamp !== stamp) {
    const fresh: Loaded = { stamp, chains: readParameterChains(db), rules: new Map() };
    fresh.chains.catch(() => {
      if (loaded.get(db) === fresh) loaded.delete(db);
    });
    loaded.set(db, (state = fresh));
  }
  return { chains: await state.chains, rules: state.rules };
}

/** Every published version by set name, oldest first (shared: callers must not change them). */
export async function loadParameterChains(db: Db): Promise<Map<string, StoredVersion[]>> {
  return (await loadedState(db)).chains;
}

/**
 * Every published version by set name, oldest first, read now and not kept: for the checks of an
 * edit, inside its write transaction (a memoised read may have been started outside it).
 */
export async function readParameterChains(db: Db): Promise<Map<string, StoredVersion[]>> {
  const [sets, rows] = await Promise.all([
    db.select({ set: parameterSets, regionCode: regions.code }).from(parameterSets)
      .leftJoin(regions, eq(regions.id, parameterSets.regionId))
      .where(eq(parameterSets.status, 'published')).orderBy(asc(parameterSets.name), asc(parameterSets.version)),
    db.select().from(parameterValues).orderBy(asc(parameterValues.key)),
  ]);
  const values = new Map<number, ParameterEntry[]>();
  for (const v of rows) {
    const entry = { key: v.key, value: JSON.parse(v.valueJson) as unknown, provenance: v.provenance, source: v.source };
    values.set(v.setId, [...(values.get(v.setId) ?? []), entry]);
  }
  const chains = new Map<string, StoredVersion[]>();
  for (const { set, regionCode } of sets) {
    const stored: StoredVersion = {
      id: set.id, name: set.name, version: set.version, regionId: set.regionId, regionCode, scheme: set.scheme,
      effectiveFrom: set.effectiveFrom, note: set.note, createdBy: set.createdBy, createdAt: set.createdAt, entries: values.get(set.id) ?? [],
    };
    chains.set(set.name, [...(chains.get(set.name) ?? []), stored]);
  }
  return chains;
}

/** `YYYY` → `YYYY-12` (a year is judged at its end, as the warnings read yearly data); `YYYY-MM` as it is. */
export function periodMonth(period: string): string {
  return /^\d{4}$/.test(period) ? `${period}-12` : period;
}

/** The version of a chain (oldest first) in force at a month, or undefined before its first. */
export function versionAt(chain: readonly StoredVersion[], month: string): StoredVersion | undefined {
  let found: StoredVersion | undefined;
  for (const v of chain) if (v.effectiveFrom <= month && (!found || v.version > found.version)) found = v;
  return found;
}

/** The rules of one period: the national version, the overrides with values, and the merged parameters. */
export interface RulesInForce {
  month: string;
  national: StoredVersion;
  /** Override versions in force that hold values (an empty version withdraws its override). */
  overrides: StoredVersion[];
  /** The national values with `regions.<code>.<scheme>` overrides, checked by `parseWarningParams`. */
  params: WarningParams;
  /** Identifies the combination of versions: equal keys, equal rules. */
  key: string;
}

/** Warning keys of an entry list as the JSON `parseWarningParams` reads (`thresholds.redBelow` → `{ thresholds: { redBelow } }`). */
function warningJson(entries: readonly ParameterEntry[]): Record<string, unknown> {
  const out: Record<string, Record<string, unknown> | unknown> = {};
  for (const { key, value } of entries) {
    const [head, tail] = key.split('.', 2) as [string, string | undefined];
    if (head === 'denominator') out.denominator = value;
    else if ((head === 'thresholds' || head === 'resident') && tail !== undefined) {
      out[head] = { ...(out[head] as Record<string, unknown> | undefined), [tail]: value };
    }
  }
  return out;
}

/**
 * The rules in force at `month`, built from loaded chains.
 * @throws Error `no national parameter set: the database was not initialised`, or the message of
 *   `parseWarningParams` when the combination breaks a rule (writes check every combination first).
 */
export function rulesAt(chains: ReadonlyMap<string, readonly StoredVersion[]>, month: string): RulesInForce {
  const national = versionAt(chains.get(NATIONAL_SET_NAME) ?? [], month);
  if (!national) throw new Error('no national parameter set: the database was not initialised');
  const overrides: StoredVersion[] = [];
  const byRegion: Record<string, Record<string, unknown>> = {};
  for (const [name, chain] of chains) {
    if (name === NATIONAL_SET_NAME) continue;
    const v = versionAt(chain, month);
    if (!v || v.entries.length === 0 || v.regionCode === null || v.scheme === null) continue;
    overrides.push(v);
    byRegion[v.regionCode] = { ...byRegion[v.regionCode], [v.scheme]: warningJson(v.entries) };
  }
  const json = { ...warningJson(national.entries), ...(overrides.length > 0 ? { regions: byRegion } : {}) };
  const key = [national.id, ...overrides.map((o) => o.id).sort((a, b) => a - b)].join('+');
  return { month, national, overrides, params: parseWarningParams(json), key };
}

/** What the warning services use of the rules in force: the parameters, the national entries and version the UI shows beside them, the key. */
export interface WarningRules { params: WarningParams; entries: ParameterEntry[]; version: number; key: string }

/** The {@link WarningRules} of the rules in force at a month (one shape for `activeWarningParams` and warning-rules.ts). */
export function warningRulesOf(rules: RulesInForce): WarningRules {
  return { params: rules.params, entries: rules.national.entries, version: rules.national.version, key: rules.key };
}

/**
 * The warning parameters in force at a period (`YYYY-MM` or `YYYY`; the newest versions without
 * one), the national entries and version the UI shows beside them, and the key of the combination.
 */
export async function activeWarningParams(db: Db, period: string = LATEST_PERIOD): Promise<WarningRules> {
  const state = await loadedState(db);
  const month = periodMonth(period);
  let rules = state.rules.get(month);
  if (!rules) {
    if (state.rules.size >= RULES_MEMO_LIMIT) state.rules.clear();
    rules = rulesAt(state.chains, month);
    state.rules.set(month, rules);
  }
  return warningRulesOf(rules);
}
