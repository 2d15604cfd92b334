import { describe, expect, it } from 'vitest';
import { normalQuantile, studentTQuantile } from '../../../models/forecast/quantiles.ts';

describe('normal and t quantiles (against R 4.2.2)', () => {
  // R: options(digits = 17); qnorm(c(1e-10, 0.001, 0.025, 0.1, 0.3, 0.5, 0.975, 0.999))
  it.each([
    [1e-10, -6.3613409024040557],
    [0.001, -3.0902323061678132],
    [0.025, -1.9599639845400538],
    [0.1, -1.2815515655446008],
    [0.3, -0.52440051270804067],
    [0.5, 0],
    [0.975, 1.9599639845400536],
    [0.999, 3.0902323061678132],
  ])('qnorm(%s)', (p, expected) => {
    // AS 241 is accurate to about 1e-16 relative; 1e-14 leaves room for rounding in the last digit.
    expect(normalQuantile(p)).toBeCloseTo(expected, 14);
  });

  // R: qt(c(0.9, 0.975), df) for df = 1, 2, 5, 10, 100
  it.each([
    [0.9, 1, 3.0776835371752544],
    [0.975, 1, 12.706204736174694],
    [0.975, 2, 4.3026527297494619],
    [0.9, 5, 1.4758840488244804],
    [0.975, 10, 2.2281388519862739],
    [0.025, 10, -2.2281388519862744],
    [0.975, 100, 1.9839715185235516],
  ])('qt(%s, %s)', (p, df, expected) => {
    // Newton on the incomplete-beta distribution function: ~1e-13 relative; checked to 1e-11.
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 11);
  });

  it('rejects p outside (0, 1) with the exact message', () => {
    expect(() => normalQuantile(1)).toThrow('normal quantile: p must be in (0, 1), got 1');
    expect(() => studentTQuantile(0, 3)).toThrow('t quantile: p must be in (0, 1), got 0');
    expect(() => studentTQuantile(0.5, 0)).toThrow('t quantile: degrees of freedom must be > 0, got 0');
  });
});
