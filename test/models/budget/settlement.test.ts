import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSettlementRule, resolveBudgetParams, settleInstitutions, type BudgetParams } from '../../../models/index.ts';

const SEED = 20260603;
const Q = 100_000_000; // 1,000,000.00 元 in fen
const settle = compileSettlementRule();
const at = (actualFen: number, quotaFen = Q, extra: object = {}) => settle({ institutionId: 'H', quotaFen, actualFen, ...extra });
const pick = (s: ReturnType<typeof settle>) => [s.band, s.fundPaysFen, s.institutionBearsFen, s.rewardFen, s.rewardCapped];

describe('settlement: every band edge with the default rule (domain.md §5.4)', () => {
  it.each([
    // A, then band, fund pays, institution bears, reward, reward capped
    ['A = Q: no reward, nothing shared', Q, ['savings', Q, 0, 0, false]],
    ['A = Q + 1 fen: the fund owes Q + 0.5 fen, rounded half away from zero', Q + 1, ['shared', Q + 1, 0, 0, false]],
    ['A = Q + 2 fen: Q + 1 fen, the institution bears 1 fen', Q + 2, ['shared', Q + 1, 1, 0, false]],
    ['A = 1.1Q: Q + 50% × 0.1Q', 110_000_000, ['shared', 105_000_000, 5_000_000, 0, false]],
    ['A = 1.2Q exactly: still shared, Q + 50% × 0.2Q', 120_000_000, ['shared', 110_000_000, 10_000_000, 0, false]],
    ['A = 1.2Q + 1 fen: beyond, the fund pays Q + 0.1Q', 120_000_001, ['beyond', 110_000_000, 10_000_001, 0, false]],
    ['A = 1.5Q: beyond', 150_000_000, ['beyond', 110_000_000, 40_000_000, 0, false]],
    ['A = 0.9Q: 30% × 0.1Q equals the 3% cap exactly', 90_000_000, ['savings', 93_000_000, 0, 3_000_000, false]],
    ['A = 0.9Q − 1 fen: the cap binds', 89_999_999, ['savings', 92_999_999, 0, 3_000_000, true]],
    ['A = 0.9Q + 1 fen: 30% × (0.1Q − 1 fen) = 3% Q − 0.3 fen rounds to 3% Q', 90_000_001, ['savings', 93_000_001, 0, 3_000_000, false]],
    ['A = 0.95Q: 30% × 0.05Q', 95_000_000, ['savings', 96_500_000, 0, 1_500_000, false]],
    ['A = 0: the capped reward alone', 0, ['savings', 3_000_000, 0, 3_000_000, true]],
  ])('%s', (_label, actualFen, expected) => {
    expect(pick(at(actualFen as number))).toEqual(expected);
  });

  it('final = fund pays − violation recovery − prepaid (negative: the institution repays)', () => {
    expect(at(95_000_000, Q, { prepaidFen: 99_000_000, violationRecoveryFen: 200_000 }).finalFen).toBe(96_500_000 - 200_000 - 99_000_000);
    expect(at(120_000_000, Q, { prepaidFen: 99_000_000 }).finalFen).toBe(11_000_000);
  });

  it('handles a zero quota: nothing spent settles to 0, anything spent is the institution\'s', () => {
    expect(pick(at(0, 0))).toEqual(['savings', 0, 0, 0, false]);
    expect(pick(at(12_345, 0))).toEqual(['beyond', 0, 12_345, 0, false]);
  });

  it('settles many institutions with one rule', () => {
    const rows = settleInstitutions([{ institutionId: 'a', quotaFen: 100, actualFen: 100 }, { institutionId: 'b', quotaFen: 100, actualFen: 130 }]);
    expect(rows.map((r) => [r.institutionId, r.fundPaysFen])).toEqual([['a', 100], ['b', 110]]);
  });
});

describe('settlement: parameters', () => {
  it('applies several overspend bands and a share beyond the last', () => {
    const rule = compileSettlementRule(resolveBudgetParams({ overspendBands: [{ upTo: 1.1, fundShare: 0.7 }, { upTo: 1.3, fundShare: 0.4 }], beyondFundShare: 0.1 }));
    // Q + 0.7 × 0.1Q + 0.4 × 0.2Q + 0.1 × 0.2Q = 1.17Q
    expect(rule({ institutionId: 'H', quotaFen: Q, actualFen: 150_000_000 })).toMatchObject({ band: 'beyond', fundPaysFen: 117_000_000, institutionBearsFen: 33_000_000 });
    // inside the second band: Q + 0.07Q + 0.4 × 0.1Q
    expect(rule({ institutionId: 'H', quotaFen: Q, actualFen: 120_000_000 })).toMatchObject({ band: 'shared', fundPaysFen: 111_000_000 });
  });

  it('treats everything above the quota as beyond when there are no overspend bands', () => {
    const rule = compileSettlementRule(resolveBudgetParams({ overspendBands: [], beyondFundShare: 0.25 }));
    expect(rule({ institutionId: 'H', quotaFen: Q, actualFen: 120_000_000 })).toMatchObject({ band: 'beyond', fundPaysFen: 105_000_000 });
  });

  it('scales the release of the withheld 1% by assessment score when the region asks for it', () => {
    const rule = compileSettlementRule(resolveBudgetParams({
      withholdingRelease: { bands: [{ minScore: 90, share: 1 }, { minScore: 80, share: 0.8 }, { minScore: 0, share: 0.5 }], none: 1 },
    }));
    const base = { institutionId: 'H', quotaFen: Q, actualFen: Q, prepaidFen: 99_000_000 };
    // withheld 1% of Q = 1,000,000 fen; score 85 releases 80%, so 200,000 fen are retained
    expect(rule({ ...base, assessmentScore: 85 })).toMatchObject({ withheldFen: 1_000_000, releaseShare: 0.8, withholdingRetainedFen: 200_000, finalFen: 800_000 });
    expect(rule({ ...base, assessmentScore: 95 })).toMatchObject({ withholdingRetainedFen: 0, finalFen: 1_000_000 });
    expect(rule({ ...base, assessmentScore: 10 })).toMatchObject({ withholdingRetainedFen: 500_000 });
    expect(rule({ ...base, assessmentScore: null })).toMatchObject({ releaseShare: 1, withholdingRetainedFen: 0 });
    expect(() => rule({ ...base, assessmentScore: 101 })).toThrow('institution "H": assessment score must be a number from 0 to 100, got 101');
  });

  it('releases the withholding in full by default', () => {
    expect(at(Q, Q, { prepaidFen: 99_000_000 })).toMatchObject({ withheldFen: 1_000_000, releaseShare: 1, withholdingRetainedFen: 0, finalFen: 1_000_000 });
  });
});

describe('settlement: bad input', () => {
  it.each([
    [{ quotaFen: -1, actualFen: 0 }, 'institution "H": quotaFen must be a whole number of fen ≥ 0, got -1'],
    [{ quotaFen: 1, actualFen: 0.5 }, 'institution "H": actualFen must be a whole number of fen ≥ 0, got 0.5'],
    [{ quotaFen: 1, actualFen: 1, prepaidFen: -2 }, 'institution "H": prepaidFen must be a whole number of fen ≥ 0, got -2'],
    [{ quotaFen: 1, actualFen: 1, violationRecoveryFen: -3 }, 'institution "H": violationRecoveryFen must be a whole number of fen ≥ 0, got -3'],
  ])('%o', (row, message) => {
    expect(() => settle({ institutionId: 'H', ...row })).toThrow(message);
  });
});

/** The default rule in integer arithmetic, written independently of the implementation. */
function byHand(q: number, a: number): number {
  if (a <= q) return a + Math.min(Math.floor((3 * (q - a) + 5) / 10), Math.floor((3 * q + 50) / 100)); // round half up of 0.3(Q−A), 0.03Q
  if (5 * a <= 6 * q) return q + Math.floor((a - q + 1) / 2); // Q + round(0.5(A − Q))
  return q + Math.floor((q + 5) / 10); // Q + round(0.1Q)
}

const fen = fc.integer({ min: 0, max: 1e12 });
const share = fc.integer({ min: 0, max: 100 }).map((x) => x / 100);
const params = fc.record({
  rewardShare: share, rewardCap: share, beyondFundShare: share,
  overspendBands: fc.uniqueArray(fc.integer({ min: 101, max: 300 }), { maxLength: 3 }).chain((edges) =>
    fc.tuple(...edges.sort((x, y) => x - y).map((e) => share.map((s) => ({ upTo: e / 100, fundShare: s }))))),
}).map((o) => resolveBudgetParams(o as Partial<BudgetParams>));

describe('settlement: properties', () => {
  it('matches the default rule worked in integers', () => {
    fc.assert(fc.property(fen, fen, (q, a) => {
      expect(at(a, q).fundPaysFen).toBe(byHand(q, a));
    }), { seed: SEED, numRuns: 2000 });
  });

  it('is continuous and non-decreasing in the actual spending: one more fen spent moves the fund\'s payment by 0 or 1 fen', () => {
    fc.assert(fc.property(params, fen, fen, (p, q, a) => {
      const rule = compileSettlementRule(p);
      const step = rule({ institutionId: 'H', quotaFen: q, actualFen: a + 1 }).fundPaysFen - rule({ institutionId: 'H', quotaFen: q, actualFen: a }).fundPaysFen;
      expect(step === 0 || step === 1).toBe(true);
    }), { seed: SEED, numRuns: 1000 });
  });

  it('is continuous at each band edge of random rules', () => {
    fc.assert(fc.property(params, fc.integer({ min: 1, max: 1e10 }).map((x) => x * 100), (p, q) => {
      const rule = compileSettlementRule(p);
      const edges = [q, ...p.overspendBands.map((b) => Math.round(b.upTo * q))];
      for (const edge of edges) {
        const left = rule({ institutionId: 'H', quotaFen: q, actualFen: edge - 1 }).fundPaysFen;
        const mid = rule({ institutionId: 'H', quotaFen: q, actualFen: edge }).fundPaysFen;
        const right = rule({ institutionId: 'H', quotaFen: q, actualFen: edge + 1 }).fundPaysFen;
        expect([mid - left, right - mid].every((d) => d === 0 || d === 1)).toBe(true);
      }
    }), { seed: SEED, numRuns: 500 });
  });

  it('keeps fund pays = actual + reward − institution bears, reward within the cap, both ≥ 0', () => {
    fc.assert(fc.property(params, fen, fen, fen, (p, q, a, prepaid) => {
      const s = compileSettlementRule(p)({ institutionId: 'H', quotaFen: q, actualFen: a, prepaidFen: prepaid });
      expect(s.fundPaysFen).toBe(a + s.rewardFen - s.institutionBearsFen);
      expect(s.rewardFen).toBeGreaterThanOrEqual(0);
      expect(s.institutionBearsFen).toBeGreaterThanOrEqual(0);
      const capPercent = Math.round(p.rewardCap * 100); // the cap is a whole percentage here
      expect(s.rewardFen).toBeLessThanOrEqual(Math.floor((2 * capPercent * q + 100) / 200)); // round(cap × Q)
      expect(s.finalFen).toBe(s.fundPaysFen - prepaid);
    }), { seed: SEED, numRuns: 1000 });
  });
});
