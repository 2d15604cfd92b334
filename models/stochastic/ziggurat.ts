/**
 * Standard normal deviates by the ziggurat method, from the uniforms of a seeded `createRng`: the
 * Monte Carlo's hot loop draws N × years × K normals, and this takes one uniform per normal where
 * the polar method of `Rng.normal` takes 1.27 uniforms, a logarithm and a square root per pair.
 *
 * The N(0, 1) density under x ≥ 0 is covered by 128 stacked layers of equal area v: 127 rectangles
 * [0, x_i] × [f(x_{i+1}), f(x_i)] and a base layer that holds the tail x > r. A draw takes 32 bits j
 * (signed), the layer i = j mod 128 and x = j·w_i:
 * $$ |j| < k_i \Rightarrow \text{return } x;\quad i = 0:\ \text{tail};\quad
 *    \text{else return } x \text{ if } f_i + U (f_{i-1} - f_i) < e^{-x^2/2},\ \text{else draw again} $$
 * plain: most draws (98.8 %) fall inside a rectangle and are returned at once; near a layer's edge a
 * second uniform U decides under the curve (f_i = e^{−x_i²/2}); the tail beyond r = 3.442619855899
 * is sampled by Marsaglia's exponential method (x = −ln U₁ / r, y = −ln U₂, accepted when 2y > x²).
 * Tables follow Marsaglia & Tsang with r and v = 9.91256303526217e-3 for 128 layers.
 * Exact in distribution up to the 32-bit input: a layer's values lie on a grid of x_i / 2²⁴ (the
 * low 7 bits of j pick the layer), a discreteness of 6e-8 relative, far below Monte Carlo error.
 * Uniforms are consumed in order: one per normal, one more on an edge test, two per tail attempt.
 *
 * @see G. Marsaglia, W. W. Tsang, "The ziggurat method for generating random variables", Journal of
 *   Statistical Software 5(8), 2000; J. A. Doornik, "An improved ziggurat method to generate normal
 *   random samples", University of Oxford, 2005 (on reusing the layer bits; here the generator is
 *   xoshiro128**, not the shift-register generator of the original).
 * @example const z = new Float64Array(3); fillStandardNormals(createRng(1), z); // z holds 3 N(0, 1) deviates, the same for every run
 */
import type { Rng } from '../core/rng.ts';

const LAYERS = 128;
const R = 3.442619855899;
const AREA = 9.91256303526217e-3;
const TWO_POW_31 = 2147483648;
const TWO_POW_32 = 4294967296;

/** k_i: acceptance bound of |j| in layer i; w_i: scale from j to x; f_i = e^{−x_i²/2} (Marsaglia & Tsang's setup). */
const k = new Float64Array(LAYERS);
const w = new Float64Array(LAYERS);
const f = new Float64Array(LAYERS);
{
  let dn = R;
  let tn = dn;
  const q = AREA / Math.exp(-0.5 * dn * dn);
  k[0] = (dn / q) * TWO_POW_31;
  k[1] = 0;
  w[0] = q / TWO_POW_31;
  w[LAYERS - 1] = dn / TWO_POW_31;
  f[0] = 1;
  f[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(AREA / dn + Math.exp(-0.5 * dn * dn)));
    k[i + 1] = (dn / tn) * TWO_POW_31;
    tn = dn;
    f[i] = Math.exp(-0.5 * dn * dn);
    w[i] = dn / TWO_POW_31;
  }
}

/**
 * The rng's 32-bit outputs drawn in blocks (Rng.fillUint32) and read in order: the same numbers a
 * call per uniform would give, at a fraction of the cost. What is left of the last block when a
 * fill ends is not used again.
 */
function blockSource(rng: Rng, expected: number) {
  const block = new Uint32Array(Math.min(Math.max(64, Math.ceil(expected * 1.05) + 16), 1 << 16));
  let pos = block.length;
  return (): number => {
    if (pos === block.length) {
      rng.fillUint32(block);
      pos = 0;
    }
    return block[pos++] as number;
  };
}

/** One N(0, 1) deviate beyond ±r, the sign of j: Marsaglia's exponential rejection for the tail. */
function tail(next: () => number, j: number): number {
  let x: number, y: number;
  do {
    x = -Math.log(1 - next() / TWO_POW_32) / R;
    y = -Math.log(1 - next() / TWO_POW_32);
  } while (y + y < x * x);
  return j > 0 ? R + x : -R - x;
}

/** Fills out[0 … count − 1] with independent N(0, 1) deviates from `rng`'s 32-bit outputs, in index order. */
export function fillStandardNormals(rng: Rng, out: Float64Array, count = out.length): void {
  const next = blockSource(rng, count);
  for (let n = 0; n < count; n++) {
    for (;;) {
      // `| 0` reads the 32 bits as a signed integer: its sign and magnitude, and its low 7 bits pick the layer
      const j = next() | 0;
      const i = j & (LAYERS - 1);
      const x = j * (w[i] as number);
      if (Math.abs(j) < (k[i] as number)) {
        out[n] = x;
        break;
      }
      if (i === 0) {
        out[n] = tail(next, j);
        break;
      }
      if ((f[i] as number) + (next() / TWO_POW_32) * ((f[i - 1] as number) - (f[i] as number)) < Math.exp(-0.5 * x * x)) {
        out[n] = x;
        break;
      }
    }
  }
}
