/** The login throttle's counts (login-throttle.ts), kept in the database: window edges, keys, success. */
import { describe, expect, it } from 'vitest';
import {
  isLoginBlocked, recordLoginFailure, recordLoginSuccess, MAX_FAILURES_PER_ADDRESS, MAX_FAILURES_PER_USERNAME, WINDOW_MS,
} from '../../../server/auth/login-throttle.ts';
import { loginFailures } from '../../../server/db/schema.ts';
import { openTestDatabase } from '../../support/test-database.ts';

const T0 = 1_800_000_000_000;

describe('login throttle', () => {
  it('blocks a username at its fifth failure within the window, whatever the case, until the window has passed', async () => {
    const db = await openTestDatabase();
    const keys = { username: 'Alice', address: null };
    for (let i = 0; i < MAX_FAILURES_PER_USERNAME - 1; i++) await recordLoginFailure(db, keys, T0 + i);
    expect(await isLoginBlocked(db, keys, T0 + 10)).toBe(false);
    await recordLoginFailure(db, { username: 'alice', address: null }, T0 + 10);
    expect(await isLoginBlocked(db, keys, T0 + 10)).toBe(true);
    // the first failure leaves the window exactly WINDOW_MS later
    expect(await isLoginBlocked(db, keys, T0 + WINDOW_MS - 1)).toBe(true);
    expect(await isLoginBlocked(db, keys, T0 + WINDOW_MS)).toBe(false);
  });

  it('blocks an address at its fiftieth failure, over any usernames; a success clears the username only', async () => {
    const db = await openTestDatabase();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS - 1; i++) await recordLoginFailure(db, { username: `u${i}`, address: '10.0.0.9' }, T0);
    expect(await isLoginBlocked(db, { username: 'new', address: '10.0.0.9' }, T0)).toBe(false);
    await recordLoginFailure(db, { username: 'u0', address: '10.0.0.9' }, T0);
    expect(await isLoginBlocked(db, { username: 'new', address: '10.0.0.9' }, T0)).toBe(true);
    expect(await isLoginBlocked(db, { username: 'new', address: '10.0.0.10' }, T0)).toBe(false);
    await recordLoginSuccess(db, { username: 'u0', address: '10.0.0.9' });
    expect(await isLoginBlocked(db, { username: 'u0', address: null }, T0)).toBe(false);
    expect(await isLoginBlocked(db, { username: 'u0', address: '10.0.0.9' }, T0)).toBe(true);
  });

  it('forgets failures older than the window when it records a new one', async () => {
    const db = await openTestDatabase();
    await recordLoginFailure(db, { username: 'a', address: '10.0.0.1' }, T0);
    await recordLoginFailure(db, { username: 'b', address: null }, T0 + WINDOW_MS);
    expect((await db.select({ key: loginFailures.key }).from(loginFailures)).map((r) => r.key)).toEqual(['u:b']);
  });
});
