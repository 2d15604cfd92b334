/**
 * The budget part of `dashboard.summary` (issue 5: "institutions over their budget"): for the
 * approved or settled institution budget plans of the period's year under the focus region (scoped
 * to the user's regions), per plan (a region × scheme) the number of institutions in each deviation
 * band, and the institutions furthest over budget. The deviations are those of the budget's own
 * monitor (budget-deviation.ts `planDeviation`, domain.md §5.6: actual payments to date against
 * quota × the seasonal share of the year elapsed, bands 5 / 15 / 30 % 一般 / 较大 / 严重), read
 * here, never recomputed differently.
 *
 * The year and month monitored:
 * - as of a month M of year Y: the plans of Y, each through min(M, its latest month with imported
 *   payments): a month not imported yet is not read as zero spending (which would show everyone
 *   under budget);
 * - without a month: the newest year with an approved or settled plan in view (the budget year in
 *   progress: budgets run ahead of the fund records a dashboard shows), through each plan's latest
 *   imported month.
 * Superseded versions are left out (their successor is the plan in force); a plan with no imported
 * payments is listed with no month and no counts. "Over budget" = direction over and a band (≥ 5 %);
 * the amount over = actual to date − expected to date, in yuan, exact to the fen.
 */
import { and, asc, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { budgetPlans } from '../db/schema.ts';
import { fenToYuan, parsePeriod, type DeviationBand } from '../../models/index.ts';
import { planDeviation } from './budget-deviation.ts';
import { regionRef, type RegionIndex, type RegionRef } from './warning-regions.ts';

export type BandCounts = Record<Exclude<DeviationBand, 'none'>, number>;

export interface DashboardBudgetPlan extends RegionRef {
  planId: number;
  version: number;
  status: 'approved' | 'settled';
  scheme: string;
  /** Last month monitored (`YYYY-MM`); null before any payment is imported. */
  throughPeriod: string | null;
  /** Institutions monitored (those with a quota or payments). */
  institutions: number;
  /** Within 5 % of the expected spending to date. */
  within: number;
  over: BandCounts;
  under: BandCounts;
  /** Σ (actual − expected) to date over the institutions over budget, yuan. */
  overYuan: number;
}

export interface OverBudgetInstitution {
  planId: number;
  institutionId: number;
  code: string;
  name: string;
  /** The region of the plan (the budget the quota belongs to). */
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  scheme: string;
  /** (actual − expected) / expected to date, decimal; null when nothing was expected (no quota yet, any spending is severe). */
  deviation: number | null;
  band: Exclude<DeviationBand, 'none'>;
  /** First month of the current run of months over budget (`YYYY-MM`). */
  since: string | null;
  /** Actual − expected spending to date, yuan. */
  overYuan: number;
  quotaYuan: number;
}

export interface DashboardBudget {
  /** The budget year shown: the month's year, or the newest with a plan in view; null without a month and without plans. */
  year: number | null;
  /** The newest month monitored among the plans. */
  throughPeriod: string | null;
  /** At most `planLimit` plans, those with the most institutions over budget first (severe, then major, then general), then by region code and scheme. */
  plans: DashboardBudgetPlan[];
  planTotal: number;
  totals: { institutions: number; within: number; over: BandCounts; under: BandCounts; overInstitutions: number; overYuan: number };
  /** The institutions furthest over budget, at most `limit`: the largest deviation to the 0.1 % shown first (none expected = largest), then the amount over. */
  overBudget: OverBudgetInstitution[];
  overBudgetTotal: number;
}

/**
 * Rows of the over-budget list and of the per-plan counts: what a large screen shows beside the grid
 * (the plan page has them all). Kept short because the answer's size decides the rate a server core
 * can send it (dashboard-summary.ts; a 40-plan province would otherwise add 16 KB to a 28 KB answer).
 */
export const DEFAULT_OVER_BUDGET_LIMIT = 10;
export const DEFAULT_PLAN_LIMIT = 8;
const SHOWN_STATUSES = ['approved', 'settled'] as const;
const noCounts = (): BandCounts => ({ general: 0, major: 0, severe: 0 });
const toFen = (yuan: number) => Math.round(yuan * 100);
/** Deviations are shown to 0.1 % (1 / 1000). */
const DEVIATION_SHOWN = 1000;

/**
 * @param regionIds the regions in view: the focus region's subtree within the user's regions
 * @param scope the user's regions (null: all), as the budget services check them
 * @throws DomainError only as `planDeviation` would for a plan outside `scope` (the plans are taken from `regionIds`, so never in practice).
 */
export async function dashboardBudget(
  db: Db, index: RegionIndex, scope: Set<number> | null, regionIds: ReadonlySet<number>, asOf: string | undefined,
  limits: { institutions: number; plans: number } = { institutions: DEFAULT_OVER_BUDGET_LIMIT, plans: DEFAULT_PLAN_LIMIT },
): Promise<DashboardBudget> {
  const candidates = regionIds.size === 0 ? [] : await db.select({ id: budgetPlans.id, year: budgetPlans.year, regionId: budgetPlans.regionId, scheme: budgetPlans.scheme, version: budgetPlans.version, status: budgetPlans.status })
    .from(budgetPlans).where(and(inArray(budgetPlans.status, [...SHOWN_STATUSES]), inArray(budgetPlans.regionId, [...regionIds]))).orderBy(asc(budgetPlans.id));
  const month = asOf ? parsePeriod(asOf) : undefined;
  const year = month ? month.year : candidates.reduce<number | null>((y, p) => (y === null || p.year > y ? p.year : y), null);
  const totals = { institutions: 0, within: 0, over: noCounts(), under: noCounts(), overInstitutions: 0, overYuan: 0 };
  const plans: DashboardBudgetPlan[] = [];
  const over: OverBudgetInstitution[] = [];
  let overFenTotal = 0;
  const inYear = candidates.filter((p) => p.year === year);
  if (year === null || inYear.length === 0) return { year, throughPeriod: null, plans, planTotal: 0, totals, overBudget: over, overBudgetTotal: 0 };

  for (const p of inYear) {
    const region = index.byId.get(p.regionId);
    if (!region) continue; // never: a plan's region is a foreign key; narrows the type
    let d = await planDeviation(db, scope, { planId: p.id });
    if (month?.month !== undefined && d.throughMonth !== null && month.month < d.throughMonth) d = await planDeviation(db, scope, { planId: p.id, throughMonth: month.month });
    const plan: DashboardBudgetPlan = {
      ...regionRef(region), planId: p.id, version: p.version, status: p.status as DashboardBudgetPlan['status'], scheme: p.scheme,
      throughPeriod: d.throughPeriod, institutions: d.rows.length, within: 0, over: noCounts(), under: noCounts(), overYuan: 0,
    };
    let planOverFen = 0;
    for (const r of d.rows) {
      if (r.band === 'none' || r.direction === 'on') {
        plan.within += 1;
        continue;
      }
      plan[r.direction][r.band] += 1;
      if (r.direction !== 'over') continue;
      const overFen = toFen(r.actualToDateYuan) - toFen(r.expectedToDateYuan);
      planOverFen += overFen;
      over.push({
        planId: p.id, institutionId: r.institutionId, code: r.code, name: r.name, regionCode: region.code, regionName: region.name, regionNameEn: region.nameEn,
        scheme: p.scheme, deviation: r.deviation, band: r.band, since: r.since, overYuan: fenToYuan(overFen), quotaYuan: r.quotaYuan,
      });
    }
    plan.overYuan = fenToYuan(planOverFen);
    overFenTotal += planOverFen;
    totals.institutions += plan.institutions;
    totals.within += plan.within;
    for (const b of ['general', 'major', 'severe'] as const) {
      totals.over[b] += plan.over[b];
      totals.under[b] += plan.under[b];
    }
    plans.push(plan);
  }
  plans.sort((a, b) => b.over.severe - a.over.severe || b.over.major - a.over.major || b.over.general - a.over.general
    || a.code.localeCompare(b.code) || a.scheme.localeCompare(b.scheme));
  // by the deviation as shown (0.1 %), none expected first; equal ones by the amount over
  const shown = (x: number | null) => (x === null ? Infinity : Math.round(x * DEVIATION_SHOWN));
  over.sort((a, b) => (shown(b.deviation) === shown(a.deviation) ? 0 : shown(b.deviation) > shown(a.deviation) ? 1 : -1)
    || b.overYuan - a.overYuan || a.code.localeCompare(b.code));
  totals.overInstitutions = over.length;
  totals.overYuan = fenToYuan(overFenTotal);
  const throughPeriod = plans.reduce<string | null>((m, p) => (p.throughPeriod !== null && (m === null || p.throughPeriod > m) ? p.throughPeriod : m), null);
  return { year, throughPeriod, plans: plans.slice(0, limits.plans), planTotal: plans.length, totals, overBudget: over.slice(0, limits.institutions), overBudgetTotal: over.length };
}
