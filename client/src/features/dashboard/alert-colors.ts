/**
 * Alert levels as colours, taken from the tier colours of the theme (no colour of its own): a
 * critical alert is a red fund, a high one orange, a notice the purple of excess surplus; elevated
 * uses antd's preset `gold`, between orange and the calm tiers.
 */
import { TIER_COLORS } from '../../lib/theme.ts';
import type { AlertLevel } from './types.ts';

export const ALERT_LEVEL_COLORS: Readonly<Record<AlertLevel, string>> = {
  critical: TIER_COLORS.red,
  high: TIER_COLORS.orange,
  elevated: 'gold',
  notice: TIER_COLORS.purple,
};

export const ALERT_LEVELS: readonly AlertLevel[] = ['critical', 'high', 'elevated', 'notice'];
