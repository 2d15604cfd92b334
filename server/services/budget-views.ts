/**
 * What the budget services store (JSON in budget_plans.total_json and budget_quotas.explanation_json,
 * money in integer fen) and how it is shown (yuan at the edge, domain.md §1). Pure shaping: no
 * database, no math beyond fen → yuan.
 */
import {
  BUDGET_PARAMETER_PROVENANCE, fenToYuan, type AgreementStatus, type CreditRating, type InstitutionQuota, type TotalBudget,
} from '../../models/index.ts';
import type { budgetQuotas } from '../db/schema.ts';

/**
 * Yuan with thousands separators for messages, cents only when there are any:
 * 5000000 fen → "50,000", 5000050 → "50,000.50" (the collective-decision threshold in refusals).
 */
export function groupedYuan(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const cents = Math.abs(fen % 100);
  return `${whole.toLocaleString('en-US')}${cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`}`;
}

export interface TotalSource {
  kind: 'run' | 'scenario';
  runId: number | null;
  scenarioId: number;
  scenarioName: string;
  scenarioVersion: number;
  scenarioHash: string;
}

/** budget_plans.total_json. */
export interface TotalRecord {
  source: TotalSource;
  /** The projected interest of the plan year, shown beside the income it is not part of. */
  projectedInterestFen: number;
  earmarks: { label: string; amountFen: number }[];
  budget: TotalBudget;
}

export interface DecisionRef { outcome: string; decisionRef: string; at: string }

/** budget_quotas.explanation_json: the model's explanation plus the facts it was fed. */
export interface QuotaExplanation {
  quota: InstitutionQuota;
  years: { year: number; paidFen: number | null }[];
  /** The year whose score and rating were used (the year before the plan). */
  scoreYear: number;
  data: { score: number | null; credit: CreditRating | null };
  overrides: { quotaFen: number | null; score: number | null; credit: CreditRating | null };
  violations: { year: number; confirmedFen: number; confirmedCount: number; pendingFen: number; pendingCount: number; byNatureFen: Record<string, number> };
  deduction: { confirmedFen: number; appliedFen: number; pendingFen: number; thresholdFen: number; decision: DecisionRef | null };
  agreement: { status: AgreementStatus; suspendedMonths: number[]; actions: { kind: string; fromPeriod: string; toPeriod: string | null; decisionRef: string }[] };
  /** A terminated institution whose share was redistributed by decision: not in the model's split. */
  redistributed: boolean;
}

const yuanOrNull = (fen: number | null) => (fen === null ? null : fenToYuan(fen));

export function totalView(record: TotalRecord) {
  const b = record.budget;
  return {
    source: record.source,
    projectedIncomeYuan: fenToYuan(b.projectedIncomeFen),
    projectedInterestYuan: fenToYuan(record.projectedInterestFen),
    openingBalanceYuan: fenToYuan(b.openingBalanceFen),
    reserveRate: b.reserveRate,
    reserveRateProvenance: BUDGET_PARAMETER_PROVENANCE.reserveRate,
    reserveYuan: fenToYuan(b.reserveFen),
    earmarks: record.earmarks.map((e) => ({ label: e.label, amountYuan: fenToYuan(e.amountFen) })),
    earmarksYuan: fenToYuan(b.earmarksFen),
    baseTotalYuan: fenToYuan(b.baseTotalFen),
    rule: b.rule,
    targetMonths: b.targetMonths,
    capped: b.capped,
    plannedBalanceChangeYuan: fenToYuan(b.plannedBalanceChangeFen),
    totalYuan: fenToYuan(b.totalFen),
    plannedExpenditureYuan: fenToYuan(b.plannedExpenditureFen),
    closingBalanceYuan: fenToYuan(b.closingBalanceFen),
    payableMonthsBefore: b.payableMonthsBefore,
    tierBefore: b.tierBefore,
    payableMonths: b.payableMonths,
    tier: b.tier,
  };
}

export type QuotaRow = typeof budgetQuotas.$inferSelect;
export interface InstitutionInfo { code: string; name: string; type: string; level: number | null; regionName: string }

/** One line of the allocation table. */
export function quotaLineView(q: QuotaRow, inst: InstitutionInfo, lastPaidFen: number | null) {
  return {
    institutionId: q.institutionId,
    code: inst.code,
    name: inst.name,
    type: inst.type,
    level: inst.level,
    regionName: inst.regionName,
    status: q.agreementStatus,
    source: q.source,
    quotaYuan: fenToYuan(q.quotaFen),
    unallocatedYuan: fenToYuan(q.unallocatedFen),
    baseYuan: yuanOrNull(q.baseFen),
    rawYuan: yuanOrNull(q.rawFen),
    lastPaidYuan: yuanOrNull(lastPaidFen),
    /** quota / last year's payments − 1; null without payments. */
    changeOnLastYear: lastPaidFen === null || lastPaidFen === 0 ? null : q.quotaFen / lastPaidFen - 1,
    assessmentScore: q.assessmentScore,
    assessmentFactor: q.assessmentFactor,
    creditRating: q.creditRating,
    creditFactor: q.creditFactor,
    coefficient: q.assessmentFactor * q.creditFactor,
    deductionYuan: fenToYuan(q.violationDeductionFen),
    pendingDeductionYuan: fenToYuan(q.pendingDeductionFen),
    adjusted: q.manualQuotaFen !== null || q.scoreOverride !== null || q.creditOverride !== null,
  };
}

/** The explanation drawer of one institution: base with years and weights, growth, coefficients, deduction, scaling. */
export function explanationView(x: QuotaExplanation) {
  const q = x.quota;
  return {
    status: q.status,
    source: q.source,
    quotaYuan: fenToYuan(q.quotaFen),
    unallocatedYuan: fenToYuan(q.unallocatedFen),
    needsManualQuota: q.needsManualQuota,
    years: x.years.map((y) => ({ year: y.year, paidYuan: yuanOrNull(y.paidFen), weight: weightOf(q, y.year, x.years) })),
    baseYuan: yuanOrNull(q.baseFen),
    growth: q.growth,
    assessment: { score: q.assessmentScore, factor: q.assessmentFactor, rule: q.assessmentRule, year: x.scoreYear, dataScore: x.data.score },
    credit: { rating: q.creditRating, factor: q.creditFactor, rule: q.creditRule, year: x.scoreYear, dataRating: x.data.credit },
    coefficient: q.coefficient,
    adjustedBaseYuan: yuanOrNull(q.adjustedBaseFen),
    violations: {
      year: x.violations.year, confirmedYuan: fenToYuan(x.violations.confirmedFen), confirmedCount: x.violations.confirmedCount,
      pendingYuan: fenToYuan(x.violations.pendingFen), pendingCount: x.violations.pendingCount,
      byNatureYuan: Object.fromEntries(Object.entries(x.violations.byNatureFen).map(([k, v]) => [k, fenToYuan(v)])),
    },
    deduction: {
      appliedYuan: fenToYuan(x.deduction.appliedFen), pendingYuan: fenToYuan(x.deduction.pendingFen),
      thresholdYuan: fenToYuan(x.deduction.thresholdFen), decision: x.deduction.decision, exceedsAdjustedBase: q.deductionExceedsAdjustedBase,
    },
    rawYuan: yuanOrNull(q.rawFen),
    scalingFactor: q.scalingFactor,
    overrides: { quotaYuan: yuanOrNull(x.overrides.quotaFen), score: x.overrides.score, credit: x.overrides.credit },
    agreement: x.agreement,
    redistributed: x.redistributed,
  };
}

/** The normalised weight the base gave a year (0 when the year had no data). */
function weightOf(q: InstitutionQuota, year: number, years: QuotaExplanation['years']): number {
  // baseYears names the years used as 'y3' | 'y2' | 'y1', oldest first, like `years`
  const label = (['y3', 'y2', 'y1'] as const)[years.findIndex((y) => y.year === year)];
  const i = q.baseYears.indexOf(label as (typeof q.baseYears)[number]);
  if (i < 0) return 0;
  const sum = q.baseWeights.reduce((s, w) => s + w, 0);
  return (q.baseWeights[i] as number) / sum;
}
