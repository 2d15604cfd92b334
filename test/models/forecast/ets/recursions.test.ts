import { describe, expect, it } from 'vitest';
import { etsLikelihood } from '../../../../models/forecast/ets/likelihood.ts';
import { etsFilter, formCodes, pointForecasts } from '../../../../models/forecast/ets/recursions.ts';
import type { EtsForm, EtsParameters } from '../../../../models/forecast/ets/types.ts';
import { readFixture } from './helpers.ts';

const form = (code: string): EtsForm => ({
  error: code[0] as 'A', trend: code[1] as 'A', damped: code.length === 4, season: code[code.length - 1] as 'N',
});
const params = (p: Partial<EtsParameters>): EtsParameters => ({ alpha: 0.5, beta: 0, gamma: 0, phi: 1, ...p });
const noSeason = new Float64Array(0);

describe('etsFilter (worked by hand)', () => {
  it('ETS(A,N,N): ŷ = ℓ, ℓ ← ℓ + αe', () => {
    const r = etsFilter(Float64Array.of(12, 11, 13), formCodes(form('ANN')), 1, params({}), { level: 10, slope: 0, season: noSeason });
    expect([...r.fitted]).toEqual([10, 11, 11]);
    expect([...r.errors]).toEqual([2, 0, 2]);
    expect(r.final.level).toBe(12);
    expect(r.lik).toBeCloseTo(3 * Math.log(8), 12);
  });

  it('ETS(M,N,N): e = (y − ŷ)/ŷ, ℓ ← ℓ(1 + αe), lik adds 2Σlog|ŷ|', () => {
    const r = etsFilter(Float64Array.of(12, 11, 13), formCodes(form('MNN')), 1, params({}), { level: 10, slope: 0, season: noSeason });
    expect([...r.fitted]).toEqual([10, 11, 11]);
    expect(r.errors[0]).toBeCloseTo(0.2, 15);
    expect(r.final.level).toBeCloseTo(12, 12);
    expect(r.lik).toBeCloseTo(3 * Math.log(0.04 + 4 / 121) + 2 * Math.log(10 * 11 * 11), 12);
  });

  it('ETS(A,A,N): ŷ = ℓ + b, b ← b + βe', () => {
    const r = etsFilter(Float64Array.of(12, 12), formCodes(form('AAN')), 1, params({ beta: 0.2 }), { level: 10, slope: 1, season: noSeason });
    expect(r.fitted[0]).toBe(11);
    expect(r.fitted[1]).toBeCloseTo(12.7, 12);
    expect(r.final.level).toBeCloseTo(12.35, 12);
    expect(r.final.slope).toBeCloseTo(1.06, 12);
  });

  it('ETS(A,N,A), m = 2: s ← s + γe, and the final season starts with the next period', () => {
    const r = etsFilter(Float64Array.of(12, 8, 12), formCodes(form('ANA')), 2, params({ gamma: 0.2 }), { level: 10, slope: 0, season: Float64Array.of(1, -1) });
    expect(r.fitted[0]).toBe(11);
    expect(r.fitted[1]).toBeCloseTo(9.5, 12);
    expect(r.fitted[2]).toBeCloseTo(10.95, 12);
    expect(r.final.level).toBeCloseTo(10.275, 12);
    expect(r.final.season[0]).toBeCloseTo(-1.3, 12);
    expect(r.final.season[1]).toBeCloseTo(1.41, 12);
  });
});

describe('etsLikelihood', () => {
  it.each(['ANN', 'MNN', 'AAN', 'MAN', 'AAdN', 'MAdN', 'ANA', 'MNA', 'AAdA', 'MAA', 'MNM', 'MAdM'])('equals the recorded filter for ETS %s', (code) => {
    const y = Float64Array.from({ length: 40 }, (_, t) => 100 + t + 10 * Math.sin(t) + (t % 4) * 3);
    const f = form(code);
    const m = f.season === 'N' ? 1 : 4;
    const season = f.season === 'N' ? noSeason : f.season === 'A' ? Float64Array.of(3, -1, -3, 1) : Float64Array.of(1.05, 0.98, 0.95, 1.02);
    const p = params({ beta: f.trend === 'A' ? 0.1 : 0, gamma: f.season === 'N' ? 0 : 0.1, phi: f.damped ? 0.9 : 1 });
    const filtered = etsFilter(y, formCodes(f), m, p, { level: 100, slope: 1, season });
    const lik = etsLikelihood(y, formCodes(f), m, p.alpha, p.beta, p.gamma, p.phi, 100, 1, Float64Array.from(season));
    // The hot loop sums logs as the log of a product and uses u = p − q: same value up to rounding.
    expect(lik).toBeCloseTo(filtered.lik, 9);
  });

  it("reproduces R's −2·logLik of ETS(M,Ad,M) on AirPassengers at R's estimates", () => {
    const fx = readFixture('AirPassengers');
    const par = fx.ets.par as Record<string, number>;
    const m = 12;
    // R's states s0..s10 run from the latest season backwards; s11 is the normalising remainder.
    const season = new Float64Array(m);
    for (let j = 1; j < m; j++) season[j] = par[`s${m - 1 - j}`] as number;
    season[0] = m - season.reduce((a, b) => a + b, 0);
    const lik = etsLikelihood(Float64Array.from(fx.values), formCodes(form('MAdM')), m, par.alpha as number, par.beta as number, par.gamma as number, par.phi as number, par.l as number, par.b as number, season);
    expect(lik / (-2 * fx.ets.loglik) - 1).toBeLessThan(1e-12);
  });
});

describe('pointForecasts', () => {
  it('damps the slope by φ + φ² + … and applies the season of each step', () => {
    const f = pointForecasts(formCodes(form('MAdM')), 2, 0.9, 10, 1, Float64Array.of(1.1, 0.9), 3);
    expect(f[0]).toBeCloseTo(10.9 * 1.1, 12);
    expect(f[1]).toBeCloseTo(11.71 * 0.9, 12);
    expect(f[2]).toBeCloseTo(12.439 * 1.1, 12);
  });

  it('is flat without trend and season', () => {
    expect(pointForecasts(formCodes(form('ANN')), 1, 1, 7, 0, noSeason, 4)).toEqual([7, 7, 7, 7]);
  });
});
