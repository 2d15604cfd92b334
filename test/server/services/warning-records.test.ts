/**
 * The trailing records of every fund in one read (warning-records.ts `trailingRecordsByFund`) and the
 * newest vintage per fund (warning-stochastic.ts `newestVintagesByFund`): for each fund exactly its
 * last N records at or before a period, oldest first — also when gaps make the span of its last N
 * periods hold fewer — checked against hand-picked cases and, as a property, against sorting every
 * fund's records and taking the last N.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { inArray } from 'drizzle-orm';
import type { Db } from '../../../server/db/client.ts';
import { fundRecords, funds, regions } from '../../../server/db/schema.ts';
import { trailingRecordsByFund } from '../../../server/services/warning-records.ts';
import { newestVintagesByFund } from '../../../server/services/warning-stochastic.ts';
import { monthIndexToText, parsePeriod } from '../../../models/index.ts';
import { openTestDatabase } from '../../support/test-database.ts';

/** A month index from `YYYY-MM`. */
const m = (text: string) => parsePeriod(text).index;

let db: Db;
const ids = { monthly: 0, gapped: 0, short: 0, yearly: 0, yearlyGapped: 0 };

async function addFund(code: string, periodKind: 'month' | 'year'): Promise<number> {
  const [region] = await db.insert(regions).values({ code, name: code, level: 'city' }).returning({ id: regions.id });
  const [fund] = await db.insert(funds).values({ regionId: region?.id as number, scheme: 'employee', periodKind }).returning({ id: funds.id });
  return fund?.id as number;
}

/** Records of a fund at the given period indices: income = the index, so a row names its own period. */
async function addRecords(fundId: number, kind: 'month' | 'year', indices: readonly number[], vintage = '2025-01-01'): Promise<void> {
  if (indices.length === 0) return;
  await db.insert(fundRecords).values(indices.map((i) => ({
    fundId, periodIndex: i, period: kind === 'month' ? monthIndexToText(i) : String(i),
    incomeFen: i, expenditureFen: 2 * i, balanceFen: 3 * i, vintage,
  })));
}

const periods = (map: Map<number, { period: string }[]>, fundId: number) => map.get(fundId)?.map((r) => r.period);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);

beforeAll(async () => {
  db = await openTestDatabase();
  ids.monthly = await addFund('A', 'month');
  ids.gapped = await addFund('B', 'month');
  ids.short = await addFund('D', 'month');
  ids.yearly = await addFund('C', 'year');
  ids.yearlyGapped = await addFund('E', 'year');
  // A: 2019-01 … 2024-10, 70 months
  await addRecords(ids.monthly, 'month', range(m('2019-01'), m('2024-10')));
  // B: 2023-01 … 2023-06, then 2024 without May (the span of its last 12 months holds 11)
  await addRecords(ids.gapped, 'month', range(m('2023-01'), m('2023-06')), '2024-06-30');
  await addRecords(ids.gapped, 'month', range(m('2024-01'), m('2024-12')).filter((i) => i !== m('2024-05')), '2025-01-01');
  // D: five months only
  await addRecords(ids.short, 'month', range(m('2024-08'), m('2024-12')));
  await addRecords(ids.yearly, 'year', [2015, 2016, 2020, 2021, 2022]);
  await addRecords(ids.yearlyGapped, 'year', [2018, 2021, 2022]);
});

describe('trailingRecordsByFund', () => {
  it('the last 12 months / 3 years of each fund, oldest first, across gaps', async () => {
    const got = await trailingRecordsByFund(db, undefined, { month: 12, year: 3 });
    expect(periods(got, ids.monthly)).toEqual(range(m('2023-11'), m('2024-10')).map(monthIndexToText));
    expect(periods(got, ids.gapped)).toEqual(['2023-06', '2024-01', '2024-02', '2024-03', '2024-04', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12']);
    expect(periods(got, ids.short)).toEqual(['2024-08', '2024-09', '2024-10', '2024-11', '2024-12']);
    expect(periods(got, ids.yearly)).toEqual(['2020', '2021', '2022']);
    expect(periods(got, ids.yearlyGapped)).toEqual(['2018', '2021', '2022']);
    // the flows come with their own period (income = index, expenditure 2×, balance 3×)
    expect(got.get(ids.gapped)?.[0]).toEqual({ period: '2023-06', incomeFen: m('2023-06'), expenditureFen: 2 * m('2023-06'), balanceFen: 3 * m('2023-06') });
  });

  it('as of a month: monthly funds up to it, yearly funds up to its year; a fund with nothing yet is absent', async () => {
    const got = await trailingRecordsByFund(db, '2021-03', { month: 4, year: 2 });
    expect(periods(got, ids.monthly)).toEqual(['2020-12', '2021-01', '2021-02', '2021-03']);
    expect(periods(got, ids.yearly)).toEqual(['2020', '2021']);
    expect(periods(got, ids.yearlyGapped)).toEqual(['2018', '2021']);
    expect([got.has(ids.gapped), got.has(ids.short)]).toEqual([false, false]);
  });

  it('as of a year: monthly funds up to its December', async () => {
    const got = await trailingRecordsByFund(db, '2023', { month: 3, year: 1 });
    expect(periods(got, ids.gapped)).toEqual(['2023-04', '2023-05', '2023-06']);
    expect(periods(got, ids.monthly)).toEqual(['2023-10', '2023-11', '2023-12']);
    expect(periods(got, ids.yearly)).toEqual(['2022']);
  });

  it('property: equals sorting each fund\'s records up to the period and taking the last N', async () => {
    const monthlyFund = await addFund('PM', 'month');
    const yearlyFund = await addFund('PY', 'year');
    const base = m('2020-01');
    await fc.assert(fc.asyncProperty(
      fc.uniqueArray(fc.integer({ min: 0, max: 80 }), { maxLength: 40 }),
      fc.uniqueArray(fc.integer({ min: 2000, max: 2030 }), { maxLength: 20 }),
      fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 6 }),
      fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
      async (months, years, monthLimit, yearLimit, asOfOffset) => {
        await db.delete(fundRecords).where(inArray(fundRecords.fundId, [monthlyFund, yearlyFund]));
        await addRecords(monthlyFund, 'month', months.map((k) => base + k));
        await addRecords(yearlyFund, 'year', years);
        const asOf = asOfOffset === undefined ? undefined : monthIndexToText(base + asOfOffset);
        const got = await trailingRecordsByFund(db, asOf, { month: monthLimit, year: yearLimit });
        const last = (xs: number[], upTo: number, n: number) => xs.filter((x) => x <= upTo).sort((a, b) => a - b).slice(-n);
        const wantMonths = last(months.map((k) => base + k), asOf ? base + (asOfOffset as number) : Infinity, monthLimit).map(monthIndexToText);
        const wantYears = last(years, asOf ? parsePeriod(asOf).year : Infinity, yearLimit).map(String);
        expect(periods(got, monthlyFund) ?? []).toEqual(wantMonths);
        expect(periods(got, yearlyFund) ?? []).toEqual(wantYears);
      },
    ), { numRuns: 40 });
  });
});

describe('newestVintagesByFund', () => {
  it('the newest vintage among a fund\'s records up to the period, for the funds asked about', async () => {
    expect(await newestVintagesByFund(db, [ids.gapped, ids.monthly], undefined)).toEqual(new Map([[ids.gapped, '2025-01-01'], [ids.monthly, '2025-01-01']]));
    expect(await newestVintagesByFund(db, [ids.gapped], '2023-12')).toEqual(new Map([[ids.gapped, '2024-06-30']]));
    // as of 2021-06: B has no record yet; the yearly fund up to 2021
    expect(await newestVintagesByFund(db, [ids.gapped, ids.yearly], '2021-06')).toEqual(new Map([[ids.yearly, '2025-01-01']]));
    expect(await newestVintagesByFund(db, [], undefined)).toEqual(new Map());
  });
});
