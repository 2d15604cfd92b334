/**
 * The rows of the year × tier probability heatmap from a Monte Carlo result: the share of paths
 * in each tier at each year-end (highest payable months on top, as on the months chart), then the
 * per-year event probabilities the result also gives: a current deficit in the year, the red tier
 * reached in or before the year, the balance exhausted in or before the year.
 */
import type { Tier } from '../../lib/theme.ts';
import type { StochasticResult } from './types.ts';

export type HeatmapEvent = 'deficit' | 'redBy' | 'exhaustedBy';

export type HeatmapRow =
  | { kind: 'tier'; tier: Tier; values: readonly number[] }
  | { kind: 'event'; event: HeatmapEvent; values: readonly number[] };

/** Tiers from the top row down. */
export const HEATMAP_TIERS: readonly Tier[] = ['purple', 'blue', 'green', 'orange', 'red'];

export function heatmapRows(result: Pick<StochasticResult, 'tierProbabilities' | 'probabilityDeficit' | 'probabilityRedBy' | 'probabilityExhaustedBy'>): HeatmapRow[] {
  return [
    ...HEATMAP_TIERS.map((tier): HeatmapRow => ({ kind: 'tier', tier, values: result.tierProbabilities[tier] })),
    { kind: 'event', event: 'deficit', values: result.probabilityDeficit },
    { kind: 'event', event: 'redBy', values: result.probabilityRedBy },
    { kind: 'event', event: 'exhaustedBy', values: result.probabilityExhaustedBy },
  ];
}

/** The faintest fill, so a cell with probability 0 is still a visible cell. */
const MIN_OPACITY = 0.04;
/** Above this fill opacity dark text stops being readable on the tier colours. */
const LIGHT_TEXT_FROM = 0.55;

/**
 * Fill opacity of a cell (linear in the probability, never invisible) and whether its text must be light.
 * @example heatCell(0) // => { opacity: 0.04, lightText: false }
 * @example heatCell(1) // => { opacity: 1, lightText: true }
 */
export function heatCell(probability: number): { opacity: number; lightText: boolean } {
  const p = Math.min(1, Math.max(0, Number.isFinite(probability) ? probability : 0));
  const opacity = MIN_OPACITY + (1 - MIN_OPACITY) * p;
  return { opacity: Number(opacity.toFixed(4)), lightText: opacity >= LIGHT_TEXT_FROM };
}

/**
 * A `#rrggbb` colour at an opacity, as CSS `rgba()` (cells are filled, not layered, so text stays crisp).
 * @example hexToRgba('#cf1322', 0.5) // => 'rgba(207, 19, 34, 0.5)'
 */
export function hexToRgba(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`hexToRgba: expected #rrggbb, got ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h as string, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
