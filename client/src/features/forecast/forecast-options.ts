/**
 * The choices of the forecast page and their rules (pure, so they are unit-tested): which
 * measures and methods exist, the horizon a frequency allows, the horizon the backtest can
 * afford, and the best method of a backtest.
 */
import type { BacktestMethodRow, ForecastMethod, Frequency, FundMeasure } from './types.ts';

export const MEASURES: readonly FundMeasure[] = [
  'income', 'expenditure', 'income_employer', 'income_individual', 'income_subsidy',
  'expenditure_inpatient', 'expenditure_outpatient', 'expenditure_pharmacy',
];

/** In the order of the method select: the automatic choices first, then the models, then the benchmarks. */
export const METHODS: readonly ForecastMethod[] = [
  'auto', 'combo', 'ets', 'arima', 'theta', 'gm11', 'loglinear', 'naive', 'snaive', 'drift',
];

/** Methods the backtest compares: every method of the select, so any row can be adopted. */
export const BACKTEST_METHODS: readonly ForecastMethod[] = [
  'naive', 'snaive', 'drift', 'ets', 'arima', 'theta', 'gm11', 'loglinear', 'combo', 'auto',
];

export const DEFAULT_MEASURE: FundMeasure = 'expenditure';
export const DEFAULT_METHOD: ForecastMethod = 'auto';
export const LEVELS = [80, 95] as const;

interface HorizonRule {
  default: number;
  max: number;
}

/** Monthly funds: one year ahead by default, two at most; yearly funds: three years, five at most. */
export const HORIZON_RULES: Readonly<Record<Frequency, HorizonRule>> = {
  12: { default: 12, max: 24 },
  1: { default: 3, max: 5 },
};

/** Yearly series are short: the backtest scores three steps ahead whatever the chosen horizon. */
const YEARLY_BACKTEST_HORIZON = 3;
/** Values the backtest keeps before its first origin (models/forecast/backtest.ts MIN_TRAINING). */
const BACKTEST_MIN_TRAINING = 2;

export function isMeasure(value: string | null | undefined): value is FundMeasure {
  return MEASURES.includes(value as FundMeasure);
}

export function isMethod(value: string | null | undefined): value is ForecastMethod {
  return METHODS.includes(value as ForecastMethod);
}

/** A requested horizon clamped to what the frequency allows; anything unreadable gives the default. */
export function clampHorizon(requested: number | undefined, frequency: Frequency): number {
  const rule = HORIZON_RULES[frequency];
  if (requested === undefined || !Number.isInteger(requested) || requested < 1) return rule.default;
  return Math.min(requested, rule.max);
}

/** A method the series' frequency can take: a seasonal naive forecast of a yearly series falls back to auto. */
export function methodFor(method: ForecastMethod, frequency: Frequency): ForecastMethod {
  return method === 'snaive' && frequency === 1 ? DEFAULT_METHOD : method;
}

/**
 * The horizon of the method comparison: the chosen one for monthly series, three years for
 * yearly ones, either cut so at least one origin keeps two training values; undefined when the
 * series is too short to backtest at all.
 * @example backtestHorizon(12, 12, 96) // => 12
 * @example backtestHorizon(5, 1, 4) // => 2
 */
export function backtestHorizon(horizon: number, frequency: Frequency, historyLength: number): number | undefined {
  const wanted = frequency === 1 ? YEARLY_BACKTEST_HORIZON : horizon;
  const fits = Math.min(wanted, historyLength - BACKTEST_MIN_TRAINING);
  return fits >= 1 ? fits : undefined;
}

/**
 * Periods of history the chart shows by default: four years of months keep the forecast wide
 * enough to read; yearly series are short and shown whole up to twenty years.
 */
export const RECENT_HISTORY: Readonly<Record<Frequency, { periods: number; years: number }>> = {
  12: { periods: 48, years: 4 },
  1: { periods: 20, years: 20 },
};

/** The tail of the history the chart draws: the recent window, or all of it. */
export function visibleHistory<T>(history: readonly T[], frequency: Frequency, all: boolean): readonly T[] {
  return all ? history : history.slice(-RECENT_HISTORY[frequency].periods);
}

/** The method with the lowest finite MASE (the scale-free error), or undefined when none scored. */
export function bestMethod(rows: readonly Pick<BacktestMethodRow, 'method' | 'mase'>[]): string | undefined {
  let best: { method: string; mase: number } | undefined;
  for (const r of rows) if (Number.isFinite(r.mase) && (!best || r.mase < best.mase)) best = r;
  return best?.method;
}
