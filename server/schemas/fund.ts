import { z } from 'zod';
import { rowId } from './row-id.ts';
import { SCHEMES } from '../db/schema.ts';

/** A year or a calendar month: `2025-13` is refused here, not deep in the service. */
export const periodText = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'period must be YYYY or YYYY-MM');
export const tierInput = z.enum(['red', 'orange', 'green', 'blue', 'purple']);

export const fundOverviewInput = z.object({
  asOf: periodText.optional(),
  scheme: z.enum(SCHEMES).optional(),
  regionId: rowId.optional(),
  tier: tierInput.optional(),
}).default({});

export const fundDetailInput = z.object({ fundId: rowId });
