/**
 * The year's total of a plan from a chosen projection (以收定支, domain.md §5.1): the projected
 * pooling income of the plan year comes from a stored deterministic run or from a stored scenario
 * version (projected here, deterministically); the opening balance is the projection's balance at
 * the end of the year before (the scenario's opening balance when the plan year is its first).
 * The model (`totalBudget`) takes the reserve, the earmarks and the planned balance change; the
 * tier cut points are those of the warning parameter set in force for the plan's region and scheme.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { budgetPlans, regions } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { projectScenario, totalBudget, type ProjectionResult, type TierThresholds } from '../../models/index.ts';
import type { PlanTotalInput } from '../schemas/budget.ts';
import { appendAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import { activeWarningParams } from './parameters.ts';
import { getRun } from './projection-runs.ts';
import { getScenario, type ScenarioVersion } from './scenario-store.ts';
import { editablePlan, planLabel, planParams, planView, type PlanRow } from './budget-plans.ts';
import { computeAllocation, currentOverrides, storeAllocation } from './budget-allocate.ts';
import type { TotalRecord, TotalSource } from './budget-views.ts';

const toFen = (yuan: number) => Math.round(yuan * 100);

/** The chosen projection: its scenario version and the deterministic years. */
async function chosenProjection(db: Db, scope: Set<number> | null, source: PlanTotalInput['source']): Promise<{ version: ScenarioVersion; result: ProjectionResult; runId: number | null }> {
  if (source.kind === 'scenario') {
    const version = await getScenario(db, scope, source.scenarioId);
    try {
      return { version, result: projectScenario(version.scenario), runId: null };
    } catch (err) {
      throw new DomainError('BAD_REQUEST', `scenario ${version.id} does not project: ${(err as Error).message}`);
    }
  }
  const run = await getRun(db, scope, source.runId);
  if (run.kind !== 'deterministic' || run.status !== 'done' || run.deterministic === null) {
    throw new DomainError('BAD_REQUEST', `projection run ${run.id} is a ${run.kind} run that is ${run.status}: choose a finished deterministic run`);
  }
  return { version: await getScenario(db, scope, run.scenarioId), result: run.deterministic, runId: run.id };
}

/** Tier cut points for the plan's region and scheme (national set, then scheme, then region overrides). */
async function planThresholds(db: Db, plan: PlanRow, regionCode: string): Promise<TierThresholds> {
  const { params } = await activeWarningParams(db);
  const scheme = plan.scheme as 'employee' | 'resident';
  return { ...params.thresholds, ...params.schemes?.[scheme]?.thresholds, ...params.regions?.[regionCode]?.[scheme]?.thresholds };
}

/**
 * Computes and stores the plan's total; an allocated plan is re-allocated on the new total (its
 * overrides kept) in the same transaction. The projection and the tier cut points are read first
 * (a stored projection does not change); the plan itself — its lock, parameters, status and
 * overrides — is read again in the transaction that writes, and the total computed from that.
 * @throws DomainError BAD_REQUEST `<plan> is for the <scheme> scheme, which has no projection (employee and resident only)`,
 *   `scenario <id> projects the <scheme> scheme; <plan> is <scheme>`, `scenario <id> describes region <code>; <plan> is for <code>`,
 *   `the projection of scenario <id> covers <y0>–<y1>, not the plan year <year>`, or the model's message (e.g. nothing to allocate).
 * @throws DomainError CONFLICT when the plan is locked.
 */
export async function computePlanTotal(db: Db, user: SessionUser, scope: Set<number> | null, input: PlanTotalInput) {
  const first = await editablePlan(db, scope, input.planId);
  const label = planLabel(first);
  if (first.scheme !== 'employee' && first.scheme !== 'resident') {
    throw new DomainError('BAD_REQUEST', `${label} is for the ${first.scheme} scheme, which has no projection (employee and resident only)`);
  }
  const { version, result, runId } = await chosenProjection(db, scope, input.source);
  if (version.scheme !== first.scheme) throw new DomainError('BAD_REQUEST', `scenario ${version.id} projects the ${version.scheme} scheme; ${label} is ${first.scheme}`);
  const codeOf = async (id: number) => (await db.select({ code: regions.code }).from(regions).where(eq(regions.id, id)).limit(1))[0]?.code ?? String(id);
  const planRegion = await codeOf(first.regionId);
  if (version.regionId !== null && version.regionId !== first.regionId) {
    throw new DomainError('BAD_REQUEST', `scenario ${version.id} describes region ${await codeOf(version.regionId)}; ${label} is for ${planRegion}`);
  }
  const years = result.years;
  const year = years.find((y) => y.year === first.year);
  if (!year) throw new DomainError('BAD_REQUEST', `the projection of scenario ${version.id} covers ${years[0]?.year}–${years.at(-1)?.year}, not the plan year ${first.year}`);
  const opening = first.year === result.startYear ? version.scenario.opening.balanceYuan : (years.find((y) => y.year === first.year - 1)?.balanceYuan as number);
  const thresholds = await planThresholds(db, first, planRegion);
  const earmarks = input.earmarks.map((e) => ({ label: e.label, amountFen: e.amountYuan }));

  return db.transaction(async (tx) => {
    // year, scheme and region of a plan never change: the checks above hold for the plan read here
    const plan = await editablePlan(tx, scope, input.planId);
    const params = planParams(plan);
    let budget;
    try {
      budget = totalBudget({
        projectedIncomeFen: toFen(year.incomeYuan), openingBalanceFen: toFen(opening), earmarks,
        reserveRate: input.reserveRate ?? params.reserveRate, thresholds,
        ...(input.plannedBalanceChangeYuan === undefined ? {} : { plannedBalanceChangeFen: input.plannedBalanceChangeYuan }),
        ...(input.maxBalanceChangeYuan === undefined ? {} : { maxBalanceChangeFen: input.maxBalanceChangeYuan }),
      });
    } catch (err) {
      throw new DomainError('BAD_REQUEST', (err as Error).message);
    }
    const source: TotalSource = { kind: input.source.kind, runId, scenarioId: version.id, scenarioName: version.name, scenarioVersion: version.version, scenarioHash: version.inputHash };
    const record: TotalRecord = { source, projectedInterestFen: toFen(year.interestYuan), earmarks, budget };
    const updated: PlanRow = {
      ...plan, totalSource: runId === null ? 'scenario' : 'projection_run', projectionRunId: runId, scenarioId: version.id,
      totalJson: JSON.stringify(record), totalFen: budget.totalFen,
    };
    const outcome = plan.status === 'allocated' ? await computeAllocation(tx, updated, await currentOverrides(tx, plan.id), params) : null;
    await tx.update(budgetPlans).set({
      totalSource: updated.totalSource, projectionRunId: runId, scenarioId: version.id, totalJson: updated.totalJson, totalFen: budget.totalFen,
    }).where(eq(budgetPlans.id, plan.id));
    if (outcome) await storeAllocation(tx, updated, outcome);
    await appendAudit(tx, {
      userId: user.id, username: user.username, action: 'budget.total', entity: 'budget_plan', entityId: plan.id,
      before: { totalFen: plan.totalFen, scenarioId: plan.scenarioId, projectionRunId: plan.projectionRunId },
      after: { totalFen: budget.totalFen, scenarioId: version.id, projectionRunId: runId, rule: budget.rule, payableMonths: budget.payableMonths, reallocated: outcome !== null },
    });
    const [stored] = await tx.select().from(budgetPlans).where(eq(budgetPlans.id, plan.id)).limit(1);
    return planView(tx, stored as PlanRow);
  });
}
