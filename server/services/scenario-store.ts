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
 * counts even when the version names no region). Call inside the write transaction.
 * @throws DomainError NOT_FOUND `region <id> not found` or `fund <id> not found`; FORBIDDEN outside the user's regions.
 */
async function assertReferencesVisible(tx: Db, scope: Set<number> | null, regionId: number | null, fundId: number | null): Promise<void> {
  if (regionId !== null) {
    const [region] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, regionId)).limit(1);
    if (!region) throw new DomainError('NOT_FOUND', `region ${regionId} not found`);
    assertRegionVisible(scope, regionId);
  }
  if (fundId !== null) {
    const [fund] = await tx.select({ regionId: funds.regionId }).from(funds).where(eq(funds.id, fundId)).limit(1);
    if (!fund) throw new DomainError('NOT_FOUND', `fund ${fundId} not found`);
    assertRegionVisible(scope, fund.regionId);
  }
}

/** Checks the references, then writes one version and its audit row: call inside the write transaction. */
async function insertVersion(tx: Db, user: SessionUser, scope: Set<number> | null, input: SaveScenarioInput, place: VersionPlace): Promise<ScenarioVersion> {
  const { lineage, version, basedOnId, action } = place;
  const regionId = input.regionId ?? null;
  await assertReferencesVisible(tx, scope, regionId, input.fundId ?? null);
  // an insert … returning answers the one row it wrote
  const [row] = (await tx.insert(scenarios).values({
    lineage, version, name: input.scenario.name, scheme: input.scenario.scheme, regionId, fundId: input.fundId ?? null,
    preset: input.preset ?? null, basedOnId, scenarioJson: JSON.stringify(input.scenario), inputHash: scenarioHash(input.scenario),
    dataVintage: input.dataVintage ?? 'manual', note: input.note ?? null, createdBy: user.id,
  }).returning()) as [ScenarioRow];
  await appendAudit(tx, {
    userId: user.id, username: user.username, action, entity: 'scenario', entityId: row.id,
    after: { lineage, version, name: row.name, inputHash: row.inputHash, basedOnId },
  });
  return toVersion(row);
}

/** Saves a new scenario as version 1 of a new lineage. */
export function createScenario(db: Db, user: SessionUser, scope: Set<number> | null, input: SaveScenarioInput): Promise<ScenarioVersion> {
  return db.transaction((tx) => insertVersion(tx, user, scope, input, { lineage: randomUUID(), version: 1, basedOnId: null, action: 'scenario.create' }));
}

/**
 * Saves a change to a scenario as the next version of its lineage. The newest version is read in
 * the write transaction, so two revisions of the same version cannot both pass.
 * @throws DomainError CONFLICT `scenario <id> is version <v>; the newest version of "<name>" is <w>` when revising an old version.
 */
export function reviseScenario(db: Db, user: SessionUser, scope: Set<number> | null, fromId: number, input: SaveScenarioInput): Promise<ScenarioVersion> {
  return db.transaction(async (tx) => {
    const from = await getScenario(tx, scope, fromId);
    const [newestRow] = await tx.select({ v: max(scenarios.version) }).from(scenarios).where(eq(scenarios.lineage, from.lineage));
    const newest = newestRow?.v ?? from.version;
    if (newest !== from.version) {
      throw new DomainError('CONFLICT', `scenario ${fromId} is version ${from.version}; the newest version of "${from.name}" is ${newest}`);
    }
    if (input.scenario.scheme !== from.scheme) throw new DomainError('BAD_REQUEST', `a new version keeps the scheme (${from.scheme})`);
    const regionId = input.regionId === undefined ? from.regionId : input.regionId;
    return insertVersion(tx, user, scope, { ...input, regionId, fundId: input.fundId ?? from.fundId, dataVintage: input.dataVintage ?? from.dataVintage }, { lineage: from.lineage, version: newest + 1, basedOnId: from.id, action: 'scenario.revise' });
  });
}

/** Copies a version into a new lineage (optionally as a preset of it), version 1. */
export function cloneScenario(db: Db, user: SessionUser, scope: Set<number> | null, fromId: number, input: SaveScenarioInput): Promise<ScenarioVersion> {
  return db.transaction(async (tx) => {
    const from = await getScenario(tx, scope, fromId);
    return insertVersion(tx, user, scope, {
      ...input, regionId: input.regionId === undefined ? from.regionId : input.regionId, fundId: input.fundId ?? from.fundId,
      dataVintage: input.dataVintage ?? from.dataVintage,
    }, { lineage: randomUUID(), version: 1, basedOnId: from.id, action: 'scenario.clone' });
  });
}

/**
 * One scenario version the user may see (its region in scope, or a hypothetical fund).
 * @throws DomainError NOT_FOUND `scenario <id> not found`; FORBIDDEN when its region is outside the user's regions.
 */
export async function getScenario(db: Db, scope: Set<number> | null, id: number): Promise<ScenarioVersion> {
  const [row] = await db.select().from(scenarios).where(eq(scenarios.id, id)).limit(1);
  if (!row) throw new DomainError('NOT_FOUND', `scenario ${id} not found`);
  if (row.regionId !== null) assertRegionVisible(scope, row.regionId);
  return toVersion(row);
}

/** Every version the user may see, newest first; `lineage` narrows to one scenario's history. */
export async function listScenarios(db: Db, scope: Set<number> | null, lineage?: string): Promise<Omit<ScenarioVersion, 'scenario'>[]> {
  const scoped = scope === null ? undefined : or(isNull(scenarios.regionId), inArray(scenarios.regionId, [...scope]));
  const rows = await db.select().from(scenarios)
    .where(and(scoped, lineage === undefined ? undefined : eq(scenarios.lineage, lineage)))
    .orderBy(desc(scenarios.id)).limit(500);
  return rows.map(({ scenarioJson: _json, parameterSetId: _set, ...rest }) => rest);
}
