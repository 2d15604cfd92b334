import { describe, expect, it } from 'vitest';
import { createRng } from '../../../models/core/rng.ts';

describe('createRng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createRng(42), b = createRng(42), c = createRng(43);
    const xs = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('fills blocks with the very numbers uniform() reads, and continues the stream after them', () => {
    const one = createRng(2026);
    const block = createRng(2026);
    const raw = new Uint32Array(1000);
    block.fillUint32(raw);
    for (let i = 0; i < raw.length; i++) expect(one.uniform()).toBe((raw[i] as number) / 2 ** 32);
    expect(block.uniform()).toBe(one.uniform());
  });

  it('refuses a seed that is not a finite number', () => {
    expect(() => createRng(Number.NaN)).toThrow('rng seed must be a finite number, got NaN');
  });
});
