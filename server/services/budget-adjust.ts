/**
 * What-if edits and manual adjustments of one institution's quota (domain.md §5.2, issue 6): set
 * its quota by hand, or correct its assessment score or credit rating. The rest of the plan is
 * re-allocated by the model (a manual quota leaves the proportional split; the others rescale), so
 * the total holds to the fen. A preview shows the effect without saving; saving needs a reason and
 * writes the adjustment (before, after, reason, who, when), the new quotas and an audit row at once.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { budgetAdjustments, budgetQuotas, institutions } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { fenToYuan, formatFenAsYuan } from '../../models/index.ts';
import type { QuotaChange } from '../schemas/budget.ts';
import { appendAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import { editablePlan, planInStatus, planLabel, planParams, type PlanRow } from './budget-plans.ts';
import { computeAllocation, currentOverrides, storeAllocation, type AllocationOutcome, type Overrides } from './budget-allocate.ts';
import type { QuotaExplanation } from './budget-views.ts';

const LARGEST_LISTED = 10;

interface Evaluation {
  plan: PlanRow;
  institutionId: number;
  code: string;
  name: string;
  before: unknown;
  after: unknown;
  quotaBeforeFen: number;
  quotaAfterFen: number;
  outcome: AllocationOutcome;
  effect: Effect;
}

async function evaluate(db: Db, scope: Set<number> | null, planId: number, institutionId: number, change: QuotaChange): Promise<Evaluation> {
  await editablePlan(db, scope, planId);
  const plan = await planInStatus(db, scope, planId, ['allocated'], 'adjusting a quota');
  const current = await db.select().from(budgetQuotas).where(eq(budgetQuotas.planId, plan.id));
  const row = current.find((q) => q.institutionId === institutionId);
  const [inst] = await db.select({ code: institutions.code, name: institutions.name }).from(institutions).where(eq(institutions.id, institutionId)).limit(1);
  if (!row || !inst) throw new DomainError('NOT_FOUND', `institution ${institutionId} is not in ${planLabel(plan)}`);
  const data = (JSON.parse(row.explanationJson) as QuotaExplanation).data;
  const overrides = await currentOverrides(db, plan.id);
  const mine: Overrides = { ...(overrides.get(institutionId) ?? { quotaFen: null, score: null, credit: null }) };
  let before: unknown;
  let after: unknown;
  if (change.kind === 'quota') {
    if (row.agreementStatus === 'terminated') throw new DomainError('BAD_REQUEST', `${inst.code} is terminated (解除): it gets no quota, so none can be set by hand`);
    if (row.manualQuotaFen === change.quotaYuan) throw new DomainError('BAD_REQUEST', `nothing changes: the quota of ${inst.code} is already set by hand to ${formatFenAsYuan(change.quotaYuan)} yuan`);
    [before, after] = [{ quotaFen: row.quotaFen, manual: row.manualQuotaFen !== null }, { quotaFen: change.quotaYuan, manual: true }];
    mine.quotaFen = change.quotaYuan;
  } else if (change.kind === 'score') {
    const was = row.scoreOverride ?? data.score;
    if (was === change.score) throw new DomainError('BAD_REQUEST', `nothing changes: the assessment score of ${inst.code} is already ${change.score}`);
    [before, after] = [{ score: was }, { score: change.score }];
    mine.score = change.score;
  } else {
    const was = row.creditOverride ?? data.credit;
    if (was === change.rating) throw new DomainError('BAD_REQUEST', `nothing changes: the credit rating of ${inst.code} is already ${change.rating}`);
    [before, after] = [{ rating: was }, { rating: change.rating }];
    mine.credit = change.rating;
  }
  const next = new Map(overrides).set(institutionId, mine);
  const outcome = await computeAllocation(db, plan, next, planParams(plan));
  const quotaAfterFen = outcome.rows.find((r) => r.institutionId === institutionId)?.quotaFen ?? 0;
  return {
    plan, institutionId, code: inst.code, name: inst.name, before, after, quotaBeforeFen: row.quotaFen, quotaAfterFen, outcome,
    effect: await effectOf(db, current, outcome, institutionId, plan.totalFen as number),
  };
}

type Effect = Awaited<ReturnType<typeof effectOf>>;

/** Before → after of the institution and of everyone else; the largest changes of others. */
async function effectOf(db: Db, current: (typeof budgetQuotas.$inferSelect)[], outcome: AllocationOutcome, institutionId: number, totalFen: number) {
  const beforeById = new Map(current.map((q) => [q.institutionId, q.quotaFen]));
  let othersChanged = 0;
  let othersDeltaFen = 0;
  let sumFen = 0;
  const unallocatedBeforeFen = current.reduce((s, q) => s + q.unallocatedFen, 0);
  const changes: { institutionId: number; beforeFen: number; afterFen: number }[] = [];
  for (const r of outcome.rows) {
    sumFen += r.quotaFen + (r.unallocatedFen ?? 0);
    const beforeFen = beforeById.get(r.institutionId) ?? 0;
    if (r.institutionId === institutionId || beforeFen === r.quotaFen) continue;
    othersChanged++;
    othersDeltaFen += r.quotaFen - beforeFen;
    changes.push({ institutionId: r.institutionId, beforeFen, afterFen: r.quotaFen });
  }
  changes.sort((a, b) => Math.abs(b.afterFen - b.beforeFen) - Math.abs(a.afterFen - a.beforeFen));
  const listed = changes.slice(0, LARGEST_LISTED);
  const names = listed.length === 0 ? new Map<number, { code: string; name: string }>() : new Map(
    (await db.select({ id: institutions.id, code: institutions.code, name: institutions.name }).from(institutions).where(inArray(institutions.id, listed.map((c) => c.institutionId))))
      .map((i) => [i.id, i]),
  );
  const largest = listed.map((c) => {
    const inst = names.get(c.institutionId);
    return { institutionId: c.institutionId, code: inst?.code ?? '', name: inst?.name ?? '', beforeYuan: fenToYuan(c.beforeFen), afterYuan: fenToYuan(c.afterFen) };
  });
  return {
    totalYuan: fenToYuan(totalFen), sumAfterYuan: fenToYuan(sumFen), totalHolds: sumFen === totalFen,
    othersChanged, othersDeltaYuan: fenToYuan(othersDeltaFen), unallocatedDeltaYuan: fenToYuan(outcome.result.unallocatedFen - unallocatedBeforeFen), scalingAfter: outcome.result.scalingFactor, largest,
  };
}

function preview(e: Evaluation) {
  return {
    institutionId: e.institutionId, code: e.code, name: e.name, before: e.before, after: e.after,
    quotaBeforeYuan: fenToYuan(e.quotaBeforeFen), quotaAfterYuan: fenToYuan(e.quotaAfterFen), ...e.effect,
  };
}

/** The effect of a change, nothing saved. @throws DomainError as {@link adjustQuota}. */
export async function previewAdjustment(db: Db, scope: Set<number> | null, input: { planId: number; institutionId: number; change: QuotaChange }) {
  return preview(await evaluate(db, scope, input.planId, input.institutionId, input.change));
}

/**
 * Saves a change with its reason and re-allocates the plan; the plan and its quotas are read in
 * the transaction that writes the change.
 * @throws DomainError CONFLICT when the plan is locked (exact message of `lockedMessage`) or not allocated;
 *   NOT_FOUND `institution <id> is not in <plan>`; BAD_REQUEST `nothing changes: …`, a terminated
 *   institution's manual quota, or the model's refusal (manual quotas above the total).
 */
export async function adjustQuota(db: Db, user: SessionUser, scope: Set<number> | null, input: { planId: number; institutionId: number; change: QuotaChange; reason: string }) {
  const at = new Date().toISOString();
  const saved = await db.transaction(async (tx) => {
    const e = await evaluate(tx, scope, input.planId, input.institutionId, input.change);
    await storeAllocation(tx, e.plan, e.outcome);
    const [adjustment] = await tx.insert(budgetAdjustments).values({
      planId: e.plan.id, institutionId: input.institutionId, kind: input.change.kind, beforeJson: JSON.stringify(e.before), afterJson: JSON.stringify(e.after),
      quotaBeforeFen: e.quotaBeforeFen, quotaAfterFen: e.quotaAfterFen, reason: input.reason, userId: user.id, username: user.username, at,
    }).returning({ id: budgetAdjustments.id }) as [{ id: number }];
    await appendAudit(tx, {
      userId: user.id, username: user.username, action: 'budget.adjust', entity: 'budget_quota', entityId: `${e.plan.id}/${input.institutionId}`,
      before: { ...(e.before as object), quotaFen: e.quotaBeforeFen }, after: { ...(e.after as object), quotaFen: e.quotaAfterFen, reason: input.reason, adjustmentId: adjustment.id },
    });
    return e;
  });
  return preview(saved);
}

/** The adjustments of a plan, newest first. */
export async function listAdjustments(db: Db, planId: number, institutionId?: number) {
  const rows = await db.select({ a: budgetAdjustments, code: institutions.code, name: institutions.name }).from(budgetAdjustments)
    .innerJoin(institutions, eq(institutions.id, budgetAdjustments.institutionId))
    .where(and(eq(budgetAdjustments.planId, planId), institutionId === undefined ? undefined : eq(budgetAdjustments.institutionId, institutionId)))
    .orderBy(budgetAdjustments.id);
  return rows.reverse().map(({ a, code, name }) => ({
    id: a.id, institutionId: a.institutionId, code, name, kind: a.kind, before: JSON.parse(a.beforeJson) as unknown, after: JSON.parse(a.afterJson) as unknown,
    quotaBeforeYuan: fenToYuan(a.quotaBeforeFen), quotaAfterYuan: fenToYuan(a.quotaAfterFen), reason: a.reason, username: a.username, at: a.at,
  }));
}
