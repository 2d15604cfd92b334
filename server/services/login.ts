/**
 * Login: password, then the TOTP code when the user has the second factor on; throttling, and an
 * audit row for every success and failure (with the reason, for the admins; never the secret).
 *
 * A wrong password always answers `wrong username or password`, whether or not a code was sent
 * and whether or not the account has two-factor on, so the answer never says which factor failed.
 * Only after a correct password does the answer say `two-factor code required` or
 * `invalid two-factor code`.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { createSession, endSession, loadSessionUser, purgeExpiredSessions, type SessionUser } from '../auth/sessions.ts';
import { isLoginBlocked, recordLoginFailure, recordLoginSuccess } from '../auth/login-throttle.ts';
import { matchTotp } from '../auth/totp.ts';
import { appendAudit } from './audit.ts';
import type { AuditAction } from './audit-actions.ts';
import { DomainError } from './errors.ts';

/** Same message for an unknown user and a wrong password: no user enumeration. */
const BAD_CREDENTIALS = 'wrong username or password';
const TOTP_REQUIRED = 'two-factor code required';
const TOTP_INVALID = 'invalid two-factor code';

/** Verified against when the username is unknown, so that answer takes as long as a wrong password. */
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

export async function login(
  db: Db,
  input: { username: string; password: string; totp?: string | undefined },
  meta: { ip: string | null; nowMs: number; previousToken?: string | undefined },
): Promise<{ token: string; user: SessionUser }> {
  const keys = { username: input.username, address: meta.ip };
  const at = new Date(meta.nowMs);
  const audit = (action: AuditAction, userId: number | null, after?: { reason: string }) =>
    appendAudit(db, { userId, username: input.username, action, ip: meta.ip, ...(after ? { after } : {}) }, at);
  const fail = async (userId: number | null, reason: string, message: string): Promise<never> => {
    await recordLoginFailure(db, keys, meta.nowMs);
    await audit('auth.login.failure', userId, { reason });
    throw new DomainError('UNAUTHORIZED', message);
  };

  if (await isLoginBlocked(db, keys, meta.nowMs)) {
    await audit('auth.login.throttled', null);
    throw new DomainError('TOO_MANY_REQUESTS', 'too many failed logins; try again in 15 minutes');
  }
  const [user] = await db.select().from(users).where(eq(users.username, input.username)).limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummy()), input.password);
  if (!user) return fail(null, 'unknown_user', BAD_CREDENTIALS);
  if (!passwordOk) return fail(user.id, 'password', BAD_CREDENTIALS);
  if (user.disabled) return fail(user.id, 'disabled', BAD_CREDENTIALS);

  if (user.totpSecret !== null) {
    if (!input.totp) {
      await audit('auth.login.totp_required', user.id);
      throw new DomainError('UNAUTHORIZED', TOTP_REQUIRED);
    }
    const step = matchTotp(user.totpSecret, input.totp, meta.nowMs, user.totpLastStep);
    // Claim the step only if no concurrent login claimed it (or a later one) meanwhile: a code is used once.
    const claimed = step !== null && (await db.update(users).set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id })).length === 1;
    if (!claimed) return fail(user.id, 'totp', TOTP_INVALID);
  }

  await recordLoginSuccess(db, keys);
  if (meta.previousToken) await endSession(db, meta.previousToken);
  await purgeExpiredSessions(db, meta.nowMs);
  const token = await createSession(db, user.id, meta.nowMs);
  await audit('auth.login.success', user.id);
  return { token, user: await loadSessionUser(db, user) };
}
