import { describe, it, expect } from 'vitest';
import { nelderMead } from '../../../models/core/nelder-mead.ts';

describe('nelderMead', () => {
  it('finds the minimum of a shifted quadratic', () => {
    const r = nelderMead(([x = 0, y = 0]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(-2, 3);
  });

  it('minimises the Rosenbrock function (R optim Nelder-Mead reaches 1, 1 from -1.2, 1)', () => {
    const r = nelderMead(([x = 0, y = 0]) => 100 * (y - x * x) ** 2 + (1 - x) ** 2, [-1.2, 1], { maxIterations: 5000, relativeTolerance: 1e-12 });
    expect(r.x[0]).toBeCloseTo(1, 2);
    expect(r.x[1]).toBeCloseTo(1, 2);
  });

  it('avoids infeasible regions signalled by Infinity', () => {
    const r = nelderMead(([x = 0]) => (x < 0.5 ? Infinity : (x - 0.2) ** 2), [2]);
    expect(r.x[0]).toBeGreaterThanOrEqual(0.5);
    expect(r.x[0]).toBeCloseTo(0.5, 3);
  });
});
