/**
 * Login throttling: after MAX_FAILURES failed attempts for one username (or one address) within
 * WINDOW_MS, further attempts are refused until the window has passed. In memory: a restart
 * resets it, which is acceptable for a single-process intranet service.
 */
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  isBlocked(keys: string[], nowMs: number): boolean {
    return keys.some((k) => this.recent(k, nowMs).length >= MAX_FAILURES);
  }

  recordFailure(keys: string[], nowMs: number): void {
    for (const k of keys) this.failures.set(k, [...this.recent(k, nowMs), nowMs]);
  }

  recordSuccess(keys: string[]): void {
    for (const k of keys) this.failures.delete(k);
  }

  private recent(key: string, nowMs: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => nowMs - t < WINDOW_MS);
  }
}

export const loginThrottle = new LoginThrottle();
