/**
 * `warning.current` (every visible fund's tier, flags and reasons as of a period) and
 * `warning.history` (one fund's tier and payable months for every period it has).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { funds as fundsTable, regions } from '../db/schema.ts';
import { fundRecordsInOrder } from '../db/queries/fund-records.ts';
import { evaluateFundSeries, explainWarning, resolveParams, type FundWarning, type WarningParams } from '../../models/index.ts';
import { assertRegionVisible } from './region-scope.ts';
import { isRatedAccount } from './fund-overview.ts';
import { DomainError } from './errors.ts';
import { warningSnapshot, snapshotFlags, type FundSnapshot } from './warning-snapshot.ts';
import { regionIndex, subtreeIds } from './warning-regions.ts';
import { asPlainJson, warningDataStamp, warningStamp } from './warning-cache.ts';
import { memoAnswer, scopeMemoKey } from './answer-memo.ts';
import { warningRulesByPeriod } from './warning-rules.ts';

export interface WarningFilter {
  asOf?: string | undefined;
  regionId?: number | undefined;
  scheme?: string | undefined;
  tier?: string | undefined;
  fundId?: number | undefined;
}

/**
 * The snapshot's funds a user may see, narrowed by region (nested regions included), scheme and fund.
 * @throws DomainError NOT_FOUND for an unknown region or fund, FORBIDDEN for one outside the user's regions.
 */
export async function scopedSnapshotFunds(db: Db, scope: Set<number> | null, filter: WarningFilter): Promise<FundSnapshot[]> {
  const snapshot = await warningSnapshot(db, filter.asOf);
  let inRegion: Set<number> | null = null;
  if (filter.regionId !== undefined) {
    const index = await regionIndex(db, await warningDataStamp(db));
    if (!index.byId.has(filter.regionId)) throw new DomainError('NOT_FOUND', `no region ${filter.regionId}`);
    assertRegionVisible(scope, filter.regionId);
    inRegion = subtreeIds(index, filter.regionId);
  }
  if (filter.fundId !== undefined) {
    const f = snapshot.funds.find((s) => s.fund.fundId === filter.fundId);
    if (!f) throw new DomainError('NOT_FOUND', `no fund ${filter.fundId}`);
    assertRegionVisible(scope, f.fund.regionId);
  }
  return snapshot.funds.filter((f) => (scope === null || scope.has(f.fund.regionId))
    && (inRegion === null || inRegion.has(f.fund.regionId))
    && (filter.scheme === undefined || f.fund.scheme === filter.scheme)
    && (filter.fundId === undefined || f.fund.fundId === filter.fundId)
    && (filter.tier === undefined || (f.rated && f.latest?.tier === filter.tier)));
}

export const fundRef = (f: FundSnapshot['fund']) => ({
  fundId: f.fundId, regionId: f.regionId, regionCode: f.regionCode, regionName: f.regionName, regionNameEn: f.regionNameEn,
  regionLevel: f.regionLevel, scheme: f.scheme, account: f.account, periodKind: f.periodKind,
});

/**
 * Memoised per warning stamp, filter and scope (answer-memo.ts): every dashboard user repeats it.
 * @throws DomainError as `scopedSnapshotFunds` (NOT_FOUND, FORBIDDEN).
 */
export async function warningCurrent(db: Db, scope: Set<number> | null, filter: WarningFilter) {
  const key = `current|${scopeMemoKey(scope)}|${JSON.stringify(filter)}`;
  return memoAnswer(db, key, await warningStamp(db), () => computeWarningCurrent(db, scope, filter));
}

async function computeWarningCurrent(db: Db, scope: Set<number> | null, filter: WarningFilter) {
  const snapshot = await warningSnapshot(db, filter.asOf);
  const funds = (await scopedSnapshotFunds(db, scope, filter)).map((f) => {
    const last = f.records.at(-1);
    const fw = f.forward.warning;
    const { fund } = f;
    // the fields of fundRef written out: a spread before further fields made each row ~25 µs (V8 builds it property by property)
    return {
      fundId: fund.fundId, regionId: fund.regionId, regionCode: fund.regionCode, regionName: fund.regionName, regionNameEn: fund.regionNameEn,
      regionLevel: fund.regionLevel, scheme: fund.scheme, account: fund.account, periodKind: fund.periodKind,
      rated: f.rated,
      period: f.latest?.period ?? null,
      balanceYuan: last ? last.balanceFen / 100 : null,
      annualExpenditureYuan: f.latest ? f.latest.annualExpenditureFen / 100 : null,
      payableMonths: f.rated ? f.latest?.payableMonths ?? null : null,
      tier: f.rated ? f.latest?.tier ?? null : null,
      flags: snapshotFlags(f),
      consecutiveDeficits: f.latest?.consecutiveDeficits ?? 0,
      resident: f.latest?.resident ?? null,
      alert: f.alert,
      thresholds: f.params.thresholds,
      reasons: f.explanation,
      forward: fw ? { tier12: fw.horizons[0]?.tier ?? null, tier24: fw.horizons[1]?.tier ?? null, warningEntry: fw.warningEntry?.period ?? null, redEntry: fw.redEntry?.period ?? null, method: f.forward.method } : null,
    };
  });
  // plain JSON for the transformer: superjson walking 800 funds with their reasons was 175 ms an answer (warning-cache.ts)
  return asPlainJson({ asOf: snapshot.asOf, parameterVersion: snapshot.parameterVersion, denominator: snapshot.params.denominator, forecastMethod: snapshot.forecastMethod, funds });
}

/**
 * Every period of one fund, each under the parameter set in force at that period (so a past
 * warning reads as it was issued; a period before the first national version under that version,
 * warning-rules.ts); with one set for the whole span, one evaluation.
 * @throws DomainError NOT_FOUND for an unknown fund, FORBIDDEN outside the user's regions.
 */
export async function warningHistory(db: Db, scope: Set<number> | null, fundId: number) {
  const [row] = await db.select({ fund: fundsTable, region: regions }).from(fundsTable)
    .innerJoin(regions, eq(regions.id, fundsTable.regionId)).where(eq(fundsTable.id, fundId)).limit(1);
  if (!row) throw new DomainError('NOT_FOUND', `no fund ${fundId}`);
  assertRegionVisible(scope, row.region.id);
  const records = await fundRecordsInOrder(db, fundId);
  const rules = await warningRulesByPeriod(db);
  const rated = isRatedAccount(row.fund.account);
  const evaluations = new Map<string, { params: WarningParams; warnings: FundWarning[] }>();
  // the rules in force at a period (a month, or a year at its end; before 2009-01 the first version): the national version and the regional overrides
  const [first, last] = [records[0], records.at(-1)].map((r) => (r ? rules.paramsAt(r.period) : undefined));
  // versions take effect in time order, so one combination at both ends is the combination throughout
  const inForce = (period: string) => (first && first.key === last?.key ? first : rules.paramsAt(period));
  const periods = records.map((r, i) => {
    const { params, version, key } = inForce(r.period);
    let evaluation = evaluations.get(key);
    if (!evaluation) {
      const resolved = resolveParams(params, row.region.code, row.fund.scheme);
      evaluation = { params: resolved, warnings: evaluateFundSeries(records, { scheme: row.fund.scheme, params: resolved }) };
      evaluations.set(key, evaluation);
    }
    const w = evaluation.warnings[i] as FundWarning;
    const reasons = rated ? explainWarning({ warning: w, balanceFen: r.balanceFen, params: evaluation.params }) : null;
    return {
      period: r.period, balanceYuan: r.balanceFen / 100, incomeYuan: r.incomeFen / 100, expenditureYuan: r.expenditureFen / 100,
      payableMonths: rated ? w.payableMonths : null, tier: rated ? w.tier : null, flags: w.flags, consecutiveDeficits: w.consecutiveDeficits,
      parameterVersion: version, reasonZh: reasons?.zh ?? null, reasonEn: reasons?.en ?? null,
    };
  });
  return {
    fund: { fundId: row.fund.id, regionId: row.region.id, regionCode: row.region.code, regionName: row.region.name, regionNameEn: row.region.nameEn, scheme: row.fund.scheme, account: row.fund.account, periodKind: row.fund.periodKind },
    rated,
    periods,
  };
}
