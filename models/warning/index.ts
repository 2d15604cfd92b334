/** Fund warning levels (domain.md §3): payable months, tiers, flags, resident indicators. */
export * from './params.ts';
export { parseWarningParams } from './parse-params.ts';
export * from './tier.ts';
export { sortSeries, windowSums, consecutiveDeficitRuns } from './series.ts';
export type { SeriesPoint, WindowSums, WindowKind } from './series.ts';
export { residentIndicators } from './resident-indicators.ts';
export type { ResidentIndicators } from './resident-indicators.ts';
export { evaluateFundSeries } from './evaluate.ts';
export type { FundPeriodRow, FundWarning, WarningFlag, EvaluateOptions } from './evaluate.ts';
