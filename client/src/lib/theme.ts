/**
 * The one place colours are defined: warning tiers (domain.md §3.2), chart series and the antd
 * theme. Charts and tags read these; no component writes a colour literal of its own.
 */
import type { ThemeConfig } from 'antd';

export type Tier = 'red' | 'orange' | 'green' | 'blue' | 'purple';

/** Tiers from lowest to highest payable months (the order of the bands on a chart). */
export const TIERS_BY_MONTHS: readonly Tier[] = ['red', 'orange', 'green', 'blue', 'purple'];

/**
 * Tiers from most to least urgent, for sorting: red, orange, purple (excess surplus is a policy
 * problem the 2009 guidance asks to correct), blue, green.
 */
export const TIERS_BY_URGENCY: readonly Tier[] = ['red', 'orange', 'purple', 'blue', 'green'];

export const TIER_COLORS: Readonly<Record<Tier, string>> = {
  red: '#cf1322',
  orange: '#fa8c16',
  green: '#389e0d',
  blue: '#1677ff',
  purple: '#722ed1',
};

/** Opacity of a tier band drawn behind a line chart. */
export const TIER_BAND_OPACITY = 0.1;

/** Series colours of the fund charts. */
export const SERIES_COLORS = {
  income: '#1677ff',
  expenditure: '#fa541c',
  balance: '#13a8a8',
  payableMonths: '#262626',
  grid: '#f0f0f0',
} as const;

/**
 * The forecast chart: the observed history, the forecast mean (dashed) and its prediction
 * intervals as two nested bands of one hue, the wider 95% band lighter than the 80% one.
 */
export const FORECAST_COLORS = {
  history: '#1f1f1f',
  mean: '#1677ff',
  band80: '#1677ff',
  band95: '#69b1ff',
  origin: '#8c8c8c',
  /** Legend labels in one neutral colour: the pale band fills would make their own labels hard to read. */
  legendText: '#595959',
  /** Row background of the best method in the backtest table. */
  bestRow: '#f6ffed',
} as const;

/** Fill opacities of the interval bands; the 80% band is drawn over the 95% one, so their shades add up. */
export const FORECAST_BAND_OPACITY = { band80: 0.28, band95: 0.18 } as const;

/** Flag tags: a deficit is a warning, a short history is informative. */
export const FLAG_TAG_COLORS = {
  current_deficit: 'volcano',
  short_history: 'default',
} as const;

export const DEMO_BANNER_COLORS = { background: '#fff566', border: '#fadb14', text: '#614700' } as const;

export const antdTheme: ThemeConfig = {
  token: {
    colorPrimary: '#1677ff',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
};

/** antd preset tag colours for the provenance of a parameter value (domain.md: shown wherever the value is). */
export const PROVENANCE_TAG_COLORS = {
  seed: 'cyan',
  official: 'geekblue',
  practice: 'gold',
  assumption: 'default',
} as const;
