import { z } from 'zod';
import { rowId } from './row-id.ts';
import { asOfMonth } from './warning.ts';

export const MAX_ALERTS = 500;
export const MAX_GRID_ROWS = 2000;

export const dashboardSummaryInput = z.object({
  asOf: asOfMonth.optional(),
  /** The region to focus on (drill-down); default: the user's province. */
  regionId: rowId.optional(),
  alertLimit: z.number().int().min(1).max(MAX_ALERTS).optional(),
  gridLimit: z.number().int().min(1).max(MAX_GRID_ROWS).optional(),
  gridOrder: z.enum(['urgency', 'code']).optional(),
}).default({});
