/**
 * Shared by the loopback benchmarks (dashboard.ts, load.ts): a synthetic province in a database (a
 * SQLite file, or PostgreSQL through load-pg.ts) — regions × both schemes × monthly records,
 * imported through the real importer, plus the users the bench logs in as — and a logged-in
 * session over HTTP for autocannon.
 */
import { closeDatabase, openDatabase, type DatabaseTarget } from '../../server/db/client.ts';
import { ensureNationalParameterSet } from '../../server/services/parameters.ts';
import { importTable } from '../../server/importer/import-table.ts';
import { parseCsvText } from '../../server/importer/read-table.ts';
import { addUser } from '../../server/services/users.ts';
import type { Role } from '../../server/db/schema.ts';
import { syntheticFundRows, syntheticRegionRows } from './synthetic-funds.ts';

/** The password of every bench user. */
export const BENCH_PASSWORD = 'bench-password-1';

export interface BenchUser {
  username: string;
  role: Role;
  /** The regions the user may see (none: every region). */
  regionCodes?: string[];
}

export interface SyntheticDatabaseOptions {
  regions: number;
  months: number;
  users: readonly BenchUser[];
}

/**
 * Fills the database `target` names (a SQLite file path, or a target or `postgres://` URL) with
 * `regions` cities (B00000 …) under one province, their employee and resident funds with `months`
 * monthly records from 2016-01, and the users, through the awaited data layer. The target must be
 * of this process's dialect (server/db/client.ts `openDatabase`): load-pg.ts fills a PostgreSQL one
 * from a child process started with DATABASE_URL.
 * @returns the number of fund records imported.
 * @throws Error naming the file and its first errors when an import is refused.
 */
export async function buildSyntheticDatabase(target: DatabaseTarget | string, { regions, months, users }: SyntheticDatabaseOptions): Promise<number> {
  const db = await openDatabase(target);
  try {
    await ensureNationalParameterSet(db);
    const options = { unit: 'yuan' as const, dryRun: false, vintage: '2026-01-01' };
    const load = async (text: string, name: string, kind: 'regions' | 'fund_records') => {
      const report = await importTable(db, parseCsvText(text, name, 'utf-8'), { ...options, kind });
      if (!report.ok) throw new Error(`${name}: ${JSON.stringify(report.errors.slice(0, 3))}`);
      return report.summary.inserted;
    };
    await load(syntheticRegionRows(regions).join('\n'), 'regions.csv', 'regions');
    const records = await load([...syntheticFundRows({ regions, months, startYear: 2016 })].join('\n'), 'funds.csv', 'fund_records');
    for (const user of users) await addUser(db, { ...user, password: BENCH_PASSWORD }, null);
    return records;
  } finally {
    await closeDatabase(db);
  }
}

/**
 * Logs in through `auth.login` and returns the `Cookie` header value of the new session.
 * @throws Error `bench login of <user> failed: HTTP <status>`.
 */
export async function loginCookie(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { username, password: BENCH_PASSWORD } }),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (res.status !== 200 || !cookie) throw new Error(`bench login of ${username} failed: HTTP ${res.status}`);
  return cookie;
}
