import { z } from 'zod';
import { rowId } from './row-id.ts';
import { METHOD_NAMES } from '../../models/forecast/types.ts';

const MAX_HORIZON = 60;
const measure = z.enum(['income', 'expenditure', 'income_employer', 'income_individual', 'income_subsidy',
  'expenditure_inpatient', 'expenditure_outpatient', 'expenditure_pharmacy']);

export const seriesTargetInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fund'), fundId: rowId, measure }),
  z.object({ kind: z.literal('institution'), institutionId: rowId }),
]);

export const forecastRunInput = z.object({
  target: seriesTargetInput,
  method: z.enum(METHOD_NAMES).default('auto'),
  horizon: z.number().int().min(1).max(MAX_HORIZON),
  levels: z.array(z.number().gt(0).lt(100)).min(1).max(4).default([80, 95]),
});

export const forecastBacktestInput = z.object({
  target: seriesTargetInput,
  horizon: z.number().int().min(1).max(MAX_HORIZON),
  origins: z.number().int().min(1).max(24).default(6),
  methods: z.array(z.enum(METHOD_NAMES)).min(1).max(METHOD_NAMES.length).optional(),
});

export const forecastSaveInput = forecastRunInput.extend({ note: z.string().max(500).optional() });

export const forecastListInput = z.object({ fundId: rowId.optional() }).default({});
