import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { gt } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fundRecords, funds } from '../../../server/db/schema.ts';
import { parseAmountToFen, type MoneyUnit } from '../../../models/core/money.ts';
import { forEachCsvRecord, parseCsvRecords } from '../../../server/importer/csv-records.ts';
import { amountToFen } from '../../../server/importer/fast-amount.ts';
import { importTable, IMPORT_KINDS } from '../../../server/importer/import-table.ts';
import type { RawTable } from '../../../server/importer/read-table.ts';
import { counts, makeDb, run, VINTAGE } from './helpers.ts';

const SEED = 20260115;
const unitArb = fc.constantFrom<MoneyUnit>('yuan', 'wan', 'yi');

function outcome(f: () => number): number | string {
  try {
    return f();
  } catch (err) {
    return `throws ${(err as Error).message.startsWith('amount too large') ? 'too large' : 'not a number'}`;
  }
}

describe('amountToFen', () => {
  it('agrees with parseAmountToFen on decimal-looking text', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: 18 });
    const text = fc.tuple(fc.constantFrom('', '-', '+', ' ', '--'), digits, fc.constantFrom('', '.', ','), digits, fc.constantFrom('', ' ', 'e5', '.1'))
      .map((parts) => parts.join(''));
    fc.assert(fc.property(text, unitArb, (t, unit) => {
      expect(outcome(() => amountToFen(t, unit))).toEqual(outcome(() => parseAmountToFen(t, unit)));
    }), { seed: SEED, numRuns: 3000 });
  });

  it('agrees with parseAmountToFen on any string', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), unitArb, (t, unit) => {
      expect(outcome(() => amountToFen(t, unit))).toEqual(outcome(() => parseAmountToFen(t, unit)));
    }), { seed: SEED, numRuns: 2000 });
  });
});

describe('csv records', () => {
  it('reads what csv-parse reads (or refuses what it refuses)', () => {
    const piece = fc.constantFrom('a', 'b c', ' x ', '"q"', '"a,b"', '"x""y"', ',', '\n', '\r\n', '', '1.5', '职工', '"', ' "s" ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
      const text = pieces.join('');
      let expected: unknown;
      try {
        expected = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: true });
      } catch {
        expected = 'error';
      }
      let actual: unknown;
      try {
        actual = parseCsvRecords(text);
      } catch {
        actual = 'error';
      }
      // csv-parse fixes its record delimiter on the first one it meets (a later lone \n or \r is
      // then data); this reader ends a record at any line break. Files do not mix them: skip those.
      const breaks = new Set(text.match(/\r\n|\r|\n/g) ?? []);
      if (breaks.size > 1) return;
      expect(actual).toEqual(expected);
    }), { seed: SEED, numRuns: 3000 });
  });

  it('stops when the visitor returns false', () => {
    expect(forEachCsvRecord('a\nb\nc\n', (f) => f[0] !== 'b')).toBe(2);
  });
});

const COLUMN_POOL = [
  'region_code', 'scheme', 'period', 'income', 'expenditure', 'balance', 'account', 'adjustment', 'adjustment_reason',
  'income_employer', 'expenditure_inpatient', 'active_members', 'caliber', 'vintage', 'avg_contribution_base',
  'code', 'name', 'level', 'parent_code', 'institution_code', 'type', 'region_code', 'schemes', 'year', 'payments',
  'budget', 'assessment_score', 'credit_rating', 'date', 'amount', 'count', 'nature', 'kind', 'status', '收入', 'junk', '',
];
const CELL_POOL = fc.oneof(
  fc.constantFrom('', '-', '—', 'R01', 'R02', 'P1', 'R99', 'employee', '居民', 'pooling', 'x', '2024-01', '2024-02', '2024', '2024-13',
    '0', '100', '-5', '1e9', '1,000.5', '99999999999999999999', '12.345', 'A', 'Z', '101', '50', 'city', '县', 'hospital', '药店',
    '三级', '2024-02-30', '2024-03-05', '一般', 'confirmed', 'H001', '"', "'=1+1"),
  fc.string({ maxLength: 6 }),
);

describe('garbage in', () => {
  it('never throws out of importTable, and writes nothing when the report has errors', async () => {
    const table = fc.record({
      header: fc.array(fc.constantFrom(...COLUMN_POOL), { minLength: 1, maxLength: 8 }),
      rows: fc.array(fc.array(CELL_POOL, { maxLength: 9 }), { maxLength: 8 }),
      kind: fc.constantFrom(...IMPORT_KINDS),
      unit: unitArb,
    });
    const db = await makeDb();
    await run(db, 'region_code,scheme,period,income,expenditure,balance\nR01,employee,2024-01,300,50,1250');
    await run(db, 'institution_code,name,type,region_code\nH001,第一医院,hospital,R01', { kind: 'institutions' });
    await fc.assert(fc.asyncProperty(table, async ({ header, rows, kind, unit }) => {
      const raw: RawTable = { fileName: 'garbage.csv', encoding: 'utf-8', header, rows, rowNumbers: rows.map((_, i) => i + 2) };
      const before = await counts(db);
      const report = await importTable(db, raw, { kind, unit, dryRun: false, vintage: VINTAGE });
      expect(report.errors.filter((e) => e.rule === 'internal_error' || e.rule === 'write_failed')).toEqual([]);
      if (!report.ok) {
        expect(await counts(db)).toEqual(before);
        expect(report.importId).toBeNull();
      }
      for (const e of report.errors) expect(e.row === null || e.row >= 1).toBe(true);
    }), { seed: SEED, numRuns: 400 });
  });
});

describe('one corrupted cell in a valid series', () => {
  it('either imports the whole file or nothing', async () => {
    const arb = fc.record({
      months: fc.integer({ min: 1, max: 24 }),
      flows: fc.array(fc.tuple(fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 0, max: 1e8 })), { minLength: 24, maxLength: 24 }),
      corruptRow: fc.nat(),
      corruptCol: fc.integer({ min: 0, max: 5 }),
      garbage: CELL_POOL,
    });
    // One database for every run, its funds emptied before each (a PostgreSQL database per run would take minutes).
    const db = await makeDb();
    await fc.assert(fc.asyncProperty(arb, async ({ months, flows, corruptRow, corruptCol, garbage }) => {
      await db.delete(fundRecords).where(gt(fundRecords.id, 0));
      await db.delete(funds).where(gt(funds.id, 0));
      let balance = 0;
      const rows = Array.from({ length: months }, (_, m) => {
        const [income, expenditure] = flows[m] as [number, number];
        balance += income - expenditure;
        const yuan = (fen: number) => (fen / 100).toFixed(2);
        return ['R01', 'employee', `2024-${String((m % 12) + 1).padStart(2, '0')}`.replace('2024', String(2024 + Math.floor(m / 12))), yuan(income), yuan(expenditure), yuan(balance)];
      });
      const target = rows[corruptRow % months] as string[];
      target[corruptCol] = garbage;
      const raw: RawTable = { fileName: 'one.csv', encoding: 'utf-8', header: ['region_code', 'scheme', 'period', 'income', 'expenditure', 'balance'], rows, rowNumbers: rows.map((_, i) => i + 2) };
      const report = await importTable(db, raw, { kind: 'fund_records', unit: 'yuan', dryRun: false, vintage: VINTAGE });
      expect((await counts(db)).fundRecords).toBe(report.ok ? months : 0);
      if (report.ok) expect(report.summary.inserted).toBe(months);
    }), { seed: SEED, numRuns: 300 });
  });
});
