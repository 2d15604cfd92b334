/**
 * `visibleRegionIds` keeps the region tree and the scopes it gave per warning data stamp: the same
 * set for the same assignment (in any order), a new one once an import changed the regions.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import type { Db } from '../../../server/db/client.ts';
import { regions } from '../../../server/db/schema.ts';
import { visibleRegionIds } from '../../../server/services/region-scope.ts';
import { load, makeWarningDb, regionId } from '../routers/warning-fixture.ts';

describe('region scope', () => {
  let db: Db;
  beforeAll(async () => { db = await makeWarningDb(); });

  const codes = async (scope: Set<number> | null) => {
    const byId = new Map((await db.select({ id: regions.id, code: regions.code }).from(regions)).map((r) => [r.id, r.code]));
    return scope === null ? null : [...scope].map((id) => byId.get(id)).sort();
  };
  const scopeOf = async (...regionCodes: string[]) => {
    const ids: number[] = [];
    for (const code of regionCodes) ids.push(await regionId(db, code));
    return visibleRegionIds(db, { regionIds: ids });
  };

  it('sees the assigned regions and everything under them; null for all regions', async () => {
    expect(await visibleRegionIds(db, { regionIds: null })).toBeNull();
    expect(await codes(await scopeOf('C2'))).toEqual(['C2', 'K1']);
    expect(await codes(await scopeOf('P'))).toEqual(['C1', 'C2', 'K1', 'P']);
    expect(await codes(await scopeOf('C1', 'Q'))).toEqual(['C1', 'Q']);
  });

  it('gives the same set for the same assignment, whatever its order', async () => {
    const first = await scopeOf('C1', 'Q');
    expect(await scopeOf('Q', 'C1')).toBe(first);
    expect(await scopeOf('C1')).not.toBe(first);
  });

  it('gives concurrent requests for one assignment the same set', async () => {
    await load(db, 'code,name,name_en,level,parent_code\nK3,己县,County F,county,C1', 'regions'); // a new stamp: nothing memoised yet
    const [c1, q] = [await regionId(db, 'C1'), await regionId(db, 'Q')];
    const sets = await Promise.all([visibleRegionIds(db, { regionIds: [c1, q] }), visibleRegionIds(db, { regionIds: [q, c1] }), visibleRegionIds(db, { regionIds: [c1, q] })]);
    expect(sets[1]).toBe(sets[0]);
    expect(sets[2]).toBe(sets[0]);
    expect(await codes(sets[0] ?? null)).toEqual(['C1', 'K3', 'Q']);
  });

  it('reads the tree again after an import: a new county under C2 is in C2\'s scope', async () => {
    const before = await scopeOf('C2');
    await load(db, 'code,name,name_en,level,parent_code\nK2,戊县,County E,county,C2', 'regions');
    const after = await scopeOf('C2');
    expect(after).not.toBe(before);
    expect(await codes(after)).toEqual(['C2', 'K1', 'K2']);
  });
});
