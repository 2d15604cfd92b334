/** The flat region list of `region.tree` as a TreeSelect tree, and ancestor look-ups. */
import type { AppLanguage } from '../../lib/format.ts';
import { regionName } from '../../lib/labels.ts';
import type { RegionNode } from './types.ts';

export interface RegionTreeOption {
  value: number;
  title: string;
  disabled: boolean;
  children: RegionTreeOption[];
}

export function buildRegionOptions(regions: readonly RegionNode[], lang: AppLanguage): RegionTreeOption[] {
  const nodes = new Map<number, RegionTreeOption>();
  for (const r of regions) nodes.set(r.id, { value: r.id, title: regionName(r, lang), disabled: !r.accessible, children: [] });
  const roots: RegionTreeOption[] = [];
  for (const r of regions) {
    const node = nodes.get(r.id) as RegionTreeOption;
    const parent = r.parentId === null ? undefined : nodes.get(r.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** id → parent id, for walking up from a region. */
export function parentMap(regions: readonly RegionNode[]): Map<number, number | null> {
  return new Map(regions.map((r) => [r.id, r.parentId]));
}

/** Whether any ancestor of `regionId` is in `ids`. */
export function hasAncestorIn(regionId: number, ids: ReadonlySet<number>, parents: ReadonlyMap<number, number | null>): boolean {
  let cur = parents.get(regionId) ?? null;
  const seen = new Set<number>();
  while (cur !== null && !seen.has(cur)) {
    if (ids.has(cur)) return true;
    seen.add(cur);
    cur = parents.get(cur) ?? null;
  }
  return false;
}
