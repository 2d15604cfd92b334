/** The budget API's shapes on the client (inferred from the router type; no figure is computed here). */
import type { RouterOutputs } from '../../lib/trpc.ts';

export type PlanView = RouterOutputs['budget']['plans'][number];
export type PlanDetail = RouterOutputs['budget']['plan'];
export type QuotaLine = PlanDetail['lines'][number];
export type AllocationSummary = PlanDetail['summary'];
export type Explanation = RouterOutputs['budget']['explain'];
export type AdjustmentEffect = RouterOutputs['budget']['previewAdjustment'];
export type Prepayments = RouterOutputs['budget']['prepayments'];
export type Deviation = RouterOutputs['budget']['deviation'];
export type DeviationRow = Deviation['rows'][number];
export type Settlement = RouterOutputs['budget']['settlement'];
export type Published = RouterOutputs['budget']['published'];
export type PlanStatus = PlanView['status'];
export type BudgetTable = 'quotas' | 'prepayments' | 'deviation' | 'settlement' | 'published';
