/**
 * Colours of the projection charts, built on the app's palette in lib/theme.ts (tiers, series,
 * forecast bands) so the workbench reads like the other pages; only the fan, the waterfall sources
 * and the comparison lines add colours of their own, here and nowhere else.
 */
import { FORECAST_COLORS, SERIES_COLORS, TIER_COLORS } from '../../lib/theme.ts';

/** The deterministic path, the Monte Carlo median and its three nested bands (one hue, lighter outwards). */
export const FAN_COLORS = {
  deterministic: FORECAST_COLORS.history,
  median: '#0958d9',
  band95: '#91caff',
  band80: '#4096ff',
  band50: '#1677ff',
  legendText: FORECAST_COLORS.legendText,
  zero: SERIES_COLORS.expenditure,
} as const;

/** Band opacities; inner bands are drawn over outer ones, so their shades add up. */
export const FAN_OPACITY = { band95: 0.3, band80: 0.3, band50: 0.35 } as const;
/** On the months chart the tier bands already tint the background: a stronger fan stays readable over them. */
export const FAN_OPACITY_OVER_TIERS = { band95: 0.35, band80: 0.35, band50: 0.45 } as const;

/** The sources covering a shortfall, in the order they are drawn on (domain.md §4.2). */
export const WATERFALL_COLORS = {
  reserve: '#13a8a8',
  accumulatedSurplus: '#1677ff',
  fiscal: '#faad14',
  other: TIER_COLORS.red,
} as const;

/** Tornado bars: the assumption at its low and at its high value. */
export const TORNADO_COLORS = { low: '#597ef7', high: '#fa8c16', base: FORECAST_COLORS.history } as const;

/** Up to four compared scenarios. */
export const COMPARISON_COLORS = ['#1677ff', '#fa541c', '#389e0d', '#722ed1'] as const;

/** Cell text on the heatmap. */
export const HEATMAP_TEXT = { dark: '#262626', light: '#ffffff', border: SERIES_COLORS.grid } as const;
