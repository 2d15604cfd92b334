/** Search and filters of the allocation table (client/src/features/budget/allocation-rows.ts). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { filterLines, LINE_FILTERS } from '../../client/src/features/budget/allocation-rows.ts';
import type { QuotaLine } from '../../client/src/features/budget/types.ts';

const line = (over: Partial<QuotaLine>): QuotaLine => ({
  institutionId: 1, code: 'H1', name: '甲市第一医院', type: 'hospital', level: 3, regionName: '甲市', status: 'active', source: 'computed',
  quotaYuan: 100, unallocatedYuan: 0, baseYuan: 100, rawYuan: 100, lastPaidYuan: 90, changeOnLastYear: 0.1, assessmentScore: 85, assessmentFactor: 1,
  creditRating: 'B', creditFactor: 1, coefficient: 1, deductionYuan: 0, pendingDeductionYuan: 0, adjusted: false, ...over,
});

const lines = [
  line({ institutionId: 1, code: 'DEMO01-H001', name: '东川市第一人民医院' }),
  line({ institutionId: 2, code: 'DEMO01-P002', name: '东川市大药房', adjusted: true, deductionYuan: 10 }),
  line({ institutionId: 3, code: 'DEMO01-H003', name: '东川市中医院', pendingDeductionYuan: 60_000 }),
  line({ institutionId: 4, code: 'DEMO01-N004', name: '东川市新医院', source: 'needs_manual', baseYuan: null }),
  line({ institutionId: 5, code: 'DEMO01-T005', name: '东川市解除医院', status: 'terminated', source: 'terminated' }),
  line({ institutionId: 6, code: 'DEMO01-S006', name: '东川市中止诊所', status: 'suspended' }),
];
const ids = (ls: QuotaLine[]) => ls.map((l) => l.institutionId);

describe('filterLines', () => {
  it('matches code or name, ignoring case and surrounding spaces', () => {
    expect(ids(filterLines(lines, '  demo01-h00 ', 'all'))).toEqual([1, 3]);
    expect(ids(filterLines(lines, '药房', 'all'))).toEqual([2]);
    expect(ids(filterLines(lines, '', 'all'))).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('keeps the lines of each filter', () => {
    expect(ids(filterLines(lines, '', 'adjusted'))).toEqual([2]);
    expect(ids(filterLines(lines, '', 'deduction'))).toEqual([2]);
    expect(ids(filterLines(lines, '', 'pending'))).toEqual([3]);
    expect(ids(filterLines(lines, '', 'needs_manual'))).toEqual([4]);
    expect(ids(filterLines(lines, '', 'terminated'))).toEqual([5]);
    expect(ids(filterLines(lines, '', 'suspended'))).toEqual([6]);
    expect(ids(filterLines(lines, '医院', 'terminated'))).toEqual([5]);
  });
  it('returns a subset in the original order for any search and filter', () => {
    fc.assert(fc.property(fc.string({ maxLength: 4 }), fc.constantFrom(...LINE_FILTERS), (search, filter) => {
      const out = ids(filterLines(lines, search, filter));
      expect(out).toEqual([...out].sort((a, b) => a - b));
      expect(out.every((id) => ids(lines).includes(id))).toBe(true);
    }));
  });
});
