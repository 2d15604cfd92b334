import type { RouterOutputs } from '../../lib/trpc.ts';

export type OverviewResult = RouterOutputs['fund']['overview'];
export type OverviewRow = OverviewResult['rows'][number];
export type RegionNode = RouterOutputs['region']['tree'][number];

/** The overview filters, as kept in the URL (`?region=&scheme=&tier=&asOf=`). */
export interface OverviewFilters {
  regionId?: number;
  scheme?: string;
  tier?: string;
  asOf?: string;
}
