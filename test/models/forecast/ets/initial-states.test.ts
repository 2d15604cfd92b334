import { describe, expect, it } from 'vitest';
import { decomposeSeasonal, fourierDetrended, initialSmoothing, initialStates } from '../../../../models/forecast/ets/initial-states.ts';

const PATTERN = [3, -1, -4, 2]; // sums to 0
const trendPlusSeason = (n: number) => Float64Array.from({ length: n }, (_, t) => 50 + 0.5 * t + (PATTERN[t % 4] as number));

describe('decomposeSeasonal (R decompose)', () => {
  it('recovers an additive pattern exactly: the centred 2×4 moving average of a line plus a zero-sum pattern is the line', () => {
    const s = decomposeSeasonal(trendPlusSeason(20), 4, false);
    for (let t = 0; t < 20; t++) expect(s[t]).toBeCloseTo(PATTERN[t % 4] as number, 12);
  });

  it('normalises multiplicative indices to mean 1', () => {
    const y = Float64Array.from({ length: 24 }, (_, t) => 100 * ([1.2, 0.9, 0.8, 1.1][t % 4] as number));
    const s = decomposeSeasonal(y, 4, true);
    expect(s[0]).toBeCloseTo(1.2, 12);
    expect(s.slice(0, 4).reduce((a, b) => a + b, 0) / 4).toBeCloseTo(1, 12);
  });

  it('handles odd periods with a plain moving average', () => {
    const odd = [2, -3, 1];
    const y = Float64Array.from({ length: 15 }, (_, t) => 10 - 0.2 * t + (odd[t % 3] as number));
    const s = decomposeSeasonal(y, 3, false);
    for (let t = 0; t < 15; t++) expect(s[t]).toBeCloseTo(odd[t % 3] as number, 12);
  });
});

describe('fourierDetrended (short series, n < 3m)', () => {
  it('removes the least-squares trend fitted jointly with one Fourier pair', () => {
    // A pure line is fitted exactly, whatever the Fourier terms.
    const y = Float64Array.from({ length: 10 }, (_, t) => 5 + 2 * (t + 1));
    const r = fourierDetrended(y, 4, false);
    for (const v of r) expect(v).toBeCloseTo(0, 10);
  });
});

describe('initialStates', () => {
  it('gives ℓ0, b0 of the adjusted line and the seasonal terms in period order (first = remainder)', () => {
    const s = initialStates(trendPlusSeason(20), { error: 'A', trend: 'A', damped: false, season: 'A' }, 4);
    // The adjusted series is 50 + 0.5t for t = 0…; the line is fitted on t = 1…, so ℓ0 = 49.5.
    expect(s.level).toBeCloseTo(49.5, 10);
    expect(s.slope).toBeCloseTo(0.5, 10);
    for (let j = 0; j < 4; j++) expect(s.season[j]).toBeCloseTo(PATTERN[j] as number, 10);
  });

  it('uses the mean of the first 10 values for a level-only form', () => {
    const y = Float64Array.from({ length: 30 }, (_, t) => t);
    expect(initialStates(y, { error: 'A', trend: 'N', damped: false, season: 'N' }, 1).level).toBeCloseTo(4.5, 12);
  });
});

describe('initialSmoothing (R initparam)', () => {
  it('starts α at 0.2/m of its range, β at a tenth of α, γ at 5% of 1 − α, φ at 0.978', () => {
    const p = initialSmoothing({ error: 'M', trend: 'A', damped: true, season: 'M' }, 12);
    expect(p.alpha).toBeCloseTo(1e-4 + (0.2 * 0.9998) / 12, 15);
    expect(p.beta).toBeCloseTo(1e-4 + 0.1 * (p.alpha - 1e-4), 15);
    expect(p.gamma).toBeCloseTo(1e-4 + 0.05 * (1 - p.alpha - 1e-4), 15);
    expect(p.phi).toBeCloseTo(0.8 + 0.99 * 0.18, 15);
  });
});
