/**
 * Self-service for any logged-in user: change the password, set up, confirm and turn off the
 * TOTP second factor. Each change ends the user's sessions (the router starts a fresh one for
 * the request that made it) and is audited without the password, hash or secret.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { endUserSessions, type SessionUser } from '../auth/sessions.ts';
import { loginThrottle } from '../auth/login-throttle.ts';
import { matchTotp, newTotpSecret, totpUri } from '../auth/totp.ts';
import { appendAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import { auditActor, clearTotp, enforcePasswordPolicy, findUser } from './users.ts';

export interface RequestMeta {
  ip: string | null;
  nowMs: number;
}

const INVALID_CODE = 'invalid two-factor code';
const THROTTLED = 'too many failed attempts; try again in 15 minutes';

const actorOf = (user: SessionUser, meta: RequestMeta) => auditActor({ id: user.id, username: user.username, ip: meta.ip, nowMs: meta.nowMs });

/** What the account page shows. */
export function accountStatus(db: Db, user: SessionUser) {
  const row = findUser(db, user.username);
  return {
    username: row.username, role: row.role, passwordChangedAt: row.passwordChangedAt,
    totpEnabled: row.totpSecret !== null, totpPending: row.totpPendingSecret !== null,
  };
}

/**
 * Checks the current password (failures count towards the login throttle, so a stolen session
 * cannot be used to guess it), applies the policy to the new one, stores it, ends every session.
 * @throws DomainError BAD_REQUEST `current password is wrong` or a policy message; TOO_MANY_REQUESTS.
 */
export async function changePassword(
  db: Db, user: SessionUser, input: { currentPassword: string; newPassword: string }, meta: RequestMeta,
): Promise<void> {
  const row = findUser(db, user.username);
  const keys = { username: row.username, address: meta.ip };
  const { who, at } = actorOf(user, meta);
  if (loginThrottle.isBlocked(keys, meta.nowMs)) throw new DomainError('TOO_MANY_REQUESTS', THROTTLED);
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    loginThrottle.recordFailure(keys, meta.nowMs);
    appendAudit(db, { ...who, action: 'user.password.change.failure', entity: 'user', entityId: row.id }, at);
    throw new DomainError('BAD_REQUEST', 'current password is wrong');
  }
  enforcePasswordPolicy(input.newPassword, row.username);
  const passwordHash = await hashPassword(input.newPassword);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash, passwordChangedAt: at.toISOString() }).where(eq(users.id, row.id)).run();
    appendAudit(tx, { ...who, action: 'user.password.change', entity: 'user', entityId: row.id, after: { passwordChangedAt: at.toISOString() } }, at);
  });
  endUserSessions(db, row.id);
}

/**
 * Starts (or restarts) a setup: a new secret waits, unused, until `totpEnable` confirms a code from it.
 * @throws DomainError CONFLICT `two-factor authentication is already on; turn it off first`.
 */
export function totpSetup(db: Db, user: SessionUser, meta: RequestMeta): { secret: string; uri: string } {
  const row = findUser(db, user.username);
  if (row.totpSecret !== null) throw new DomainError('CONFLICT', 'two-factor authentication is already on; turn it off first');
  const secret = newTotpSecret();
  const { who, at } = actorOf(user, meta);
  db.transaction((tx) => {
    tx.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, row.id)).run();
    appendAudit(tx, { ...who, action: 'user.totp.setup', entity: 'user', entityId: row.id }, at);
  });
  return { secret, uri: totpUri(secret, row.username) };
}

/**
 * Confirms the pending secret with a current code; the code's step counts as used.
 * @throws DomainError CONFLICT (already on); BAD_REQUEST `no two-factor setup is pending; start the setup first` or `invalid two-factor code`.
 */
export function totpEnable(db: Db, user: SessionUser, code: string, meta: RequestMeta): void {
  const row = findUser(db, user.username);
  if (row.totpSecret !== null) throw new DomainError('CONFLICT', 'two-factor authentication is already on; turn it off first');
  if (row.totpPendingSecret === null) throw new DomainError('BAD_REQUEST', 'no two-factor setup is pending; start the setup first');
  const step = matchTotp(row.totpPendingSecret, code, meta.nowMs, null);
  if (step === null) throw new DomainError('BAD_REQUEST', INVALID_CODE);
  const { who, at } = actorOf(user, meta);
  db.transaction((tx) => {
    tx.update(users).set({ totpSecret: row.totpPendingSecret, totpPendingSecret: null, totpLastStep: step }).where(eq(users.id, row.id)).run();
    appendAudit(tx, { ...who, action: 'user.totp.enable', entity: 'user', entityId: row.id, before: { totp: false }, after: { totp: true } }, at);
  });
  endUserSessions(db, row.id);
}

/**
 * Turns the second factor off with a current, unused code (failures count towards the login throttle).
 * @throws DomainError BAD_REQUEST `two-factor authentication is not on` or `invalid two-factor code`; TOO_MANY_REQUESTS.
 */
export function totpDisable(db: Db, user: SessionUser, code: string, meta: RequestMeta): void {
  const row = findUser(db, user.username);
  if (row.totpSecret === null) throw new DomainError('BAD_REQUEST', 'two-factor authentication is not on');
  const keys = { username: row.username, address: meta.ip };
  const { who, at } = actorOf(user, meta);
  if (loginThrottle.isBlocked(keys, meta.nowMs)) throw new DomainError('TOO_MANY_REQUESTS', THROTTLED);
  if (matchTotp(row.totpSecret, code, meta.nowMs, row.totpLastStep) === null) {
    loginThrottle.recordFailure(keys, meta.nowMs);
    appendAudit(db, { ...who, action: 'user.totp.disable.failure', entity: 'user', entityId: row.id }, at);
    throw new DomainError('BAD_REQUEST', INVALID_CODE);
  }
  db.transaction((tx) => {
    clearTotp(tx, row.id);
    appendAudit(tx, { ...who, action: 'user.totp.disable', entity: 'user', entityId: row.id, before: { totp: true }, after: { totp: false } }, at);
  });
  endUserSessions(db, row.id);
}
