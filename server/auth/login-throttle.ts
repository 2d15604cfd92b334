/**
 * Login throttling: after too many failed attempts for one username (5) or from one address (50:
 * an office behind NAT shares one) within WINDOW_MS, further attempts are refused until the window
 * has passed. In memory: a restart resets it, acceptable for a single-process intranet service.
 */
const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES_PER_USERNAME = 5;
const MAX_FAILURES_PER_ADDRESS = 50;

export interface ThrottleKeys {
  username: string;
  address: string | null;
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  isBlocked(keys: ThrottleKeys, nowMs: number): boolean {
    return this.recent(userKey(keys), nowMs).length >= MAX_FAILURES_PER_USERNAME
      || (keys.address !== null && this.recent(addressKey(keys), nowMs).length >= MAX_FAILURES_PER_ADDRESS);
  }

  recordFailure(keys: ThrottleKeys, nowMs: number): void {
    for (const k of this.keysOf(keys)) this.failures.set(k, [...this.recent(k, nowMs), nowMs]);
  }

  /** A success clears the username's count, not the address's (one good account must not unlock guessing). */
  recordSuccess(keys: ThrottleKeys): void {
    this.failures.delete(userKey(keys));
  }

  private keysOf(keys: ThrottleKeys): string[] {
    return keys.address === null ? [userKey(keys)] : [userKey(keys), addressKey(keys)];
  }

  private recent(key: string, nowMs: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => nowMs - t < WINDOW_MS);
  }
}

const userKey = (k: ThrottleKeys) => `u:${k.username.toLowerCase()}`;
const addressKey = (k: ThrottleKeys) => `ip:${k.address}`;

export const loginThrottle = new LoginThrottle();
