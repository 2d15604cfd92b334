/**
 * Projection scenarios as named, versioned, immutable assumption sets (domain.md §6.4). Saving a
 * change makes a new version in the same lineage; cloning starts a new lineage. The database
 * refuses UPDATE and DELETE on scenario rows (migration 0004), so a stored figure can always be
 * reproduced from the version, hash and vintage its run recorded.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, isNull, or, max } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { funds, regions, scenarios } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import type { Scenario } from '../../models/index.ts';
import { appendAudit } from './audit.ts';
import type { AuditAction } from './audit-actions.ts';
import { DomainError } from './errors.ts';
import { assertRegionVisible } from './region-scope.ts';

export type ScenarioRow = typeof scenarios.$inferSelect;
export type ScenarioPreset = NonNullable<ScenarioRow['preset']>;

export interface ScenarioVersion {
  id: number;
  lineage: string;
  version: number;
  name: string;
  scheme: Scenario['scheme'];
  regionId: number | null;
  fundId: number | null;
  preset: ScenarioPreset | null;
  basedOnId: number | null;
  inputHash: string;
  dataVintage: string;
  note: string | null;
  createdBy: number | null;
  createdAt: string;
  scenario: Scenario;
}

export interface SaveScenarioInput {
  scenario: Scenario;
  regionId?: number | null | undefined;
  fundId?: number | null | undefined;
  preset?: ScenarioPreset | null | undefined;
  dataVintage?: string | undefined;
  note?: string | undefined;
}

/** JSON with object keys sorted at every level, so equal scenarios hash equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(canonicalJson(scenario)).digest('hex');
}

function toVersion(row: ScenarioRow): ScenarioVersion {
  const { scenarioJson, parameterSetId: _unused, ...rest } = row;
  return { ...rest, scenario: JSON.parse(scenarioJson) as Scenario };
}

interface VersionPlace { lineage: string; version: number; basedOnId: number | null; action: AuditAction }

/**
 * The region and fund a version refers to exist and are in the user's regions (a fund's region
 * counts even when the version names no region).
 * @throws DomainError NOT_FOUND `region <id> not found` or `fund <id> not found`; FORBIDDEN outside the user's regions.
 */
function assertReferencesVisible(db: Db, scope: Set<number> | null, regionId: number | null, fundId: number | null): void {
  if (regionId !== null) {
    if (!db.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId)).get()) throw new DomainError('NOT_FOUND', `region ${regionId} not found`);
    assertRegionVisible(scope, regionId);
  }
  if (fundId !== null) {
    const fund = db.select({ regionId: funds.regionId }).from(funds).where(eq(funds.id, fundId)).get();
    if (!fund) throw new DomainError('NOT_FOUND', `fund ${fundId} not found`);
    assertRegionVisible(scope, fund.regionId);
  }
}

function insertVersion(db: Db, user: SessionUser, scope: Set<number> | null, input: SaveScenarioInput, place: VersionPlace): ScenarioVersion {
  const { lineage, version, basedOnId, action } = place;
  const regionId = input.regionId ?? null;
  assertReferencesVisible(db, scope, regionId, input.fundId ?? null);
  return db.transaction((tx) => {
    const row = tx.insert(scenarios).values({
      lineage, version, name: input.scenario.name, scheme: input.scenario.scheme, regionId, fundId: input.fundId ?? null,
      preset: input.preset ?? null, basedOnId, scenarioJson: JSON.stringify(input.scenario), inputHash: scenarioHash(input.scenario),
      dataVintage: input.dataVintage ?? 'manual', note: input.note ?? null, createdBy: user.id,
    }).returning().get();
    appendAudit(tx, {
      userId: user.id, username: user.username, action, entity: 'scenario', entityId: row.id,
      after: { lineage, version, name: row.name, inputHash: row.inputHash, basedOnId },
    });
    return toVersion(row);
  });
}

/** Saves a new scenario as version 1 of a new lineage. */
export function createScenario(db: Db, user: SessionUser, scope: Set<number> | null, input: SaveScenarioInput): ScenarioVersion {
  return insertVersion(db, user, scope, input, { lineage: randomUUID(), version: 1, basedOnId: null, action: 'scenario.create' });
}

/**
 * Saves a change to a scenario as the next version of its lineage.
 * @throws DomainError CONFLICT `scenario <id> is version <v>; the newest version of "<name>" is <w>` when revising an old version.
 */
export function reviseScenario(db: Db, user: SessionUser, scope: Set<number> | null, fromId: number, input: SaveScenarioInput): ScenarioVersion {
  const from = getScenario(db, scope, fromId);
  const newest = db.select({ v: max(scenarios.version) }).from(scenarios).where(eq(scenarios.lineage, from.lineage)).get()?.v ?? from.version;
  if (newest !== from.version) {
    throw new DomainError('CONFLICT', `scenario ${fromId} is version ${from.version}; the newest version of "${from.name}" is ${newest}`);
  }
  if (input.scenario.scheme !== from.scheme) throw new DomainError('BAD_REQUEST', `a new version keeps the scheme (${from.scheme})`);
  const regionId = input.regionId === undefined ? from.regionId : input.regionId;
  return insertVersion(db, user, scope, { ...input, regionId, fundId: input.fundId ?? from.fundId, dataVintage: input.dataVintage ?? from.dataVintage }, { lineage: from.lineage, version: newest + 1, basedOnId: from.id, action: 'scenario.revise' });
}

/** Copies a version into a new lineage (optionally as a preset of it), version 1. */
export function cloneScenario(db: Db, user: SessionUser, scope: Set<number> | null, fromId: number, input: SaveScenarioInput): ScenarioVersion {
  const from = getScenario(db, scope, fromId);
  return insertVersion(db, user, scope, {
    ...input, regionId: input.regionId === undefined ? from.regionId : input.regionId, fundId: input.fundId ?? from.fundId,
    dataVintage: input.dataVintage ?? from.dataVintage,
  }, { lineage: randomUUID(), version: 1, basedOnId: from.id, action: 'scenario.clone' });
}

/**
 * One scenario version the user may see (its region in scope, or a hypothetical fund).
 * @throws DomainError NOT_FOUND `scenario <id> not found`; FORBIDDEN when its region is outside the user's regions.
 */
export function getScenario(db: Db, scope: Set<number> | null, id: number): ScenarioVersion {
  const row = db.select().from(scenarios).where(eq(scenarios.id, id)).get();
  if (!row) throw new DomainError('NOT_FOUND', `scenario ${id} not found`);
  if (row.regionId !== null) assertRegionVisible(scope, row.regionId);
  return toVersion(row);
}

/** Every version the user may see, newest first; `lineage` narrows to one scenario's history. */
export function listScenarios(db: Db, scope: Set<number> | null, lineage?: string): Omit<ScenarioVersion, 'scenario'>[] {
  const scoped = scope === null ? undefined : or(isNull(scenarios.regionId), inArray(scenarios.regionId, [...scope]));
  const rows = db.select().from(scenarios)
    .where(and(scoped, lineage === undefined ? undefined : eq(scenarios.lineage, lineage)))
    .orderBy(desc(scenarios.id)).limit(500).all();
  return rows.map(({ scenarioJson: _json, parameterSetId: _set, ...rest }) => rest);
}
