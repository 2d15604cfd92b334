/**
 * The ziggurat normals against the N(0, 1) distribution. Checks allow k = 4 standard errors (two-sided
 * tail 6.3e-5 each; 14 checks: false alarm below 0.1 %) or the 0.1 % critical value of the KS test;
 * the seed is fixed and was not chosen by looking at results.
 */
import { errorFunction } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../models/core/rng.ts';
import { normalQuantile } from '../../../models/forecast/quantiles.ts';
import { fillStandardNormals } from '../../../models/stochastic/ziggurat.ts';

const K = 4;
const n = 2_000_000;
const z = new Float64Array(n);
fillStandardNormals(createRng(123_456), z);

describe('fillStandardNormals', () => {
  it('has the moments of N(0, 1): mean 0, variance 1, skewness 0, excess kurtosis 0', () => {
    let s1 = 0, s2 = 0, s3 = 0, s4 = 0;
    for (const x of z) {
      const x2 = x * x;
      s1 += x; s2 += x2; s3 += x2 * x; s4 += x2 * x2;
    }
    const mean = s1 / n, m2 = s2 / n, m3 = s3 / n, m4 = s4 / n;
    // SEs for normal data: mean 1/√n, E x² √(2/n), E x³ √(15/n), E x⁴ √(96/n)
    expect(Math.abs(mean)).toBeLessThan(K / Math.sqrt(n));
    expect(Math.abs(m2 - 1)).toBeLessThan(K * Math.sqrt(2 / n));
    expect(Math.abs(m3)).toBeLessThan(K * Math.sqrt(15 / n));
    expect(Math.abs(m4 - 3)).toBeLessThan(K * Math.sqrt(96 / n));
  });

  it('passes a Kolmogorov–Smirnov test against Φ at the 0.1 % level (200,000 draws)', () => {
    const m = 200_000;
    const sorted = z.slice(0, m).sort();
    let d = 0;
    sorted.forEach((x, i) => {
      const cdf = 0.5 * (1 + errorFunction(x / Math.SQRT2)); // |error| < 1.2e-7, far below the critical value
      d = Math.max(d, Math.abs(cdf - i / m), Math.abs((i + 1) / m - cdf));
    });
    expect(d).toBeLessThan(1.95 / Math.sqrt(m)); // asymptotic KS critical value at α = 0.001
  });

  it('puts the right mass in the layers, the wedges and the tail beyond r = 3.4426 (both sides)', () => {
    // tail probabilities q whose quantiles fall inside the layers (0.05, 1e-3) and in the tail (2e-4, 1e-5)
    for (const q of [0.05, 1e-3, 2e-4, 1e-5]) {
      const threshold = normalQuantile(1 - q);
      let upper = 0, lower = 0;
      for (const x of z) {
        if (x > threshold) upper++;
        else if (x < -threshold) lower++;
      }
      const se = Math.sqrt(n * q * (1 - q));
      expect(Math.abs(upper - n * q)).toBeLessThan(K * se);
      expect(Math.abs(lower - n * q)).toBeLessThan(K * se);
    }
  });

  it('is deterministic for a seed and fills only the first `count` entries', () => {
    const a = new Float64Array(5), b = new Float64Array(5).fill(9);
    fillStandardNormals(createRng(7), a);
    fillStandardNormals(createRng(7), b, 3);
    expect(Array.from(b.slice(0, 3))).toEqual(Array.from(a.slice(0, 3)));
    expect(Array.from(b.slice(3))).toEqual([9, 9]);
  });
});
