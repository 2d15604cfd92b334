/**
 * The bulk writes of the budget tables (budget-bulk.ts) store exactly what the builder would, on
 * SQLite (raw multi-row statements) and PostgreSQL (one array parameter per column): awkward text,
 * nulls, booleans, big numbers, more rows than one statement holds, and the upsert's update.
 */
import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { regions } from '../../../server/db/schema.ts';
import { insertRows, upsertRows } from '../../../server/services/budget-bulk.ts';
import { openTestDatabase } from '../../support/test-database.ts';

const AWKWARD = ['it\'s "quoted"', 'back\\slash', '{braces,and,commas}', 'NULL', '', '北京市 医保\t中心', 'tab\tnew\nline', '(1, 2)'];

const row = (i: number) => ({
  code: `c${String(i).padStart(5, '0')}`,
  name: AWKWARD[i % AWKWARD.length] as string,
  nameEn: i % 3 === 0 ? null : `region ${i}`,
  level: (['province', 'city', 'county'] as const)[i % 3] as 'province' | 'city' | 'county',
  synthetic: i % 2 === 0,
  source: i % 5 === 0 ? null : `src ${2 ** 40 + i}`,
});

describe('insertRows and upsertRows', () => {
  it('store 5,003 rows (more than one statement) exactly, awkward text, nulls and booleans included', async () => {
    const db = await openTestDatabase();
    const rows = Array.from({ length: 5003 }, (_, i) => row(i));
    await db.transaction(async (tx) => { await insertRows(tx, regions, rows); });
    const stored = await db.select({ code: regions.code, name: regions.name, nameEn: regions.nameEn, level: regions.level, synthetic: regions.synthetic, source: regions.source })
      .from(regions).orderBy(asc(regions.code));
    expect(stored).toEqual(rows);
  });

  it('update only the named columns of conflicting rows and insert the others', async () => {
    const db = await openTestDatabase();
    await db.insert(regions).values([row(1), row(2)]);
    await db.transaction(async (tx) => {
      await upsertRows(tx, regions, [{ ...row(2), name: 'renamed', source: 'new source' }, row(3)], { target: ['code'], update: ['name'] });
    });
    const stored = await db.select({ code: regions.code, name: regions.name, source: regions.source }).from(regions).orderBy(asc(regions.code));
    expect(stored).toEqual([
      { code: 'c00001', name: row(1).name, source: row(1).source },
      { code: 'c00002', name: 'renamed', source: row(2).source },
      { code: 'c00003', name: row(3).name, source: row(3).source },
    ]);
  });

  it('write nothing of a transaction that fails after the bulk write', async () => {
    const db = await openTestDatabase();
    await expect(db.transaction(async (tx) => {
      await insertRows(tx, regions, Array.from({ length: 1500 }, (_, i) => row(i)));
      throw new Error('refused after writing');
    })).rejects.toThrow('refused after writing');
    expect(await db.select().from(regions)).toEqual([]);
  });
});
