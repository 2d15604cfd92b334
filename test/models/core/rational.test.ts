import { describe, expect, it } from 'vitest';
import { compareRational, ratio, rationalFromNumber } from '../../../models/core/rational.ts';

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
