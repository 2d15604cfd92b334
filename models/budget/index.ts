/** Institution budgets (domain.md §5): total, allocation, prepayment, settlement, DIP, deviation. */
export {
  DEFAULT_BUDGET_PARAMS, BUDGET_PARAMETER_PROVENANCE, CREDIT_RATINGS, mergeBudgetParams, resolveBudgetParams, listBudgetParamProblems,
} from './params.ts';
export type { BudgetParams, BudgetParamsOverride, CreditRating, ScoreBand, OverspendBand, ReleaseBand } from './params.ts';
export { collectiveDecisionThresholdFen, needsCollectiveDecision } from './collective-decision.ts';
export { apportion } from './apportion.ts';
export { compileCoefficients, assessmentIndex, creditIndex } from './coefficients.ts';
export type { Coefficient, CompiledCoefficients } from './coefficients.ts';
export { compileYearWeights, weightedBase } from './weighted-base.ts';
export type { PaidFen, PaymentYear, WeightedBase, CompiledYearWeights } from './weighted-base.ts';
export { totalBudget } from './total.ts';
export type { TotalBudget, TotalBudgetInput, BalanceRule } from './total.ts';
export { allocateBudget } from './allocation.ts';
export type { AgreementStatus, AllocationResult, InstitutionBudgetInput, InstitutionQuota, QuotaSource } from './allocation.ts';
export { prepaymentSchedule, profileWeights } from './prepayment.ts';
export type { PrepaymentInput, PrepaymentMonth, PrepaymentSchedule } from './prepayment.ts';
export { compileSettlementRule, settleInstitutions } from './settlement.ts';
export type { Settlement, SettlementBand, SettlementInput } from './settlement.ts';
export { dipGroupPoints, budgetPointValue, settlementPointValue, adjustCasePoints, pointValueTrend } from './dip.ts';
export type { DipCaseBand, DipGroupInput, DipGroupPoints, DipYear } from './dip.ts';
export { monitorDeviation, DEVIATION_BAND_LABELS } from './deviation.ts';
export type { DeviationBand, DeviationInput, DeviationMonth, DeviationReport } from './deviation.ts';
