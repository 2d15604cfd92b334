/**
 * A bounded memo per database: `compute()` once per key while its stamp holds, the least recently
 * used entry going first when the memo is full. warning-cache.ts `memoise` (snapshots, dashboards,
 * region scopes) and answer-memo.ts `memoAnswer` (read answers) each keep one, apart, so the answers
 * of many users cannot push the snapshots out.
 *
 * The memo holds the computation's promise, not its value: requests arriving while it runs share
 * it instead of each starting their own, and a computation that rejects is dropped (each waiting
 * caller gets the rejection; the next call computes anew).
 */
import type { Db } from '../db/client.ts';

export type Memo = <T>(db: Db, key: string, stamp: number | string, compute: () => Promise<T>) => Promise<T>;

/** A memo holding at most `limit` entries per database. */
export function boundedMemo(limit: number): Memo {
  const memos = new WeakMap<Db, Map<string, { stamp: number | string; value: Promise<unknown> }>>();
  return <T>(db: Db, key: string, stamp: number | string, compute: () => Promise<T>): Promise<T> => {
    let memo = memos.get(db);
    if (!memo) memos.set(db, (memo = new Map()));
    const hit = memo.get(key);
    memo.delete(key);
    if (hit && hit.stamp === stamp) {
      memo.set(key, hit);
      return hit.value as Promise<T>;
    }
    const value = compute();
    const entry = { stamp, value };
    if (memo.size >= limit) memo.delete(memo.keys().next().value as string);
    memo.set(key, entry);
    const entries = memo;
    // a failed computation is not kept (unless a newer one has taken its key meanwhile); callers get the rejection from `value`
    void value.catch(() => { if (entries.get(key) === entry) entries.delete(key); });
    return value;
  };
}
