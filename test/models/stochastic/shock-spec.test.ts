import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choleskyLower } from '../../../models/stochastic/cholesky.ts';
import { compileShocks, defaultShockSpec, type ShockSpec } from '../../../models/stochastic/index.ts';

describe('choleskyLower', () => {
  it('factors hand-worked matrices', () => {
    // [[4, 2], [2, 2]]: L11 = 2, L21 = 2/2 = 1, L22 = √(2 − 1) = 1
    expect(Array.from(choleskyLower([[4, 2], [2, 2]], 'A'))).toEqual([2, 0, 1, 1]);
    // [[1, .5], [.5, 1]]: L21 = 0.5, L22 = √0.75
    const l = choleskyLower([[1, 0.5], [0.5, 1]], 'R');
    expect(l[2]).toBe(0.5);
    expect(l[3]).toBeCloseTo(Math.sqrt(0.75), 15);
  });

  it('L Lᵀ reproduces random symmetric positive-definite matrices A = B Bᵀ + I', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }).chain((n) => fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n * n, maxLength: n * n })), (b) => {
      const n = Math.round(Math.sqrt(b.length));
      const a = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => {
        let s = i === j ? 1 : 0;
        for (let k = 0; k < n; k++) s += (b[i * n + k] as number) * (b[j * n + k] as number);
        return s;
      }));
      const l = choleskyLower(a, 'A');
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += (l[i * n + k] as number) * (l[j * n + k] as number);
          // entries of A are at most 1 + 6·9 = 55: the recursion's rounding is a few ulps of that
          expect(Math.abs(s - (a[i]?.[j] as number))).toBeLessThan(1e-12 * 55);
        }
        for (let j = i + 1; j < n; j++) expect(l[i * n + j]).toBe(0);
      }
    }));
  });

  it('names the failing pivot of a matrix that is not positive definite', () => {
    // ρ12 = ρ13 = 0.9 with ρ23 = −0.9: pivot 3 = 1 − 0.81 − (−0.9 − 0.81)² / 0.19 < 0
    expect(() => choleskyLower([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]], 'shocks.correlation'))
      .toThrow(/^shocks\.correlation is not positive definite \(Cholesky pivot 3 = -1[0-9.]+ ≤ 0\)$/);
    expect(() => choleskyLower([[1, 1], [1, 1]], 'R')).toThrow('R is not positive definite (Cholesky pivot 2 = 0 ≤ 0)');
  });
});

describe('compileShocks', () => {
  it('defaults are valid for both schemes and scale the correlation factor by σ', () => {
    const employee = compileShocks(defaultShockSpec('employee'), 'employee');
    expect(employee.size).toBe(5);
    // row 2 (medicalInflation): σ = 0.015 times the Cholesky row (0.3, √(1 − 0.09))
    expect(employee.loading[5]).toBeCloseTo(0.015 * 0.3, 15);
    expect(employee.loading[6]).toBeCloseTo(0.015 * Math.sqrt(0.91), 15);
    expect(Array.from(compileShocks(defaultShockSpec('resident'), 'resident').loading)).toEqual([0.015, 0, 0, 0, 0.02, 0, 0, 0, 0.015]);
  });

  it('maps the scheme drivers to spec rows, −1 for unshocked drivers, in any spec order', () => {
    const spec: ShockSpec = { drivers: ['retireeGrowth', 'wageGrowth'], sigma: [0.01, 0.02], phi: [0, 0.5], correlation: [[1, 0], [0, 1]] };
    expect(Array.from(compileShocks(spec, 'employee').specIndex)).toEqual([1, -1, -1, -1, 0]);
  });

  it('accepts σ = 0 and an empty spec', () => {
    expect(compileShocks({ drivers: ['wageGrowth'], sigma: [0], phi: [0.5], correlation: [[1]] }, 'employee').loading[0]).toBe(0);
    expect(compileShocks({ drivers: [], sigma: [], phi: [], correlation: [] }, 'resident').size).toBe(0);
  });

  it('rejects bad specs with exact messages', () => {
    const base = defaultShockSpec('resident');
    const bad = (patch: Partial<ShockSpec>, scheme: 'employee' | 'resident' = 'resident') => () => compileShocks({ ...base, ...patch }, scheme);
    expect(bad({ drivers: ['medicalInflation', 'utilisationGrowth', 'wageGrowth'] }))
      .toThrow("shocks.drivers[2]: 'wageGrowth' is not a shock driver of the resident scheme (allowed: medicalInflation, utilisationGrowth, insuredGrowth)");
    expect(bad({ drivers: ['medicalInflation', 'medicalInflation', 'insuredGrowth'] })).toThrow("shocks.drivers[1]: 'medicalInflation' is listed twice");
    expect(bad({ sigma: [0.01, 0.02] })).toThrow('shocks.sigma must have 3 values, one per driver, got 2');
    expect(bad({ sigma: [0.01, -0.02, 0.01] })).toThrow('shocks.sigma[1] (utilisationGrowth) must be a finite number ≥ 0, got -0.02');
    expect(bad({ sigma: [0.01, 0.02, Number.NaN] })).toThrow('shocks.sigma[2] (insuredGrowth) must be a finite number ≥ 0, got NaN');
    expect(bad({ phi: [0.4, 0.3, -1] })).toThrow('shocks.phi[2] (insuredGrowth) must satisfy |φ| < 1 (a stationary AR(1)), got -1');
    expect(bad({ phi: [1.2, 0.3, 0.5] })).toThrow('shocks.phi[0] (medicalInflation) must satisfy |φ| < 1 (a stationary AR(1)), got 1.2');
    expect(bad({ correlation: [[1, 0], [0, 1]] })).toThrow('shocks.correlation must be a 3×3 matrix, one row and column per driver');
    expect(bad({ correlation: [[1, 0, 0], [0, 1, 1.5], [0, 1.5, 1]] })).toThrow('shocks.correlation[1][2] must be a finite number in [−1, 1], got 1.5');
    expect(bad({ correlation: [[1, 0, 0], [0, 0.9, 0], [0, 0, 1]] })).toThrow('shocks.correlation[1][1] must be 1, got 0.9');
    expect(bad({ correlation: [[1, 0.2, 0], [0.3, 1, 0], [0, 0, 1]] })).toThrow('shocks.correlation must be symmetric: [1][0] = 0.3 but [0][1] = 0.2');
    expect(bad({ correlation: [[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1]] })).toThrow(/^shocks\.correlation is not positive definite \(Cholesky pivot 3 = /);
  });
});
