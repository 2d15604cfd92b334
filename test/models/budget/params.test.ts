import { describe, expect, it } from 'vitest';
import {
  BUDGET_PARAMETER_PROVENANCE, DEFAULT_BUDGET_PARAMS, listBudgetParamProblems, mergeBudgetParams, resolveBudgetParams, type BudgetParams,
} from '../../../models/index.ts';

const withDefaults = (o: Partial<BudgetParams>): BudgetParams => ({ ...DEFAULT_BUDGET_PARAMS, ...o });

describe('budget parameters', () => {
  it('has no problem in the defaults and a provenance for every key', () => {
    expect(listBudgetParamProblems(DEFAULT_BUDGET_PARAMS)).toEqual([]);
    expect(Object.keys(BUDGET_PARAMETER_PROVENANCE).sort()).toEqual(Object.keys(DEFAULT_BUDGET_PARAMS).sort());
  });

  it('merges nested objects key by key and replaces arrays', () => {
    const p = mergeBudgetParams({ creditFactors: { D: 0.8 }, overspendBands: [{ upTo: 1.1, fundShare: 0.6 }], withholdingRelease: null });
    expect(p.creditFactors).toEqual({ A: 1.02, B: 1, C: 0.97, D: 0.8, none: 1 });
    expect(p.overspendBands).toEqual([{ upTo: 1.1, fundShare: 0.6 }]);
    expect(p.assessmentFactors).toEqual(DEFAULT_BUDGET_PARAMS.assessmentFactors);
  });

  it.each([
    [{ growth: -1 }, 'params.growth must be a number > -1, got -1'],
    [{ yearWeights: [1, 0, 7] as const }, 'params.yearWeights[1] must be a number > 0, got 0'],
    [{ assessmentFactors: { bands: [{ minScore: 80, factor: 1 }, { minScore: 90, factor: 0.9 }, { minScore: 0, factor: 0.9 }], none: 1 } },
      'params.assessmentFactors.bands[1].minScore must be a score below the band before it (80), got 90'],
    [{ assessmentFactors: { bands: [{ minScore: 90, factor: 1 }, { minScore: 60, factor: 1.1 }], none: 1 } },
      'params.assessmentFactors.bands[1].minScore must be 0 in the last band, so every score has a factor, got 60\nparams.assessmentFactors.bands[1].factor must be a number > 0 not above the factor of the higher band (1), got 1.1'],
    [{ assessmentFactors: { bands: [], none: 1 } }, 'params.assessmentFactors.bands must hold at least one band, got []'],
    [{ creditFactors: { A: 1, B: 1.01, C: 0.9, D: 0.95, none: 1 } },
      'params.creditFactors.B must not exceed the factor of the better rating A (1), got 1.01\nparams.creditFactors.D must not exceed the factor of the better rating C (0.9), got 0.95'],
    [{ reserveRate: 1 }, 'params.reserveRate must be a decimal from 0 to below 1, got 1'],
    [{ rewardShare: 1.5 }, 'params.rewardShare must be a decimal from 0 to 1, got 1.5'],
    [{ overspendBands: [{ upTo: 1, fundShare: 0.5 }] }, 'params.overspendBands[0].upTo must be a multiple of the quota greater than 1, got 1'],
    [{ overspendBands: [{ upTo: 1.2, fundShare: 0.5 }, { upTo: 1.1, fundShare: 2 }] },
      'params.overspendBands[1].upTo must be a multiple of the quota greater than the band before it (1.2), got 1.1\nparams.overspendBands[1].fundShare must be a decimal from 0 to 1, got 2'],
    [{ withholdingRelease: { bands: [{ minScore: 0, share: 1.2 }], none: 1 } }, 'params.withholdingRelease.bands[0].share must be a decimal from 0 to 1, got 1.2'],
    [{ deviationBands: { general: 0.05, major: 0.3, severe: 0.15 } }, 'params.deviationBands.severe must be a decimal greater than major (0.3), got 0.15'],
    [{ dipCaseBands: { lowBelow: 0.5, highAbove: 2, reviewAbove: 2 } }, 'params.dipCaseBands.reviewAbove must be a multiple greater than highAbove (2), got 2'],
  ])('lists the broken rule of %o', (override, message) => {
    expect(listBudgetParamProblems(withDefaults(override as Partial<BudgetParams>)).join('\n')).toBe(message);
  });

  it('refuses a bad override as a whole, every problem on its own line', () => {
    expect(() => resolveBudgetParams({ growth: -2, rewardCap: -1 })).toThrow('params.growth must be a number > -1, got -2\nparams.rewardCap must be a decimal from 0 to 1, got -1');
  });
});
