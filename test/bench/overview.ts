/** The fund overview over 400 regions × 2 schemes × 10 years of monthly records. */
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { closeDatabase, openDatabase } from '../../server/db/client.ts';
import { ensureNationalParameterSet, activeWarningParams } from '../../server/services/parameters.ts';
import { importTable } from '../../server/importer/import-table.ts';
import { parseCsvText } from '../../server/importer/read-table.ts';
import { computeFundOverview } from '../../server/services/fund-overview.ts';
import { addUser } from '../../server/services/users.ts';
import { appRouter } from '../../server/routers/_app.ts';
import { createCallerFactory } from '../../server/trpc/init.ts';
import { createContextInner } from '../../server/trpc/context.ts';
import { loadSessionUser } from '../../server/auth/sessions.ts';
import { users } from '../../server/db/schema.ts';
import { syntheticFundRows, syntheticRegionRows } from './synthetic-funds.ts';
import { fmt, timeItAsync } from './stats.ts';

const REGIONS = 400;
const MONTHS = 120;


export async function benchOverview(tmpDir: string): Promise<string[]> {
  const db = await openDatabase(join(tmpDir, 'overview.db'));
  await ensureNationalParameterSet(db);
  const options = { unit: 'yuan' as const, dryRun: false, vintage: '2026-01-01' };
  const load = async (text: string, name: string, kind: 'regions' | 'fund_records') => {
    const report = await importTable(db, parseCsvText(text, name, 'utf-8'), { ...options, kind });
    if (!report.ok) throw new Error(`${name}: ${JSON.stringify(report.errors.slice(0, 3))}`);
    return report;
  };
  await load(syntheticRegionRows(REGIONS).join('\n'), 'regions.csv', 'regions');
  const loaded = await load([...syntheticFundRows({ regions: REGIONS, months: MONTHS, startYear: 2016 })].join('\n'), 'funds.csv', 'fund_records');
  await addUser(db, { username: 'leader', password: 'bench-password-1', role: 'leader' }, null);
  const { params } = await activeWarningParams(db);
  const cold = await timeItAsync(() => computeFundOverview(db, params, undefined), 40);
  const past = await timeItAsync(() => computeFundOverview(db, params, '2020-06'), 40);
  const [user] = await db.select().from(users).where(eq(users.username, 'leader')).limit(1);
  if (!user) throw new Error('no bench user');
  const caller = createCallerFactory(appRouter)(createContextInner({ db, user: await loadSessionUser(db, user) }));
  const served = await timeItAsync(() => caller.fund.overview({}), 500, 0);
  await closeDatabase(db);
  const scale = `${REGIONS} regions × 2 schemes × ${MONTHS} months (${loaded.summary.inserted.toLocaleString('en')} records)`;
  return [
    `| \`fund.overview\` query, ${scale}, through tRPC \`createCaller\` (memoised until the next write): p95 | ${fmt(served.p95, 2)} ms | p95 ≤ 30 ms | ${served.p95 <= 30 ? 'met' : 'MISSED'} |`,
    `| the same overview recomputed from the records (first read after a write), latest period: p50 / p95 | ${fmt(cold.p50)} / ${fmt(cold.p95)} ms | — (once per write) | |`,
    `| recomputed as of 2020-06 (period selector, first read of that period): p50 / p95 | ${fmt(past.p50)} / ${fmt(past.p95)} ms | — (once per write and period) | |`,
  ];
}
