/** The tier bands behind the payable-months chart follow the thresholds from the API. */
import { describe, expect, it } from 'vitest';
import { bandEdges } from '../../client/src/components/charts/tier-bands.ts';

const NATIONAL = { redBelow: 3, orangeBelow: 6, greenUpTo: 9, blueUpTo: 15 };

describe('bandEdges', () => {
  it('cuts the axis at the thresholds, in tier order, with no gaps', () => {
    const { min, max, bands } = bandEdges([4, 8, 12], NATIONAL);
    expect(min).toBe(0);
    expect(max).toBe(19); // ceil(15 × 1.25)
    expect(bands.map((b) => b.tier)).toEqual(['red', 'orange', 'green', 'blue', 'purple']);
    expect(bands.map((b) => [b.y1, b.y2])).toEqual([[0, 3], [3, 6], [6, 9], [9, 15], [15, 19]]);
    for (let i = 1; i < bands.length; i++) expect(bands[i]?.y1).toBe(bands[i - 1]?.y2);
  });
  it('extends the red band below zero and the purple band above the highest value', () => {
    const { min, max, bands } = bandEdges([-2.5, null, 40], NATIONAL);
    expect(min).toBe(-3);
    expect(max).toBe(42); // ceil(40 × 1.05)
    expect(bands[0]).toEqual({ tier: 'red', y1: -3, y2: 3 });
    expect(bands[4]).toEqual({ tier: 'purple', y1: 15, y2: 42 });
  });
  it('uses regional thresholds as given', () => {
    const { bands } = bandEdges([], { redBelow: 2, orangeBelow: 4.5, greenUpTo: 10, blueUpTo: 18 });
    expect(bands.map((b) => [b.y1, b.y2])).toEqual([[0, 2], [2, 4.5], [4.5, 10], [10, 18], [18, 23]]);
  });
});
