/** Sorting of the allocation table outside antd (client/src/features/budget/allocation-sort.ts). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gatherLines, nextSort, SORT_KEYS, sortedIndices, sortKeys, sortLines, type LineSort, type SortKey } from '../../client/src/features/budget/allocation-sort.ts';
import type { QuotaLine } from '../../client/src/features/budget/types.ts';

const line = (over: Partial<QuotaLine>): QuotaLine => ({
  institutionId: 1, code: 'H1', name: '甲市第一医院', type: 'hospital', level: 3, regionName: '甲市', status: 'active', source: 'computed',
  quotaYuan: 100, unallocatedYuan: 0, baseYuan: 100, rawYuan: 100, lastPaidYuan: 90, changeOnLastYear: 0.1, assessmentScore: 85, assessmentFactor: 1,
  creditRating: 'B', creditFactor: 1, coefficient: 1, deductionYuan: 0, pendingDeductionYuan: 0, adjusted: false, ...over,
});

const lines = [
  line({ institutionId: 1, code: 'H10', name: '乙市医院', quotaYuan: 300, changeOnLastYear: null, creditRating: null, deductionYuan: 5 }),
  line({ institutionId: 2, code: 'H2', name: '甲市医院', quotaYuan: 100, changeOnLastYear: -0.2, creditRating: 'A', pendingDeductionYuan: 60_000 }),
  line({ institutionId: 3, code: 'H1', name: '乙市医院', quotaYuan: 300, changeOnLastYear: 0.05, creditRating: 'C' }),
  line({ institutionId: 4, code: 'P1', name: '丙市药房', quotaYuan: 50, changeOnLastYear: null, creditRating: 'A', deductionYuan: 10, pendingDeductionYuan: 1 }),
];
const ids = (ls: readonly QuotaLine[]) => ls.map((l) => l.institutionId);
const sorted = (key: SortKey, order: 'ascend' | 'descend') => ids(sortLines(lines, { key, order }, new Map()));

describe('sortKeys', () => {
  it('reads the number of a figure column, NaN where there is none', () => {
    expect([...sortKeys(lines, 'quota')]).toEqual([300, 100, 300, 50]);
    expect([...sortKeys(lines, 'change')]).toEqual([Number.NaN, -0.2, 0.05, Number.NaN]);
    // confirmed and pending deductions together
    expect([...sortKeys(lines, 'deduction')]).toEqual([5, 60_000, 0, 11]);
  });
  it('ranks texts in their collation: codes with digit runs as numbers, equal texts on one rank', () => {
    expect([...sortKeys(lines, 'code')]).toEqual([2, 1, 0, 3]);
    const names = sortKeys(lines, 'name');
    expect(names[0]).toBe(names[2]);
    expect([...sortKeys(lines, 'credit')]).toEqual([Number.NaN, 0, 1, 0]);
  });
});

describe('sortedIndices', () => {
  it('sorts either way with missing keys last and ties in their original order', () => {
    expect([...sortedIndices(Float64Array.of(3, Number.NaN, 1, 3), 'descend')]).toEqual([0, 3, 2, 1]);
    expect([...sortedIndices(Float64Array.of(3, Number.NaN, 1, 3), 'ascend')]).toEqual([2, 0, 3, 1]);
    expect([...sortedIndices(new Float64Array(0), 'ascend')]).toEqual([]);
  });
  it('agrees with a stable reference sort on any keys', () => {
    const key = fc.oneof(fc.constant(Number.NaN), fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(fc.property(fc.array(key, { maxLength: 60 }), fc.constantFrom('ascend' as const, 'descend' as const), (keys, order) => {
      const sign = order === 'ascend' ? 1 : -1;
      // Array.prototype.sort is stable (ES2019), so equal keys keep their index order
      const reference = keys.map((_, i) => i).sort((i, j) => {
        const a = keys[i] as number;
        const b = keys[j] as number;
        if (Number.isNaN(a) || Number.isNaN(b)) return Number(Number.isNaN(a)) - Number(Number.isNaN(b));
        return a === b ? 0 : (a < b ? -1 : 1) * sign;
      });
      expect([...sortedIndices(Float64Array.from(keys), order)]).toEqual(reference);
    }));
  });
});

describe('sortLines', () => {
  it('orders the lines by each column, nulls last both ways', () => {
    expect(sorted('quota', 'ascend')).toEqual([4, 2, 1, 3]);
    expect(sorted('quota', 'descend')).toEqual([1, 3, 2, 4]);
    expect(sorted('change', 'ascend')).toEqual([2, 3, 1, 4]);
    expect(sorted('change', 'descend')).toEqual([3, 2, 1, 4]);
    expect(sorted('code', 'ascend')).toEqual([3, 2, 1, 4]);
    expect(sorted('credit', 'descend')).toEqual([3, 2, 4, 1]);
    expect(sorted('deduction', 'descend')).toEqual([2, 4, 1, 3]);
  });
  it('keeps the given order without a sort, and reuses the key array of a column', () => {
    const cache = new Map<SortKey, Float64Array>();
    expect(sortLines(lines, null, cache)).toBe(lines);
    sortLines(lines, { key: 'quota', order: 'ascend' }, cache);
    const keys = cache.get('quota');
    sortLines(lines, { key: 'quota', order: 'descend' }, cache);
    expect(cache.get('quota')).toBe(keys);
    expect([...cache.keys()]).toEqual(['quota']);
  });
  it('returns a permutation of the lines for every column and order', () => {
    for (const key of SORT_KEYS) {
      for (const order of ['ascend', 'descend'] as const) expect(sorted(key, order).toSorted()).toEqual([1, 2, 3, 4]);
    }
  });
});

describe('gatherLines', () => {
  it('picks the lines in index order', () => {
    expect(ids(gatherLines(lines, Uint32Array.of(3, 0)))).toEqual([4, 1]);
  });
});

describe('nextSort', () => {
  it('cycles a column through ascending, descending and the original order; another column starts ascending', () => {
    let s: LineSort = null;
    const seen: LineSort[] = [];
    for (let i = 0; i < 4; i++) seen.push(s = nextSort(s, 'quota'));
    expect(seen).toEqual([{ key: 'quota', order: 'ascend' }, { key: 'quota', order: 'descend' }, null, { key: 'quota', order: 'ascend' }]);
    expect(nextSort({ key: 'quota', order: 'descend' }, 'name')).toEqual({ key: 'name', order: 'ascend' });
  });
});
