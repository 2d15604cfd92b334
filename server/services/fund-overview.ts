/**
 * The fund overview: every fund the user may see, at its latest period (or as of a chosen
 * period), with balance, payable months, tier and flags (domain.md §3).
 */
import type { Db } from '../db/client.ts';
import { listFundHeaders, type FundHeader } from '../db/queries/fund-records.ts';
import { evaluateFundSeries, resolveParams, type FundWarning, type WarningParams } from '../../models/index.ts';
import { activeWarningParams } from './parameters.ts';
import { warningParamsAt } from './warning-rules.ts';
import { asPlainJson, warningDataStamp } from './warning-cache.ts';
import { memoAnswer, scopeMemoKey } from './answer-memo.ts';
import { boundedMemo } from './bounded-memo.ts';
import { trailingRecordsByFund } from './warning-records.ts';

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

/** Per database (tests and benchmarks open several): the rows per parameter version and period while the data stamp holds. */
const overviews = boundedMemo(64);

/**
 * All funds' latest warnings, memoised on the warning data stamp so repeated reads are cheap: a
 * login or a projection run (an audit row, but no change of records) no longer recomputes them.
 */
function cachedFundOverview(db: Db, params: WarningParams, parameterVersion: number, asOf: string | undefined, dataStamp: number): Promise<FundOverviewRow[]> {
  return overviews(db, `${parameterVersion}|${asOf ?? ''}`, dataStamp, () => computeFundOverview(db, params, asOf));
}

/** Every fund's warning at its latest period at or before `asOf`, computed from the records (one query for the funds, one for their records). */
export async function computeFundOverview(db: Db, params: WarningParams, asOf: string | undefined): Promise<FundOverviewRow[]> {
  const headers = await listFundHeaders(db);
  const recent = await trailingRecordsByFund(db, asOf, { month: MONTHS_OF_HISTORY, year: YEARS_OF_HISTORY });
  return headers.map((fund): FundOverviewRow => {
    const records = recent.get(fund.fundId) ?? [];
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
export async function fundOverview(db: Db, scope: Set<number> | null, filter: OverviewFilter) {
  // a month before the first national version is judged under it (warning-rules.ts), as on every warning page
  const { params, entries, version, key: rulesKey } = filter.asOf === undefined ? await activeWarningParams(db) : await warningParamsAt(db, filter.asOf);
  const dataStamp = await warningDataStamp(db);
  return memoAnswer(db, `overview|${scopeMemoKey(scope)}|${JSON.stringify(filter)}`, `${dataStamp}|${rulesKey}`, async () => {
    const rows = (await cachedFundOverview(db, params, version, filter.asOf, dataStamp)).filter((r) =>
      (scope === null || scope.has(r.regionId))
      && (!filter.scheme || r.scheme === filter.scheme)
      && (!filter.regionId || r.regionId === filter.regionId || r.parentRegionId === filter.regionId)
      && (!filter.tier || r.tier === filter.tier));
    // plain JSON for the transformer: superjson walking 800 rows was 60 ms of a 65 ms answer (warning-cache.ts)
    return asPlainJson({ rows, params, parameterEntries: entries, parameterVersion: version });
  });
}
