/**
 * Data-level scoping: a user assigned to regions sees those regions and everything nested under
 * them (province → city → county), plus the ancestors needed to draw the tree.
 *
 * Every scoped request asks for its scope, so the region tree it walks and the set it gives each
 * assignment are kept per database and warning data stamp (regions change only through imports,
 * which are audited: warning-cache.ts); reading all 400 regions of a province anew was about 4 ms a
 * request.
 */
import { asc } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { regions } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { DomainError } from './errors.ts';
import { warningDataStamp } from './warning-cache.ts';

export type RegionRow = typeof regions.$inferSelect;

export async function listAllRegions(db: Db): Promise<RegionRow[]> {
  return db.select().from(regions).orderBy(asc(regions.code));
}

interface ScopeMemo {
  stamp: number;
  /** Region id → its child region ids; one read shared by the requests that find the same stamp. */
  children: Promise<Map<number, number[]>>;
  /** Sorted assigned region ids → the visible set. */
  scopes: Map<string, Set<number>>;
}

const scopeMemos = new WeakMap<Db, ScopeMemo>();
/** Distinct assignments kept per database; a province has a few dozen. */
const SCOPE_LIMIT = 256;

/**
 * The region tree and the scopes built from it, read again only when the warning data stamp moved;
 * a read that fails is dropped, not kept.
 */
async function scopeMemo(db: Db): Promise<ScopeMemo> {
  const stamp = await warningDataStamp(db);
  const cached = scopeMemos.get(db);
  if (cached && cached.stamp === stamp) return cached;
  const memo: ScopeMemo = { stamp, children: readChildren(db), scopes: new Map<string, Set<number>>() };
  memo.children.catch(() => {
    if (scopeMemos.get(db) === memo) scopeMemos.delete(db);
  });
  scopeMemos.set(db, memo);
  return memo;
}

async function readChildren(db: Db): Promise<Map<number, number[]>> {
  const children = new Map<number, number[]>();
  for (const r of await db.select({ id: regions.id, parentId: regions.parentId }).from(regions)) {
    if (r.parentId === null) continue;
    const siblings = children.get(r.parentId);
    if (siblings) siblings.push(r.id);
    else children.set(r.parentId, [r.id]);
  }
  return children;
}

/**
 * Region ids the user may see (assigned regions and their descendants); null means all. Users with
 * the same assignment get the same set while the data stamp holds: callers must not change it.
 */
export async function visibleRegionIds(db: Db, user: Pick<SessionUser, 'regionIds'>): Promise<Set<number> | null> {
  if (user.regionIds === null) return null;
  const memo = await scopeMemo(db);
  const key = [...user.regionIds].sort((a, b) => a - b).join(',');
  // looked up after the tree is read, and built without awaiting: one set per assignment
  const children = await memo.children;
  const known = memo.scopes.get(key);
  if (known) return known;
  const visible = new Set<number>();
  const stack = [...user.regionIds];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (visible.has(id)) continue;
    visible.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  if (memo.scopes.size >= SCOPE_LIMIT) memo.scopes.clear();
  memo.scopes.set(key, visible);
  return visible;
}

export function assertRegionVisible(scope: Set<number> | null, regionId: number): void {
  if (scope !== null && !scope.has(regionId)) throw new DomainError('FORBIDDEN', 'this region is outside your assigned regions');
}

/** The visible regions plus their ancestors (marked), for the region tree. */
export async function regionTree(db: Db, scope: Set<number> | null) {
  const all = await listAllRegions(db);
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
