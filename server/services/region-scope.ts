/**
 * Data-level scoping: a user assigned to regions sees those regions and everything nested under
 * them (province → city → county), plus the ancestors needed to draw the tree.
 */
import { asc } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { regions } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { DomainError } from './errors.ts';

export type RegionRow = typeof regions.$inferSelect;

export function listAllRegions(db: Db): RegionRow[] {
  return db.select().from(regions).orderBy(asc(regions.code)).all();
}

/** Region ids the user may see (assigned regions and their descendants); null means all. */
export function visibleRegionIds(db: Db, user: Pick<SessionUser, 'regionIds'>): Set<number> | null {
  if (user.regionIds === null) return null;
  const all = listAllRegions(db);
  const children = new Map<number, number[]>();
  for (const r of all) if (r.parentId !== null) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
  const visible = new Set<number>();
  const stack = [...user.regionIds];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (visible.has(id)) continue;
    visible.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return visible;
}

export function assertRegionVisible(scope: Set<number> | null, regionId: number): void {
  if (scope !== null && !scope.has(regionId)) throw new DomainError('FORBIDDEN', 'this region is outside your assigned regions');
}

/** The visible regions plus their ancestors (marked), for the region tree. */
export function regionTree(db: Db, scope: Set<number> | null) {
  const all = listAllRegions(db);
  if (scope === null) return all.map((r) => ({ ...r, accessible: true }));
  const byId = new Map(all.map((r) => [r.id, r]));
  const shown = new Set<number>();
  for (const id of scope) {
    let cur = byId.get(id);
    while (cur && !shown.has(cur.id)) {
      shown.add(cur.id);
      cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
    }
  }
  return all.filter((r) => shown.has(r.id)).map((r) => ({ ...r, accessible: scope.has(r.id) }));
}
