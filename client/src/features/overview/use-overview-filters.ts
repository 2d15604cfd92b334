/** The overview filters live in the URL so a filtered view can be bookmarked and shared. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { OverviewFilters } from './types.ts';

const MONTH = /^\d{4}-\d{2}$/;

export function useOverviewFilters(): [OverviewFilters, (next: OverviewFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo((): OverviewFilters => {
    const region = Number(params.get('region'));
    const asOf = params.get('asOf') ?? '';
    return {
      regionId: Number.isInteger(region) && region > 0 ? region : undefined,
      scheme: params.get('scheme') || undefined,
      tier: params.get('tier') || undefined,
      asOf: MONTH.test(asOf) ? asOf : undefined,
    };
  }, [params]);
  const update = useCallback((next: OverviewFilters) => {
    const out = new URLSearchParams();
    if (next.regionId) out.set('region', String(next.regionId));
    if (next.scheme) out.set('scheme', next.scheme);
    if (next.tier) out.set('tier', next.tier);
    if (next.asOf) out.set('asOf', next.asOf);
    setParams(out, { replace: true });
  }, [setParams]);
  return [filters, update];
}
