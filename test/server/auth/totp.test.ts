/**
 * TOTP against RFC 6238 Appendix B (SHA-1 seed "12345678901234567890"; our codes are the last six
 * of the RFC's eight digits, since both are the same HOTP value mod 10^d), the ±1 step window, and replay.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Secret, TOTP } from 'otpauth';
import { matchTotp, newTotpSecret, totpUri, TOTP_PERIOD_MS } from '../../../server/auth/totp.ts';

const RFC_SECRET = Secret.fromLatin1('12345678901234567890').base32;
/** [Unix seconds, the RFC's 8-digit SHA-1 value]. */
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'], [1_111_111_109, '07081804'], [1_111_111_111, '14050471'],
  [1_234_567_890, '89005924'], [2_000_000_000, '69279037'], [20_000_000_000, '65353130'],
];
/** An independent code generator: otpauth's TOTP by timestamp (our module goes through HOTP by step). */
const codeAt = (secret: string, ms: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: ms });

describe('TOTP', () => {
  it('matches the RFC 6238 reference values at their step', () => {
    expect(RFC_SECRET).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    for (const [seconds, eight] of RFC_VECTORS) {
      expect(matchTotp(RFC_SECRET, eight.slice(2), seconds * 1000, null)).toBe(Math.floor(seconds / 30));
    }
  });

  it('accepts the previous and next step, not two steps away', () => {
    const t = 1_700_000_015_000;
    const step = Math.floor(t / TOTP_PERIOD_MS);
    for (const d of [-1, 0, 1]) expect(matchTotp(RFC_SECRET, codeAt(RFC_SECRET, t + d * TOTP_PERIOD_MS), t, null)).toBe(step + d);
    for (const d of [-2, 2]) expect(matchTotp(RFC_SECRET, codeAt(RFC_SECRET, t + d * TOTP_PERIOD_MS), t, null)).toBeNull();
  });

  it('refuses a code of the last used step or an earlier one', () => {
    const t = 1_700_000_015_000;
    const step = Math.floor(t / TOTP_PERIOD_MS);
    const now = codeAt(RFC_SECRET, t);
    expect(matchTotp(RFC_SECRET, now, t, step)).toBeNull();
    expect(matchTotp(RFC_SECRET, now, t, step - 1)).toBe(step);
    expect(matchTotp(RFC_SECRET, codeAt(RFC_SECRET, t - TOTP_PERIOD_MS), t, step)).toBeNull();
  });

  it('for any secret and instant, the current code matches its own step and a changed digit does not', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 20, maxLength: 20 }), fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: 0, max: 5 }), (bytes, t, pos) => {
      const secret = new Secret({ buffer: bytes.slice().buffer }).base32;
      const code = codeAt(secret, t);
      expect(matchTotp(secret, code, t, null)).toBe(Math.floor(t / TOTP_PERIOD_MS));
      const wrong = code.slice(0, pos) + String((Number(code[pos]) + 5) % 10) + code.slice(pos + 1);
      const neighbours = [-1, 0, 1].map((d) => codeAt(secret, t + d * TOTP_PERIOD_MS));
      if (!neighbours.includes(wrong)) expect(matchTotp(secret, wrong, t, null)).toBeNull();
    }), { numRuns: 200 });
  });

  it('makes 160-bit base32 secrets and an otpauth URI apps can read', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = totpUri(secret, 'zhang.wei');
    expect(uri).toBe(`otpauth://totp/fundrisk:zhang.wei?issuer=fundrisk&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
  });
});
