/**
 * Inputs of the budget router (domain.md §5): plans, the total from a projection, allocation,
 * decisions, adjustments, approval, prepayment, actual payments, monitoring and settlement.
 * Money arrives in yuan (元) with at most two decimals and is turned into integer fen here.
 */
import { z } from 'zod';
import { rowId as id } from './row-id.ts';
import { CREDIT_RATINGS, SCHEMES } from '../db/schema.ts';
import { budgetParamsShape } from './budget-params.ts';

const MAX_YUAN = 1e13;
const MAX_EARMARKS = 50;
const FEN_TOLERANCE = 1e-6;
const text = (max: number) => z.string().trim().max(max);
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

/** A yuan amount with at most two decimals → integer fen. */
const yuan = z.number().finite().min(-MAX_YUAN).max(MAX_YUAN)
  .refine((x) => Math.abs(x * 100 - Math.round(x * 100)) < FEN_TOLERANCE, 'must be in yuan with at most two decimals (whole fen)')
  .transform((x) => Math.round(x * 100));
const yuanNotNegative = yuan.refine((fen) => fen >= 0, 'must not be negative');

export const planIdInput = z.object({ planId: id });
export const planInstitutionInput = planIdInput.extend({ institutionId: id });

export const planListInput = z.object({
  year: z.number().int().min(2000).max(2100).optional(),
  scheme: z.enum(SCHEMES).optional(),
  regionId: id.optional(),
}).default({});

export const planCreateInput = z.object({
  year: z.number().int().min(2000).max(2100),
  scheme: z.enum(SCHEMES),
  regionId: id,
  params: budgetParamsShape.optional(),
  note: text(500).optional(),
});

export const planTotalInput = planIdInput.extend({
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('run'), runId: id }),
    z.object({ kind: z.literal('scenario'), scenarioId: id }),
  ]),
  earmarks: z.array(z.object({ label: text(80).min(1, 'an earmark needs a label'), amountYuan: yuanNotNegative })).max(MAX_EARMARKS).default([]),
  reserveRate: z.number().min(0).lt(1).optional(),
  plannedBalanceChangeYuan: yuan.optional(),
  maxBalanceChangeYuan: yuanNotNegative.optional(),
});

export const planAllocateInput = planIdInput.extend({ params: budgetParamsShape.optional() });

const decisionRef = text(120).min(1, 'a decision reference (the collective decision\'s number) is required');

export const decisionInput = planIdInput.extend({
  institutionId: id.nullable().default(null),
  kind: z.enum(['deduction', 'recovery', 'unallocated']),
  outcome: z.enum(['apply', 'waive', 'hold', 'redistribute']),
  decisionRef,
  note: text(500).optional(),
}).superRefine((d, ctx) => {
  const perInstitution = d.kind !== 'unallocated';
  if (perInstitution && d.institutionId === null) ctx.addIssue({ code: 'custom', path: ['institutionId'], message: `a ${d.kind} decision names the institution` });
  if (!perInstitution && d.institutionId !== null) ctx.addIssue({ code: 'custom', path: ['institutionId'], message: 'the unallocated decision is for the whole plan: leave institutionId out' });
  const allowed = perInstitution ? ['apply', 'waive'] : ['hold', 'redistribute'];
  if (!allowed.includes(d.outcome)) ctx.addIssue({ code: 'custom', path: ['outcome'], message: `a ${d.kind} decision is ${allowed.join(' or ')}, got ${d.outcome}` });
});

/** One what-if change of one institution: its quota set by hand, or a corrected score or rating. */
export const quotaChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quota'), quotaYuan: yuanNotNegative }),
  z.object({ kind: z.literal('score'), score: z.number().min(0).max(100) }),
  z.object({ kind: z.literal('credit'), rating: z.enum(CREDIT_RATINGS) }),
]);

export const adjustmentPreviewInput = planInstitutionInput.extend({ change: quotaChange });
export const adjustInput = adjustmentPreviewInput.extend({
  reason: z.string().trim().min(1, 'a reason is required for every adjustment').max(500),
});

export const prepaymentIssueInput = planIdInput.extend({ profile: z.enum(['flat', 'seasonal']).default('seasonal') });

/** A CSV or XLSX file of monthly actual payments: institution_code, period (YYYY-MM), amount (元). */
export const actualsImportInput = planIdInput.extend({
  fileName: text(200).min(1),
  contentBase64: z.string().min(1).max(40_000_000),
});

export const deviationInput = planIdInput.extend({ throughMonth: z.number().int().min(1).max(12).optional() });

export const agreementInput = z.object({
  institutionId: id,
  kind: z.enum(['suspended', 'terminated']),
  fromPeriod: period,
  toPeriod: period.optional(),
  decisionRef,
  reason: z.string().trim().min(1, 'a reason is required').max(500),
}).superRefine((a, ctx) => {
  if (a.kind === 'suspended' && a.toPeriod === undefined) ctx.addIssue({ code: 'custom', path: ['toPeriod'], message: 'a suspension needs its last month' });
  if (a.kind === 'terminated' && a.toPeriod !== undefined) ctx.addIssue({ code: 'custom', path: ['toPeriod'], message: 'a termination has no last month' });
  if (a.toPeriod !== undefined && a.toPeriod < a.fromPeriod) ctx.addIssue({ code: 'custom', path: ['toPeriod'], message: `the last month ${a.toPeriod} is before the first ${a.fromPeriod}` });
});

export type PlanTotalInput = z.infer<typeof planTotalInput>;
export type DecisionInput = z.infer<typeof decisionInput>;
export type QuotaChange = z.infer<typeof quotaChange>;
export type AgreementInput = z.infer<typeof agreementInput>;
