/**
 * Seeded Monte Carlo checks against analytic moments. Every check allows k = 4 standard errors:
 * a correct sampler fails one such check with probability 6.3e-5 (two-sided normal tail), so the
 * ~90 checks of this file raise a false alarm with probability below 0.6 %; the seeds are fixed, so
 * the outcome is reproducible, and k was chosen before looking at any seed's result.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../models/core/rng.ts';
import { normalQuantile } from '../../../models/forecast/quantiles.ts';
import type { EmployeeScenario, ResidentScenario } from '../../../models/projection/scenario.ts';
import { createDeviationSampler } from '../../../models/stochastic/deviations.ts';
import { compileShocks, defaultShockSpec, PERCENTILE_LEVELS, simulateScenario, type ShockSpec } from '../../../models/stochastic/index.ts';
import { INTERFACES_EMPLOYEE, RESIDENT, referenceProjection } from './fixtures.ts';

const K = 4;
const mean = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: Float64Array) => {
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
};
const correlation = (x: Float64Array, y: Float64Array) => {
  const mx = mean(x), my = mean(y);
  let sxy = 0, sxx = 0, syy = 0;
  x.forEach((v, i) => {
    const w = (y[i] as number) - my;
    sxy += (v - mx) * w; sxx += (v - mx) ** 2; syy += w * w;
  });
  return sxy / Math.sqrt(sxx * syy);
};

/** E f(Z) for Z ~ N(0, 1) by the trapezoid rule on [−12, 12] (the integrand is smooth; error far below 1e-12). */
function normalExpectation(f: (z: number) => number): number {
  const n = 24_000, h = 24 / n;
  let s = 0;
  for (let i = 0; i <= n; i++) {
    const z = -12 + i * h;
    s += (i === 0 || i === n ? 0.5 : 1) * f(z) * Math.exp(-0.5 * z * z);
  }
  return (s * h) / Math.sqrt(2 * Math.PI);
}

const wageOnly = (sigma: number, phi: number): ShockSpec => ({ drivers: ['wageGrowth'], sigma: [sigma], phi: [phi], correlation: [[1]] });

describe('deviation sampler against analytic moments', () => {
  it('φ = 0, wage shocks only: mean and variance of the log wage index after 10 years', () => {
    // ln W_t/W_0 = Σ_s ln(1 + g + σ z_s), i.i.d. terms: mean t·E ln(1+g+σZ), variance t·Var ln(1+g+σZ)
    const g = 0.05, sigma = 0.02, years = 10, paths = 20_000;
    const m1 = normalExpectation((z) => Math.log(1 + g + sigma * z));
    const m2 = normalExpectation((z) => Math.log(1 + g + sigma * z) ** 2);
    const analyticMean = years * m1, analyticVar = years * (m2 - m1 * m1);
    const sampler = createDeviationSampler(compileShocks(wageOnly(sigma, 0), 'employee'), paths, createRng(20260101));
    const logIndex = new Float64Array(paths);
    for (let t = 0; t < years; t++) {
      sampler.advance();
      const d = sampler.deviations[0] as Float64Array;
      for (let p = 0; p < paths; p++) logIndex[p] = (logIndex[p] as number) + Math.log(1 + g + (d[p] as number));
    }
    const seMean = Math.sqrt(analyticVar / paths);
    expect(Math.abs(mean(logIndex) - analyticMean)).toBeLessThan(K * seMean);
    // the sum of 10 near-normal terms is near normal: SE of s² ≈ σ²·√(2/(n−1))
    expect(Math.abs(variance(logIndex) - analyticVar)).toBeLessThan(K * analyticVar * Math.sqrt(2 / (paths - 1)));
    // the other drivers of the scheme stay exactly 0
    for (const d of sampler.deviations.slice(1)) expect(d.every((x) => x === 0)).toBe(true);
  });

  it('φ = 0.6: Var d_t = σ²(1 − φ^{2t})/(1 − φ²) from d_0 = 0, and Cov(d_t, d_{t−1}) = φ Var d_{t−1}', () => {
    const sigma = 0.02, phi = 0.6, paths = 20_000;
    const sampler = createDeviationSampler(compileShocks(wageOnly(sigma, phi), 'employee'), paths, createRng(77));
    let previous = new Float64Array(paths);
    for (let t = 1; t <= 5; t++) {
      sampler.advance();
      const d = Float64Array.from(sampler.deviations[0] as Float64Array);
      const v = (sigma ** 2 * (1 - phi ** (2 * t))) / (1 - phi ** 2);
      expect(Math.abs(variance(d) - v)).toBeLessThan(K * v * Math.sqrt(2 / (paths - 1)));
      expect(Math.abs(mean(d))).toBeLessThan(K * Math.sqrt(v / paths));
      if (t > 1) {
        const vPrev = (sigma ** 2 * (1 - phi ** (2 * (t - 1)))) / (1 - phi ** 2);
        // Cov(d_t, d_{t−1}) = φ·vPrev; SE of a sample covariance of normals ≈ √((vPrev·v + (φ·vPrev)²)/n)
        const cov = d.reduce((s, x, p) => s + x * (previous[p] as number), 0) / paths;
        expect(Math.abs(cov - phi * vPrev)).toBeLessThan(K * Math.sqrt((vPrev * v + (phi * vPrev) ** 2) / paths));
      }
      previous = d;
    }
  });

  it('first-year shocks have the default σ and correlation matrix (employee, 5 drivers)', () => {
    const spec = defaultShockSpec('employee');
    const paths = 40_000;
    const sampler = createDeviationSampler(compileShocks(spec, 'employee'), paths, createRng(4242));
    sampler.advance(); // d_1 = ε_1
    const eps = sampler.deviations.map((d) => Float64Array.from(d));
    spec.sigma.forEach((s, i) => {
      // SE of a sample standard deviation of normals ≈ σ/√(2n)
      expect(Math.abs(Math.sqrt(variance(eps[i] as Float64Array)) - s)).toBeLessThan(K * s / Math.sqrt(2 * paths));
    });
    for (let i = 0; i < 5; i++) {
      for (let j = i + 1; j < 5; j++) {
        const rho = (spec.correlation[i] as number[])[j] as number;
        // SE of a sample correlation ≈ (1 − ρ²)/√n
        expect(Math.abs(correlation(eps[i] as Float64Array, eps[j] as Float64Array) - rho)).toBeLessThan(K * (1 - rho * rho) / Math.sqrt(paths));
      }
    }
  });
});

describe('simulateScenario against analytic quantiles of the first year', () => {
  const paths = 20_000;
  /** The q-quantile of c0 + c1·Z is c0 + |c1|·z_q (Z is symmetric); its sample SE is |c1|·√(q(1−q)/n)/φ(z_q). */
  const checkLinearInZ = (percentiles: Record<string, number[]>, c0: number, c1: number) => {
    for (const level of PERCENTILE_LEVELS) {
      const q = Number(level) / 100;
      const z = normalQuantile(q);
      const density = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      const se = (Math.abs(c1) * Math.sqrt((q * (1 - q)) / paths)) / density;
      expect(Math.abs((percentiles[level]?.[0] as number) - (c0 + Math.abs(c1) * z))).toBeLessThan(K * se);
    }
  };

  // One shocked driver at a time (σ = 0.02, φ = 0.5; φ does not matter in year 1, d₁ = ε₁), 2026 only.
  // The year-end balance is linear in Z: B₁ = c0 + c1·Z, with c0 the deterministic balance and c1 the
  // derivative of B₁ with respect to the driver's growth, times σ:
  const sigma = 0.02;
  const e = { ...INTERFACES_EMPLOYEE, horizonYears: 1 } as EmployeeScenario;
  const eo = e.opening;
  const A1 = eo.activeMembers, R1 = eo.retirees * 1.04, W1 = eo.avgMonthlyWageYuan * 1.05;
  const cA1 = eo.costPerActiveYuan * 1.03 * 1.02, cR1 = eo.costPerRetireeYuan * 1.03 * 1.02;
  const perWageYuan = 12 * 0.06 * 0.97; // contribution per yuan of monthly wage and member
  const employeeSlopes = {
    wageGrowth: A1 * eo.avgMonthlyWageYuan * perWageYuan, // ∂/∂g_w of A₁·W₀(1 + g_w)·12pk
    activeGrowth: eo.activeMembers * (W1 * perWageYuan - cA1), // each extra member pays in and costs
    retireeGrowth: -eo.retirees * cR1,
    medicalInflation: -(A1 * eo.costPerActiveYuan + R1 * eo.costPerRetireeYuan) * 1.02,
    utilisationGrowth: -(A1 * eo.costPerActiveYuan + R1 * eo.costPerRetireeYuan) * 1.03,
  };
  const r = {
    ...RESIDENT, horizonYears: 1, assumptions: { ...RESIDENT.assumptions, insuredGrowth: -0.01, subsidyGrowthYuan: 30 },
  } as ResidentScenario;
  const ro = r.opening;
  const N1 = ro.insured * 0.99, perHeadIncome = (ro.premiumYuan + 20 + ro.subsidyPerHeadYuan + 30) * 0.99;
  const residentSlopes = {
    insuredGrowth: ro.insured * (perHeadIncome - ro.costPerHeadYuan * 1.03 * 1.02),
    medicalInflation: -N1 * ro.costPerHeadYuan * 1.02,
    utilisationGrowth: -N1 * ro.costPerHeadYuan * 1.03,
  };
  const cases = [
    ...Object.entries(employeeSlopes).map(([driver, slope]) => ({ scenario: e as EmployeeScenario | ResidentScenario, driver, slope })),
    ...Object.entries(residentSlopes).map(([driver, slope]) => ({ scenario: r as EmployeeScenario | ResidentScenario, driver, slope })),
  ];

  it.each(cases)('$scenario.scheme, $driver shocks only: percentiles of the 2026 balance are c0 + |c1|·z_q', ({ scenario, driver, slope }) => {
    const spec = { drivers: [driver], sigma: [sigma], phi: [0.5], correlation: [[1]] } as ShockSpec;
    const result = simulateScenario(scenario, { paths, seed: 5, shocks: spec });
    checkLinearInZ(result.percentiles.balance, referenceProjection(scenario)[0]?.balance as number, slope * sigma);
  });
});
