import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approxSign, compareRational, exactThreshold, lazyThreshold, ratio, rationalFromNumber } from '../../../models/core/rational.ts';

const SEED = 20240601;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

describe('rationalFromNumber', () => {
  it('reads the decimal a number is written as, not its binary value', () => {
    expect(rationalFromNumber(7.3)).toEqual({ num: 73n, den: 10n });
    expect(rationalFromNumber(0.15)).toEqual({ num: 15n, den: 100n });
    expect(rationalFromNumber(-0.5)).toEqual({ num: -5n, den: 10n });
    expect(rationalFromNumber(15)).toEqual({ num: 15n, den: 1n });
  });

  it('handles exponent notation both ways', () => {
    expect(rationalFromNumber(1e-7)).toEqual({ num: 1n, den: 10_000_000n });
    expect(rationalFromNumber(1.5e21)).toEqual({ num: 1_500_000_000_000_000_000_000n, den: 1n });
  });

  it('refuses non-finite numbers', () => {
    expect(() => rationalFromNumber(Number.NaN)).toThrow('not a finite number: NaN');
    expect(() => rationalFromNumber(Infinity)).toThrow('not a finite number: Infinity');
  });
});

describe('ratio and compareRational', () => {
  it('moves the sign to the numerator and refuses a zero denominator', () => {
    expect(ratio(3n, -4n)).toEqual({ num: -3n, den: 4n });
    expect(() => ratio(1n, 0n)).toThrow('zero denominator');
  });

  it('compares by cross-products exactly', () => {
    expect(compareRational(ratio(7200n, 1200n), rationalFromNumber(6))).toBe(0);
    // 0.1 + 0.2 !== 0.3 in doubles; 1/10 + 2/10 vs 3/10 as rationals is exact
    expect(compareRational(ratio(3n, 10n), rationalFromNumber(0.3))).toBe(0);
    expect(compareRational(ratio(-1n, 3n), ratio(-1n, 4n))).toBe(-1);
    expect(compareRational(ratio(1n, 3n), ratio(1n, 4n))).toBe(1);
  });
});

describe('approxSign', () => {
  it('when it decides, it agrees with the exact comparison of a / b with the decimal threshold', () => {
    // subnormal thresholds are never decided in doubles (tested below), so the second check skips them
    const threshold = fc.oneof(fc.integer({ min: 0, max: 3000 }).map((x) => x / 100), fc.double({ min: 0, max: 1e6, noNaN: true }));
    const quotient = fc.tuple(fc.integer({ min: -MAX_SAFE, max: MAX_SAFE }), fc.integer({ min: 1, max: MAX_SAFE }));
    // near: a = round(x·b), so a / b is x to within 1 / (2b), often an exact tie
    fc.assert(fc.property(threshold, quotient, fc.boolean(), (x, [a0, b], near) => {
      const a = near ? Math.max(-MAX_SAFE, Math.min(MAX_SAFE, Math.round(x * b))) : a0;
      const sign = approxSign(a / b, x);
      const exact = compareRational(ratio(BigInt(a), BigInt(b)), rationalFromNumber(x));
      if (sign !== undefined) expect(sign).toBe(exact);
      // and it decides whenever the quotient is clearly (a relative 1e-6) away from a normal threshold
      if ((x === 0 || x >= 2.2250738585072014e-308) && Math.abs(a / b - x) > 1e-6 * x) expect(sign).toBe(exact);
    }), { seed: SEED, numRuns: 5000 });
  });

  it('leaves exact ties, near ties and non-finite or subnormal thresholds to the exact path', () => {
    expect(approxSign(6, 6)).toBeUndefined();
    expect(approxSign(6 * (1 + 5e-10), 6)).toBeUndefined();
    expect(approxSign(6 * (1 + 2e-9), 6)).toBe(1);
    expect(approxSign(6 * (1 - 2e-9), 6)).toBe(-1);
    expect(approxSign(1, Number.NaN)).toBeUndefined();
    expect(approxSign(1, Infinity)).toBeUndefined();
    expect(approxSign(1, 5e-324)).toBeUndefined();
    expect(approxSign(1e-300, 0)).toBe(1);
    expect(approxSign(0, 0)).toBeUndefined();
  });
});

describe('lazyThreshold', () => {
  it('parses the decimal on first exact use and keeps it', () => {
    const t = lazyThreshold(7.3);
    expect(t.exact).toBeUndefined();
    const first = exactThreshold(t);
    expect(first).toEqual({ num: 73n, den: 10n });
    expect(exactThreshold(t)).toBe(first);
    expect(() => exactThreshold(lazyThreshold(Number.NaN))).toThrow('not a finite number: NaN');
  });
});
