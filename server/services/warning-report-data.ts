/**
 * The data of the two reports, from the same memoised results the dashboard shows: the risk
 * report is `dashboard.summary` with every grid row and alert (with the probability of red and the
 * stochastic run behind it), and its budget part (dashboard-budget.ts) with every plan and every
 * institution over budget (the dashboard keeps those lists short; counts and sums are the same);
 * the disclosure table sums each
 * fund's income and expenditure over a calendar year and takes its closing balance (seeds 000
 * 第二十一条 and 003 第十一条: publish income, expenditure and balance regularly). Sums in fen.
 */
import type { Db } from '../db/client.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { parsePeriod } from '../../models/index.ts';
import { MAX_ALERTS, MAX_GRID_ROWS } from '../schemas/dashboard.ts';
import { dashboardSummary, type DashboardSummary } from './dashboard-summary.ts';
import { dashboardBudget } from './dashboard-budget.ts';
import { warningSnapshot } from './warning-snapshot.ts';
import { regionIndex, regionRef, resolveFocus, subtreeIds, userScope, type RegionRef } from './warning-regions.ts';
import { warningDataStamp } from './warning-cache.ts';

export interface ReportInput {
  regionId?: number | undefined;
  asOf?: string | undefined;
}

/** No cut in the report's budget lists: a province has tens of plans and at most some thousand institutions. */
const ALL = Number.MAX_SAFE_INTEGER;

/**
 * The budget part is computed for the same regions as the summary's (the focus region's subtree
 * within the user's regions), as of the same month, from the same data: on SQLite every query
 * completes within the request's turn, so no write comes in between; on PostgreSQL a budget write
 * committed between the two reads would show in the budget part only.
 * @throws DomainError NOT_FOUND / FORBIDDEN as `dashboard.summary`.
 */
export async function riskReportData(db: Db, user: Pick<SessionUser, 'regionIds'>, input: ReportInput): Promise<DashboardSummary> {
  const summary = await dashboardSummary(db, user, { ...input, alertLimit: MAX_ALERTS, gridLimit: MAX_GRID_ROWS, gridOrder: 'urgency' });
  const stamp = await warningDataStamp(db);
  const scope = await userScope(db, user, stamp);
  const index = await regionIndex(db, stamp);
  const inFocus = summary.focus ? [...subtreeIds(index, summary.focus.regionId)].filter((id) => scope === null || scope.has(id)) : [];
  return { ...summary, budget: await dashboardBudget(db, index, scope, new Set(inFocus), input.asOf, { institutions: ALL, plans: ALL }) };
}

export interface DisclosureRow extends RegionRef {
  scheme: string;
  account: string;
  /** Periods of the year with a record: months, or 12 for a yearly record; 0 when none. */
  months: number;
  firstPeriod: string | null;
  lastPeriod: string | null;
  incomeFen: number | null;
  expenditureFen: number | null;
  /** Income − expenditure of the year so far. */
  surplusFen: number | null;
  /** Balance at the last period of the year with a record. */
  balanceFen: number | null;
}

export interface DisclosureData {
  focus: RegionRef | null;
  asOf: string | null;
  year: number | null;
  rows: DisclosureRow[];
}

/**
 * Every visible fund under the focus region for the calendar year of `asOf` (default: the newest
 * period among them), ordered by region code, scheme and account.
 * @throws DomainError NOT_FOUND / FORBIDDEN for a region that does not exist or is not the user's.
 */
export async function disclosureData(db: Db, user: Pick<SessionUser, 'regionIds'>, input: ReportInput): Promise<DisclosureData> {
  const stamp = await warningDataStamp(db);
  const scope = await userScope(db, user, stamp);
  const index = await regionIndex(db, stamp);
  const snapshot = await warningSnapshot(db, input.asOf);
  const visible = snapshot.funds.filter((f) => scope === null || scope.has(f.fund.regionId));
  const focus = resolveFocus(index, scope, visible.map((f) => f.fund.regionId), input.regionId);
  const inFocus = focus ? subtreeIds(index, focus.id) : new Set<number>();
  const funds = visible.filter((f) => inFocus.has(f.fund.regionId));
  const latest = funds.map((f) => f.records.at(-1)?.period).filter((p): p is string => p !== undefined).sort().at(-1);
  const year = input.asOf ? parsePeriod(input.asOf).year : latest ? parsePeriod(latest).year : null;
  const rows = funds.map((f): DisclosureRow => {
    const inYear = f.records.filter((r) => parsePeriod(r.period).year === year);
    const income = inYear.reduce((s, r) => s + r.incomeFen, 0);
    const expenditure = inYear.reduce((s, r) => s + r.expenditureFen, 0);
    const any = inYear.length > 0;
    return {
      regionId: f.fund.regionId, code: f.fund.regionCode, name: f.fund.regionName, nameEn: f.fund.regionNameEn, level: f.fund.regionLevel,
      scheme: f.fund.scheme, account: f.fund.account,
      months: f.fund.periodKind === 'year' ? 12 * inYear.length : inYear.length,
      firstPeriod: inYear[0]?.period ?? null,
      lastPeriod: inYear.at(-1)?.period ?? null,
      incomeFen: any ? income : null,
      expenditureFen: any ? expenditure : null,
      surplusFen: any ? income - expenditure : null,
      balanceFen: inYear.at(-1)?.balanceFen ?? null,
    };
  }).sort((a, b) => a.code.localeCompare(b.code) || a.scheme.localeCompare(b.scheme) || a.account.localeCompare(b.account));
  return { focus: focus ? regionRef(focus) : null, asOf: input.asOf ?? null, year, rows };
}
