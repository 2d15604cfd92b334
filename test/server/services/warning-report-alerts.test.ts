/**
 * The line allotment of the risk report's alert rows (warning-report-alerts.ts `reasonLines`): each
 * row gets what its reason needs, never fewer than its floor, and the rows together at most 20 lines.
 * Estimates: a CJK character 10 px, any other 5.8 px, in a 280 px column.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { reasonLines } from '../../../server/services/warning-report-alerts.ts';

const cjk = (n: number) => '预'.repeat(n);
const latin = (n: number) => 'a'.repeat(n);

describe('reasonLines', () => {
  it('gives each reason the lines it needs when they fit: 84 CJK characters = 840 px → 3 lines; 100 Latin = 580 px → 3', () => {
    expect(reasonLines([cjk(84), latin(100), cjk(28), cjk(29)], [2, 2, 2, 2])).toEqual([3, 3, 2, 2]);
    // 28 characters fill one line exactly; 29 need two (raised to the floor of 2 either way); a floor of 4 holds
    expect(reasonLines([cjk(28), cjk(29), ''], [1, 1, 4])).toEqual([1, 2, 4]);
  });

  it('takes lines from the longest reasons first until 20 lines in all, never below a floor', () => {
    // needs 12, 8, 2, 2, 2 = 26: six lines come off the longest row at each step (12 → 8, then both down to 7)
    expect(reasonLines([cjk(28 * 12), cjk(28 * 8), '', '', ''], [2, 2, 2, 2, 2])).toEqual([7, 7, 2, 2, 2]);
    expect(reasonLines(Array.from({ length: 5 }, () => cjk(500)), [4, 4, 4, 4, 4])).toEqual([4, 4, 4, 4, 4]);
  });

  it('property: at most 20 lines for up to five rows with floors of 2 or 4; each row at least its floor; no cut when all fit', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ text: fc.string({ maxLength: 400 }), floor: fc.constantFrom(2, 4) }), { maxLength: 5 }),
      (rows) => {
        const lines = reasonLines(rows.map((r) => r.text), rows.map((r) => r.floor));
        const needs = reasonLines(rows.map((r) => r.text), rows.map(() => 1)).map((n, i) => Math.max(n, (rows[i] as { floor: number }).floor));
        expect(lines.reduce((s, n) => s + n, 0)).toBeLessThanOrEqual(20);
        lines.forEach((n, i) => expect(n).toBeGreaterThanOrEqual((rows[i] as { floor: number }).floor));
        if (needs.reduce((s, n) => s + n, 0) <= 20) expect(lines).toEqual(needs);
      },
    ));
  });
});
