/**
 * Budget deviation bands (domain.md §5.6: 一般 / 较大 / 严重) as colours, taken from the theme's tier
 * colours like the alert levels: severe is red, major orange, general antd's preset `gold`.
 */
import { TIER_COLORS } from '../../lib/theme.ts';
import type { DeviationBand } from './types.ts';

export const DEVIATION_BAND_COLORS: Readonly<Record<DeviationBand, string>> = {
  severe: TIER_COLORS.red,
  major: TIER_COLORS.orange,
  general: 'gold',
};

/** From the most to the least severe. */
export const DEVIATION_BANDS: readonly DeviationBand[] = ['severe', 'major', 'general'];
