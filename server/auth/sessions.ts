/**
 * Server-side sessions: a 128-bit random token lives only in the user's HttpOnly cookie; the
 * database keeps its SHA-256. Idle timeout 30 min, absolute timeout 8 h (OWASP ASVS 5.0 §7).
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { sessions, users, userRegions, type Role } from '../db/schema.ts';

export const SESSION_COOKIE = 'fundrisk_session';
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
const TOKEN_BYTES = 16;

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  /** null: every region; otherwise the region ids this user may see. */
  regionIds: number[] | null;
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a new session (always a fresh token: no fixation) and returns the cookie token. */
export async function createSession(db: Db, userId: number, nowMs: number): Promise<string> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAtMs: nowMs, lastSeenAtMs: nowMs });
  return token;
}

/**
 * The idle clock is written at most this often: a write per request was a tenth of a loaded
 * server's time. A session may therefore end up to this much before 30 idle minutes, never after.
 */
const TOUCH_INTERVAL_MS = 15_000;

/**
 * The two reads every request makes, prepared once per database (named, so PostgreSQL parses and
 * plans them once per connection): preparing them each time was about 3 % of a loaded server's time.
 */
function prepareLookups(db: Db) {
  return {
    session: db.select({ s: sessions, u: users }).from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, sql.placeholder('tokenHash'))).limit(1).prepare('sessions_by_token'),
    regions: db.select({ id: userRegions.regionId }).from(userRegions)
      .where(eq(userRegions.userId, sql.placeholder('userId'))).prepare('sessions_user_regions'),
  };
}

const lookupsByDb = new WeakMap<Db, ReturnType<typeof prepareLookups>>();

function lookups(db: Db): ReturnType<typeof prepareLookups> {
  let prepared = lookupsByDb.get(db);
  if (!prepared) {
    prepared = prepareLookups(db);
    lookupsByDb.set(db, prepared);
  }
  return prepared;
}

/** The user behind a token, or null when unknown, expired or disabled; touches the idle clock. */
export async function resolveSession(db: Db, token: string | undefined, nowMs: number): Promise<SessionUser | null> {
  if (!token) return null;
  const tokenHash = hashToken(token);
  const [row] = await lookups(db).session.execute({ tokenHash });
  if (!row) return null;
  const expired = nowMs - row.s.lastSeenAtMs > IDLE_TIMEOUT_MS || nowMs - row.s.createdAtMs > ABSOLUTE_TIMEOUT_MS;
  if (expired || row.u.disabled) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (nowMs - row.s.lastSeenAtMs >= TOUCH_INTERVAL_MS) {
    await db.update(sessions).set({ lastSeenAtMs: nowMs }).where(eq(sessions.tokenHash, tokenHash));
  }
  return loadSessionUser(db, row.u);
}

export async function loadSessionUser(db: Db, user: typeof users.$inferSelect): Promise<SessionUser> {
  const regionIds = user.allRegions
    ? null
    : (await lookups(db).regions.execute({ userId: user.id })).map((r) => r.id);
  return { id: user.id, username: user.username, role: user.role, regionIds };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Ends every session of a user (on disable or password change). */
export async function endUserSessions(db: Db, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(db: Db, nowMs: number): Promise<void> {
  await db.delete(sessions).where(and(or(
    lt(sessions.lastSeenAtMs, nowMs - IDLE_TIMEOUT_MS),
    lt(sessions.createdAtMs, nowMs - ABSOLUTE_TIMEOUT_MS),
  )));
}
