import { describe, it, expect, beforeEach } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeTestDb, TEST_PASSWORD } from '../harness.ts';
import { login } from '../../../server/services/login.ts';
import { createSession, resolveSession, endSession, IDLE_TIMEOUT_MS, ABSOLUTE_TIMEOUT_MS } from '../../../server/auth/sessions.ts';
import { disableUser } from '../../../server/services/users.ts';
import { users, sessions } from '../../../server/db/schema.ts';
import type { Db } from '../../../server/db/client.ts';

const T0 = 1_700_000_000_000;

describe('sessions', () => {
  let db: Db;
  let userId: number;
  beforeEach(async () => {
    db = await makeTestDb();
    userId = (await db.select().from(users).where(eq(users.username, 'actuary')).limit(1))[0]?.id ?? 0;
  });

  it('stores only a hash of a 128-bit token', async () => {
    const token = await createSession(db, userId, T0);
    expect(Buffer.from(token, 'base64url')).toHaveLength(16);
    const stored = await db.select().from(sessions);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.tokenHash).not.toContain(token);
    expect((await resolveSession(db, token, T0))?.username).toBe('actuary');
  });

  it('expires after 30 idle minutes but not while in use', async () => {
    const token = await createSession(db, userId, T0);
    expect(await resolveSession(db, token, T0 + IDLE_TIMEOUT_MS - 1)).not.toBeNull();
    expect(await resolveSession(db, token, T0 + 2 * IDLE_TIMEOUT_MS - 2)).not.toBeNull();
    expect(await resolveSession(db, token, T0 + 3 * IDLE_TIMEOUT_MS)).toBeNull();
  });

  it('expires 8 hours after login however active', async () => {
    const token = await createSession(db, userId, T0);
    let t = T0;
    while (t < T0 + ABSOLUTE_TIMEOUT_MS - IDLE_TIMEOUT_MS) {
      t += IDLE_TIMEOUT_MS / 2;
      expect(await resolveSession(db, token, t)).not.toBeNull();
    }
    expect(await resolveSession(db, token, T0 + ABSOLUTE_TIMEOUT_MS + 1)).toBeNull();
  });

  it('ends on logout and when the user is disabled', async () => {
    const a = await createSession(db, userId, T0);
    await endSession(db, a);
    expect(await resolveSession(db, a, T0)).toBeNull();
    const b = await createSession(db, userId, T0);
    await disableUser(db, 'actuary', null);
    expect(await resolveSession(db, b, T0)).toBeNull();
  });

  it('a login sweeps away sessions that have expired', async () => {
    await createSession(db, userId, T0);
    expect(await db.select().from(sessions)).toHaveLength(1);
    await login(db, { username: 'viewer', password: TEST_PASSWORD }, { ip: null, nowMs: T0 + ABSOLUTE_TIMEOUT_MS + 1 });
    const left = await db.select().from(sessions);
    expect(left).toHaveLength(1);
    expect(left[0]?.createdAtMs).toBe(T0 + ABSOLUTE_TIMEOUT_MS + 1);
  });

  it('rejects unknown and missing tokens', async () => {
    expect(await resolveSession(db, undefined, T0)).toBeNull();
    expect(await resolveSession(db, 'not-a-token', T0)).toBeNull();
  });
});
