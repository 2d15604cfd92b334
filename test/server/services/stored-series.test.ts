/**
 * An institution's yearly payments as a series to forecast: the sum over its schemes, and for a
 * year recorded before payments were kept per scheme (migration 0010), the all-schemes total then stored;
 * a fund's measure in period order.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { funds, institutionYears, institutions } from '../../../server/db/schema.ts';
import { loadStoredSeries } from '../../../server/services/stored-series.ts';
import { HEADER, makeDb, run } from '../importer/helpers.ts';

describe('loadStoredSeries of an institution', () => {
  it('adds the schemes of a year and keeps a pre-0010 total as it was', async () => {
    const db = await makeDb();
    expect((await run(db, 'institution_code,name,type,level,region_code,schemes\nH1,一院,hospital,3,R01,"employee,resident"', { kind: 'institutions' })).errors).toEqual([]);
    const id = (await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.code, 'H1')).limit(1))[0]?.id as number;
    await db.insert(institutionYears).values({ institutionId: id, year: 2023, unsplitPaymentsFen: 15_000_000 });
    const years = 'institution_code,year,scheme,payments\nH1,2024,employee,120000.50\nH1,2024,resident,40000\nH1,2025,employee,130000\n';
    expect((await run(db, years, { kind: 'institution_years' })).errors).toEqual([]);
    expect(await loadStoredSeries(db, null, { kind: 'institution', institutionId: id })).toMatchObject({
      frequency: 1, start: 2023, periods: ['2023', '2024', '2025'], valuesYuan: [150_000, 160_000.5, 130_000],
    });
  });
});

describe('loadStoredSeries of a fund', () => {
  it('reads a measure in yuan in period order, and names the first period without the figure', async () => {
    const db = await makeDb();
    const text = `${HEADER},income_employer\nR01,employee,2024-02,300.00,50.00,1500.00,\nR01,employee,2024-01,300.10,50.00,1250.00,300.10\n`;
    expect((await run(db, text, { vintage: '2025-12-31' })).errors).toEqual([]);
    const fundId = (await db.select({ id: funds.id }).from(funds))[0]?.id as number;
    expect(await loadStoredSeries(db, null, { kind: 'fund', fundId, measure: 'income' })).toEqual({
      label: `fund ${fundId} income`, frequency: 12, start: 2024 * 12, periods: ['2024-01', '2024-02'], valuesYuan: [300.1, 300], dataVintage: '2025-12-31',
    });
    await expect(loadStoredSeries(db, null, { kind: 'fund', fundId, measure: 'income_employer' }))
      .rejects.toThrow(`fund ${fundId} has no income_employer figure for 2024-02: choose another measure`);
    await expect(loadStoredSeries(db, null, { kind: 'fund', fundId: fundId + 1, measure: 'income' })).rejects.toThrow(`no fund ${fundId + 1}`);
  });
});
