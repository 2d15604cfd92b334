import { z } from 'zod';
import { rowId as id } from './row-id.ts';
import { SCHEMES } from '../db/schema.ts';
import { tierInput } from './fund.ts';

/** A past month to see the warnings as they were (`YYYY-MM`). */
export const asOfMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'asOf must be a month YYYY-MM');

export const warningFilterInput = z.object({
  asOf: asOfMonth.optional(),
  regionId: id.optional(),
  scheme: z.enum(SCHEMES).optional(),
  tier: tierInput.optional(),
  fundId: id.optional(),
});

export const warningCurrentInput = warningFilterInput.default({});

export const warningHistoryInput = z.object({ fundId: id });

/** Methods fast enough for every fund at once (< 1 ms a series); the others are for one fund. */
const FAST_METHODS = ['theta', 'naive', 'snaive', 'drift'] as const;
const ONE_FUND_METHODS = ['ets', 'arima', 'combo', 'auto'] as const;

export const warningForwardInput = warningFilterInput.extend({
  method: z.enum([...FAST_METHODS, ...ONE_FUND_METHODS]).default('theta'),
  /** The projected path per fund (24 monthly or 2 yearly points); default: only for one fund. */
  includePath: z.boolean().optional(),
}).default({ method: 'theta' }).refine((v) => v.fundId !== undefined || (FAST_METHODS as readonly string[]).includes(v.method), {
  message: `methods ${ONE_FUND_METHODS.join(', ')} take seconds per hundred funds: give a fundId`,
  path: ['method'],
}).transform((v) => ({ ...v, includePath: v.includePath ?? v.fundId !== undefined }));
