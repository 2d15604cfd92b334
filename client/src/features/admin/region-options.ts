/** Region choices for the access forms: every region, by code, indented under its parent. */
import type { RouterOutputs } from '../../lib/trpc.ts';
import type { AppLanguage } from '../../lib/format.ts';
import { regionName } from '../../lib/labels.ts';

type Region = RouterOutputs['region']['tree'][number];

export interface RegionOption {
  value: string;
  label: string;
}

export function regionOptions(regions: readonly Region[], lang: AppLanguage): RegionOption[] {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const depth = (r: Region): number => (r.parentId === null ? 0 : 1 + depth(byId.get(r.parentId) ?? { ...r, parentId: null }));
  return regions.map((r) => ({ value: r.code, label: `${'\u3000'.repeat(depth(r))}${regionName(r, lang)}${lang === 'en' ? ` (${r.code})` : `（${r.code}）`}` }));
}

/** Region codes → names for the users table; unknown codes stay codes. */
export function regionNamesByCode(regions: readonly Region[], lang: AppLanguage): Map<string, string> {
  return new Map(regions.map((r) => [r.code, regionName(r, lang)]));
}
