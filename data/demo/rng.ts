/**
 * A small seeded pseudo-random generator for the synthetic demo data (never `Math.random`).
 * mulberry32 (Tommy Ettinger, public domain) draws the numbers; seeds of the named sub-streams
 * are mixed with FNV-1a + splitmix32 so that each region, fund and table has its own stream and
 * changing one part of the generator does not shift the numbers of another. Only integer
 * operations and `+ − × ÷` are used (no transcendental functions), so output is the same on every run.
 */

export interface Rng {
  /** Uniform on [0, 1). */
  next(): number;
  /** Uniform on [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** Uniform integer on [lo, hi] inclusive. */
  int(lo: number, hi: number): number;
  /** Standard normal, approximated by the Irwin–Hall sum of 12 uniforms − 6 (|z| ≤ 6). */
  normal(): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One element drawn with the given non-negative weights. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
}

/** FNV-1a 32-bit hash of a label, to name sub-streams. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** splitmix32 finaliser: spreads a seed over all 32 bits. */
function mix32(x: number): number {
  let z = (x + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** A mulberry32 generator for `seed`, or for the sub-stream `label` of `seed`. */
export function createRng(seed: number, label = ''): Rng {
  let state = mix32((seed >>> 0) ^ fnv1a(label));
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    normal: () => {
      let s = 0;
      for (let i = 0; i < 12; i++) s += next();
      return s - 6;
    },
    chance: (p) => next() < p,
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    weighted: (items, weights) => {
      const total = weights.reduce((a, b) => a + b, 0);
      let u = next() * total;
      for (let i = 0; i < items.length; i++) {
        u -= weights[i] ?? 0;
        const item = items[i];
        if (u < 0 && item !== undefined) return item;
      }
      const last = items[items.length - 1];
      if (last === undefined) throw new Error('weighted pick from an empty list');
      return last;
    },
  };
  return rng;
}
