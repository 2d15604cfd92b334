/**
 * Recorded decisions of the budget workflow (domain.md §5.7, seed 001 第十九—二十二条):
 * - a deduction (next year's budget) or recovery (settlement) at or above the plan's
 *   `collectiveDecisionThresholdYuan` (default 50,000 元) at one institution needs a collective
 *   decision's reference: apply it or waive it;
 * - the shares of terminated institutions stay unallocated until a decision holds them back or
 *   redistributes them;
 * - suspensions (中止) and terminations (解除) of service agreements are recorded with their decision.
 * Decisions are append-only; the newest counts. A decision on an allocated plan re-allocates it at once.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { agreementActions, budgetDecisions, budgetQuotas, institutions } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { collectiveDecisionThresholdFen, formatFenAsYuan, needsCollectiveDecision } from '../../models/index.ts';
import type { AgreementInput, DecisionInput } from '../schemas/budget.ts';
import { appendAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import { assertRegionVisible } from './region-scope.ts';
import { editablePlan, planInStatus, planLabel, planParams } from './budget-plans.ts';
import { computeAllocation, currentOverrides, storeAllocation } from './budget-allocate.ts';
import type { QuotaExplanation } from './budget-views.ts';
import { allocationSummary } from './budget-summary.ts';
import { recoveriesOf } from './budget-settlement.ts';

/**
 * Records a decision; the plan's status and the amount it decides on are read in the transaction
 * that writes it.
 * @throws DomainError CONFLICT when the plan is locked (deduction, unallocated) or not approved (recovery);
 *   NOT_FOUND `institution <id> is not in <plan>`; BAD_REQUEST `<code>'s <kind> of <x> yuan is below <threshold> yuan: it needs no decision`
 *   (the plan's threshold, e.g. `below 50000.00 yuan`) or `<code> has no <kind> to decide: its amount is 0.00 yuan`.
 */
export async function recordDecision(db: Db, user: SessionUser, scope: Set<number> | null, input: DecisionInput) {
  const at = new Date().toISOString();
  return db.transaction(async (tx) => {
    const plan = input.kind === 'recovery'
      ? await planInStatus(tx, scope, input.planId, ['approved'], 'a recovery decision')
      : await editablePlan(tx, scope, input.planId);
    if (input.institutionId !== null) {
      const [row] = await tx.select({ x: budgetQuotas.explanationJson, code: institutions.code }).from(budgetQuotas).innerJoin(institutions, eq(institutions.id, budgetQuotas.institutionId))
        .where(and(eq(budgetQuotas.planId, plan.id), eq(budgetQuotas.institutionId, input.institutionId))).limit(1);
      if (!row) throw new DomainError('NOT_FOUND', `institution ${input.institutionId} is not in ${planLabel(plan)}`);
      const amountFen = input.kind === 'deduction'
        ? (JSON.parse(row.x) as QuotaExplanation).deduction.confirmedFen
        : (await recoveriesOf(tx, plan)).get(input.institutionId) ?? 0;
      const params = planParams(plan);
      if (amountFen === 0) throw new DomainError('BAD_REQUEST', `${row.code} has no ${input.kind} to decide: its amount is 0.00 yuan`);
      if (!needsCollectiveDecision(amountFen, params)) {
        throw new DomainError('BAD_REQUEST', `${row.code}'s ${input.kind} of ${formatFenAsYuan(amountFen)} yuan is below ${formatFenAsYuan(collectiveDecisionThresholdFen(params))} yuan: it needs no decision`);
      }
    }
    const reallocate = plan.status === 'allocated' && input.kind !== 'recovery';
    const [decision] = await tx.insert(budgetDecisions).values({
      planId: plan.id, institutionId: input.institutionId, kind: input.kind, outcome: input.outcome, decisionRef: input.decisionRef,
      note: input.note ?? null, userId: user.id, at,
    }).returning() as [typeof budgetDecisions.$inferSelect];
    if (reallocate) await storeAllocation(tx, plan, await computeAllocation(tx, plan, await currentOverrides(tx, plan.id), planParams(plan)));
    await appendAudit(tx, {
      userId: user.id, username: user.username, action: 'budget.decide', entity: 'budget_plan', entityId: plan.id,
      after: { decisionId: decision.id, kind: decision.kind, institutionId: decision.institutionId, outcome: decision.outcome, decisionRef: decision.decisionRef, reallocated: reallocate },
    });
    return { decisionId: decision.id, reallocated: reallocate, summary: await allocationSummary(tx, plan.id) };
  });
}

/** The plan's decisions, oldest first. */
export async function listDecisions(db: Db, planId: number) {
  const rows = await db.select({ d: budgetDecisions, code: institutions.code }).from(budgetDecisions).leftJoin(institutions, eq(institutions.id, budgetDecisions.institutionId))
    .where(eq(budgetDecisions.planId, planId)).orderBy(budgetDecisions.id);
  return rows.map(({ d, code }) => ({ id: d.id, kind: d.kind, institutionId: d.institutionId, code, outcome: d.outcome, decisionRef: d.decisionRef, note: d.note, at: d.at }));
}

/**
 * Records a suspension or termination of an institution's agreement; plans allocated afterwards
 * use it (no prepayment in suspended months; a terminated institution gets no quota).
 * @throws DomainError NOT_FOUND `institution <id> not found`; FORBIDDEN outside the user's regions.
 */
export async function recordAgreement(db: Db, user: SessionUser, scope: Set<number> | null, input: AgreementInput) {
  const at = new Date().toISOString();
  return db.transaction(async (tx) => {
    const [inst] = await tx.select().from(institutions).where(eq(institutions.id, input.institutionId)).limit(1);
    if (!inst) throw new DomainError('NOT_FOUND', `institution ${input.institutionId} not found`);
    assertRegionVisible(scope, inst.regionId);
    const [row] = await tx.insert(agreementActions).values({
      institutionId: inst.id, kind: input.kind, fromPeriod: input.fromPeriod, toPeriod: input.toPeriod ?? null, decisionRef: input.decisionRef,
      reason: input.reason, userId: user.id, at,
    }).returning() as [typeof agreementActions.$inferSelect];
    await appendAudit(tx, { userId: user.id, username: user.username, action: `agreement.${input.kind}`, entity: 'institution', entityId: inst.id, after: { code: inst.code, ...input } });
    return { id: row.id, code: inst.code, kind: row.kind, fromPeriod: row.fromPeriod, toPeriod: row.toPeriod, decisionRef: row.decisionRef };
  });
}
