import { describe, expect, it } from 'vitest';
import { simplexMinimise } from '../../../models/core/nelder-mead.ts';

describe('simplexMinimise (Nash / R optim Nelder–Mead)', () => {
  it('finds the minimum of a shifted quadratic', () => {
    const r = simplexMinimise((x) => ((x[0] as number) - 1) ** 2 + ((x[1] as number) + 2) ** 2, Float64Array.of(0.5, 0.5));
    expect(r.converged).toBe(true);
    // The stopping rule is on function values (span ≤ 1.5e−8·|f(x0)|), so x is known to ~1e−4.
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(-2, 3);
  });

  it('minimises Rosenbrock from (−1.2, 1) as R does (optim reaches 1, 1 with maxit 2000)', () => {
    const r = simplexMinimise((x) => 100 * ((x[1] as number) - (x[0] as number) ** 2) ** 2 + (1 - (x[0] as number)) ** 2, Float64Array.of(-1.2, 1), { relativeTolerance: 1e-12 });
    expect(r.x[0]).toBeCloseTo(1, 2);
    expect(r.x[1]).toBeCloseTo(1, 2);
  });

  it('stays out of infeasible regions signalled by Infinity', () => {
    const r = simplexMinimise((x) => ((x[0] as number) < 0.5 ? Infinity : ((x[0] as number) - 0.2) ** 2), Float64Array.of(2));
    expect(r.x[0]).toBeGreaterThanOrEqual(0.5);
    expect(r.x[0]).toBeCloseTo(0.5, 3);
  });

  it('spends at most the evaluation budget (plus the last iteration)', () => {
    let calls = 0;
    const r = simplexMinimise((x) => {
      calls++;
      return x.reduce((s, v, i) => s + (i + 1) * v * v, 0);
    }, Float64Array.from({ length: 15 }, (_, i) => i + 1), { maxEvaluations: 300 });
    expect(r.evaluations).toBe(calls);
    expect(calls).toBeLessThanOrEqual(300 + 16);
    expect(r.converged).toBe(false);
  });

  it('refuses a starting point where the objective is not finite', () => {
    expect(() => simplexMinimise(() => Infinity, Float64Array.of(1))).toThrow('simplexMinimise: objective is not finite at the starting point');
  });
});
