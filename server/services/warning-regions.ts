/**
 * Regions as the dashboard walks them: the user's scope (visibleRegionIds), the region tree, the
 * focus region of a drill-down (province → region → fund) with its breadcrumb, and the roots a
 * user may switch between. Memoised on the data stamp: regions and user assignments only change
 * through audited writes.
 */
import type { Db } from '../db/client.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { listAllRegions, visibleRegionIds, type RegionRow } from './region-scope.ts';
import { DomainError } from './errors.ts';
import { memoise } from './warning-cache.ts';

export interface RegionIndex {
  byId: Map<number, RegionRow>;
  children: Map<number, RegionRow[]>;
}

/** A region as the API shows it. */
export interface RegionRef {
  regionId: number;
  code: string;
  name: string;
  nameEn: string | null;
  level: RegionRow['level'];
}

export const regionRef = (r: RegionRow): RegionRef => ({ regionId: r.id, code: r.code, name: r.name, nameEn: r.nameEn, level: r.level });

export function regionIndex(db: Db, stamp: number): Promise<RegionIndex> {
  return memoise(db, 'regions', stamp, async () => {
    const all = await listAllRegions(db);
    const children = new Map<number, RegionRow[]>();
    for (const r of all) if (r.parentId !== null) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
    return { byId: new Map(all.map((r) => [r.id, r])), children };
  });
}

/** `visibleRegionIds` of the user, memoised per assignment. */
export async function userScope(db: Db, user: Pick<SessionUser, 'regionIds'>, stamp: number): Promise<Set<number> | null> {
  if (user.regionIds === null) return null;
  return memoise(db, `scope|${[...user.regionIds].sort((a, b) => a - b).join(',')}`, stamp, () => visibleRegionIds(db, user));
}

export const scopeKey = (user: Pick<SessionUser, 'regionIds'>) => (user.regionIds === null ? 'all' : [...user.regionIds].sort((a, b) => a - b).join(','));

/** The region and everything nested under it. */
export function subtreeIds(index: RegionIndex, rootId: number): Set<number> {
  const out = new Set<number>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (out.has(id)) continue;
    out.add(id);
    for (const c of index.children.get(id) ?? []) stack.push(c.id);
  }
  return out;
}

const visible = (scope: Set<number> | null, id: number) => scope === null || scope.has(id);

/** Visible regions whose parent is not visible: the tops of what the user may see, by code. */
export function visibleRoots(index: RegionIndex, scope: Set<number> | null): RegionRow[] {
  return [...index.byId.values()]
    .filter((r) => visible(scope, r.id) && (r.parentId === null || !visible(scope, r.parentId)))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * The focus of a dashboard: the region asked for, or else the visible root holding the most funds
 * (a national figure beside a province does not mix into the province's totals).
 * @throws DomainError NOT_FOUND `no region <id>`, FORBIDDEN when it is outside the user's regions.
 */
export function resolveFocus(index: RegionIndex, scope: Set<number> | null, fundRegionIds: readonly number[], regionId: number | undefined): RegionRow | null {
  if (regionId !== undefined) {
    const r = index.byId.get(regionId);
    if (!r) throw new DomainError('NOT_FOUND', `no region ${regionId}`);
    if (!visible(scope, regionId)) throw new DomainError('FORBIDDEN', 'this region is outside your assigned regions');
    return r;
  }
  let best: RegionRow | null = null;
  let bestCount = -1;
  for (const root of visibleRoots(index, scope)) {
    const ids = subtreeIds(index, root.id);
    const count = fundRegionIds.filter((id) => ids.has(id)).length;
    if (count > bestCount) [best, bestCount] = [root, count];
  }
  return best;
}

/** Root → focus, each marked whether the user may open it. */
export function breadcrumb(index: RegionIndex, scope: Set<number> | null, focus: RegionRow): Array<RegionRef & { accessible: boolean }> {
  const chain: RegionRow[] = [];
  for (let r: RegionRow | undefined = focus; r; r = r.parentId === null ? undefined : index.byId.get(r.parentId)) {
    if (chain.includes(r)) break;
    chain.unshift(r);
  }
  return chain.map((r) => ({ ...regionRef(r), accessible: visible(scope, r.id) }));
}

/** Whether any ancestor of a region is in `ids`. */
export function hasAncestorIn(index: RegionIndex, regionId: number, ids: ReadonlySet<number>): boolean {
  const seen = new Set<number>();
  for (let p = index.byId.get(regionId)?.parentId ?? null; p !== null && !seen.has(p); p = index.byId.get(p)?.parentId ?? null) {
    if (ids.has(p)) return true;
    seen.add(p);
  }
  return false;
}
