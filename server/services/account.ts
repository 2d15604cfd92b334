/**
 * Self-service for any logged-in user: change the password, set up, confirm and turn off the
 * TOTP second factor. Each change ends the user's sessions (the router starts a fresh one for
 * the request that made it) and is audited without the password, hash or secret.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { endUserSessions, type SessionUser } from '../auth/sessions.ts';
import { isLoginBlocked, recordLoginFailure } from '../auth/login-throttle.ts';
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
export async function accountStatus(db: Db, user: SessionUser) {
  const row = await findUser(db, user.username);
  return {
    username: row.username, role: row.role, passwordChangedAt: row.passwordChangedAt,
    totpEnabled: row.totpSecret !== null, totpPending: row.totpPendingSecret !== null,
  };
}

/**
 * Checks the current password (failures count towards the login throttle, so a stolen session
 * cannot be used to guess it), applies the policy to the new one, stores it, ends every session.
 * Both hashings happen before the write, which stores the new hash only if the one checked is
 * still the stored one (a concurrent change makes the checked password no longer current).
 * @throws DomainError BAD_REQUEST `current password is wrong` or a policy message; TOO_MANY_REQUESTS.
 */
export async function changePassword(
  db: Db, user: SessionUser, input: { currentPassword: string; newPassword: string }, meta: RequestMeta,
): Promise<void> {
  const row = await findUser(db, user.username);
  const keys = { username: row.username, address: meta.ip };
  const { who, at } = actorOf(user, meta);
  if (await isLoginBlocked(db, keys, meta.nowMs)) throw new DomainError('TOO_MANY_REQUESTS', THROTTLED);
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    await recordLoginFailure(db, keys, meta.nowMs);
    await appendAudit(db, { ...who, action: 'user.password.change.failure', entity: 'user', entityId: row.id }, at);
    throw new DomainError('BAD_REQUEST', 'current password is wrong');
  }
  enforcePasswordPolicy(input.newPassword, row.username);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    const changed = await tx.update(users).set({ passwordHash, passwordChangedAt: at.toISOString() })
      .where(and(eq(users.id, row.id), eq(users.passwordHash, row.passwordHash))).returning({ id: users.id });
    if (changed.length === 0) throw new DomainError('BAD_REQUEST', 'current password is wrong');
    await appendAudit(tx, { ...who, action: 'user.password.change', entity: 'user', entityId: row.id, after: { passwordChangedAt: at.toISOString() } }, at);
    await endUserSessions(tx, row.id);
  });
}

/**
 * Starts (or restarts) a setup: a new secret waits, unused, until `totpEnable` confirms a code from it.
 * @throws DomainError CONFLICT `two-factor authentication is already on; turn it off first`.
 */
export async function totpSetup(db: Db, user: SessionUser, meta: RequestMeta): Promise<{ secret: string; uri: string }> {
  const secret = newTotpSecret();
  const { who, at } = actorOf(user, meta);
  const row = await db.transaction(async (tx) => {
    const found = await findUser(tx, user.username);
    if (found.totpSecret !== null) throw new DomainError('CONFLICT', 'two-factor authentication is already on; turn it off first');
    await tx.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, found.id));
    await appendAudit(tx, { ...who, action: 'user.totp.setup', entity: 'user', entityId: found.id }, at);
    return found;
  });
  return { secret, uri: totpUri(secret, row.username) };
}

/**
 * Confirms the pending secret with a current code; the code's step counts as used.
 * @throws DomainError CONFLICT (already on); BAD_REQUEST `no two-factor setup is pending; start the setup first` or `invalid two-factor code`.
 */
export async function totpEnable(db: Db, user: SessionUser, code: string, meta: RequestMeta): Promise<void> {
  const { who, at } = actorOf(user, meta);
  await db.transaction(async (tx) => {
    const row = await findUser(tx, user.username);
    if (row.totpSecret !== null) throw new DomainError('CONFLICT', 'two-factor authentication is already on; turn it off first');
    if (row.totpPendingSecret === null) throw new DomainError('BAD_REQUEST', 'no two-factor setup is pending; start the setup first');
    const step = matchTotp(row.totpPendingSecret, code, meta.nowMs, null);
    if (step === null) throw new DomainError('BAD_REQUEST', INVALID_CODE);
    await tx.update(users).set({ totpSecret: row.totpPendingSecret, totpPendingSecret: null, totpLastStep: step }).where(eq(users.id, row.id));
    await appendAudit(tx, { ...who, action: 'user.totp.enable', entity: 'user', entityId: row.id, before: { totp: false }, after: { totp: true } }, at);
    await endUserSessions(tx, row.id);
  });
}

/**
 * Turns the second factor off with a current, unused code (failures count towards the login throttle).
 * @throws DomainError BAD_REQUEST `two-factor authentication is not on` or `invalid two-factor code`; TOO_MANY_REQUESTS.
 */
export async function totpDisable(db: Db, user: SessionUser, code: string, meta: RequestMeta): Promise<void> {
  const { who, at } = actorOf(user, meta);
  const disabled = await db.transaction(async (tx) => {
    const row = await findUser(tx, user.username);
    if (row.totpSecret === null) throw new DomainError('BAD_REQUEST', 'two-factor authentication is not on');
    const keys = { username: row.username, address: meta.ip };
    if (await isLoginBlocked(tx, keys, meta.nowMs)) throw new DomainError('TOO_MANY_REQUESTS', THROTTLED);
    if (matchTotp(row.totpSecret, code, meta.nowMs, row.totpLastStep) === null) {
      await recordLoginFailure(tx, keys, meta.nowMs);
      // kept: the failure is recorded although the change is refused
      await appendAudit(tx, { ...who, action: 'user.totp.disable.failure', entity: 'user', entityId: row.id }, at);
      return false;
    }
    await clearTotp(tx, row.id);
    await appendAudit(tx, { ...who, action: 'user.totp.disable', entity: 'user', entityId: row.id, before: { totp: true }, after: { totp: false } }, at);
    await endUserSessions(tx, row.id);
    return true;
  });
  if (!disabled) throw new DomainError('BAD_REQUEST', INVALID_CODE);
}
