/**
 * The stochastic projection runs a fund's forward warning may take its probability of red from
 * (domain.md §3.2, §6.3): completed Monte Carlo runs (`projection_runs` of kind stochastic, status
 * done, paths > 0) of a scenario version whose `fundId` is the fund. Load → here; the choice of the
 * run that covers a warning, the mapping of its yearly probabilities and the staleness rules are
 * models/warning/stochastic-link.ts, applied in warning-forecast.ts once the path is known.
 *
 * Loaded once per snapshot (warning-snapshot.ts), newest first: by finishing time, then run id.
 */
import { and, desc, eq, gt, inArray, isNotNull, max, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { fundRecords, funds, projectionRuns, scenarios } from '../db/schema.ts';
import type { StochasticRunFacts } from '../../models/index.ts';
import { recordsUpTo } from './warning-records.ts';

/** What a forward warning needs to link a fund's runs (warning-forecast.ts `forecastForward`). */
export interface ForwardStochastic {
  /** The fund's completed runs, newest first. */
  runs: StochasticRunFacts[];
  /** Newest vintage among the fund's records up to the warning's origin. */
  newestRecordVintage: string | null;
}

interface StoredResult {
  years?: unknown;
  probabilityRedBy?: unknown;
}

const numbers = (x: unknown): number[] => (Array.isArray(x) && x.every((v) => typeof v === 'number') ? x : []);

/**
 * Fund id → its completed stochastic runs, newest first. A stored result without yearly
 * probabilities yields a run with no years, which the link refuses with its message.
 */
export async function stochasticRunsByFund(db: Db): Promise<Map<number, StochasticRunFacts[]>> {
  const rows = await db.select({
    runId: projectionRuns.id, fundId: scenarios.fundId, finishedAt: projectionRuns.finishedAt, paths: projectionRuns.paths,
    resultJson: projectionRuns.resultJson, scenarioVintage: scenarios.dataVintage,
  }).from(projectionRuns).innerJoin(scenarios, eq(scenarios.id, projectionRuns.scenarioId))
    .where(and(eq(projectionRuns.kind, 'stochastic'), eq(projectionRuns.status, 'done'), gt(projectionRuns.paths, 0), isNotNull(scenarios.fundId)))
    // a run without a finishing time counts as the oldest, as SQLite sorts nulls (PostgreSQL would put them first)
    .orderBy(sql`${projectionRuns.finishedAt} desc nulls last`, desc(projectionRuns.id));
  const out = new Map<number, StochasticRunFacts[]>();
  for (const r of rows) {
    if (r.fundId === null || r.paths === null) continue;
    const result = (r.resultJson === null ? {} : JSON.parse(r.resultJson)) as StoredResult;
    const facts: StochasticRunFacts = {
      runId: r.runId, finishedAt: r.finishedAt ?? '', paths: r.paths,
      years: numbers(result.years), probabilityRedBy: numbers(result.probabilityRedBy), scenarioVintage: r.scenarioVintage,
    };
    out.set(r.fundId, [...(out.get(r.fundId) ?? []), facts]);
  }
  return out;
}

/** Fund id → the newest vintage of its records up to `asOf` (warning-records.ts `recordsUpTo`), for the funds asked about, in one grouped query. */
export async function newestVintagesByFund(db: Db, fundIds: readonly number[], asOf: string | undefined): Promise<Map<number, string | null>> {
  if (fundIds.length === 0) return new Map();
  const rows = await db.select({ fundId: fundRecords.fundId, v: max(fundRecords.vintage) }).from(fundRecords)
    .innerJoin(funds, eq(funds.id, fundRecords.fundId))
    .where(and(inArray(fundRecords.fundId, [...fundIds]), recordsUpTo(asOf)))
    .groupBy(fundRecords.fundId);
  return new Map(rows.map((r) => [r.fundId, r.v]));
}
