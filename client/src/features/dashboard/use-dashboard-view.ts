/** The dashboard view lives in the URL, like the overview filters. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { DashboardView } from './types.ts';

const MONTH = /^\d{4}-\d{2}$/;

export function useDashboardView(): [DashboardView, (next: DashboardView) => void] {
  const [params, setParams] = useSearchParams();
  const view = useMemo((): DashboardView => {
    const region = Number(params.get('region'));
    const asOf = params.get('asOf') ?? '';
    return {
      regionId: Number.isInteger(region) && region > 0 ? region : undefined,
      asOf: MONTH.test(asOf) ? asOf : undefined,
      showAll: params.get('all') === '1' || undefined,
    };
  }, [params]);
  const update = useCallback((next: DashboardView) => {
    const out = new URLSearchParams();
    if (next.regionId) out.set('region', String(next.regionId));
    if (next.asOf) out.set('asOf', next.asOf);
    if (next.showAll) out.set('all', '1');
    setParams(out);
  }, [setParams]);
  return [view, update];
}
