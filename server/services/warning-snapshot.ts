/**
 * Every fund's warning as of a period, with what the dashboard and the warning API show about it:
 * tier and flags of its latest record (models/warning `evaluateFundSeries`), the reasons in
 * Chinese and English, the forward warning from a forecast of its trailing history, and its alert
 * level. Computed for all funds at once and memoised on the data stamp and period, so the first
 * request after a write pays for it (the "full recomputation of all warnings") and the rest read it.
 *
 * "As of" a month means as it was then: only records up to that month, the parameter set in force
 * at that month (before the first national version, 2009-01: that version, warning-rules.ts), the
 * forecast made from that history. Without a period: each fund's latest record
 * and the newest parameter set, as `fund.overview` shows it.
 *
 * A fund with completed Monte Carlo runs of a scenario calibrated on it gets the probability of red
 * of the newest run covering its origin (warning-stochastic.ts, warning-forecast.ts); the snapshot is
 * therefore keyed on `warningStamp`, which moves when a run completes.
 */
import type { Db } from '../db/client.ts';
import { listFundHeaders, type FundFlowRow, type FundHeader } from '../db/queries/fund-records.ts';
import {
  alertLevel, evaluateFundSeries, explainWarning, resolveParams,
  type AlertLevel, type FundWarning, type MethodName, type WarningExplanation, type WarningParams,
} from '../../models/index.ts';
import type { ParameterEntry } from './parameters.ts';
import { warningParamsAt } from './warning-rules.ts';
import { isRatedAccount } from './fund-overview.ts';
import { forecastForward, SNAPSHOT_FORECAST_METHOD, type ForwardRun } from './warning-forecast.ts';
import { newestVintagesByFund, stochasticRunsByFund, type ForwardStochastic } from './warning-stochastic.ts';
import { trailingRecordsByFund } from './warning-records.ts';
import { memoise, warningStamp } from './warning-cache.ts';

/** History kept per fund: two seasonal cycles and more for the forecast, 24 months of sparkline, a year-on-year window. */
export const MONTHS_OF_HISTORY = 60;
export const YEARS_OF_HISTORY = 10;
/** Newer than any period: the parameter set in force "now". */
const LATEST = '9999-12';

export interface FundSnapshot {
  fund: FundHeader;
  /** False for ledgers that include personal accounts: no tier, no alert (domain.md §1). */
  rated: boolean;
  /** The fund's resolved parameter set (national, scheme and region overrides). */
  params: WarningParams;
  /** Trailing records up to the period, oldest first, and the warning of each. */
  records: FundFlowRow[];
  warnings: FundWarning[];
  /** The warning of the latest record, its reasons, forward warning and alert level (null when none). */
  latest: FundWarning | null;
  explanation: WarningExplanation | null;
  forward: ForwardRun;
  /** The fund's completed stochastic runs and record vintage, for a forward warning by another method. */
  stochastic: ForwardStochastic | undefined;
  alert: AlertLevel | null;
}

export interface WarningSnapshot {
  asOf: string | null;
  params: WarningParams;
  parameterVersion: number;
  parameterEntries: ParameterEntry[];
  forecastMethod: MethodName;
  funds: FundSnapshot[];
}

/** The memoised snapshot: recomputed after a write, per period asked for; concurrent requests share one computation. */
export async function warningSnapshot(db: Db, asOf: string | undefined): Promise<WarningSnapshot> {
  return memoise(db, `snapshot|${asOf ?? ''}`, await warningStamp(db), () => computeWarningSnapshot(db, asOf));
}

/**
 * Every fund's snapshot from the records, without the memo: each table read in one query (funds,
 * their trailing records, completed runs, and the record vintages of funds with a run), then the
 * models per fund.
 */
export async function computeWarningSnapshot(db: Db, asOf: string | undefined, method: MethodName = SNAPSHOT_FORECAST_METHOD): Promise<WarningSnapshot> {
  const { params, entries, version } = await warningParamsAt(db, asOf ?? LATEST);
  const headers = await listFundHeaders(db);
  const recent = await trailingRecordsByFund(db, asOf, { month: MONTHS_OF_HISTORY, year: YEARS_OF_HISTORY });
  const runs = await stochasticRunsByFund(db);
  const vintages = await newestVintagesByFund(db, [...runs.keys()], asOf);
  const funds = headers.map((fund): FundSnapshot => {
    const records = recent.get(fund.fundId) ?? [];
    const fundRuns = runs.get(fund.fundId);
    const stochastic = fundRuns ? { runs: fundRuns, newestRecordVintage: vintages.get(fund.fundId) ?? null } : undefined;
    const resolved = resolveParams(params, fund.regionCode, fund.scheme);
    const warnings = evaluateFundSeries(records, { scheme: fund.scheme, params: resolved });
    const rated = isRatedAccount(fund.account);
    const latest = warnings.at(-1) ?? null;
    const lastRecord = records.at(-1);
    const forward = rated && latest ? forecastForward(fund, records, resolved, method, stochastic) : NO_FORWARD;
    return {
      fund, rated, params: resolved, records, warnings, latest, forward, stochastic,
      explanation: rated && latest && lastRecord ? explainWarning({ warning: latest, balanceFen: lastRecord.balanceFen, params: resolved, forward: forward.warning }) : null,
      alert: rated && latest ? alertLevel({ ...latest, forward: forward.warning }) : null,
    };
  });
  return { asOf: asOf ?? null, params, parameterVersion: version, parameterEntries: entries, forecastMethod: method, funds };
}

const NO_FORWARD: ForwardRun = { warning: null, method: null, model: null, note: 'not rated or no records' };

/** The flags of a snapshot's latest record with `forward` added when its forward warning has it. */
export function snapshotFlags(s: FundSnapshot): string[] {
  return [...(s.latest?.flags ?? []), ...(s.forward.warning?.flags ?? [])];
}
