/**
 * The payable-months axis shared by every months chart: the tier bands of the thresholds in force
 * behind the lines (tier-bands.ts), ticks at the cut points, and room on the right for the tier names.
 */
import { ReferenceArea } from 'recharts';
import { TIER_BAND_OPACITY, TIER_COLORS, type Tier } from '../../lib/theme.ts';
import { bandEdges, type Thresholds } from './tier-bands.ts';

/** Rough label width: CJK characters are about twice as wide as Latin ones at 12 px. */
function labelWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? 12 : 7;
  return w;
}

export function monthsAxis(values: readonly (number | null)[], thresholds: Thresholds, tierLabels: Record<Tier, string>) {
  const { min, max, bands } = bandEdges(values.filter((v): v is number => v !== null && Number.isFinite(v)), thresholds);
  const ticks = [...new Set([min, 0, thresholds.redBelow, thresholds.orangeBelow, thresholds.greenUpTo, thresholds.blueUpTo, max])].sort((a, b) => a - b);
  return {
    domain: [min, max] as [number, number],
    ticks,
    rightMargin: Math.max(...Object.values(tierLabels).map(labelWidth)) + 16,
    /** The bands as chart children (a list, since recharts reads its direct children). */
    areas: bands.map((b) => (
      <ReferenceArea
        key={b.tier}
        y1={b.y1}
        y2={b.y2}
        fill={TIER_COLORS[b.tier]}
        fillOpacity={TIER_BAND_OPACITY}
        stroke="none"
        ifOverflow="hidden"
        label={{ value: tierLabels[b.tier], position: 'right', fill: TIER_COLORS[b.tier], fontSize: 12 }}
      />
    )),
  };
}
