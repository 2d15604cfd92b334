/**
 * `visibleRegionIds` keeps the region tree and the scopes it gave per warning data stamp: the same
 * set for the same assignment (in any order), a new one once an import changed the regions.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import type { Db } from '../../../server/db/client.ts';
import { visibleRegionIds } from '../../../server/services/region-scope.ts';
import { load, makeWarningDb, regionId } from '../routers/warning-fixture.ts';

describe('region scope', () => {
  let db: Db;
  beforeAll(async () => { db = await makeWarningDb(); });

  const codes = (scope: Set<number> | null) => {
    const byId = new Map(db.$client.prepare('select id, code from regions').all().map((r) => [(r as { id: number }).id, (r as { code: string }).code]));
    return scope === null ? null : [...scope].map((id) => byId.get(id)).sort();
  };

  it('sees the assigned regions and everything under them; null for all regions', () => {
    expect(visibleRegionIds(db, { regionIds: null })).toBeNull();
    expect(codes(visibleRegionIds(db, { regionIds: [regionId(db, 'C2')] }))).toEqual(['C2', 'K1']);
    expect(codes(visibleRegionIds(db, { regionIds: [regionId(db, 'P')] }))).toEqual(['C1', 'C2', 'K1', 'P']);
    expect(codes(visibleRegionIds(db, { regionIds: [regionId(db, 'C1'), regionId(db, 'Q')] }))).toEqual(['C1', 'Q']);
  });

  it('gives the same set for the same assignment, whatever its order', () => {
    const [c1, q] = [regionId(db, 'C1'), regionId(db, 'Q')];
    const first = visibleRegionIds(db, { regionIds: [c1, q] });
    expect(visibleRegionIds(db, { regionIds: [q, c1] })).toBe(first);
    expect(visibleRegionIds(db, { regionIds: [c1] })).not.toBe(first);
  });

  it('reads the tree again after an import: a new county under C2 is in C2\'s scope', () => {
    const before = visibleRegionIds(db, { regionIds: [regionId(db, 'C2')] });
    load(db, 'code,name,name_en,level,parent_code\nK2,戊县,County E,county,C2', 'regions');
    const after = visibleRegionIds(db, { regionIds: [regionId(db, 'C2')] });
    expect(after).not.toBe(before);
    expect(codes(after)).toEqual(['C2', 'K1', 'K2']);
  });
});
