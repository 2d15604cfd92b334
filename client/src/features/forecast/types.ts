import type { RouterInputs, RouterOutputs } from '../../lib/trpc.ts';

export type ForecastRunInput = RouterInputs['forecast']['run'];
export type ForecastResult = RouterOutputs['forecast']['run'];
export type BacktestResult = RouterOutputs['forecast']['backtest'];
export type BacktestMethodRow = BacktestResult['methods'][number];
export type SavedForecast = RouterOutputs['forecast']['saved'][number];
export type FundRow = RouterOutputs['fund']['overview']['rows'][number];

export type ForecastMethod = NonNullable<ForecastRunInput['method']>;
export type FundMeasure = Extract<ForecastRunInput['target'], { kind: 'fund' }>['measure'];
export type Frequency = 1 | 12;
