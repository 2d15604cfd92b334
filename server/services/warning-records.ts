/**
 * The records the warning services read for every fund at once: each fund's trailing records up to
 * a period, in a fixed number of queries rather than one per fund (800 round trips to PostgreSQL
 * for a province). Used by the warning snapshot (warning-snapshot.ts) and the fund overview
 * (fund-overview.ts).
 *
 * "Up to a period" as both have always read it: a monthly fund up to that month (a `YYYY` period
 * up to its December), a yearly fund up to that year; without a period, every record.
 *
 * First, per fund, its newest period up to then and its record count (a grouped scan of the
 * (fund, period) index); then the records in the span of its last N periods, funds with the same
 * span read together (index ranges, no sort of the records: ranking every record with
 * `row_number()` took about twice as long on both databases). A fund with a gap in that span has
 * fewer rows there than min(N, its record count); those few are read again by rank, so the answer
 * is always exactly the last N records.
 */
import { and, between, count, eq, inArray, lte, max, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { fundRecords, funds } from '../db/schema.ts';
import type { FundFlowRow } from '../db/queries/fund-records.ts';
import { parsePeriod } from '../../models/index.ts';

/** How many trailing records to keep per fund, by the fund's period kind. */
export interface TrailingLimits {
  month: number;
  year: number;
}

/** The condition on `fund_records` joined with `funds` for records at or before `asOf` (none without one). */
export function recordsUpTo(asOf: string | undefined): SQL | undefined {
  if (!asOf) return undefined;
  const p = parsePeriod(asOf);
  const monthIndex = p.kind === 'month' ? p.index : p.year * 12 + 11;
  return or(
    and(eq(funds.periodKind, 'year'), lte(fundRecords.periodIndex, p.year)),
    and(eq(funds.periodKind, 'month'), lte(fundRecords.periodIndex, monthIndex)),
  );
}

const flowColumns = {
  fundId: fundRecords.fundId, periodIndex: fundRecords.periodIndex, period: fundRecords.period,
  incomeFen: fundRecords.incomeFen, expenditureFen: fundRecords.expenditureFen, balanceFen: fundRecords.balanceFen,
};

type FlowRow = { fundId: number; periodIndex: number } & FundFlowRow;

/** Rows of several funds → fund id → rows oldest first. */
function byFund(rows: readonly FlowRow[]): Map<number, FlowRow[]> {
  const out = new Map<number, FlowRow[]>();
  for (const r of rows) {
    const list = out.get(r.fundId);
    if (list) list.push(r);
    else out.set(r.fundId, [r]);
  }
  for (const list of out.values()) list.sort((a, b) => a.periodIndex - b.periodIndex);
  return out;
}

const flow = (r: FlowRow): FundFlowRow => ({ period: r.period, incomeFen: r.incomeFen, expenditureFen: r.expenditureFen, balanceFen: r.balanceFen });

/** Fund id → its last `limits[periodKind]` records at or before `asOf`, oldest first; funds without one are absent. */
export async function trailingRecordsByFund(db: Db, asOf: string | undefined, limits: TrailingLimits): Promise<Map<number, FundFlowRow[]>> {
  const upTo = recordsUpTo(asOf);
  const keepOf = (kind: 'month' | 'year') => (kind === 'year' ? limits.year : limits.month);
  // per fund: its newest period index up to asOf and its record count there
  const spans = await db.select({
    fundId: fundRecords.fundId, newest: max(fundRecords.periodIndex), held: count(),
    // a fund has one period kind: max() keeps the grouping on the fund id alone (the index order, no sort)
    periodKind: sql<'month' | 'year'>`max(${funds.periodKind})`,
  }).from(fundRecords).innerJoin(funds, eq(funds.id, fundRecords.fundId)).where(upTo).groupBy(fundRecords.fundId);
  // funds with the same span read together: few groups, as most funds report up to the same period
  const groups = new Map<string, { from: number; to: number; fundIds: number[] }>();
  for (const { fundId, newest, periodKind } of spans) {
    if (newest === null) continue;
    const from = newest - keepOf(periodKind) + 1;
    const key = `${from}:${newest}`;
    const group = groups.get(key);
    if (group) group.fundIds.push(fundId);
    else groups.set(key, { from, to: newest, fundIds: [fundId] });
  }
  const found = byFund(groups.size === 0 ? [] : await db.select(flowColumns).from(fundRecords)
    .where(or(...[...groups.values()].map((g) => and(inArray(fundRecords.fundId, g.fundIds), between(fundRecords.periodIndex, g.from, g.to))))));
  const gapped = spans.filter((s) => (found.get(s.fundId)?.length ?? 0) < Math.min(keepOf(s.periodKind), s.held)).map((s) => s.fundId);
  if (gapped.length > 0) {
    const ranked = db.select({
      ...flowColumns, periodKind: funds.periodKind,
      rank: sql<number>`row_number() over (partition by ${fundRecords.fundId} order by ${fundRecords.periodIndex} desc)`.as('rank'),
    }).from(fundRecords).innerJoin(funds, eq(funds.id, fundRecords.fundId)).where(and(inArray(fundRecords.fundId, gapped), upTo)).as('ranked');
    const exact = await db.select({
      fundId: ranked.fundId, periodIndex: ranked.periodIndex, period: ranked.period,
      incomeFen: ranked.incomeFen, expenditureFen: ranked.expenditureFen, balanceFen: ranked.balanceFen,
    }).from(ranked)
      .where(or(and(eq(ranked.periodKind, 'month'), lte(ranked.rank, limits.month)), and(eq(ranked.periodKind, 'year'), lte(ranked.rank, limits.year))));
    for (const [id, list] of byFund(exact)) found.set(id, list);
  }
  return new Map([...found].map(([id, list]) => [id, list.map(flow)]));
}
