import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactRate, fenTimesRate, lcm, roundHalfAway, roundQuotient } from '../../../models/budget/exact.ts';

const SEED = 20260605;

describe('exact helpers', () => {
  it('rounds halves away from zero', () => {
    expect([roundHalfAway(5n, 2n), roundHalfAway(-5n, 2n), roundHalfAway(7n, 3n), roundHalfAway(-7n, 3n)]).toEqual([3n, -3n, 2n, -2n]);
  });

  it('reads rates as the decimals they were written as, in lowest terms', () => {
    expect(exactRate(1.02)).toEqual({ num: 51n, den: 50n });
    expect(exactRate(0.3)).toEqual({ num: 3n, den: 10n });
    expect(fenTimesRate(10_050, exactRate(0.01))).toBe(101); // 100.5 → 101
    expect(lcm([8n, 9n, 10n, 7n])).toBe(2520n);
  });

  it('roundQuotient agrees with the BigInt rounding, on exact halves, near halves and beyond 2^53', () => {
    const den = fc.bigInt({ min: 1n, max: 10n ** 12n });
    const near = den.chain((d) => fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.bigInt({ min: -3n, max: 3n }))
      .map(([k, e]) => [k * 2n * d + d + e, 2n * d] as const)); // (k + ½)·2d ± e: on or next to a half
    const any = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 30n }), den);
    fc.assert(fc.property(fc.oneof(near, any), ([num, d]) => {
      expect(roundQuotient(num, d)).toBe(Number(roundHalfAway(num, d)));
    }), { seed: SEED, numRuns: 3000 });
  });
});
