/**
 * A seeded pseudo-random generator for models (models never call Math.random): xoshiro128**
 * (Blackman & Vigna 2018) seeded through splitmix32, with standard normals by the polar
 * Box–Muller method. Same seed → same sequence on every platform.
 * @see D. Blackman, S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021.
 * @example createRng(42).uniform() // => a number in [0, 1), the same for every run with seed 42
 */
export interface Rng {
  /** Uniform on [0, 1) with 32 random bits. */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /**
   * Fills `out` with the next `out.length` raw 32-bit outputs of the same stream `uniform` reads
   * (`uniform() = output / 2³²`), with the state in locals: hot loops draw blocks this way at
   * several times the speed of one call per number.
   */
  fillUint32(out: Uint32Array): void;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new Error(`rng seed must be a finite number, got ${seed}`);
  const init = splitmix32(Math.trunc(seed));
  let a = init(), b = init(), c = init(), d = init();
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a; d ^= b; b ^= c; a ^= d; c ^= t; d = rotl(d, 11);
    return result;
  };
  let spare: number | undefined;
  return {
    uniform: () => next() / 4294967296,
    fillUint32: (out) => {
      let s0 = a, s1 = b, s2 = c, s3 = d;
      for (let i = 0; i < out.length; i++) {
        out[i] = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
        const t = s1 << 9;
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
      }
      a = s0; b = s1; c = s2; d = s3;
    },
    normal: () => {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      let u: number, v: number, r: number;
      do {
        u = 2 * (next() / 4294967296) - 1;
        v = 2 * (next() / 4294967296) - 1;
        r = u * u + v * v;
      } while (r >= 1 || r === 0);
      const f = Math.sqrt((-2 * Math.log(r)) / r);
      spare = v * f;
      return u * f;
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
