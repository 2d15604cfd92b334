/** The y-ranges of the tier bands behind a payable-months chart (pure, so it is unit-tested). */
import { TIERS_BY_MONTHS, type Tier } from '../../lib/theme.ts';

export interface Thresholds {
  redBelow: number;
  orangeBelow: number;
  greenUpTo: number;
  blueUpTo: number;
}

/** Head-room above the purple cut point, so the purple band is visible even when no value reaches it. */
const TOP_MARGIN_FACTOR = 1.25;
/** Room above the highest value. */
const HIGHEST_VALUE_MARGIN = 1.05;

export interface TierBand {
  tier: Tier;
  y1: number;
  y2: number;
}

/**
 * The axis range and the five bands: from min(0, lowest value) up to the larger of 1.25 × blueUpTo
 * and the highest value plus 5%, cut at the thresholds.
 * @example bandEdges([8], { redBelow: 3, orangeBelow: 6, greenUpTo: 9, blueUpTo: 15 }).bands[2] // => { tier: 'green', y1: 6, y2: 9 }
 */
export function bandEdges(values: readonly (number | null)[], t: Thresholds): { min: number; max: number; bands: TierBand[] } {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const min = Math.floor(Math.min(0, ...finite));
  const max = Math.ceil(Math.max(t.blueUpTo * TOP_MARGIN_FACTOR, ...finite.map((v) => v * HIGHEST_VALUE_MARGIN)));
  const cuts = [min, t.redBelow, t.orangeBelow, t.greenUpTo, t.blueUpTo, max];
  const bands = TIERS_BY_MONTHS.map((tier, i) => ({ tier, y1: cuts[i] as number, y2: cuts[i + 1] as number }));
  return { min, max, bands };
}

