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
export function createSession(db: Db, userId: number, nowMs: number): string {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  db.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAtMs: nowMs, lastSeenAtMs: nowMs }).run();
  return token;
}

/**
 * The idle clock is written at most this often: a write per request was a tenth of a loaded
 * server's time. A session may therefore end up to this much before 30 idle minutes, never after.
 */
const TOUCH_INTERVAL_MS = 15_000;

/**
 * The two reads every request makes, prepared once per database: preparing them each time was
 * about 3 % of a loaded server's time.
 */
function prepareLookups(db: Db) {
  return {
    session: db.select({ s: sessions, u: users }).from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.tokenHash, sql.placeholder('tokenHash'))).prepare(),
    regions: db.select({ id: userRegions.regionId }).from(userRegions).where(eq(userRegions.userId, sql.placeholder('userId'))).prepare(),
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
export function resolveSession(db: Db, token: string | undefined, nowMs: number): SessionUser | null {
  if (!token) return null;
  const tokenHash = hashToken(token);
  const row = lookups(db).session.get({ tokenHash });
  if (!row) return null;
  const expired = nowMs - row.s.lastSeenAtMs > IDLE_TIMEOUT_MS || nowMs - row.s.createdAtMs > ABSOLUTE_TIMEOUT_MS;
  if (expired || row.u.disabled) {
    db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
    return null;
  }
  if (nowMs - row.s.lastSeenAtMs >= TOUCH_INTERVAL_MS) {
    db.update(sessions).set({ lastSeenAtMs: nowMs }).where(eq(sessions.tokenHash, tokenHash)).run();
  }
  return loadSessionUser(db, row.u);
}

export function loadSessionUser(db: Db, user: typeof users.$inferSelect): SessionUser {
  const regionIds = user.allRegions
    ? null
    : lookups(db).regions.all({ userId: user.id }).map((r) => r.id);
  return { id: user.id, username: user.username, role: user.role, regionIds };
}

export function endSession(db: Db, token: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token))).run();
}

/** Ends every session of a user (on disable or password change). */
export function endUserSessions(db: Db, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function purgeExpiredSessions(db: Db, nowMs: number): void {
  db.delete(sessions).where(and(or(
    lt(sessions.lastSeenAtMs, nowMs - IDLE_TIMEOUT_MS),
    lt(sessions.createdAtMs, nowMs - ABSOLUTE_TIMEOUT_MS),
  ))).run();
}
