/** Password login with throttling and an audit row for every success and failure. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { verifyPassword } from '../auth/password.ts';
import { createSession, endSession, loadSessionUser, purgeExpiredSessions, type SessionUser } from '../auth/sessions.ts';
import { loginThrottle } from '../auth/login-throttle.ts';
import { appendAudit } from './audit.ts';
import { DomainError } from './errors.ts';

/** Same message for an unknown user and a wrong password: no user enumeration. */
const BAD_CREDENTIALS = 'wrong username or password';

export async function login(
  db: Db, input: { username: string; password: string }, meta: { ip: string | null; nowMs: number; previousToken?: string | undefined },
): Promise<{ token: string; user: SessionUser }> {
  const keys = { username: input.username, address: meta.ip };
  if (loginThrottle.isBlocked(keys, meta.nowMs)) {
    appendAudit(db, { username: input.username, action: 'auth.login.throttled', ip: meta.ip });
    throw new DomainError('TOO_MANY_REQUESTS', 'too many failed logins; try again in 15 minutes');
  }
  const user = db.select().from(users).where(eq(users.username, input.username)).get();
  const ok = user && !user.disabled && (await verifyPassword(user.passwordHash, input.password));
  if (!user || !ok) {
    loginThrottle.recordFailure(keys, meta.nowMs);
    appendAudit(db, { userId: user?.id ?? null, username: input.username, action: 'auth.login.failure', ip: meta.ip });
    throw new DomainError('UNAUTHORIZED', BAD_CREDENTIALS);
  }
  loginThrottle.recordSuccess(keys);
  if (meta.previousToken) endSession(db, meta.previousToken);
  purgeExpiredSessions(db, meta.nowMs);
  const token = createSession(db, user.id, meta.nowMs);
  appendAudit(db, { userId: user.id, username: user.username, action: 'auth.login.success', ip: meta.ip });
  return { token, user: loadSessionUser(db, user) };
}
