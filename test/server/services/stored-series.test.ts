/**
 * An institution's yearly payments as a series to forecast: the sum over its schemes, and for a
 * year recorded before payments were kept per scheme (migration 0010), the all-schemes total then stored.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { institutionYears, institutions } from '../../../server/db/schema.ts';
import { loadStoredSeries } from '../../../server/services/stored-series.ts';
import { makeDb, run } from '../importer/helpers.ts';

describe('loadStoredSeries of an institution', () => {
  it('adds the schemes of a year and keeps a pre-0010 total as it was', () => {
    const db = makeDb();
    expect(run(db, 'institution_code,name,type,level,region_code,schemes\nH1,一院,hospital,3,R01,"employee,resident"', { kind: 'institutions' }).errors).toEqual([]);
    const id = db.select({ id: institutions.id }).from(institutions).where(eq(institutions.code, 'H1')).get()?.id as number;
    db.insert(institutionYears).values({ institutionId: id, year: 2023, unsplitPaymentsFen: 15_000_000 }).run();
    const years = 'institution_code,year,scheme,payments\nH1,2024,employee,120000.50\nH1,2024,resident,40000\nH1,2025,employee,130000\n';
    expect(run(db, years, { kind: 'institution_years' }).errors).toEqual([]);
    expect(loadStoredSeries(db, null, { kind: 'institution', institutionId: id })).toMatchObject({
      frequency: 1, start: 2023, periods: ['2023', '2024', '2025'], valuesYuan: [150_000, 160_000.5, 130_000],
    });
  });
});
