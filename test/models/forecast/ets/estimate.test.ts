import { describe, expect, it } from 'vitest';
import { estimatedCount, fitForm } from '../../../../models/forecast/ets/estimate.ts';
import { readFixture, simulateAdditive } from './helpers.ts';

const ANN = { error: 'A', trend: 'N', damped: false, season: 'N' } as const;
const AAN = { error: 'A', trend: 'A', damped: false, season: 'N' } as const;

describe('fitForm: parameter recovery on seeded simulations (n = 1000, σ = 1)', () => {
  it('ETS(A,N,N), α = 0.4', () => {
    const y = Float64Array.from(simulateAdditive(11, 1000, { alpha: 0.4, level0: 100, sigma: 1 }));
    const fit = fitForm(y, ANN, 1);
    // ETS(A,N,N) is ARIMA(0,1,1) with θ = α − 1: se(α̂) ≈ √(α(2 − α)/n) = 0.025; allow 4 se.
    expect(Math.abs((fit?.parameters.alpha as number) - 0.4)).toBeLessThan(0.1);
    // σ̂² = Σe²/(n − 2) estimates σ² = 1 with se ≈ √(2/n) = 0.045; allow 4 se.
    expect(Math.abs((fit?.sigma2 as number) - 1)).toBeLessThan(0.18);
  });

  it('ETS(A,A,N), α = 0.4, β = 0.1', () => {
    const y = Float64Array.from(simulateAdditive(12, 1000, { alpha: 0.4, beta: 0.1, level0: 100, slope0: 1, sigma: 1 }));
    const fit = fitForm(y, AAN, 1);
    // Spread over 40 seeds (scratch run, same settings): sd(α̂) = 0.025, sd(β̂) = 0.010; allow 4 sd.
    expect(Math.abs((fit?.parameters.alpha as number) - 0.4)).toBeLessThan(0.1);
    expect(Math.abs((fit?.parameters.beta as number) - 0.1)).toBeLessThan(0.04);
    expect(Math.abs((fit?.sigma2 as number) - 1)).toBeLessThan(0.18);
  });
});

describe('fitForm: information criteria', () => {
  it('counts parameters, initial states and σ² in k, as R (AICc = AIC + 2k(k + 1)/(n − k − 1))', () => {
    const fx = readFixture('AirPassengers');
    const fit = fitForm(Float64Array.from(fx.values), { error: 'M', trend: 'A', damped: true, season: 'M' }, 12);
    expect(fit?.parameterCount).toBe(4 + 2 + 11 + 1);
    const n = fx.values.length;
    const k = fit?.parameterCount as number;
    expect(fit?.aicc).toBeCloseTo((fit?.aic as number) + (2 * k * (k + 1)) / (n - k - 1), 9);
  });

  it('declines a form whose estimated values reach n − 1 (R: np ≥ n − 1)', () => {
    expect(estimatedCount({ error: 'A', trend: 'A', damped: true, season: 'A' }, 12)).toBe(17);
    const y = Float64Array.from({ length: 18 }, (_, t) => 10 + (t % 12));
    expect(fitForm(y, { error: 'A', trend: 'A', damped: true, season: 'A' }, 12)).toBeUndefined();
  });
});
