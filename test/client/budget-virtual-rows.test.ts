/** The rows the allocation table draws for a scroll offset (client/src/features/budget/virtual-rows.ts). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { visibleRange } from '../../client/src/features/budget/virtual-rows.ts';

describe('visibleRange', () => {
  it('draws the rows under the viewport and the overscan either side', () => {
    // rows 10..23 are under a 560 px viewport scrolled 400 px with 40 px rows; 2 more each side
    expect(visibleRange(400, 560, 40, 10_000, 2)).toEqual({ start: 8, end: 26 });
    expect(visibleRange(0, 560, 39, 10_000, 12)).toEqual({ start: 0, end: 27 });
  });
  it('clamps to the rows there are', () => {
    expect(visibleRange(0, 560, 39, 5, 12)).toEqual({ start: 0, end: 5 });
    expect(visibleRange(0, 560, 39, 0, 12)).toEqual({ start: 0, end: 0 });
    // a list that shrank under a scrolled body: the last rows, not an empty range
    expect(visibleRange(390_000, 560, 39, 100, 12)).toEqual({ start: 87, end: 100 });
    expect(visibleRange(-50, 560, 39, 100, 0)).toEqual({ start: 0, end: 15 });
  });
  it('covers every row that intersects the viewport, and not many more', () => {
    fc.assert(fc.property(fc.nat(500_000), fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 100 }), fc.nat(20_000), fc.nat(20),
      (scrollTop, viewportPx, rowPx, count, overscan) => {
        const { start, end } = visibleRange(scrollTop, viewportPx, rowPx, count, overscan);
        expect(0 <= start && start <= end && end <= count).toBe(true);
        for (let i = Math.floor(scrollTop / rowPx); i * rowPx < scrollTop + viewportPx && i < count; i++) {
          expect(i >= start && i < end).toBe(true);
        }
        expect(end - start).toBeLessThanOrEqual(Math.ceil(viewportPx / rowPx) + 1 + 2 * overscan);
      }));
  });
});
