/**
 * The collective-decision threshold (seed 001 第二十一条: 5万元（含5万元）以上): reference cases on the
 * edge, the parameter's validation with exact messages, and the rule as a property.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUDGET_PARAMETER_PROVENANCE, DEFAULT_BUDGET_PARAMS, collectiveDecisionThresholdFen, listBudgetParamProblems, needsCollectiveDecision,
  resolveBudgetParams,
} from '../../../models/index.ts';

const at = (collectiveDecisionThresholdYuan: number) => ({ collectiveDecisionThresholdYuan });

describe('collective-decision threshold', () => {
  it('defaults to 50,000 元 from seed 001 第二十一条, 含5万元: exactly 50,000.00 needs a decision, 49,999.99 does not', () => {
    expect(DEFAULT_BUDGET_PARAMS.collectiveDecisionThresholdYuan).toBe(50_000);
    expect(BUDGET_PARAMETER_PROVENANCE.collectiveDecisionThresholdYuan.provenance).toBe('seed');
    expect(BUDGET_PARAMETER_PROVENANCE.collectiveDecisionThresholdYuan.source).toMatch(/seed 001\) 第二十一条/);
    expect(collectiveDecisionThresholdFen(DEFAULT_BUDGET_PARAMS)).toBe(5_000_000);
    expect(needsCollectiveDecision(5_000_000, DEFAULT_BUDGET_PARAMS)).toBe(true);
    expect(needsCollectiveDecision(4_999_999, DEFAULT_BUDGET_PARAMS)).toBe(false);
  });

  it('reads a regional threshold to the fen, including one with cents and 0 (every deduction decided, but no deduction is none)', () => {
    expect(collectiveDecisionThresholdFen(at(100_000))).toBe(10_000_000);
    expect(collectiveDecisionThresholdFen(at(30_000.01))).toBe(3_000_001);
    expect(collectiveDecisionThresholdFen(at(0.29))).toBe(29); // 0.29 × 100 = 28.999999999999996 in doubles
    expect(needsCollectiveDecision(3_000_000, at(30_000.01))).toBe(false);
    expect(needsCollectiveDecision(3_000_001, at(30_000.01))).toBe(true);
    expect(needsCollectiveDecision(1, at(0))).toBe(true);
    expect(needsCollectiveDecision(0, at(0))).toBe(false);
  });

  it.each([
    [-1, 'params.collectiveDecisionThresholdYuan must be an amount in yuan ≥ 0 with at most 2 decimals, got -1'],
    [Number.POSITIVE_INFINITY, 'params.collectiveDecisionThresholdYuan must be an amount in yuan ≥ 0 with at most 2 decimals, got Infinity'],
    [Number.NaN, 'params.collectiveDecisionThresholdYuan must be an amount in yuan ≥ 0 with at most 2 decimals, got NaN'],
    [50_000.005, 'params.collectiveDecisionThresholdYuan must be an amount in yuan ≥ 0 with at most 2 decimals, got 50000.005'],
    [1e14, 'params.collectiveDecisionThresholdYuan must be an amount in yuan ≥ 0 with at most 2 decimals, got 100000000000000'],
  ])('refuses %s with the exact message, in the model and in the parameter check', (value, message) => {
    expect(() => collectiveDecisionThresholdFen(at(value))).toThrow(message);
    expect(listBudgetParamProblems({ ...DEFAULT_BUDGET_PARAMS, collectiveDecisionThresholdYuan: value })).toEqual([message]);
  });

  it('is set by an override like any other parameter', () => {
    expect(resolveBudgetParams({ collectiveDecisionThresholdYuan: 20_000 }).collectiveDecisionThresholdYuan).toBe(20_000);
    expect(() => resolveBudgetParams({ collectiveDecisionThresholdYuan: -0.01 }))
      .toThrow('params.collectiveDecisionThresholdYuan must be an amount in yuan ≥ 0 with at most 2 decimals, got -0.01');
  });

  it('property: an amount needs a decision exactly when it reaches the threshold, and never needs one below a higher threshold', () => {
    const fen = fc.integer({ min: 0, max: 10 ** 13 });
    fc.assert(fc.property(fen, fen, (amountFen, thresholdFen) => {
      const params = at(thresholdFen / 100);
      expect(collectiveDecisionThresholdFen(params)).toBe(thresholdFen);
      expect(needsCollectiveDecision(amountFen, params)).toBe(amountFen > 0 && amountFen >= thresholdFen);
      if (!needsCollectiveDecision(amountFen, params)) expect(needsCollectiveDecision(amountFen, at((thresholdFen + 100) / 100))).toBe(false);
    }));
  });
});
