/**
 * The months a period selector may offer: the first and last monthly record among the funds a
 * user sees (yearly ledgers have no months to pick). One grouped query per data stamp.
 */
import { eq, max, min } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { fundRecords, funds } from '../db/schema.ts';
import { monthIndexToText } from '../../models/index.ts';
import { memoise } from './warning-cache.ts';

function monthSpans(db: Db, stamp: number): Promise<Map<number, { first: number; last: number }>> {
  return memoise(db, 'month-spans', stamp, async () => {
    const rows = await db.select({ fundId: fundRecords.fundId, first: min(fundRecords.periodIndex), last: max(fundRecords.periodIndex) })
      .from(fundRecords).innerJoin(funds, eq(funds.id, fundRecords.fundId)).where(eq(funds.periodKind, 'month'))
      .groupBy(fundRecords.fundId);
    return new Map(rows.flatMap((r) => (r.first === null || r.last === null ? [] : [[r.fundId, { first: r.first, last: r.last }]])));
  });
}

/** First and last month (`YYYY-MM`) with a record among `fundIds`; null when none is monthly. */
export async function monthRange(db: Db, stamp: number, fundIds: readonly number[]): Promise<{ first: string | null; last: string | null }> {
  const spans = await monthSpans(db, stamp);
  let first = Infinity;
  let last = -Infinity;
  for (const id of fundIds) {
    const s = spans.get(id);
    if (!s) continue;
    first = Math.min(first, s.first);
    last = Math.max(last, s.last);
  }
  return Number.isFinite(first) ? { first: monthIndexToText(first), last: monthIndexToText(last) } : { first: null, last: null };
}
