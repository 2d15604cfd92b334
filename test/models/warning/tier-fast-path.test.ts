import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratio, rationalFromNumber } from '../../../models/core/rational.ts';
import { DEFAULT_WARNING_PARAMS, classifyPayableMonths, tierOfMonths, type Tier, type TierThresholds } from '../../../models/index.ts';
import { classifySafeFen, compileThresholds } from '../../../models/warning/tier-classifier.ts';

const SEED = 20240601;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const THRESHOLD_KEYS = ['redBelow', 'orangeBelow', 'greenUpTo', 'blueUpTo'] as const;

/** The reference: the pure BigInt decision (tierOfMonths on the exact rational B·n / E). */
function exactTier(b: number, n: number, e: number, t: TierThresholds): Tier {
  if (e <= 0) return b > 0 ? 'purple' : 'red';
  return tierOfMonths(ratio(BigInt(b) * BigInt(n), BigInt(e)), t);
}

/** Cut points written as decimals with up to two places, e.g. 7.3 or 12.25, strictly increasing. */
const decimalThresholds = fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 900 }))
  .map(([r, a, b, c]): TierThresholds => ({ redBelow: r / 100, orangeBelow: (r + a) / 100, greenUpTo: (r + a + b) / 100, blueUpTo: (r + a + b + c) / 100 }));
const thresholds = fc.oneof(fc.constant(DEFAULT_WARNING_PARAMS.thresholds), decimalThresholds);
const months = fc.integer({ min: 1, max: 12 });

/**
 * A fund sitting exactly on a cut point t = p/q, or 1 fen of balance or expenditure either side:
 * with E = q·n·j and B = p·j, B·n / E = p/q exactly.
 */
const atThreshold = fc.tuple(thresholds, fc.constantFrom(...THRESHOLD_KEYS), months, fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: -1, max: 1 }), fc.integer({ min: -1, max: 1 }))
  .map(([t, key, n, j, db, de]) => {
    const { num: p, den: q } = rationalFromNumber(t[key]);
    return { t, n, b: Number(p * BigInt(j)) + db, e: Number(q * BigInt(n) * BigInt(j)) + de };
  })
  .filter(({ b, e }) => Number.isSafeInteger(b) && Number.isSafeInteger(e));

const anyFen = fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: -MAX_SAFE, max: MAX_SAFE }), fc.constantFrom(0, 1, -1, MAX_SAFE, -MAX_SAFE));

describe('tier fast path (doubles away from a cut point, BigInt near it) equals the exact BigInt tier', () => {
  it('for random balances and expenditures over the whole safe range', () => {
    fc.assert(fc.property(anyFen, months, anyFen, thresholds, (b, n, e, t) => {
      const expected = exactTier(b, n, e, t);
      expect(classifySafeFen(b, n, e, compileThresholds(t)).tier).toBe(expected);
      expect(classifyPayableMonths(b, n, e, t).tier).toBe(expected);
    }), { seed: SEED, numRuns: 5000 });
  });

  it('exactly at every cut point and 1 fen of balance or expenditure either side', () => {
    fc.assert(fc.property(atThreshold, ({ t, n, b, e }) => {
      const expected = exactTier(b, n, e, t);
      expect(classifySafeFen(b, n, e, compileThresholds(t)).tier).toBe(expected);
      expect(classifyPayableMonths(b, n, e, t).tier).toBe(expected);
    }), { seed: SEED, numRuns: 5000 });
  });

  it('with yuan amounts where B / (E / 12) in doubles lands on the wrong side', () => {
    // B·12 / E is exactly 15 and 3; the doubles of the textbook formula are 15.000000000000002 and 3.0000000000000004
    const t = DEFAULT_WARNING_PARAMS.thresholds;
    for (const [b, e, tier] of [[1_500_000_005, 1_200_000_004, 'blue'], [300_000_001, 1_200_000_004, 'orange']] as const) {
      expect(classifySafeFen(b, 12, e, compileThresholds(t))).toEqual({ payableMonths: (b * 12) / e, tier });
      expect(exactTier(b, 12, e, t)).toBe(tier);
      for (const d of [-1, 1]) expect(classifySafeFen(b + d, 12, e, compileThresholds(t)).tier).toBe(exactTier(b + d, 12, e, t));
    }
  });

  it('one compiled threshold set serves many funds and parses each cut point at most once', () => {
    const compiled = compileThresholds({ redBelow: 3, orangeBelow: 7.3, greenUpTo: 9.1, blueUpTo: 15 });
    expect(classifySafeFen(73_000, 12, 120_000, compiled).tier).toBe('green'); // exactly 7.3: exact path
    const parsed = compiled.orangeBelow.exact;
    expect(parsed).toEqual({ num: 73n, den: 10n });
    expect(classifySafeFen(72_999, 12, 120_000, compiled).tier).toBe('orange');
    expect(compiled.orangeBelow.exact).toBe(parsed);
    // far from every cut point nothing is parsed
    expect(classifySafeFen(50_000, 12, 120_000, compiled).tier).toBe('orange');
    expect(compiled.redBelow.exact).toBeUndefined();
  });
});

describe('non-finite cut points', () => {
  it('fail with the exact message, only when the decision reaches them (as before)', () => {
    const t = compileThresholds({ redBelow: 3, orangeBelow: 6, greenUpTo: 9, blueUpTo: Number.NaN });
    expect(classifySafeFen(1, 12, 120_000, t).tier).toBe('red');
    expect(() => classifySafeFen(200_000, 12, 120_000, t)).toThrow('not a finite number: NaN');
  });
});
