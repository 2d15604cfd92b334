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
export { forwardWarning, DEFAULT_FORWARD_HORIZONS } from './forward.ts';
export type { ForwardPathRow, ForwardOptions, ForwardPoint, ForwardHorizon, ForwardWarning } from './forward.ts';
export { explainWarning } from './reasons.ts';
export type { ReasonCode, WarningReason, WarningExplanation, ExplainInput } from './reasons.ts';
export { monthsInBand, formatAmountFen } from './reason-format.ts';
export { alertLevel, compareAlerts, ALERT_LEVELS } from './alerts.ts';
export type { AlertLevel, AlertFacts } from './alerts.ts';
export { linkStochasticRun, stochasticRunCovers, DEFAULT_MAX_RUN_AGE_MONTHS } from './stochastic-link.ts';
export type { StaleReason, StochasticSource, StochasticRunFacts, StochasticLinkInput, StochasticLink } from './stochastic-link.ts';
