import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BUDGET_PARAMS, allocateBudget, rationalFromNumber, resolveBudgetParams,
  type CreditRating, type InstitutionBudgetInput, type Rational,
} from '../../../models/index.ts';

const SEED = 20260602;
const Y = 100; // fen per yuan

/**
 * The worked case of domain.md §5.2 with the default parameters (growth 0), total 1,000,000.00 元:
 *
 * | id | paid y3, y2, y1 (元) | base (元)                          | a    | c    | k      | violation | raw (元)               |
 * | H1 | 100000, 110000, 120000 | (1·100000+2·110000+7·120000)/10 = 116000 | 1.02 (92) | 1.02 (A) | 1.0404 | 0     | 120686.40             |
 * | H2 | —, 90000, 100000     | (2·90000+7·100000)/9 = 97777.78    | 1.00 (85) | 1.00 (B) | 1      | 5000  | 835000/9 = 92777.78   |
 * | H3 | —, —, 20000          | 20000                              | 1.00 (none) | 1.00 (none) | 1 | 0     | 20000                 |
 * | H4 | —, —, —              | none: needs a manual quota         |      |      |        |       | —                     |
 * | H5 | 30000 × 3            | 30000                              | 0.95 (65) | 0.90 (D) | 0.855 | 40000 | max(0, 25650 − 40000) = 0 |
 * | H6 | 50000, —, 60000      | (1·50000+7·60000)/8 = 58750        | 0.98 (75) | 0.97 (C) | 0.9506 | 0    | 55847.75              |
 *
 * Σ raw = 260380735/9 fen; share_i = 100000000 fen × raw_i / Σ raw:
 * H1 41714975.572, H2 32068424.724, H3 6912953.833, H5 0, H6 19303645.871. The floors leave 3 fen,
 * which go to the three largest remainders (H6 .871, H3 .833, H2 .724); H1 (.572) keeps its floor.
 */
const CASE: InstitutionBudgetInput[] = [
  { institutionId: 'H1', paidFen: [100000 * Y, 110000 * Y, 120000 * Y], assessmentScore: 92, creditRating: 'A' },
  { institutionId: 'H2', paidFen: [null, 90000 * Y, 100000 * Y], assessmentScore: 85, creditRating: 'B', violationFen: 5000 * Y },
  { institutionId: 'H3', paidFen: [null, null, 20000 * Y] },
  { institutionId: 'H4', paidFen: [null, null, null], assessmentScore: 95, creditRating: 'A' },
  { institutionId: 'H5', paidFen: [30000 * Y, 30000 * Y, 30000 * Y], assessmentScore: 65, creditRating: 'D', violationFen: 40000 * Y },
  { institutionId: 'H6', paidFen: [50000 * Y, null, 60000 * Y], assessmentScore: 75, creditRating: 'C' },
];

describe('allocateBudget: the worked case', () => {
  const result = allocateBudget(CASE, { totalFen: 1_000_000 * Y });
  const byId = new Map(result.quotas.map((q) => [q.institutionId, q]));

  it('allocates the quotas worked out by hand, summing to the total exactly', () => {
    expect(result.quotas.map((q) => q.quotaFen)).toEqual([41714975, 32068425, 6912954, 0, 0, 19303646]);
    expect(result.allocatedFen).toBe(100_000_000);
    expect(result.quotas.reduce((s, q) => s + q.quotaFen, 0)).toBe(100_000_000);
    expect(result.rawTotalFen).toBe(28931193); // 260380735/9 = 28931192.78 fen, rounded for display
  });

  it('explains each quota: base, years and weights, coefficients and why, deduction, raw', () => {
    expect(byId.get('H1')).toMatchObject({
      baseFen: 11600000, baseYears: ['y3', 'y2', 'y1'], baseWeights: [1, 2, 7], growth: 0,
      assessmentFactor: 1.02, assessmentRule: 'score ≥ 90', creditFactor: 1.02, creditRule: 'rating A', coefficient: 1.0404,
      adjustedBaseFen: 12068640, violationDeductionFen: 0, rawFen: 12068640, source: 'computed', needsManualQuota: false,
    });
    expect(byId.get('H2')).toMatchObject({ baseFen: 9777778, baseYears: ['y2', 'y1'], baseWeights: [2, 7], assessmentRule: '80 ≤ score < 90', rawFen: 9277778 });
    expect(byId.get('H3')).toMatchObject({ assessmentScore: null, assessmentFactor: 1, assessmentRule: 'no score', creditRating: null, creditRule: 'no rating' });
    expect(byId.get('H6')).toMatchObject({ baseFen: 5875000, baseYears: ['y3', 'y1'], baseWeights: [1, 7], assessmentRule: '70 ≤ score < 80', coefficient: 0.9506, rawFen: 5584775 });
    expect(byId.get('H1')?.scalingFactor).toBeCloseTo(3.456476916389379, 12);
  });

  it('gives a deduction larger than the adjusted base a raw and a quota of 0', () => {
    expect(byId.get('H5')).toMatchObject({ adjustedBaseFen: 2565000, violationDeductionFen: 4000000, rawFen: 0, deductionExceedsAdjustedBase: true, quotaFen: 0, assessmentRule: 'score < 70' });
  });

  it('reports an institution without history for a manual quota and shares the total among the rest', () => {
    expect(byId.get('H4')).toMatchObject({ baseFen: null, rawFen: null, quotaFen: 0, needsManualQuota: true, source: 'needs_manual' });
    expect(result.needsManualQuota).toEqual(['H4']);
  });

  it('takes manual quotas out of the pool and rescales the rest, the total holding', () => {
    const withManual = allocateBudget(CASE.map((i) => (i.institutionId === 'H4' ? { ...i, manualQuotaFen: 10_000 * Y } : i)), { totalFen: 1_000_000 * Y });
    expect(withManual).toMatchObject({ manualFen: 1_000_000, poolFen: 99_000_000, allocatedFen: 100_000_000, needsManualQuota: [] });
    expect(withManual.quotas.find((q) => q.institutionId === 'H4')).toMatchObject({ quotaFen: 1_000_000, source: 'manual', needsManualQuota: false });
    expect(withManual.quotas.reduce((s, q) => s + q.quotaFen, 0)).toBe(100_000_000);
  });

  it('applies growth and the parameter tables', () => {
    const params = resolveBudgetParams({ growth: 0.1, creditFactors: { A: 1.05 } });
    const q = allocateBudget(CASE, { totalFen: 1_000_000 * Y, params }).quotas[0];
    // 116000 × 1.1 × 1.02 × 1.05 = 136659.60 元
    expect(q).toMatchObject({ growth: 0.1, creditFactor: 1.05, adjustedBaseFen: 13665960 });
  });
});

describe('allocateBudget: agreement status (§5.7)', () => {
  const two: InstitutionBudgetInput[] = [
    { institutionId: 'A', paidFen: [null, null, 300 * Y] },
    { institutionId: 'B', paidFen: [null, null, 100 * Y], status: 'terminated' },
    { institutionId: 'C', paidFen: [null, null, 600 * Y], status: 'suspended' },
  ];

  it('holds a terminated institution\'s share as unallocated instead of redistributing it', () => {
    const r = allocateBudget(two, { totalFen: 1000 * Y });
    expect(r.quotas.map((q) => [q.quotaFen, q.unallocatedFen, q.source])).toEqual([[30000, 0, 'computed'], [0, 10000, 'terminated'], [60000, 0, 'computed']]);
    expect([r.allocatedFen, r.unallocatedFen]).toEqual([90000, 10000]);
  });

  it('refuses a manual quota for a terminated institution', () => {
    expect(() => allocateBudget([{ ...two[1] as InstitutionBudgetInput, manualQuotaFen: 1 }], { totalFen: 1 }))
      .toThrow('institution "B": a terminated institution (解除) gets no quota, so it cannot have a manual one');
  });
});

describe('allocateBudget: bad input', () => {
  const ok: InstitutionBudgetInput = { institutionId: 'A', paidFen: [null, null, 100] };
  it.each([
    [[ok], 0, 'totalFen must be a whole number of fen > 0, got 0'],
    [[ok], 1.5, 'totalFen must be a whole number of fen > 0, got 1.5'],
    [[ok, ok], 100, 'institution "A": duplicate institutionId'],
    [[{ ...ok, paidFen: [-1, null, 100] }], 100, 'institution "A": paidFen[0] must be a whole number of fen ≥ 0, got -1'],
    [[{ ...ok, assessmentScore: 105 }], 100, 'institution "A": assessment score must be a number from 0 to 100, got 105'],
    [[{ ...ok, creditRating: 'E' as CreditRating }], 100, 'institution "A": unknown credit rating "E" (expected A, B, C, D or empty)'],
    [[{ ...ok, violationFen: -1 }], 100, 'institution "A": violationFen must be a whole number of fen ≥ 0, got -1'],
    [[{ ...ok, manualQuotaFen: 200 }], 100, 'manual quotas (2.00 yuan) exceed the total (1.00 yuan)'],
    [[{ ...ok, violationFen: 100 }, { institutionId: 'B', paidFen: [null, null, null] }], 100,
      'cannot allocate 1.00 yuan: no institution has a positive raw quota (1 without payment history need a quota set by hand; 1 have a raw quota of 0: no payments, or deductions at least their adjusted base)'],
  ])('%#: %s', (institutions, totalFen, message) => {
    expect(() => allocateBudget(institutions as InstitutionBudgetInput[], { totalFen })).toThrow(message);
  });
});

/** Exact raw of an institution under the default tables, computed independently with rationals. */
function exactRaw(inst: InstitutionBudgetInput): Rational {
  const w = DEFAULT_BUDGET_PARAMS.yearWeights;
  let num = 0n;
  let den = 0n;
  inst.paidFen.forEach((y, j) => {
    if (y === null) return;
    num += BigInt(w[j] as number) * BigInt(y);
    den += BigInt(w[j] as number);
  });
  const s = inst.assessmentScore;
  const a = rationalFromNumber(s === null || s === undefined ? 1 : s >= 90 ? 1.02 : s >= 80 ? 1 : s >= 70 ? 0.98 : 0.95);
  const c = rationalFromNumber({ A: 1.02, B: 1, C: 0.97, D: 0.9 }[inst.creditRating ?? 'B']);
  const d = den * a.den * c.den;
  const raw = num * a.num * c.num - BigInt(inst.violationFen ?? 0) * d;
  return { num: raw > 0n ? raw : 0n, den: d };
}

const paid = fc.option(fc.integer({ min: 0, max: 5e11 }), { nil: null, freq: 4 });
const institution = (id: number) => fc.record({
  institutionId: fc.constant(`I${id}`),
  paidFen: fc.tuple(paid, paid, paid),
  assessmentScore: fc.option(fc.double({ min: 0, max: 100, noNaN: true }).map((x) => Math.round(x * 10) / 10), { nil: null }),
  creditRating: fc.option(fc.constantFrom<CreditRating>('A', 'B', 'C', 'D'), { nil: null }),
  violationFen: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1e11 })),
});
const institutions = fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => institution(i))));
const total = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });

describe('allocateBudget: properties', () => {
  it('quotas sum to the total exactly and are the largest-remainder split of the exact raws', () => {
    fc.assert(fc.property(institutions, total, (list, totalFen) => {
      const raws = list.map((i) => (i.paidFen.every((y) => y === null) ? undefined : exactRaw(i)));
      // common denominator: compare T·raw_i/Σraw through cross-multiplication
      const den = raws.reduce((d, r) => (r ? d * r.den : d), 1n);
      const scaled = raws.map((r) => (r ? (r.num * den) / r.den : 0n));
      const sum = scaled.reduce((s, x) => s + x, 0n);
      fc.pre(sum > 0n);
      const r = allocateBudget(list, { totalFen });
      expect(r.quotas.reduce((s, q) => s + q.quotaFen, 0)).toBe(totalFen);
      const t = BigInt(totalFen);
      const rems = scaled.map((x, i) => {
        const q = BigInt((r.quotas[i] as { quotaFen: number }).quotaFen);
        const floor = (t * x) / sum;
        expect(q === floor || q === floor + 1n).toBe(true); // within 1 fen of the exact share
        return { rem: t * x - floor * sum, up: q === floor + 1n, i };
      });
      for (const u of rems.filter((x) => x.up)) {
        for (const d of rems.filter((x) => !x.up)) expect(u.rem > d.rem || (u.rem === d.rem && u.i < d.i)).toBe(true);
      }
    }), { seed: SEED, numRuns: 300 });
  });

  const quotaOf = (list: InstitutionBudgetInput[], totalFen: number, index: number) =>
    (allocateBudget(list, { totalFen }).quotas[index] as { quotaFen: number }).quotaFen;
  const withRaw = institutions.filter((l) => l.some((i) => exactRaw(i).num > 0n));

  it('a higher score never lowers a quota, all else equal', () => {
    fc.assert(fc.property(withRaw, total, fc.nat(), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }), (list, totalFen, pick, s1, s2) => {
      const i = pick % list.length;
      const [lo, hi] = s1 <= s2 ? [s1 / 10, s2 / 10] : [s2 / 10, s1 / 10];
      const at = (score: number) => list.map((x, j) => (j === i ? { ...x, assessmentScore: score } : x));
      fc.pre(at(lo).some((x) => exactRaw(x).num > 0n));
      expect(quotaOf(at(hi), totalFen, i)).toBeGreaterThanOrEqual(quotaOf(at(lo), totalFen, i));
    }), { seed: SEED, numRuns: 300 });
  });

  it('better credit never lowers a quota, all else equal', () => {
    const order: (CreditRating | null)[] = ['D', 'C', 'B', null, 'A']; // factors 0.90, 0.97, 1.00, 1.00, 1.02
    fc.assert(fc.property(withRaw, total, fc.nat(), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), (list, totalFen, pick, c1, c2) => {
      const i = pick % list.length;
      const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
      const at = (k: number) => list.map((x, j) => (j === i ? { ...x, creditRating: order[k] as CreditRating | null } : x));
      fc.pre(at(lo).some((x) => exactRaw(x).num > 0n));
      expect(quotaOf(at(hi), totalFen, i)).toBeGreaterThanOrEqual(quotaOf(at(lo), totalFen, i));
    }), { seed: SEED, numRuns: 300 });
  });

  it('a larger violation never raises a quota, all else equal', () => {
    fc.assert(fc.property(withRaw, total, fc.nat(), fc.integer({ min: 0, max: 1e11 }), fc.integer({ min: 0, max: 1e11 }), (list, totalFen, pick, v1, v2) => {
      const i = pick % list.length;
      const [lo, hi] = v1 <= v2 ? [v1, v2] : [v2, v1];
      const at = (v: number) => list.map((x, j) => (j === i ? { ...x, violationFen: v } : x));
      fc.pre(at(hi).some((x) => exactRaw(x).num > 0n));
      expect(quotaOf(at(hi), totalFen, i)).toBeLessThanOrEqual(quotaOf(at(lo), totalFen, i));
    }), { seed: SEED, numRuns: 300 });
  });
});
