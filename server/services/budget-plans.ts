/**
 * Budget plans (domain.md §5): one version of the year × scheme × region budget of designated
 * institutions. Loading with region scoping, the lock of approved plans (a change needs a new
 * version; the database triggers of migration budget_plans_immutable refuse it too), listing,
 * creating a draft and starting a new version.
 */
import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  budgetDecisions, budgetPlans, budgetQuotas, regions, users, type BudgetPlanStatus, type Scheme,
} from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { collectiveDecisionThresholdFen, fenToYuan, type BudgetParams, type BudgetParamsOverride } from '../../models/index.ts';
import { parseBudgetParams } from '../schemas/budget-params.ts';
import { appendAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import { assertRegionVisible } from './region-scope.ts';
import { totalView, type TotalRecord } from './budget-views.ts';
import { insertRows } from './budget-bulk.ts';

export type PlanRow = typeof budgetPlans.$inferSelect;
export const LOCKED_STATUSES: readonly BudgetPlanStatus[] = ['approved', 'settled', 'superseded'];

export function planLabel(plan: Pick<PlanRow, 'id' | 'year' | 'scheme' | 'version'>): string {
  return `budget plan ${plan.id} (${plan.year} ${plan.scheme}, version ${plan.version})`;
}

/** The exact refusal for any change to an approved (or settled, superseded) plan. */
export function lockedMessage(plan: PlanRow): string {
  return `${planLabel(plan)} is ${plan.status} and locked: create a new version to change it`;
}

/**
 * @throws DomainError NOT_FOUND `budget plan <id> not found`; FORBIDDEN when its region is outside the user's regions.
 */
export async function loadPlan(db: Db, scope: Set<number> | null, planId: number): Promise<PlanRow> {
  const [plan] = await db.select().from(budgetPlans).where(eq(budgetPlans.id, planId)).limit(1);
  if (!plan) throw new DomainError('NOT_FOUND', `budget plan ${planId} not found`);
  assertRegionVisible(scope, plan.regionId);
  return plan;
}

/** A plan that may still change. @throws DomainError CONFLICT {@link lockedMessage} when approved, settled or superseded. */
export async function editablePlan(db: Db, scope: Set<number> | null, planId: number): Promise<PlanRow> {
  const plan = await loadPlan(db, scope, planId);
  if (LOCKED_STATUSES.includes(plan.status)) throw new DomainError('CONFLICT', lockedMessage(plan));
  return plan;
}

/** A plan in one of `statuses`. @throws DomainError CONFLICT `<plan> is <status>: <what> needs <statuses>`. */
export async function planInStatus(db: Db, scope: Set<number> | null, planId: number, statuses: readonly BudgetPlanStatus[], what: string): Promise<PlanRow> {
  const plan = await loadPlan(db, scope, planId);
  if (!statuses.includes(plan.status)) throw new DomainError('CONFLICT', `${planLabel(plan)} is ${plan.status}: ${what} needs a plan that is ${statuses.join(' or ')}`);
  return plan;
}

/** The plan's complete parameter set (its override on the defaults). */
export function planParams(plan: PlanRow): BudgetParams {
  return parseBudgetParams(JSON.parse(plan.paramsJson));
}

/** The region and every region nested under it (province → city → county). */
export async function regionSubtree(db: Db, regionId: number): Promise<number[]> {
  const all = await db.select({ id: regions.id, parentId: regions.parentId }).from(regions);
  const out = [regionId];
  for (let i = 0; i < out.length; i++) for (const r of all) if (r.parentId === out[i]) out.push(r.id);
  return out;
}

export async function planView(db: Db, plan: PlanRow): Promise<PlanView> {
  return (await planViews(db, [plan]))[0] as PlanView;
}

/** The views of several plans, their regions and users read once for all. */
async function planViews(db: Db, plans: readonly PlanRow[]): Promise<PlanView[]> {
  if (plans.length === 0) return [];
  const regionRows = await db.select({ id: regions.id, code: regions.code, name: regions.name, nameEn: regions.nameEn }).from(regions)
    .where(inArray(regions.id, [...new Set(plans.map((p) => p.regionId))]));
  const userIds = [...new Set(plans.flatMap((p) => [p.createdBy, p.approvedBy, p.settledBy]).filter((x): x is number => x !== null))];
  const userRows = userIds.length === 0 ? [] : await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.id, userIds));
  const regionById = new Map(regionRows.map((r) => [r.id, r]));
  const names = new Map(userRows.map((u) => [u.id, u.username]));
  return plans.map((plan) => shapePlan(plan, regionById.get(plan.regionId), names));
}

function shapePlan(plan: PlanRow, region: { code: string; name: string; nameEn: string | null } | undefined, names: ReadonlyMap<number, string>) {
  const who = (id: number | null) => (id === null ? null : names.get(id) ?? null);
  return {
    id: plan.id, year: plan.year, scheme: plan.scheme, regionId: plan.regionId, regionCode: region?.code ?? '', regionName: region?.name ?? '',
    regionNameEn: region?.nameEn ?? null, version: plan.version, basedOnId: plan.basedOnId, status: plan.status,
    params: JSON.parse(plan.paramsJson) as BudgetParamsOverride,
    /** A deduction or recovery at or above this needs a recorded collective decision (seed 001 第二十一条), yuan. */
    decisionThresholdYuan: fenToYuan(collectiveDecisionThresholdFen(planParams(plan))),
    total: plan.totalJson === null ? null : totalView(JSON.parse(plan.totalJson) as TotalRecord),
    totalYuan: plan.totalFen === null ? null : fenToYuan(plan.totalFen),
    allocatedYuan: plan.allocatedFen === null ? null : fenToYuan(plan.allocatedFen),
    unallocatedYuan: plan.unallocatedFen === null ? null : fenToYuan(plan.unallocatedFen),
    note: plan.note, createdBy: who(plan.createdBy), createdAt: plan.createdAt, approvedBy: who(plan.approvedBy), approvedAt: plan.approvedAt,
    settledBy: who(plan.settledBy), settledAt: plan.settledAt, supersededById: plan.supersededById,
  };
}

export type PlanView = ReturnType<typeof shapePlan>;

/** Plans the user may see, newest year first, then region and version. */
export async function listPlans(db: Db, scope: Set<number> | null, filter: { year?: number | undefined; scheme?: Scheme | undefined; regionId?: number | undefined }): Promise<PlanView[]> {
  const rows = await db.select().from(budgetPlans).where(and(
    scope === null ? undefined : inArray(budgetPlans.regionId, [...scope]),
    filter.year === undefined ? undefined : eq(budgetPlans.year, filter.year),
    filter.scheme === undefined ? undefined : eq(budgetPlans.scheme, filter.scheme),
    filter.regionId === undefined ? undefined : eq(budgetPlans.regionId, filter.regionId),
  )).orderBy(desc(budgetPlans.year), asc(budgetPlans.regionId), asc(budgetPlans.scheme), desc(budgetPlans.version)).limit(1000);
  return planViews(db, rows);
}

export interface CreatePlanInput { year: number; scheme: Scheme; regionId: number; params?: BudgetParamsOverride | undefined; note?: string | undefined }

/**
 * A draft plan, version 1 of its year × scheme × region. The region and the uniqueness are checked
 * in the transaction that inserts it.
 * @throws DomainError CONFLICT `a budget plan for <year> <scheme> in <region> already exists (plan <id>, version <v>, <status>): open it or start a new version from it`.
 * @throws DomainError BAD_REQUEST listing every problem of the parameter override.
 */
export async function createPlan(db: Db, user: SessionUser, scope: Set<number> | null, input: CreatePlanInput): Promise<PlanView> {
  assertRegionVisible(scope, input.regionId);
  return db.transaction(async (tx) => {
    const [region] = await tx.select().from(regions).where(eq(regions.id, input.regionId)).limit(1);
    if (!region) throw new DomainError('NOT_FOUND', `region ${input.regionId} not found`);
    const [existing] = await tx.select().from(budgetPlans).where(and(eq(budgetPlans.year, input.year), eq(budgetPlans.scheme, input.scheme), eq(budgetPlans.regionId, input.regionId)))
      .orderBy(desc(budgetPlans.version)).limit(1);
    if (existing) {
      throw new DomainError('CONFLICT', `a budget plan for ${input.year} ${input.scheme} in ${region.name} already exists (plan ${existing.id}, version ${existing.version}, ${existing.status}): open it or start a new version from it`);
    }
    const paramsJson = checkedParamsJson(input.params ?? {});
    const [plan] = await tx.insert(budgetPlans).values({
      year: input.year, scheme: input.scheme, regionId: input.regionId, version: 1, status: 'draft', paramsJson, note: input.note ?? null, createdBy: user.id,
    }).returning() as [PlanRow];
    await appendAudit(tx, { userId: user.id, username: user.username, action: 'budget.create', entity: 'budget_plan', entityId: plan.id, after: { year: plan.year, scheme: plan.scheme, regionId: plan.regionId, version: 1, params: JSON.parse(paramsJson) } });
    return planView(tx, plan);
  });
}

/** Validates a parameter override in full and returns its JSON. @throws DomainError BAD_REQUEST with every problem, one per line. */
export function checkedParamsJson(override: BudgetParamsOverride): string {
  try {
    parseBudgetParams(override);
  } catch (err) {
    throw new DomainError('BAD_REQUEST', (err as Error).message);
  }
  return JSON.stringify(override);
}

/**
 * Starts the next version of an approved plan: its total, parameters, quotas with their overrides and
 * its decisions are carried over, status allocated; approving it supersedes the old version. The
 * status and the newest version are checked in the transaction that writes it.
 * @throws DomainError CONFLICT `<plan> is <status>: only an approved plan gets a new version` or
 *   `<plan> already has a newer version (plan <id>, version <v>)`.
 */
export async function newPlanVersion(db: Db, user: SessionUser, scope: Set<number> | null, planId: number): Promise<PlanView> {
  return db.transaction(async (tx) => {
    const from = await loadPlan(tx, scope, planId);
    if (from.status !== 'approved') throw new DomainError('CONFLICT', `${planLabel(from)} is ${from.status}: only an approved plan gets a new version`);
    const sameSeries = and(eq(budgetPlans.year, from.year), eq(budgetPlans.scheme, from.scheme), eq(budgetPlans.regionId, from.regionId));
    const newest = (await tx.select({ v: max(budgetPlans.version) }).from(budgetPlans).where(sameSeries))[0]?.v ?? from.version;
    if (newest !== from.version) {
      const [later] = await tx.select({ id: budgetPlans.id }).from(budgetPlans).where(and(sameSeries, eq(budgetPlans.version, newest))).limit(1);
      throw new DomainError('CONFLICT', `${planLabel(from)} already has a newer version (plan ${later?.id}, version ${newest})`);
    }
    const [plan] = await tx.insert(budgetPlans).values({
      year: from.year, scheme: from.scheme, regionId: from.regionId, version: from.version + 1, basedOnId: from.id, status: 'allocated',
      paramsJson: from.paramsJson, totalSource: from.totalSource, projectionRunId: from.projectionRunId, scenarioId: from.scenarioId,
      totalJson: from.totalJson, totalFen: from.totalFen, allocatedFen: from.allocatedFen, unallocatedFen: from.unallocatedFen,
      note: from.note, createdBy: user.id,
    }).returning() as [PlanRow];
    const quotas = await tx.select().from(budgetQuotas).where(eq(budgetQuotas.planId, from.id));
    await insertRows(tx, budgetQuotas, quotas.map((q) => ({ ...q, planId: plan.id })));
    const decisions = await tx.select().from(budgetDecisions).where(eq(budgetDecisions.planId, from.id)).orderBy(asc(budgetDecisions.id));
    // one statement, rows in id order: the copies keep the order that makes the newest decision count
    if (decisions.length > 0) await tx.insert(budgetDecisions).values(decisions.map(({ id: _id, ...rest }) => ({ ...rest, planId: plan.id })));
    await appendAudit(tx, { userId: user.id, username: user.username, action: 'budget.new_version', entity: 'budget_plan', entityId: plan.id, before: { planId: from.id, version: from.version }, after: { planId: plan.id, version: plan.version, quotas: quotas.length, decisions: decisions.length } });
    return planView(tx, plan);
  });
}
