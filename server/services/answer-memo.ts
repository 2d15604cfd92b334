/**
 * Memoised answers of the read procedures that every dashboard user repeats (`warning.current`,
 * `fund.overview`): per database, the answer for a key while its stamp holds, the least recently
 * used going first when the memo is full. Kept apart from warning-cache.ts `memoise`, whose 48
 * entries the dashboards and region scopes of a province's users already fill: sharing it made
 * them push each other out. The answers reuse the memoised warning snapshot's objects, so an entry
 * costs its row objects (about 0.3 MB for a province of 800 funds), not a copy of the snapshot.
 */
import type { Db } from '../db/client.ts';
import { boundedMemo } from './bounded-memo.ts';

const answers = boundedMemo(64);
const memoised = new WeakSet<object>();

/**
 * Marks `answer` as a memoised answer: handed out again as it is and never changed after, so the
 * HTTP layer may keep its serialisation while it lives (server/trpc/query-lane.ts).
 */
export function rememberAnswer<T>(answer: T): T {
  if (typeof answer === 'object' && answer !== null) memoised.add(answer);
  return answer;
}

/** Whether `value` was marked with {@link rememberAnswer}. */
export function isMemoisedAnswer(value: unknown): value is object {
  return typeof value === 'object' && value !== null && memoised.has(value);
}

/**
 * `compute()` once per database, key and stamp (the stamp must cover everything the answer reads),
 * shared by the requests that arrive while it runs and dropped if it rejects (bounded-memo.ts);
 * the answer is marked with {@link rememberAnswer}, so callers must not change it.
 */
export function memoAnswer<T>(db: Db, key: string, stamp: string, compute: () => Promise<T>): Promise<T> {
  return answers(db, key, stamp, async () => rememberAnswer(await compute()));
}

const scopeIds = new WeakMap<ReadonlySet<number>, number>();
let nextScopeId = 1;

/**
 * A memo key for a user's scope: `all`, or the identity of the scope set. Scopes come memoised per
 * assignment and stamp (warning-regions.ts `userScope`), so one user's requests share one set; a
 * set built anew gets a new key and its old entries age out of the memo.
 */
export function scopeMemoKey(scope: ReadonlySet<number> | null): string {
  if (scope === null) return 'all';
  let id = scopeIds.get(scope);
  if (id === undefined) scopeIds.set(scope, (id = nextScopeId++));
  return `s${id}`;
}
