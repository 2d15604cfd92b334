/**
 * `warning.forward`: per fund, whether the forecast median path enters orange or red within 12 or
 * 24 months and when, with the path itself. The dashboard's method (Theta) comes from the
 * memoised snapshot; another method is run on the snapshot's trailing history and memoised per
 * fund, period and method (warning-forecast.ts has the method notes). `probabilityRed` per horizon
 * and `stochastic` (run id, finishing date, paths, age and why it is stale) come from the newest
 * completed Monte Carlo run of a scenario calibrated on the fund that covers the origin; both null
 * without one (warning-stochastic.ts, models/warning/stochastic-link.ts).
 */
import type { Db } from '../db/client.ts';
import { explainWarning, type MethodName } from '../../models/index.ts';
import { forecastForward, type ForwardRun } from './warning-forecast.ts';
import { scopedSnapshotFunds, fundRef, type WarningFilter } from './warning-current.ts';
import { warningSnapshot, type FundSnapshot } from './warning-snapshot.ts';
import { memoise, warningStamp } from './warning-cache.ts';

export interface ForwardInput extends WarningFilter {
  method: MethodName;
  includePath: boolean;
}

/** The snapshot's own forward run for its method; another method's run memoised per fund, period and method under `stamp`. */
async function runFor(db: Db, f: FundSnapshot, method: MethodName, asOf: string | undefined, snapshotMethod: MethodName, stamp: string): Promise<ForwardRun> {
  if (!f.rated || !f.latest) return f.forward;
  if (method === snapshotMethod) return f.forward;
  return memoise(db, `forward|${asOf ?? ''}|${f.fund.fundId}|${method}`, stamp, async () => forecastForward(f.fund, f.records, f.params, method, f.stochastic));
}

/** @throws DomainError as `scopedSnapshotFunds` (NOT_FOUND, FORBIDDEN). */
export async function warningForward(db: Db, scope: Set<number> | null, input: ForwardInput) {
  const stamp = await warningStamp(db);
  const { forecastMethod } = await warningSnapshot(db, input.asOf);
  const scoped = await scopedSnapshotFunds(db, scope, input);
  const runs = await Promise.all(scoped.map((f) => runFor(db, f, input.method, input.asOf, forecastMethod, stamp)));
  const funds = scoped.map((f, i) => {
    const run = runs[i] as ForwardRun;
    const w = run.warning;
    const last = f.records.at(-1);
    const reasons = w && f.latest && last
      ? explainWarning({ warning: f.latest, balanceFen: last.balanceFen, params: f.params, forward: w }).reasons.filter((r) => r.code === 'forward' || r.code === 'probability_red')
      : [];
    return {
      ...fundRef(f.fund),
      rated: f.rated,
      method: run.method,
      model: run.model,
      note: run.note,
      origin: w?.origin ?? null,
      horizons: w?.horizons ?? [],
      warningEntry: w?.warningEntry ? { period: w.warningEntry.period, monthsAhead: w.warningEntry.monthsAhead, tier: w.warningEntry.tier } : null,
      redEntry: w?.redEntry ? { period: w.redEntry.period, monthsAhead: w.redEntry.monthsAhead, tier: w.redEntry.tier } : null,
      flags: w?.flags ?? [],
      stochastic: w?.stochastic ?? null,
      reasons,
      path: input.includePath && w ? w.path.map((p) => ({
        period: p.period, monthsAhead: p.monthsAhead, incomeYuan: p.incomeFen / 100, expenditureYuan: p.expenditureFen / 100,
        balanceYuan: p.balanceFen / 100, payableMonths: p.payableMonths, tier: p.tier,
      })) : null,
    };
  });
  return { asOf: input.asOf ?? null, method: input.method, funds };
}
