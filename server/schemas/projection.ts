/** Inputs of the projection router: scenarios, runs, comparison, sensitivity and the solver. */
import { z } from 'zod';
import { rowId as id } from './row-id.ts';
import { scenarioSchema } from './scenario.ts';

/** Monte Carlo paths per run (domain.md §6.3 default 5,000); the cap bounds one run's memory and time. */
export const MAX_PATHS = 50_000;
const MAX_COMPARED = 4;
const MAX_TORNADO_YEARS = 10;
const note = z.string().trim().max(500).optional();

export const scenarioSaveInput = z.object({
  scenario: scenarioSchema,
  regionId: id.nullable().optional(),
  fundId: id.nullable().optional(),
  dataVintage: z.string().max(40).optional(),
  note,
});

export const scenarioReviseInput = scenarioSaveInput.extend({ fromId: id });

export const scenarioCloneInput = z.object({
  fromId: id,
  name: z.string().trim().min(1).max(120).optional(),
  preset: z.enum(['low', 'intermediate', 'high']).optional(),
  note,
});

export const scenarioGetInput = z.object({ id });
export const scenarioListInput = z.object({ lineage: z.string().max(64).optional() }).default({});
export const scenarioCalibrateInput = z.object({ fundId: id, startYear: z.number().int().min(1990).max(2100).optional() });

export const projectionRunInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deterministic'), scenarioId: id }),
  z.object({
    kind: z.literal('stochastic'), scenarioId: id,
    paths: z.number().int().min(1).max(MAX_PATHS).default(5000),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  }),
]);

export const runIdInput = z.object({ runId: id });
export const runListInput = z.object({ scenarioId: id });
export const projectionCompareInput = z.object({ scenarioIds: z.array(id).min(1).max(MAX_COMPARED) });

export const projectionSensitivityInput = z.object({
  scenarioId: id,
  years: z.array(z.number().int().min(1990).max(2200)).min(1).max(MAX_TORNADO_YEARS).optional(),
});

export const projectionSolveInput = z.object({
  scenarioId: id,
  targetMonths: z.number().min(0).max(60).default(6),
});
