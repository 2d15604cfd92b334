import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from '../../../models/index.ts';

const SEED = 20260601;

/** Hamilton's method by the book: floors, then the largest remainders (ties: lower index), all BigInt, full sort. */
function reference(total: number, weights: bigint[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0n);
  const t = BigInt(total);
  const floors = weights.map((w) => (t * w) / sum);
  const rems = weights.map((w, i) => t * w - (floors[i] as bigint) * sum);
  const left = Number(t - floors.reduce((s, f) => s + f, 0n));
  const order = weights.map((_, i) => i).sort((a, b) => ((rems[a] as bigint) > (rems[b] as bigint) ? -1 : (rems[a] as bigint) < (rems[b] as bigint) ? 1 : a - b));
  const parts = floors.map(Number);
  for (const i of order.slice(0, left)) parts[i] = (parts[i] as number) + 1;
  return parts;
}

describe('apportion (largest remainder)', () => {
  it('gives leftover fen to equal remainders in input order', () => {
    expect(apportion(100, [1n, 1n, 1n])).toEqual([34, 33, 33]);
    expect(apportion(2, [1n, 1n, 1n])).toEqual([1, 1, 0]);
  });

  it('gives the leftover fen to the largest remainders first', () => {
    // shares 10·(1, 2, 4)/7 = 1.43, 2.86, 5.71: floors 1 + 2 + 5 = 8, two fen left for .86 and .71
    expect(apportion(10, [1n, 2n, 4n])).toEqual([1, 3, 6]);
  });

  it('never gives a fen to a zero weight and splits 0 into zeros', () => {
    expect(apportion(5, [0n, 1n, 0n, 1n])).toEqual([0, 3, 0, 2]);
    expect(apportion(0, [0n, 0n])).toEqual([0, 0]);
  });

  it('refuses negative weights and an all-zero split of a positive amount', () => {
    expect(() => apportion(1, [1n, -1n])).toThrow('weights must be ≥ 0, got -1 at index 1');
    expect(() => apportion(1, [0n, 0n])).toThrow('cannot apportion 1 fen: every weight is 0');
  });

  it('matches the full-sort reference, including near-ties and weights beyond a double', () => {
    const weight = fc.oneof(
      fc.bigInt({ min: 0n, max: 10n }), // many exact ties
      fc.bigInt({ min: 0n, max: 10n ** 30n }),
      fc.bigInt({ min: 10n ** 320n, max: 10n ** 321n }), // Number() is Infinity: the exact path decides
    );
    // totals below 5e14 fen take the double fast path for most parts, larger ones the BigInt path
    const total = fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e13 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(fc.property(total, fc.array(weight, { minLength: 1, maxLength: 40 }), (total, weights) => {
      fc.pre(weights.some((w) => w > 0n));
      const parts = apportion(total, weights);
      expect(parts).toEqual(reference(total, weights));
      expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
    }), { seed: SEED, numRuns: 2000 });
  });

  it('decides floors exactly when a share lies within a rounding error of a whole fen', () => {
    // w0 / S ≈ k / T to within 4e-30, so the exact share T·w0/S is k ± 4e-17 fen while the double
    // computing it may be off by up to 4.5e-16 · k: only the BigInt path can say on which side it lies
    const near = fc.tuple(fc.integer({ min: 1e9, max: 1e13 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: -3n, max: 3n }))
      .map(([total, at, r, e]) => {
        const sum = 10n ** 30n + r;
        const k = BigInt(Math.floor(at * total));
        const w0 = (k * sum) / BigInt(total) + e;
        return { total, weights: [w0, sum - w0, (sum * 7n) / 3n] };
      });
    fc.assert(fc.property(near, ({ total, weights }) => {
      fc.pre(weights.every((w) => w >= 0n));
      expect(apportion(total, weights)).toEqual(reference(total, weights));
    }), { seed: SEED, numRuns: 3000 });
  });

  it('splits 100,000 weights exactly like the reference', () => {
    const weights = Array.from({ length: 100_000 }, (_, i) => BigInt((i * 7919) % 100_003) * 10n ** 12n + BigInt(i % 7));
    for (const total of [5_000_000_000_000, 123_456_789, Number.MAX_SAFE_INTEGER]) expect(apportion(total, weights)).toEqual(reference(total, weights));
  });
});
