/**
 * Memoisation for the warning and dashboard services: results are kept per database (tests and
 * benchmarks open several) and keyed on a data stamp, so every write recomputes them and nothing
 * else does (fund-overview.ts keys on it too).
 *
 * The stamp skips audit rows of actions that change no data a warning reads (logins, logouts,
 * exports, report downloads, projection and forecast work): the newest audit id moves on every
 * login, which would recompute every warning for the first dashboard after each login. It is kept
 * incrementally: per request one indexed look-up of the newest audit id (a named prepared statement:
 * building the SQL anew would cost more than running it), and only when that moved, one scan of
 * the rows added since, up to that id. This reads audit ids as a log in commit order, which holds
 * on PostgreSQL too because every audit row is appended inside a write transaction, and those run
 * one at a time (server/db/pg-client.ts): an id never becomes visible after a higher one.
 *
 * Warnings also read completed Monte Carlo runs (warning-stochastic.ts), and a run finishes
 * without an audit row (its start, `projection.run`, is audited and skipped above), so results that
 * show a run's probability of red key on {@link warningStamp}: the data stamp and a run stamp, the
 * count of completed stochastic runs and the newest run id, of scenarios on a fund only (warnings
 * read no other run; counting every run rebuilt every fund's warnings after each ad hoc run). The run stamp costs no query while
 * nothing moves: every run row is inserted with its `projection.run` audit row (projection-runs.ts
 * `startRun`), so runs are counted again only when the newest audit id moved, or while a run counted
 * last time was still queued or running (it may finish at any time; a completed run never changes).
 */
import { and, desc, eq, gt, isNotNull, lte, max, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { boundedMemo, type Memo } from './bounded-memo.ts';
import { auditLog, projectionRuns, scenarios } from '../db/schema.ts';

/** Audit action of a report download (report-route.ts). */
export const REPORT_AUDIT_ACTION = 'report';

/**
 * Audit actions that change no data a warning reads: reads, and the projection and forecast work
 * (scenarios, runs, saved forecasts), which warnings never read; a projection run moving the stamp
 * made every dashboard under a mixed load recompute (test/bench/load.ts). Anything else, including
 * actions added later, moves the stamp.
 */
const READ_ONLY_ACTIONS = [
  'auth.login.success', 'auth.login.failure', 'auth.login.throttled', 'auth.logout', 'export', REPORT_AUDIT_ACTION,
  'projection.run', 'projection.cancel', 'scenario.create', 'scenario.revise', 'scenario.clone', 'forecast.save',
];

const stamps = new WeakMap<Db, { seen: number; data: number }>();
const newestAuditId = new WeakMap<Db, () => Promise<number>>();

/** The id of the newest audit row, as a prepared statement per database. */
function latestAuditId(db: Db): Promise<number> {
  let query = newestAuditId.get(db);
  if (!query) {
    const prepared = db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).prepare('warning_cache_newest_audit_id');
    query = async () => (await prepared.execute())[0]?.id ?? 0;
    newestAuditId.set(db, query);
  }
  return query();
}

/** The id of the newest audit row that records a change of data (0 for none); `latest` saves a look-up when the caller has it. */
export async function warningDataStamp(db: Db, latest?: number): Promise<number> {
  const seen = latest ?? await latestAuditId(db);
  const state = stamps.get(db);
  // a concurrent request may have looked as far or further meanwhile: its stamp covers this one
  if (state && state.seen >= seen) return state.data;
  const [row] = await db.select({ id: auditLog.id }).from(auditLog)
    .where(and(gt(auditLog.id, state?.seen ?? 0), lte(auditLog.id, seen), notInArray(auditLog.action, READ_ONLY_ACTIONS)))
    .orderBy(desc(auditLog.id)).limit(1);
  const data = row?.id ?? state?.data ?? 0;
  // never step back to an older look-up than one stored during the scan
  if ((stamps.get(db)?.seen ?? -1) < seen) stamps.set(db, { seen, data });
  return data;
}

const runStamps = new WeakMap<Db, { auditSeen: number; open: boolean; stamp: string }>();
const runCounts = new WeakMap<Db, () => Promise<{ done: number; open: number; newest: number }>>();

/** Of runs of scenarios on a fund: completed stochastic runs, runs still queued or running, and the newest run id; a prepared statement per database. */
function countRuns(db: Db): Promise<{ done: number; open: number; newest: number }> {
  let query = runCounts.get(db);
  if (!query) {
    const r = projectionRuns;
    const prepared = db.select({
      done: sql<number>`coalesce(sum(case when ${r.kind} = 'stochastic' and ${r.status} = 'done' then 1 else 0 end), 0)`.mapWith(Number),
      open: sql<number>`coalesce(sum(case when ${r.status} in ('queued', 'running') then 1 else 0 end), 0)`.mapWith(Number),
      newest: max(r.id),
    }).from(r).innerJoin(scenarios, eq(scenarios.id, r.scenarioId)).where(isNotNull(scenarios.fundId)).prepare('warning_cache_count_runs');
    query = async () => {
      const [row] = await prepared.execute();
      return { done: row?.done ?? 0, open: row?.open ?? 0, newest: row?.newest ?? 0 };
    };
    runCounts.set(db, query);
  }
  return query();
}

/** `<completed stochastic runs>.<newest run id>`, counted again only when needed (file comment). */
export async function stochasticRunStamp(db: Db, latestAudit?: number): Promise<string> {
  const auditSeen = latestAudit ?? await latestAuditId(db);
  const state = runStamps.get(db);
  if (state && state.auditSeen === auditSeen && !state.open) return state.stamp;
  const runs = await countRuns(db);
  const stamp = `${runs.done}.${runs.newest}`;
  runStamps.set(db, { auditSeen, open: runs.open > 0, stamp });
  return stamp;
}

/** The stamp of results that include stochastic runs: `<data stamp>/<run stamp>`, from one look-up of the newest audit id. */
export async function warningStamp(db: Db): Promise<string> {
  const latest = await latestAuditId(db);
  return `${await warningDataStamp(db, latest)}/${await stochasticRunStamp(db, latest)}`;
}

/**
 * `compute()` once per database, key and stamp, its promise shared by concurrent requests and
 * dropped if it rejects (bounded-memo.ts); the least recently used of 48 entries goes when the memo
 * is full (a period selector walking back through months fills it one period at a time).
 */
export const memoise: Memo = boundedMemo(48);

/** Marks a value as plain JSON for the transformer (see {@link asPlainJson}). */
class PlainJson {}

/**
 * A result made only of JSON values (objects, arrays, strings, finite numbers, booleans, null),
 * returned as itself to in-process callers but opaque to superjson. superjson walks every node of
 * a result to find Dates and Maps (≈ 1.4 µs a node here: 15 ms for a 400-region dashboard, which
 * alone would cap the server near 70 requests a second); an instance of an unregistered class is a
 * leaf to it, and `JSON.stringify` writes the instance's own properties natively. The client's
 * superjson then finds no annotations and returns the JSON as it is. Only for values built to be
 * plain JSON: a Date or NaN inside would arrive as a string or null.
 */
export function asPlainJson<T extends object>(value: T): T {
  return Object.assign(Object.create(PlainJson.prototype) as object, value) as T;
}
