import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMonth, monthIndexToText, nextPeriod, parsePeriod } from '../../../models/core/period.ts';

const SEED = 20240601;
const notAPeriod = (text: string) => `not a period (expected YYYY or YYYY-MM): "${text}"`;

describe('parsePeriod', () => {
  it('reads canonical months and years (the char-code fast path)', () => {
    expect(parsePeriod('2024-02')).toEqual({ kind: 'month', year: 2024, month: 2, index: 24289, text: '2024-02' });
    expect(parsePeriod('2024')).toEqual({ kind: 'year', year: 2024, index: 2024, text: '2024' });
    expect(parsePeriod('1900-01')).toEqual({ kind: 'month', year: 1900, month: 1, index: 22800, text: '1900-01' });
    expect(parsePeriod('2200-12')).toMatchObject({ index: 2200 * 12 + 11, text: '2200-12' });
  });

  it('normalises the other spellings to YYYY-MM (the tolerant path)', () => {
    for (const text of ['2024-2', '2024/02', '2024/2', '202402', '2024年2月', '2024年02月', ' 2024-02 ', '2024-02\n']) {
      expect(parsePeriod(text)).toEqual({ kind: 'month', year: 2024, month: 2, index: 24289, text: '2024-02' });
    }
    expect(parsePeriod(' 2024 ')).toEqual({ kind: 'year', year: 2024, index: 2024, text: '2024' });
    expect(parsePeriod('2024-')).toEqual({ kind: 'year', year: 2024, index: 2024, text: '2024' });
    expect(parsePeriod('2024年')).toEqual({ kind: 'year', year: 2024, index: 2024, text: '2024' });
  });

  it.each(['2024-13', '2024-00', '1899-12', '2201-01', '1899', '2201', '0999', '2024-012', '20245', 'abcd', '２０２４', '', '2024-0a', '2024_01'])(
    'refuses %j with the exact message',
    (text) => {
      expect(() => parsePeriod(text)).toThrow(notAPeriod(text));
    },
  );

  it('gives the same period for a month written canonically and as YYYY/M', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2200 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
      const canonical = parsePeriod(formatMonth(year, month));
      expect(parsePeriod(`${year}/${month}`)).toEqual(canonical);
      expect(canonical).toEqual({ kind: 'month', year, month, index: year * 12 + month - 1, text: formatMonth(year, month) });
      expect(monthIndexToText(canonical.index)).toBe(canonical.text);
    }), { seed: SEED, numRuns: 300 });
  });

  it('steps to the next month across a year end and to the next year', () => {
    expect(nextPeriod(parsePeriod('2023-12'))).toBe('2024-01');
    expect(nextPeriod(parsePeriod('2023'))).toBe('2024');
  });
});
