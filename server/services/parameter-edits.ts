/**
 * Editing the policy parameter sets (domain.md §3). Versions are immutable: an edit of the
 * national set is its next version, from the newest one, with the edited values and an
 * effective-from month; a region's override of a scheme is the next version of its own chain
 * holding exactly the values given (none: the override ends from that month). Each is checked
 * with the rules of `parseWarningParams` against every combination of versions it will be in
 * force with, and written in one transaction with its audit row (before → after), which also
 * resets the warning and dashboard caches (warning-cache.ts).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { regions, type Provenance } from '../db/schema.ts';
import type { WarningScheme } from '../../models/index.ts';
import {
  NATIONAL_SET_NAME, insertVersion, overrideSetName, readParameterChains, rulesAt, type ParameterEntry, type StoredVersion,
} from './parameters.ts';
import { NATIONAL_KEYS, OVERRIDE_KEYS, getParameterSet } from './parameter-sets.ts';
import { appendAudit } from './audit.ts';
import type { AuditAction } from './audit-actions.ts';
import { auditActor, type Actor } from './users.ts';
import { DomainError } from './errors.ts';
import { assertRegionVisible } from './region-scope.ts';

export interface ParameterValueInput {
  key: string;
  value: number | string;
  provenance: Provenance;
  source: string;
}

export interface CreateVersionInput {
  /** The newest national version, the edits apply to it. */
  fromSetId: number;
  effectiveFrom: string;
  note: string;
  values: readonly ParameterValueInput[];
}

export interface SetOverrideInput {
  regionId: number;
  scheme: WarningScheme;
  effectiveFrom: string;
  note: string;
  values: readonly ParameterValueInput[];
}

const bad = (message: string) => new DomainError('BAD_REQUEST', message);
const sameEntry = (a: ParameterEntry, b: ParameterEntry) =>
  a.key === b.key && JSON.stringify(a.value) === JSON.stringify(b.value) && a.provenance === b.provenance && a.source === b.source;
const byKey = (entries: readonly ParameterEntry[]) => Object.fromEntries(entries.map((e) => [e.key, { value: e.value, provenance: e.provenance, source: e.source }]));

/** @throws DomainError BAD_REQUEST `parameter <key> is not a known key (expected …)` / `parameter <key> is given twice`. */
function checkKeys(values: readonly ParameterValueInput[], allowed: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const { key } of values) {
    if (!allowed.includes(key)) throw bad(`parameter ${key} is not a known key of ${what} (expected ${allowed.join(', ')})`);
    if (seen.has(key)) throw bad(`parameter ${key} is given twice`);
    seen.add(key);
  }
}

/**
 * What `parseWarningParams` does not check: the reserve rate, the tier labels, and a denominator
 * the stored sets can serve (`projected_next_12` needs a projected expenditure per period, which
 * only `fundrisk warn` is given: the dashboard and the warning services would fail on it).
 */
function checkValuesBeyondParse(entries: readonly ParameterEntry[]): void {
  for (const { key, value } of entries) {
    if (key === 'denominator' && value === 'projected_next_12') {
      throw bad('params.denominator projected_next_12 needs a projected expenditure for every period, which the stored parameter sets cannot supply: choose current_year or year_to_date');
    }
    if (key === 'reserveRate' && (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= 1)) {
      throw bad(`params.reserveRate must be a decimal rate from 0 up to (not including) 1 (0.09 not 9), got ${JSON.stringify(value)}`);
    }
    if (key.startsWith('tierLabel.') && (typeof value !== 'string' || value.trim() === '')) {
      throw bad(`params.${key} must be a non-empty text, got ${JSON.stringify(value)}`);
    }
  }
}

/**
 * Appends `next` to its chain and checks the rules at every month from its effective month on
 * where any chain changes: a new national threshold must keep every regional override in order,
 * and an override must be in order with every national version it will be merged with.
 * @throws DomainError BAD_REQUEST `effectiveFrom <m> is before <m0>, when version <v> took effect: …`,
 *   or the message of `parseWarningParams` (with `(rules in force from <m>)` when at a later month).
 */
function checkTimeline(chains: Map<string, StoredVersion[]>, next: StoredVersion): void {
  const chain = chains.get(next.name) ?? [];
  const newest = chain.at(-1);
  if (newest && next.effectiveFrom < newest.effectiveFrom) {
    throw bad(`effectiveFrom ${next.effectiveFrom} is before ${newest.effectiveFrom}, when version ${newest.version} took effect: a new version cannot take effect before the version it follows`);
  }
  const extended = new Map(chains).set(next.name, [...chain, next]);
  const months = new Set([next.effectiveFrom]);
  for (const c of extended.values()) for (const v of c) if (v.effectiveFrom > next.effectiveFrom) months.add(v.effectiveFrom);
  for (const month of [...months].sort()) {
    try {
      rulesAt(extended, month);
    } catch (err) {
      const message = (err as Error).message;
      throw bad(month === next.effectiveFrom ? message : `${message} (rules in force from ${month})`);
    }
  }
}

/** Writes the version and its audit row; call inside the transaction that read the chains it was checked against. */
async function writeVersion(
  tx: Db, actor: Actor, next: StoredVersion, action: AuditAction, before: unknown, after: Record<string, unknown>,
): Promise<number> {
  const { who, at } = auditActor(actor);
  const id = await insertVersion(tx, {
    name: next.name, version: next.version, regionId: next.regionId, scheme: next.scheme, effectiveFrom: next.effectiveFrom,
    note: next.note ?? '', createdBy: actor.id,
  }, next.entries);
  await appendAudit(tx, { ...who, action, entity: 'parameter_set', entityId: id, before, after: { setId: id, ...after } }, at);
  return id;
}

/**
 * The next national version: the newest one with `values` replacing the entries of their keys.
 * @throws DomainError NOT_FOUND `parameter set <id> not found`; CONFLICT `parameter set <id> is version <v>; the newest
 *   national version is <n>: start from it`; BAD_REQUEST for an override's id, an unknown or repeated key, no change
 *   (`nothing changes from version <v>: …`), an effective month before the newest version's, or a broken rule, e.g.
 *   `params.thresholds.orangeBelow must be a number greater than redBelow (3), got 2`.
 */
export async function createParameterVersion(db: Db, actor: Actor, input: CreateVersionInput) {
  // the chains are read, checked and extended under the write lock: no other version can slip in between
  const id = await db.transaction(async (tx) => createVersionIn(tx, actor, input));
  return getParameterSet(db, null, id);
}

async function createVersionIn(tx: Db, actor: Actor, input: CreateVersionInput): Promise<number> {
  const chains = await readParameterChains(tx);
  const base = [...chains.values()].flat().find((v) => v.id === input.fromSetId);
  if (!base) throw new DomainError('NOT_FOUND', `parameter set ${input.fromSetId} not found`);
  if (base.name !== NATIONAL_SET_NAME) {
    throw bad(`parameter set ${base.id} is the ${base.scheme} override of region ${base.regionCode}: change it with parameters.setOverride`);
  }
  const newest = chains.get(NATIONAL_SET_NAME)?.at(-1) as StoredVersion;
  if (newest.id !== base.id) {
    throw new DomainError('CONFLICT', `parameter set ${base.id} is version ${base.version}; the newest national version is ${newest.version}: start from it`);
  }
  checkKeys(input.values, NATIONAL_KEYS, 'the national set');
  const edits = new Map(input.values.map((v) => [v.key, v]));
  const entries = base.entries.map((e) => edits.get(e.key) ?? e);
  const changed = entries.filter((e, i) => !sameEntry(e, base.entries[i] as ParameterEntry));
  if (changed.length === 0) throw bad(`nothing changes from version ${base.version}: edit at least one value, provenance or source`);
  checkValuesBeyondParse(entries);
  const next: StoredVersion = { ...base, id: 0, version: base.version + 1, effectiveFrom: input.effectiveFrom, note: input.note, entries };
  checkTimeline(chains, next);
  const changedKeys = new Set(changed.map((e) => e.key));
  return writeVersion(tx, actor, next, 'parameters.version',
    { setId: base.id, version: base.version, effectiveFrom: base.effectiveFrom, values: byKey(base.entries.filter((e) => changedKeys.has(e.key))) },
    { version: next.version, effectiveFrom: next.effectiveFrom, note: input.note, values: byKey(changed) });
}

/**
 * The next version of a region's override of a scheme, holding exactly `values` from `effectiveFrom`
 * (an empty list ends the override from that month).
 * @throws DomainError NOT_FOUND `no region <id>`; FORBIDDEN outside the user's regions; BAD_REQUEST for a key
 *   not overridable per region, a repeated key, no change, nothing to end, an effective month before the newest
 *   version's, or a broken rule, e.g. `params.regions.C1.employee.thresholds.orangeBelow must be a number greater than redBelow (7), got 6`.
 */
export async function setRegionalOverride(db: Db, actor: Actor, scope: Set<number> | null, input: SetOverrideInput) {
  const id = await db.transaction(async (tx) => setOverrideIn(tx, actor, scope, input));
  return getParameterSet(db, scope, id);
}

async function setOverrideIn(tx: Db, actor: Actor, scope: Set<number> | null, input: SetOverrideInput): Promise<number> {
  const [found] = await tx.select({ code: regions.code }).from(regions).where(eq(regions.id, input.regionId)).limit(1);
  const region = found?.code;
  if (region === undefined) throw new DomainError('NOT_FOUND', `no region ${input.regionId}`);
  assertRegionVisible(scope, input.regionId);
  checkKeys(input.values, OVERRIDE_KEYS, 'a regional override');
  const chains = await readParameterChains(tx);
  const name = overrideSetName(input.regionId, input.scheme);
  const newest = chains.get(name)?.at(-1);
  const entries: ParameterEntry[] = input.values.map((v) => ({ key: v.key, value: v.value, provenance: v.provenance, source: v.source }));
  checkValuesBeyondParse(entries);
  const label = `region ${region} (${input.scheme})`;
  if (!newest && entries.length === 0) throw bad(`${label} has no override to end`);
  if (newest && newest.entries.length === entries.length && entries.every((e) => newest.entries.some((n) => sameEntry(n, e)))) {
    throw bad(`nothing changes from version ${newest.version} of the override of ${label}: edit at least one value, provenance or source`);
  }
  const next: StoredVersion = {
    id: 0, name, version: (newest?.version ?? 0) + 1, regionId: input.regionId, regionCode: region, scheme: input.scheme,
    effectiveFrom: input.effectiveFrom, note: input.note, createdBy: actor.id, createdAt: '', entries,
  };
  checkTimeline(chains, next);
  return writeVersion(tx, actor, next, 'parameters.override',
    newest ? { setId: newest.id, version: newest.version, effectiveFrom: newest.effectiveFrom, values: byKey(newest.entries) } : null,
    { region, scheme: input.scheme, version: next.version, effectiveFrom: next.effectiveFrom, note: input.note, values: byKey(entries) });
}
