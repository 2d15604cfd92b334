/**
 * `dashboard.summary`: the leadership dashboard for one focus region (default: the user's
 * province) as of a month. Load (the memoised warning snapshot) → model (already run there) →
 * shape: a grid of the focus region and its child regions × schemes coloured by tier now and in
 * 12 / 24 months, KPI figures, sparklines, the alert list sorted by severity with reasons (with the
 * stochastic probability of red and the run it comes from, when a fund has one: warning-forecast.ts),
 * and the institutions over their budget in the focus region (dashboard-budget.ts).
 *
 * The result is memoised per data and stochastic-run stamp (warning-cache.ts `warningStamp`; budget
 * writes are audited data changes), period, user scope, focus and limits, and handed to
 * the transformer as plain JSON (warning-cache.ts `asPlainJson`) marked as memoised
 * (answer-memo.ts `rememberAnswer`), so a repeated read costs the stamp's look-up and a map look-up
 * and the HTTP layer writes the text it kept (server/trpc/query-lane.ts). Requests arriving while it
 * is computed share the computation.
 */
import type { Db } from '../db/client.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { ALERT_LEVELS, TIER_ORDER, compareAlerts, type AlertLevel, type Tier } from '../../models/index.ts';
import { warningSnapshot, snapshotFlags, type FundSnapshot } from './warning-snapshot.ts';
import { asPlainJson, memoise, warningDataStamp, warningStamp } from './warning-cache.ts';
import { breadcrumb, regionIndex, regionRef, resolveFocus, scopeKey, subtreeIds, userScope, visibleRoots, type RegionRef } from './warning-regions.ts';
import { schemeFigures, sparkline, splitNested, tierCounts } from './warning-aggregates.ts';
import { monthRange } from './warning-periods.ts';
import { dashboardBudget } from './dashboard-budget.ts';
import { rememberAnswer } from './answer-memo.ts';

export interface DashboardInput {
  asOf?: string | undefined;
  regionId?: number | undefined;
  alertLimit?: number | undefined;
  gridLimit?: number | undefined;
  gridOrder?: GridOrder | undefined;
}

/** `urgency`: rows with the most severe alert first (what a leader reads first); `code`: administrative order. */
export type GridOrder = 'urgency' | 'code';
/**
 * About what a large screen shows at once; the rest on request (a 400-city province is 400 rows).
 * Kept small on purpose: the answer's size decides how many a server core can send a second
 * (BENCHMARKS.md: a 45 KB summary ran at two thirds the rate of an 8 KB one).
 */
export const DEFAULT_ALERT_LIMIT = 12;
export const DEFAULT_GRID_LIMIT = 24;

export interface GridCell {
  fundId: number;
  /** Null for a ledger including personal accounts (no tier). */
  tier: Tier | null;
  tier12: Tier | null;
  tier24: Tier | null;
  payableMonths: number | null;
  /** Payable months on the forecast path at 12 and 24 months. */
  months12: number | null;
  months24: number | null;
  period: string | null;
  flags: string[];
  alert: AlertLevel | null;
}

export interface GridRow extends RegionRef {
  /** The focus region's own row (its funds), as opposed to a child region. */
  self: boolean;
  /** Child regions the user may drill into. */
  hasChildren: boolean;
  /** Rated funds nested under this region (not its own) and the most urgent tier among them. */
  fundsBelow: number;
  worstTierBelow: Tier | null;
  cells: Record<string, GridCell | null>;
}

/** The fund of a region and scheme the grid shows: the pooling fund, else a combined ledger. */
function gridFund(funds: readonly FundSnapshot[], scheme: string): FundSnapshot | undefined {
  return funds.find((f) => f.fund.scheme === scheme && f.fund.account === 'pooling')
    ?? funds.find((f) => f.fund.scheme === scheme && f.fund.account === 'combined');
}

/** Payable months of the last path period within a horizon (the one whose tier the horizon reports). */
function monthsAt(f: FundSnapshot, months: number | undefined): number | null {
  if (months === undefined) return null;
  return f.forward.warning?.path.filter((p) => p.monthsAhead <= months).at(-1)?.payableMonths ?? null;
}

function cell(f: FundSnapshot): GridCell {
  const [h12, h24] = f.forward.warning?.horizons ?? [];
  return {
    fundId: f.fund.fundId,
    tier: f.rated ? f.latest?.tier ?? null : null,
    tier12: h12?.tier ?? null,
    tier24: h24?.tier ?? null,
    payableMonths: f.rated ? f.latest?.payableMonths ?? null : null,
    months12: monthsAt(f, h12?.months),
    months24: monthsAt(f, h24?.months),
    period: f.latest?.period ?? null,
    flags: snapshotFlags(f),
    alert: f.alert,
  };
}

const worstTier = (tiers: readonly Tier[]): Tier | null => TIER_ORDER.find((t) => tiers.includes(t)) ?? null;
const rank = <T>(order: readonly T[], x: T | null | undefined) => (x === null || x === undefined ? order.length : order.indexOf(x));

/** Urgency of a grid row: its most severe alert, its most urgent tier now, the worst tier below it. */
function urgencyKey(row: GridRow): number[] {
  const cells = Object.values(row.cells).filter((c): c is GridCell => c !== null);
  return [
    Math.min(ALERT_LEVELS.length, ...cells.map((c) => rank(ALERT_LEVELS, c.alert))),
    Math.min(TIER_ORDER.length, ...cells.map((c) => rank(TIER_ORDER, c.tier))),
    rank(TIER_ORDER, row.worstTierBelow),
  ];
}

function compareRows(order: GridOrder) {
  return (a: GridRow, b: GridRow): number => {
    if (a.self !== b.self) return a.self ? -1 : 1;
    if (order === 'urgency') {
      const [ka, kb] = [urgencyKey(a), urgencyKey(b)];
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i] as number) - (kb[i] as number);
    }
    return a.code.localeCompare(b.code);
  };
}

function alertItem(f: FundSnapshot) {
  const fw = f.forward.warning;
  const entry = (p: NonNullable<typeof fw>['redEntry']) => (p ? { period: p.period, monthsAhead: p.monthsAhead, tier: p.tier } : null);
  return {
    fundId: f.fund.fundId, regionId: f.fund.regionId, regionCode: f.fund.regionCode, regionName: f.fund.regionName,
    regionNameEn: f.fund.regionNameEn, scheme: f.fund.scheme, account: f.fund.account,
    level: f.alert as AlertLevel, period: f.latest?.period ?? null, tier: f.latest?.tier ?? null,
    payableMonths: f.latest?.payableMonths ?? null, flags: snapshotFlags(f),
    tier12: fw?.horizons[0]?.tier ?? null, tier24: fw?.horizons[1]?.tier ?? null,
    warningEntry: entry(fw?.warningEntry ?? null), redEntry: entry(fw?.redEntry ?? null),
    probabilityRed12: fw?.horizons[0]?.probabilityRed ?? null, probabilityRed24: fw?.horizons[1]?.probabilityRed ?? null,
    stochastic: fw?.stochastic ?? null,
    reasonZh: f.explanation?.zh ?? '', reasonEn: f.explanation?.en ?? '',
  };
}

export type DashboardSummary = Awaited<ReturnType<typeof computeDashboardSummary>>;

/**
 * @throws DomainError NOT_FOUND for an unknown `regionId`, FORBIDDEN for one outside the user's regions.
 */
export async function dashboardSummary(db: Db, user: Pick<SessionUser, 'regionIds'>, input: DashboardInput): Promise<DashboardSummary> {
  const key = `dashboard|${input.asOf ?? ''}|${scopeKey(user)}|${input.regionId ?? ''}|${input.alertLimit ?? DEFAULT_ALERT_LIMIT}|${input.gridLimit ?? DEFAULT_GRID_LIMIT}|${input.gridOrder ?? 'urgency'}`;
  return memoise(db, key, await warningStamp(db), async () => rememberAnswer(asPlainJson(await computeDashboardSummary(db, user, input, await warningDataStamp(db)))));
}

async function computeDashboardSummary(db: Db, user: Pick<SessionUser, 'regionIds'>, input: DashboardInput, stamp: number) {
  const scope = await userScope(db, user, stamp);
  const index = await regionIndex(db, stamp);
  const snapshot = await warningSnapshot(db, input.asOf);
  const visibleFunds = snapshot.funds.filter((f) => scope === null || scope.has(f.fund.regionId));
  const focus = resolveFocus(index, scope, visibleFunds.map((f) => f.fund.regionId), input.regionId);
  const inFocus = focus ? subtreeIds(index, focus.id) : new Set<number>();
  const funds = visibleFunds.filter((f) => inFocus.has(f.fund.regionId));
  const { rated, topLevel } = splitNested(funds, index);
  const schemes = [...new Set(funds.map((f) => f.fund.scheme))].sort((a, b) => (a === 'employee' ? -1 : b === 'employee' ? 1 : a.localeCompare(b)));

  const byRegion = new Map<number, FundSnapshot[]>();
  for (const f of funds) byRegion.set(f.fund.regionId, [...(byRegion.get(f.fund.regionId) ?? []), f]);
  const children = focus ? (index.children.get(focus.id) ?? []).filter((r) => scope === null || scope.has(r.id)) : [];
  const rows: GridRow[] = [];
  for (const r of focus ? [focus, ...children] : []) {
    const self = r.id === focus?.id;
    const own = byRegion.get(r.id) ?? [];
    if (self && own.length === 0) continue;
    const nested = self ? new Set<number>() : subtreeIds(index, r.id);
    const below = rated.filter((f) => f.fund.regionId !== r.id && nested.has(f.fund.regionId));
    rows.push({
      ...regionRef(r), self, hasChildren: (index.children.get(r.id) ?? []).length > 0,
      fundsBelow: below.length, worstTierBelow: worstTier(below.map((f) => f.latest?.tier as Tier)),
      cells: Object.fromEntries(schemes.map((s) => {
        const f = gridFund(own, s);
        return [s, f ? cell(f) : null];
      })),
    });
  }

  const alerts = rated.filter((f) => f.alert !== null)
    .sort((a, b) => compareAlerts({ ...(a.latest as NonNullable<FundSnapshot['latest']>), forward: a.forward.warning }, { ...(b.latest as NonNullable<FundSnapshot['latest']>), forward: b.forward.warning })
      || a.fund.regionCode.localeCompare(b.fund.regionCode) || a.fund.scheme.localeCompare(b.fund.scheme));
  const alertCounts: Record<AlertLevel, number> = { critical: 0, high: 0, elevated: 0, notice: 0 };
  for (const a of alerts) alertCounts[a.alert as AlertLevel] += 1;
  const range = await monthRange(db, stamp, funds.map((f) => f.fund.fundId));
  const budget = await dashboardBudget(db, index, scope, new Set([...inFocus].filter((id) => scope === null || scope.has(id))), input.asOf);
  return {
    asOf: snapshot.asOf,
    latestPeriod: funds.reduce<string | null>((m, f) => (f.latest && (m === null || f.latest.period > m) ? f.latest.period : m), null),
    firstMonth: range.first,
    lastMonth: range.last,
    focus: focus ? regionRef(focus) : null,
    breadcrumb: focus ? breadcrumb(index, scope, focus) : [],
    roots: visibleRoots(index, scope).map(regionRef),
    schemes,
    grid: rows.sort(compareRows(input.gridOrder ?? 'urgency')).slice(0, input.gridLimit ?? DEFAULT_GRID_LIMIT),
    gridTotal: rows.length,
    kpis: { schemes: schemeFigures(topLevel, snapshot.params), tiers: tierCounts(rated), alerts: alertCounts, funds: funds.length, ratedFunds: rated.length, nestedFunds: rated.length - topLevel.length },
    sparkline: sparkline(rated, topLevel),
    alerts: alerts.slice(0, input.alertLimit ?? DEFAULT_ALERT_LIMIT).map(alertItem),
    alertTotal: alerts.length,
    budget,
    parameterVersion: snapshot.parameterVersion,
    thresholds: snapshot.params.thresholds,
    denominator: snapshot.params.denominator,
    forecastMethod: snapshot.forecastMethod,
  };
}
