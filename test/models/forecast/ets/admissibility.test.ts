import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../models/core/rng.ts';
import { seasonalAdmissible, structuredSchurCohn, withinUsualBounds } from '../../../../models/forecast/ets/admissibility.ts';

/** Root moduli of c_0 + c_1 z + … + z^d (monic) by Durand–Kerner iteration. */
function rootModuli(c: readonly number[]): number[] {
  const d = c.length - 1;
  const re = Array.from({ length: d }, (_, k) => Math.cos(0.4 + (2 * Math.PI * k) / d));
  const im = Array.from({ length: d }, (_, k) => Math.sin(0.4 + (2 * Math.PI * k) / d));
  for (let iter = 0; iter < 500; iter++) {
    for (let k = 0; k < d; k++) {
      // p(z_k) by Horner, divided by Π_{j≠k}(z_k − z_j).
      let pr = 1;
      let pi = 0;
      for (let i = d - 1; i >= 0; i--) {
        const nr = pr * (re[k] as number) - pi * (im[k] as number) + (c[i] as number);
        pi = pr * (im[k] as number) + pi * (re[k] as number);
        pr = nr;
      }
      let qr = 1;
      let qi = 0;
      for (let j = 0; j < d; j++) {
        if (j === k) continue;
        const dr = (re[k] as number) - (re[j] as number);
        const di = (im[k] as number) - (im[j] as number);
        const nr = qr * dr - qi * di;
        qi = qr * di + qi * dr;
        qr = nr;
      }
      const den = qr * qr + qi * qi;
      re[k] = (re[k] as number) - (pr * qr + pi * qi) / den;
      im[k] = (im[k] as number) - (pi * qr - pr * qi) / den;
    }
  }
  return re.map((r, k) => Math.hypot(r, im[k] as number));
}

/** R's forecast:::admissible for a seasonal form (easy tests, then polyroot). */
function admissibleReference(alpha: number, beta: number, gamma: number, phi: number, m: number): { ok: boolean; margin: number } {
  if (phi < 0 || phi > 1 + 1e-8) return { ok: false, margin: Infinity };
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return { ok: false, margin: Infinity };
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return { ok: false, margin: Infinity };
  if (beta < -(1 - phi) * (gamma / m + alpha)) return { ok: false, margin: Infinity };
  const c = [phi * (1 - alpha - gamma), alpha + beta - alpha * phi + gamma - 1, ...Array<number>(m - 2).fill(alpha + beta - alpha * phi), alpha + beta - phi, 1];
  const moduli = rootModuli(c);
  if (beta === 0 && phi === 1) {
    // P(1) = 0 for trendless forms; R accepts that root through its 1e−10 tolerance.
    const one = moduli.reduce((best, r, i) => (Math.abs(r - 1) < Math.abs((moduli[best] as number) - 1) ? i : best), 0);
    moduli.splice(one, 1);
  }
  const r = Math.max(...moduli);
  return { ok: r <= 1 + 1e-10, margin: Math.abs(r - 1) };
}

describe('structuredSchurCohn', () => {
  it('accepts (z − 0.5)(z + 0.9) and rejects (z − 1.1)(z − 0.2) and (z + 1.05)(z − 0.3)', () => {
    // Degree 2 is [A, C, 1]: z² + Cz + A.
    expect(structuredSchurCohn(2, -0.45, Number.NaN, Number.NaN, 0.4)).toBe(true);
    expect(structuredSchurCohn(2, 0.22, Number.NaN, Number.NaN, -1.3)).toBe(false);
    expect(structuredSchurCohn(2, -0.315, Number.NaN, Number.NaN, 0.75)).toBe(false);
  });

  it('handles the [A, B, C, 1] cubic: (z − 0.5)(z + 0.5)(z − 0.9) in, (z − 0.5)(z + 0.5)(z − 1.2) out', () => {
    expect(structuredSchurCohn(3, 0.225, -0.25, Number.NaN, -0.9)).toBe(true);
    expect(structuredSchurCohn(3, 0.3, -0.25, Number.NaN, -1.2)).toBe(false);
  });
});

describe('seasonalAdmissible', () => {
  it("agrees with R's admissible() (easy tests + polyroot) on 600 random parameter sets", () => {
    const rng = createRng(20240601);
    let checked = 0;
    let rejected = 0;
    for (let i = 0; i < 600; i++) {
      const m = [2, 4, 12][i % 3] as number;
      // Wider than the usual region so that both answers occur; every fourth set is trendless.
      const trendless = i % 4 === 0;
      const alpha = 1.2 * rng.uniform();
      const beta = trendless ? 0 : 0.6 * rng.uniform() - 0.05;
      const gamma = 1.3 * rng.uniform() - 0.05;
      const phi = trendless ? 1 : 0.75 + 0.25 * rng.uniform();
      const ref = admissibleReference(alpha, beta, gamma, phi, m);
      if (ref.margin < 1e-6) continue; // too close to the boundary for the iterative reference
      expect(seasonalAdmissible(alpha, beta, gamma, phi, m), `α=${alpha} β=${beta} γ=${gamma} φ=${phi} m=${m}`).toBe(ref.ok);
      checked++;
      if (!ref.ok) rejected++;
    }
    expect(checked).toBeGreaterThan(550);
    expect(rejected).toBeGreaterThan(50);
    expect(checked - rejected).toBeGreaterThan(50);
  });
});

describe('withinUsualBounds', () => {
  const all = { beta: true, gamma: true, phi: true };
  it('enforces 1e−4 ≤ α ≤ 0.9999, β ≤ α, γ ≤ 1 − α and 0.8 ≤ φ ≤ 0.98', () => {
    expect(withinUsualBounds(all, 0.5, 0.1, 0.2, 0.9)).toBe(true);
    expect(withinUsualBounds(all, 0.5, 0.6, 0.2, 0.9)).toBe(false);
    expect(withinUsualBounds(all, 0.5, 0.1, 0.6, 0.9)).toBe(false);
    expect(withinUsualBounds(all, 0.5, 0.1, 0.2, 0.99)).toBe(false);
    expect(withinUsualBounds(all, 0.00005, 0.00001, 0.2, 0.9)).toBe(false);
    expect(withinUsualBounds({ beta: false, gamma: false, phi: false }, 0.5, 7, 7, 7)).toBe(true);
  });
});
