/**
 * The fund overview: every fund the user may see, at its latest period (or as of a chosen
 * period), with balance, payable months, tier and flags (domain.md §3).
 */
import type { Db } from '../db/client.ts';
import { listFundHeaders, makeRecentRecordsQuery, type FundHeader } from '../db/queries/fund-records.ts';
import { evaluateFundSeries, parsePeriod, resolveParams, type FundWarning, type WarningParams } from '../../models/index.ts';
import { activeWarningParams } from './parameters.ts';
import { warningParamsAt } from './warning-rules.ts';
import { asPlainJson, warningDataStamp } from './warning-cache.ts';
import { memoAnswer, scopeMemoKey } from './answer-memo.ts';

/** Records needed per fund: a 12-month window plus enough history to count recent deficits. */
const MONTHS_OF_HISTORY = 36;
const YEARS_OF_HISTORY = 5;

export interface OverviewFilter {
  asOf?: string | undefined;
  scheme?: string | undefined;
  regionId?: number | undefined;
  tier?: string | undefined;
}

export interface FundOverviewRow extends FundHeader {
  /** False for ledgers that include personal accounts: no payable months or tier (domain.md §1). */
  rated: boolean;
  latestPeriod: string | null;
  balanceYuan: number | null;
  annualExpenditureYuan: number | null;
  windowIncomeYuan: number | null;
  windowExpenditureYuan: number | null;
  payableMonths: number | null;
  tier: FundWarning['tier'] | null;
  flags: FundWarning['flags'];
  consecutiveDeficits: number;
  resident: FundWarning['resident'] | null;
}

/**
 * Only pooling-fund balances count for solvency warnings; personal accounts belong to members and
 * never enter the numerator of payable months (domain.md §1), so a combined ledger gets no tier.
 */
export function isRatedAccount(account: string): boolean {
  return account === 'pooling';
}

/** Per database (tests and benchmarks open several), then per data stamp, parameters and period. */
const caches = new WeakMap<Db, Map<string, FundOverviewRow[]>>();
const CACHE_LIMIT = 64;

/**
 * All funds' latest warnings, memoised on the warning data stamp so repeated reads are cheap: a
 * login or a projection run (an audit row, but no change of records) no longer recomputes them.
 */
function cachedFundOverview(db: Db, params: WarningParams, parameterVersion: number, asOf: string | undefined): FundOverviewRow[] {
  const key = `${warningDataStamp(db)}|${parameterVersion}|${asOf ?? ''}`;
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) return hit;
  const rows = computeFundOverview(db, params, asOf);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, rows);
  return rows;
}

/** Every fund's warning at its latest period at or before `asOf`, computed from the records. */
export function computeFundOverview(db: Db, params: WarningParams, asOf: string | undefined): FundOverviewRow[] {
  const recent = makeRecentRecordsQuery(db);
  const asOfMonth = asOf ? parsePeriod(asOf) : undefined;
  return listFundHeaders(db).map((fund): FundOverviewRow => {
    const asOfIndex = !asOfMonth ? Number.MAX_SAFE_INTEGER
      : fund.periodKind === 'year' ? asOfMonth.year : asOfMonth.kind === 'month' ? asOfMonth.index : asOfMonth.year * 12 + 11;
    const records = recent(fund.fundId, asOfIndex, fund.periodKind === 'year' ? YEARS_OF_HISTORY : MONTHS_OF_HISTORY);
    const last = evaluateFundSeries(records, { scheme: fund.scheme, params: resolveParams(params, fund.regionCode, fund.scheme) }).at(-1);
    const lastRecord = records.at(-1);
    const rated = isRatedAccount(fund.account);
    return {
      ...fund,
      rated,
      latestPeriod: last?.period ?? null,
      balanceYuan: lastRecord ? lastRecord.balanceFen / 100 : null,
      annualExpenditureYuan: last ? last.annualExpenditureFen / 100 : null,
      windowIncomeYuan: last ? last.windowIncomeFen / 100 : null,
      windowExpenditureYuan: last ? last.windowExpenditureFen / 100 : null,
      payableMonths: rated ? last?.payableMonths ?? null : null,
      tier: rated ? last?.tier ?? null : null,
      flags: last?.flags ?? [],
      consecutiveDeficits: last?.consecutiveDeficits ?? 0,
      resident: last?.resident ?? null,
    };
  });
}

/** The overview a user may see, memoised per data stamp, parameter set, filter and scope (answer-memo.ts). */
export function fundOverview(db: Db, scope: Set<number> | null, filter: OverviewFilter) {
  // a month before the first national version is judged under it (warning-rules.ts), as on every warning page
  const { params, entries, version, key: rulesKey } = filter.asOf === undefined ? activeWarningParams(db) : warningParamsAt(db, filter.asOf);
  const stamp = `${warningDataStamp(db)}|${rulesKey}`;
  return memoAnswer(db, `overview|${scopeMemoKey(scope)}|${JSON.stringify(filter)}`, stamp, () => {
    const rows = cachedFundOverview(db, params, version, filter.asOf).filter((r) =>
      (scope === null || scope.has(r.regionId))
      && (!filter.scheme || r.scheme === filter.scheme)
      && (!filter.regionId || r.regionId === filter.regionId || r.parentRegionId === filter.regionId)
      && (!filter.tier || r.tier === filter.tier));
    // plain JSON for the transformer: superjson walking 800 rows was 60 ms of a 65 ms answer (warning-cache.ts)
    return asPlainJson({ rows, params, parameterEntries: entries, parameterVersion: version });
  });
}
