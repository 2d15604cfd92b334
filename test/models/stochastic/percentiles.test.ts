import fc from 'fast-check';
import { quantileSorted } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { createPercentileRecorder, PERCENTILE_LEVELS, quantileSortedColumn } from '../../../models/stochastic/percentiles.ts';

describe('percentiles of a Monte Carlo column', () => {
  it('hand-worked type-7 values', () => {
    // n = 4, p = 0.5: h = 1.5 → 2 + 0.5 × (3 − 2); p = 0.1: h = 0.3 → 1 + 0.3 × 1
    expect(quantileSortedColumn(Float64Array.of(1, 2, 3, 4), 0.5)).toBe(2.5);
    expect(quantileSortedColumn(Float64Array.of(1, 2, 3, 4), 0.1)).toBeCloseTo(1.3, 15);
    expect(quantileSortedColumn(Float64Array.of(7), 0.975)).toBe(7);
    const r = createPercentileRecorder(5, 1);
    r.record(Float64Array.of(50, 10, 40, 20, 30), 0);
    // n = 5: h = 4p → 2.5 %: 10 + 0.1 × 10 = 11; 50 %: 30; 97.5 %: 40 + 0.9 × 10 = 49
    expect(r.table['2.5'][0]).toBeCloseTo(11, 12);
    expect(r.table['50'][0]).toBe(30);
    expect(r.table['97.5'][0]).toBeCloseTo(49, 12);
  });

  it('selection gives exactly simple-statistics quantileSorted on the sorted values, year after year (random columns with ties)', () => {
    const value = fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: -3, max: 3 }));
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 400 }).chain((n) => fc.array(fc.array(value, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 4 })),
      (years) => {
        const recorder = createPercentileRecorder((years[0] as number[]).length, years.length);
        years.forEach((values, t) => {
          const input = Float64Array.from(values);
          recorder.record(input, t);
          expect(Array.from(input)).toEqual(values); // the values are not touched
          const sorted = [...values].sort((a, b) => a - b);
          for (const level of PERCENTILE_LEVELS) {
            // `+ 0` folds −0 into 0: the two zeros tie in any order
            expect((recorder.table[level][t] as number) + 0).toBe(quantileSorted(sorted, Number(level) / 100) + 0);
          }
        });
      },
    ), { numRuns: 300 });
  });

  it('handles the sizes of the benchmark (1k, 5k, 20k) on sorted, reversed and constant columns', () => {
    for (const n of [1000, 5000, 20_000]) {
      const ascending = Float64Array.from({ length: n }, (_, i) => i);
      for (const column of [ascending.slice(), ascending.slice().reverse(), new Float64Array(n).fill(2)]) {
        const sorted = Array.from(column).sort((a, b) => a - b);
        const recorder = createPercentileRecorder(n, 1);
        recorder.record(column, 0);
        for (const level of PERCENTILE_LEVELS) expect(recorder.table[level][0]).toBe(quantileSorted(sorted, Number(level) / 100));
      }
    }
  });
});
