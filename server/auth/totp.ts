/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps), the optional
 * second factor. A code is accepted for the current step and one step either side (clock drift
 * between phone and server), and never for a step at or before the last one used (no replay).
 *
 * Formula: step = ⌊t / 30⌋ with t in Unix seconds; code = HOTP(K, step) = Truncate(HMAC-SHA-1(K, step)) mod 10⁶.
 *
 * @see D. M'Raihi et al., "TOTP: Time-Based One-Time Password Algorithm", RFC 6238 (2011), §4 and §5.2.
 * @see D. M'Raihi et al., "HOTP: An HMAC-Based One-Time Password Algorithm", RFC 4226 (2005), §5.3.
 */
import { timingSafeEqual } from 'node:crypto';
import { HOTP, Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_MS = 30_000;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one (RFC 6238 §5.2 recommends at most one). */
export const TOTP_WINDOW_STEPS = 1;
const SECRET_BYTES = 20;
const ISSUER = 'fundrisk';

/** A fresh 160-bit secret (RFC 4226 §4 R6), base32 as authenticator apps expect it. */
export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** The `otpauth://totp/…` URI a QR code carries (Key Uri Format of Google Authenticator). */
export function totpUri(secretBase32: string, username: string): string {
  return new TOTP({
    issuer: ISSUER, label: username, secret: Secret.fromBase32(secretBase32),
    algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_MS / 1000,
  }).toString();
}

/** The time step of an instant: ⌊nowMs / 30 000⌋. */
function totpStep(nowMs: number): number {
  return Math.floor(nowMs / TOTP_PERIOD_MS);
}

/**
 * The step whose code matches, trying the current step and ±1, or null. Steps at or before
 * `lastUsedStep` never match, so a code (or an older one in the window) cannot be replayed.
 * @example matchTotp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', '287082', 59_000, null) // => 1 (RFC 6238 Appendix B, T = 59 s, last six digits)
 */
export function matchTotp(secretBase32: string, code: string, nowMs: number, lastUsedStep: number | null): number | null {
  const given = Buffer.from(code);
  const secret = Secret.fromBase32(secretBase32);
  const current = totpStep(nowMs);
  let matched: number | null = null;
  // Every step in the window is computed and compared, so the time taken does not say which one matched.
  for (let step = current - TOTP_WINDOW_STEPS; step <= current + TOTP_WINDOW_STEPS; step++) {
    const expected = Buffer.from(HOTP.generate({ secret, algorithm: 'SHA1', digits: TOTP_DIGITS, counter: step }));
    const equal = expected.length === given.length && timingSafeEqual(expected, given);
    if (equal && (lastUsedStep === null || step > lastUsedStep) && matched === null) matched = step;
  }
  return matched;
}
