/**
 * Login throttling: after too many failed attempts for one username (5) or from one address (50:
 * an office behind NAT shares one) within WINDOW_MS, further attempts are refused until the window
 * has passed. The failures live in the database (`login_failures`), so a restart forgets nothing
 * and every app server on one PostgreSQL database counts the attempts all of them served.
 */
import { and, count, eq, gt, inArray, lte } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { loginFailures } from '../db/schema.ts';

export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_USERNAME = 5;
export const MAX_FAILURES_PER_ADDRESS = 50;

export interface ThrottleKeys {
  username: string;
  address: string | null;
}

/** Whether the username or the address has used up its failures in the window ending at `nowMs`. */
export async function isLoginBlocked(db: Db, keys: ThrottleKeys, nowMs: number): Promise<boolean> {
  const rows = await db.select({ key: loginFailures.key, n: count() }).from(loginFailures)
    .where(and(inArray(loginFailures.key, keysOf(keys)), gt(loginFailures.atMs, nowMs - WINDOW_MS)))
    .groupBy(loginFailures.key);
  const failures = (key: string) => rows.find((r) => r.key === key)?.n ?? 0;
  return failures(userKey(keys)) >= MAX_FAILURES_PER_USERNAME
    || (keys.address !== null && failures(addressKey(keys)) >= MAX_FAILURES_PER_ADDRESS);
}

/** Counts a failure against the username and the address, and forgets failures older than the window. */
export async function recordLoginFailure(db: Db, keys: ThrottleKeys, nowMs: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(loginFailures).where(lte(loginFailures.atMs, nowMs - WINDOW_MS));
    await tx.insert(loginFailures).values(keysOf(keys).map((key) => ({ key, atMs: nowMs })));
  });
}

/** A success clears the username's count, not the address's (one good account must not unlock guessing). */
export async function recordLoginSuccess(db: Db, keys: ThrottleKeys): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, userKey(keys)));
}

function keysOf(keys: ThrottleKeys): string[] {
  return keys.address === null ? [userKey(keys)] : [userKey(keys), addressKey(keys)];
}

const userKey = (k: ThrottleKeys) => `u:${k.username.toLowerCase()}`;
const addressKey = (k: ThrottleKeys) => `ip:${k.address}`;
