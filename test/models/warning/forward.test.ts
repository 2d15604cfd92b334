import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WARNING_PARAMS,
  forwardWarning,
  monthIndexToText,
  type ForwardPathRow,
  type FundPeriodRow,
  type Tier,
} from '../../../models/index.ts';

const params = DEFAULT_WARNING_PARAMS;
const employee = { scheme: 'employee', params };
const BY_MONTHS: Tier[] = ['red', 'orange', 'green', 'blue', 'purple'];
const month = (year: number, k: number) => monthIndexToText(year * 12 + k);

/** 2024: twelve months of income = expenditure = 100 yuan, balance 800 → 8 months, green. */
const history: FundPeriodRow[] = Array.from({ length: 12 }, (_, k) => ({ period: month(2024, k), incomeFen: 10_000, expenditureFen: 10_000, balanceFen: 80_000 }));
/** From 2025-01: income 100, expenditure 150 a month, so B_k = 800 − 50k. */
const deficitPath = (length = 24): ForwardPathRow[] => Array.from({ length }, (_, k) => ({ period: month(2025, k), incomeFen: 10_000, expenditureFen: 15_000 }));

describe('forwardWarning: a hand-worked monthly path', () => {
  // month k (k ≤ 12): window = (12 − k) observed months of 100 + k projected months of 150,
  // m_k = 12 (800 − 50k) / (1200 + 50k): k = 2 → 6.8, k = 3 → 5.78 (orange), k = 8 → 3 exactly
  // (orange: 3 ≤ m), k = 9 → 2.55 (red), k = 12 → 200 × 12 / 1800 = 1.33; B_16 = 0
  const out = forwardWarning(history, deficitPath(), employee);

  it('rolls the balance forward exactly and classifies each month on the joined window', () => {
    expect(out.origin).toEqual({ period: '2024-12', periodKind: 'month', tier: 'green', payableMonths: 8 });
    expect(out.path.map((p) => p.balanceFen).slice(0, 3)).toEqual([75_000, 70_000, 65_000]);
    expect(out.path[1]).toMatchObject({ period: '2025-02', monthsAhead: 2, payableMonths: 12 * 700 / 1300, tier: 'green' });
    expect(out.path[2]).toMatchObject({ period: '2025-03', tier: 'orange', payableMonths: 12 * 650 / 1350 });
    expect(out.path[7]).toMatchObject({ period: '2025-08', tier: 'orange', payableMonths: 3 });
    expect(out.path[8]).toMatchObject({ period: '2025-09', tier: 'red' });
    expect(out.path[15]).toMatchObject({ period: '2026-04', balanceFen: 0, tier: 'red' });
  });

  it('reports the first orange and red periods, the tiers at 12 and 24 months and the flag', () => {
    expect(out.warningEntry).toMatchObject({ period: '2025-03', monthsAhead: 3, tier: 'orange' });
    expect(out.redEntry).toMatchObject({ period: '2025-09', monthsAhead: 9, tier: 'red' });
    expect(out.horizons).toEqual([
      { months: 12, tier: 'red', lowestTier: 'red', entersWarning: true, entersRed: true, probabilityRed: null },
      { months: 24, tier: 'red', lowestTier: 'red', entersWarning: true, entersRed: true, probabilityRed: null },
    ]);
    expect(out.flags).toEqual(['forward']);
  });

  it('an entry beyond the first horizon is counted only from the horizon it falls in', () => {
    // +30 yuan of income a month: B_k = 800 − 20k while spending stays 150, so m_k = 12 (800 − 20k) / (1200 + 50k)
    // up to k = 12 and 12 (800 − 20k) / 1800 after: orange from k = 5 (5.79), red from k = 18 (2.93)
    const slow = forwardWarning(history, deficitPath().map((p) => ({ ...p, incomeFen: 13_000 })), employee);
    expect(slow.warningEntry).toMatchObject({ period: '2025-05', monthsAhead: 5, payableMonths: 12 * 700 / 1450 });
    expect(slow.redEntry).toMatchObject({ period: '2026-06', monthsAhead: 18, payableMonths: 12 * 440 / 1800 });
    expect(slow.horizons.map((h) => [h.tier, h.entersWarning, h.entersRed])).toEqual([['orange', true, false], ['red', true, true]]);
  });

  it('a fund already orange does not "enter" orange again; staying in surplus raises no flag', () => {
    const orange = history.map((r) => ({ ...r, balanceFen: 50_000 }));
    const flat = deficitPath().map((p) => ({ ...p, expenditureFen: 10_000 }));
    const still = forwardWarning(orange, flat, employee);
    expect([still.origin.tier, still.warningEntry, still.redEntry, still.flags]).toEqual(['orange', null, null, []]);
    expect(forwardWarning(history, flat, employee).horizons.map((h) => h.tier)).toEqual(['green', 'green']);
  });
});

describe('forwardWarning: yearly projection paths', () => {
  it('uses the path\'s own balances (interest) and counts 12 months a year', () => {
    const out = forwardWarning([{ period: '2025', incomeFen: 1200, expenditureFen: 1200, balanceFen: 900 }], [
      { period: '2026', incomeFen: 1000, expenditureFen: 1200, balanceFen: 720 },
      { period: '2027', incomeFen: 1000, expenditureFen: 1200, balanceFen: 530 },
      { period: '2028', incomeFen: 1000, expenditureFen: 1200, balanceFen: 330 },
    ], { ...employee, horizonsMonths: [12, 24, 36] });
    expect(out.path.map((p) => [p.monthsAhead, p.payableMonths, p.tier])).toEqual([[12, 7.2, 'green'], [24, 5.3, 'orange'], [36, 3.3, 'orange']]);
    expect(out.warningEntry).toMatchObject({ period: '2027', monthsAhead: 24 });
    expect(out.horizons.map((h) => h.entersWarning)).toEqual([false, true, true]);
  });

  it('classifies a projected_next_12 parameter set on the trailing window (the path has no projection past itself)', () => {
    const p12 = { ...params, denominator: 'projected_next_12' as const };
    const out = forwardWarning([{ period: '2025', incomeFen: 1200, expenditureFen: 1200, balanceFen: 900 }],
      [{ period: '2026', incomeFen: 1200, expenditureFen: 1200 }], { scheme: 'employee', params: p12, horizonsMonths: [12] });
    expect(out.origin.payableMonths).toBe(9);
    expect(out.horizons[0]?.tier).toBe('green');
  });

  it('passes the stochastic probability of red by each horizon through', () => {
    const out = forwardWarning([{ period: '2025', incomeFen: 1, expenditureFen: 1, balanceFen: 1 }],
      [{ period: '2026', incomeFen: 1, expenditureFen: 1 }, { period: '2027', incomeFen: 1, expenditureFen: 1 }],
      { ...employee, probabilityRedBy: [0.1, 0.25] });
    expect(out.horizons.map((h) => h.probabilityRed)).toEqual([0.1, 0.25]);
    expect(out.stochastic).toBeNull();
  });

  it('a period the run does not reach (null) gives a null horizon; the run named travels with the warning', () => {
    const source = { runId: 3, finishedOn: '2026-01-20', paths: 500, ageMonths: -1, stale: [] };
    const out = forwardWarning([{ period: '2025', incomeFen: 1, expenditureFen: 1, balanceFen: 1 }],
      [{ period: '2026', incomeFen: 1, expenditureFen: 1 }, { period: '2027', incomeFen: 1, expenditureFen: 1 }],
      { ...employee, probabilityRedBy: [0.1, null], stochasticSource: source });
    expect(out.horizons.map((h) => h.probabilityRed)).toEqual([0.1, null]);
    expect(out.stochastic).toEqual(source);
  });
});

describe('forwardWarning: bad input', () => {
  const y = [{ period: '2025', incomeFen: 1, expenditureFen: 1, balanceFen: 1 }];
  const p = (rows: ForwardPathRow[]) => rows;
  const cases: Array<[string, () => unknown, string]> = [
    ['no history', () => forwardWarning([], deficitPath(), employee), 'a forward warning needs at least one observed period'],
    ['no path', () => forwardWarning(history, [], employee), 'the forward path is empty'],
    ['a gap', () => forwardWarning(history, [{ period: '2025-02', incomeFen: 1, expenditureFen: 1 }], { ...employee, horizonsMonths: [1] }), 'forward path period 2025-02 must follow 2024-12'],
    ['yearly after monthly', () => forwardWarning(history, [{ period: '2025', incomeFen: 1, expenditureFen: 1 }], employee), 'forward path period 2025 must follow 2024-12'],
    ['negative spending', () => forwardWarning(y, p([{ period: '2026', incomeFen: 1, expenditureFen: -5 }]), { ...employee, horizonsMonths: [12] }), 'forward path period 2026: expenditureFen must be a safe integer ≥ 0 (fen), got -5'],
    ['fractional income', () => forwardWarning(y, p([{ period: '2026', incomeFen: 0.5, expenditureFen: 1 }]), { ...employee, horizonsMonths: [12] }), 'forward path period 2026: incomeFen must be a safe integer ≥ 0 (fen), got 0.5'],
    ['bad balance', () => forwardWarning(y, p([{ period: '2026', incomeFen: 1, expenditureFen: 1, balanceFen: Number.NaN }]), { ...employee, horizonsMonths: [12] }), 'forward path period 2026: balanceFen must be a safe integer (fen), got NaN'],
    ['overflow', () => forwardWarning([{ period: '2025', incomeFen: 1, expenditureFen: 1, balanceFen: Number.MAX_SAFE_INTEGER }], p([{ period: '2026', incomeFen: 2, expenditureFen: 0 }]), { ...employee, horizonsMonths: [12] }), 'forward path period 2026: balance 9007199254740992 fen is beyond the exact range'],
    ['horizon zero', () => forwardWarning(history, deficitPath(), { ...employee, horizonsMonths: [0] }), 'horizonsMonths must be positive integers, got 0'],
    ['no horizons', () => forwardWarning(history, deficitPath(), { ...employee, horizonsMonths: [] }), 'horizonsMonths must be positive integers, got none'],
    ['short path', () => forwardWarning(history, deficitPath(12), employee), 'the path reaches 12 months ahead; a horizon of 24 months needs a path that long'],
    ['sub-year horizon on a yearly path', () => forwardWarning(y, p([{ period: '2026', incomeFen: 1, expenditureFen: 1 }]), { ...employee, horizonsMonths: [6] }), 'a horizon of 6 months is shorter than the first path period (12 months ahead)'],
    ['probabilities misaligned', () => forwardWarning(history, deficitPath(), { ...employee, probabilityRedBy: [0.1] }), 'probabilityRedBy must have one value per path period (24), got 1'],
    ['probability above one', () => forwardWarning(y, p([{ period: '2026', incomeFen: 1, expenditureFen: 1 }]), { ...employee, horizonsMonths: [12], probabilityRedBy: [1.5] }), 'probabilityRedBy[0] must be a probability in [0, 1], got 1.5'],
    ['probability falling', () => forwardWarning(y, p([{ period: '2026', incomeFen: 1, expenditureFen: 1 }, { period: '2027', incomeFen: 1, expenditureFen: 1 }]), { ...employee, probabilityRedBy: [0.3, 0.2] }), 'probabilityRedBy[1] = 0.2 is below probabilityRedBy[0] = 0.3: a probability of red by a period cannot fall'],
    ['falling past a gap', () => forwardWarning(y, p([2026, 2027, 2028].map((yr) => ({ period: String(yr), incomeFen: 1, expenditureFen: 1 }))), { ...employee, probabilityRedBy: [0.3, null, 0.2] }), 'probabilityRedBy[2] = 0.2 is below probabilityRedBy[0] = 0.3: a probability of red by a period cannot fall'],
    ['a source without probabilities', () => forwardWarning(y, p([{ period: '2026', incomeFen: 1, expenditureFen: 1 }]), { ...employee, horizonsMonths: [12], stochasticSource: { runId: 1, finishedOn: '2026-01-01', paths: 1, ageMonths: 0, stale: [] } }), 'stochasticSource needs probabilityRedBy'],
    ['bad history', () => forwardWarning([{ period: '2025-13', incomeFen: 1, expenditureFen: 1, balanceFen: 1 }], deficitPath(), employee), 'not a period (expected YYYY or YYYY-MM): "2025-13"'],
  ];
  for (const [name, run, message] of cases) it(name, () => expect(run).toThrow(message));
});

describe('forwardWarning: properties', () => {
  const SEED = 20260115;
  const flows = fc.array(fc.record({ income: fc.integer({ min: 0, max: 20_000 }), expenditure: fc.integer({ min: 0, max: 20_000 }) }), { minLength: 24, maxLength: 24 });

  it('a higher opening balance never lowers a projected tier (in payable months)', () => {
    fc.assert(fc.property(fc.integer({ min: -50_000, max: 200_000 }), fc.integer({ min: 0, max: 200_000 }), flows, (b0, extra, f) => {
      const path = f.map((x, k) => ({ period: month(2025, k), incomeFen: x.income, expenditureFen: x.expenditure }));
      const at = (balance: number) => forwardWarning(history.map((r) => ({ ...r, balanceFen: balance })), path, employee);
      const [lo, hi] = [at(b0), at(b0 + extra)];
      lo.path.forEach((p, k) => expect(BY_MONTHS.indexOf(p.tier)).toBeLessThanOrEqual(BY_MONTHS.indexOf(hi.path[k]?.tier as Tier)));
      lo.horizons.forEach((h, k) => expect(BY_MONTHS.indexOf(h.lowestTier)).toBeLessThanOrEqual(BY_MONTHS.indexOf(hi.horizons[k]?.lowestTier as Tier)));
    }), { seed: SEED, numRuns: 200 });
  });

  it('repeating the observed months keeps every projected tier equal to the origin\'s', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: 1, max: 20_000 }), (balance, spend) => {
      const flat = history.map((r) => ({ ...r, incomeFen: spend, expenditureFen: spend, balanceFen: balance }));
      const out = forwardWarning(flat, deficitPath().map((p) => ({ ...p, incomeFen: spend, expenditureFen: spend })), employee);
      expect(new Set(out.path.map((p) => p.tier))).toEqual(new Set([out.origin.tier]));
      expect(out.flags).toEqual([]);
    }), { seed: SEED, numRuns: 200 });
  });
});
