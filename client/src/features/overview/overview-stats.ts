/**
 * Display aggregates of the overview rows the server returned: funds per tier, and the total
 * employee pooling-fund balance. Nested regions are not counted twice: a fund is left out of the
 * total when a fund of the same kind exists for one of its ancestor regions (a province ledger
 * already contains its cities'). Sums run in integer fen, as the data is stored.
 */
import { TIERS_BY_URGENCY, type Tier } from '../../lib/theme.ts';
import { hasAncestorIn } from './region-tree.ts';

export interface StatRow {
  regionId: number;
  parentRegionId: number | null;
  scheme: string;
  account: string;
  tier: Tier | null;
  balanceYuan: number | null;
}

export function countByTier(rows: readonly StatRow[]): Record<Tier | 'none', number> {
  const counts = Object.fromEntries([...TIERS_BY_URGENCY, 'none'].map((k) => [k, 0])) as Record<Tier | 'none', number>;
  for (const r of rows) counts[r.tier ?? 'none'] += 1;
  return counts;
}

export interface BalanceTotal {
  yuan: number;
  /** Funds summed (top-level ones). */
  funds: number;
  /** Funds left out because an ancestor region's fund already contains them. */
  nested: number;
}

export function employeePoolingBalance(rows: readonly StatRow[], parents: ReadonlyMap<number, number | null>): BalanceTotal {
  const pooling = rows.filter((r) => r.scheme === 'employee' && r.account === 'pooling' && r.balanceYuan !== null);
  const regionIds = new Set(pooling.map((r) => r.regionId));
  const lookup = new Map(parents);
  for (const r of pooling) if (!lookup.has(r.regionId)) lookup.set(r.regionId, r.parentRegionId);
  let fen = 0;
  let funds = 0;
  let nested = 0;
  for (const r of pooling) {
    if (hasAncestorIn(r.regionId, regionIds, lookup)) {
      nested += 1;
      continue;
    }
    fen += Math.round((r.balanceYuan as number) * 100);
    funds += 1;
  }
  return { yuan: fen / 100, funds, nested };
}
