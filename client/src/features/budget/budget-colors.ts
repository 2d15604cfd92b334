/** Display constants of the budget workspace: the unit of per-institution tables, status and band colours, chart series. */
import type { MoneyUnit } from '../../lib/format.ts';
import type { PlanStatus } from './types.ts';

/** Institution budgets are read in 万元 (10⁴ yuan) in every per-institution table, so columns compare across tabs. */
export const INSTITUTION_UNIT: MoneyUnit = 'wan';

export const STATUS_TAG_COLORS: Readonly<Record<PlanStatus, string>> = {
  draft: 'default',
  allocated: 'processing',
  approved: 'success',
  settled: 'purple',
  superseded: 'warning',
};

export const BAND_TAG_COLORS: Readonly<Record<string, string>> = {
  none: 'default',
  general: 'gold',
  major: 'orange',
  severe: 'red',
};

export const DEVIATION_CHART_COLORS = {
  actual: '#fa541c',
  expected: '#1677ff',
  general: '#fadb14',
  major: '#fa8c16',
  severe: '#cf1322',
  grid: '#f0f0f0',
} as const;

/** Background of a quota line changed by hand. */
export const ADJUSTED_ROW_BACKGROUND = '#fffbe6';
