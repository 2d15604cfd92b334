/** API shapes of the parameters page (inferred from the router; no server code is imported). */
import type { RouterInputs, RouterOutputs } from '../../lib/trpc.ts';

export type ParameterList = RouterOutputs['parameters']['list'];
export type ParameterSet = RouterOutputs['parameters']['get'];
export type ParameterValue = ParameterSet['values'][number];
export type VersionRow = ParameterList['national'][number];
export type OverrideChain = ParameterList['overrides'][number];
export type ParameterUnit = ParameterValue['unit'];
export type Provenance = ParameterValue['provenance'];
export type ValueInput = RouterInputs['parameters']['createVersion']['values'][number];
export type WarningScheme = RouterInputs['parameters']['setOverride']['scheme'];

export const PROVENANCES: readonly Provenance[] = ['seed', 'official', 'practice', 'assumption'];
export const WARNING_SCHEMES: readonly WarningScheme[] = ['employee', 'resident'];
export const DENOMINATOR_CHOICES = ['current_year', 'year_to_date'] as const;
