/** The open scenario version, the tab and the compared versions live in the URL (`?id=&tab=&compare=`), so a view can be bookmarked. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export const PROJECTION_TABS = ['edit', 'results', 'sensitivity', 'compare'] as const;
export type ProjectionTab = (typeof PROJECTION_TABS)[number];
/** The server compares at most four versions (schemas/projection.ts). */
export const MAX_COMPARED = 4;

export interface ProjectionParams {
  id?: number;
  tab: ProjectionTab;
  /** Versions compared beside the open one. */
  compare: number[];
}

const positiveInt = (text: string | null | undefined): number | undefined => {
  const n = Number(text);
  return text && Number.isInteger(n) && n > 0 ? n : undefined;
};

/**
 * @example parseProjectionParams(new URLSearchParams('id=4&tab=results&compare=4,7,x')) // => { id: 4, tab: 'results', compare: [4, 7] }
 */
export function parseProjectionParams(params: URLSearchParams): ProjectionParams {
  const tab = params.get('tab');
  const compare = (params.get('compare') ?? '').split(',').map(positiveInt).filter((n): n is number => n !== undefined);
  return {
    id: positiveInt(params.get('id')),
    tab: (PROJECTION_TABS as readonly string[]).includes(tab ?? '') ? (tab as ProjectionTab) : 'edit',
    compare: [...new Set(compare)].slice(0, MAX_COMPARED),
  };
}

export function projectionSearch(p: ProjectionParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.id) out.set('id', String(p.id));
  out.set('tab', p.tab);
  if (p.compare.length > 0) out.set('compare', p.compare.join(','));
  return out;
}

export function useProjectionParams(): [ProjectionParams, (next: ProjectionParams) => void] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseProjectionParams(search), [search]);
  const update = useCallback((next: ProjectionParams) => setSearch(projectionSearch(next)), [setSearch]);
  return [params, update];
}
