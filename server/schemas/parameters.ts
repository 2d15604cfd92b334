/** Inputs of `parameters.*`: reading the policy parameter sets and writing new versions of them. */
import { z } from 'zod';
import { rowId as id } from './row-id.ts';
import { PROVENANCES } from '../db/schema.ts';
import { WARNING_SCHEMES } from '../../models/index.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
const MAX_NOTE = 1000;
const MAX_SOURCE = 500;
const MAX_TEXT_VALUE = 200;

/** One value with where it comes from (domain.md: every value carries its provenance). */
const parameterValueInput = z.object({
  key: z.string().min(1).max(64),
  value: z.union([z.number(), z.string().max(MAX_TEXT_VALUE)]),
  provenance: z.enum(PROVENANCES),
  source: z.string().trim().min(1, 'a source is required: cite the document or say whose choice it is').max(MAX_SOURCE),
});

/** When a version takes effect and why it was made (the note is required: it is the record of the decision). */
const versionInput = z.object({
  effectiveFrom: month,
  note: z.string().trim().min(1, 'a note is required: say why the rules change').max(MAX_NOTE),
});

export const parameterSetInput = z.object({ setId: id });

export const parametersInForceInput = z.object({
  period: z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'period must be YYYY or YYYY-MM').optional(),
  regionId: id.optional(),
  scheme: z.enum(WARNING_SCHEMES).optional(),
}).refine((q) => (q.regionId === undefined) === (q.scheme === undefined), {
  message: 'give a region and a scheme together, or neither', path: ['scheme'],
}).default({});

export const createParameterVersionInput = versionInput.extend({
  fromSetId: id,
  values: z.array(parameterValueInput).min(1, 'give at least one edited value').max(50),
});

export const setParameterOverrideInput = versionInput.extend({
  regionId: id,
  scheme: z.enum(WARNING_SCHEMES),
  /** Exactly the values overridden from `effectiveFrom`; none ends the override. */
  values: z.array(parameterValueInput).max(20),
});
