/**
 * A bounded memo per database: `compute()` once per key while its stamp holds, the least recently
 * used entry going first when the memo is full. warning-cache.ts `memoise` (snapshots, dashboards,
 * region scopes) and answer-memo.ts `memoAnswer` (read answers) each keep one, apart, so the answers
 * of many users cannot push the snapshots out.
 */
import type { Db } from '../db/client.ts';

export type Memo = <T>(db: Db, key: string, stamp: number | string, compute: () => T) => T;

/** A memo holding at most `limit` entries per database. */
export function boundedMemo(limit: number): Memo {
  const memos = new WeakMap<Db, Map<string, { stamp: number | string; value: unknown }>>();
  return <T>(db: Db, key: string, stamp: number | string, compute: () => T): T => {
    let memo = memos.get(db);
    if (!memo) memos.set(db, (memo = new Map()));
    const hit = memo.get(key);
    memo.delete(key);
    if (hit && hit.stamp === stamp) {
      memo.set(key, hit);
      return hit.value as T;
    }
    const value = compute();
    if (memo.size >= limit) memo.delete(memo.keys().next().value as string);
    memo.set(key, { stamp, value });
    return value;
  };
}
