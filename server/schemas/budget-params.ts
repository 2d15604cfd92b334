/**
 * The budget parameter file (`fundrisk allocate|settle --params params.json`, and the budget
 * workflow's parameter input): its shape in zod, every key optional, unknown keys refused so a typo
 * is not silently ignored. The rules between values (ranges, bands in order, monotone
 * coefficients) live in the model (`listBudgetParamProblems`) and are attached here as issues.
 * Format and defaults: README "Budget parameters"; models/budget/params.ts.
 */
import { z } from 'zod';
import { listBudgetParamProblems, mergeBudgetParams, type BudgetParams } from '../../models/index.ts';

const num = z.number();
const scoreBand = z.strictObject({ minScore: num, factor: num });
const releaseBand = z.strictObject({ minScore: num, share: num });

/** The structure of a budget params override (no value rules: see {@link budgetParamsInput}). */
export const budgetParamsShape = z.strictObject({
  growth: num.optional(),
  yearWeights: z.tuple([num, num, num]).optional(),
  assessmentFactors: z.strictObject({ bands: z.array(scoreBand).optional(), none: num.optional() }).optional(),
  creditFactors: z.strictObject({ A: num.optional(), B: num.optional(), C: num.optional(), D: num.optional(), none: num.optional() }).optional(),
  reserveRate: num.optional(),
  withholdingRate: num.optional(),
  rewardShare: num.optional(),
  rewardCap: num.optional(),
  overspendBands: z.array(z.strictObject({ upTo: num, fundShare: num })).optional(),
  beyondFundShare: num.optional(),
  withholdingRelease: z.strictObject({ bands: z.array(releaseBand), none: num }).nullable().optional(),
  deviationBands: z.strictObject({ general: num.optional(), major: num.optional(), severe: num.optional() }).optional(),
  dipCaseBands: z.strictObject({ lowBelow: num.optional(), highAbove: num.optional(), reviewAbove: num.optional() }).optional(),
  collectiveDecisionThresholdYuan: num.optional(),
});

/** A params override checked in full and resolved onto the defaults: the value is a complete {@link BudgetParams}. */
export const budgetParamsInput = budgetParamsShape.transform((override, ctx): BudgetParams => {
  const params = mergeBudgetParams(override);
  for (const message of listBudgetParamProblems(params)) ctx.addIssue({ code: 'custom', message, input: override });
  return params;
});

/**
 * Parses a params JSON value into a complete parameter set.
 * @throws Error listing every problem, one per line, each naming its JSON path: e.g.
 *   `params.grwth is not a known key (expected growth, yearWeights, …)`,
 *   `params.growth must be a number, got "x"`,
 *   `params.overspendBands[1].upTo must be a multiple of the quota greater than the band before it (1.2), got 1.1`.
 * @example parseBudgetParams({ growth: 0.1 }).growth // => 0.1
 */
export function parseBudgetParams(json: unknown): BudgetParams {
  const result = budgetParamsInput.safeParse(json, { reportInput: true });
  if (result.success) return result.data;
  throw new Error(result.error.issues.flatMap(describeIssue).join('\n'));
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  const path = `params${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
  const got = JSON.stringify(issue.input) ?? String(issue.input);
  switch (issue.code) {
    case 'custom':
      return [issue.message];
    case 'unrecognized_keys':
      return issue.keys.map((key) => `${path}.${key} is not a known key (expected ${knownKeys(issue.path).join(', ')})`);
    case 'invalid_type':
      if (issue.input === undefined) return [`${path} is missing`];
      if (issue.expected === 'number') return [`${path} must be a number, got ${typeof issue.input === 'number' ? String(issue.input) : got}`];
      if (issue.expected === 'object') return [`${path} must be a JSON object, got ${Array.isArray(issue.input) ? 'an array' : got}`];
      return [`${path} must be ${issue.expected === 'array' || issue.expected === 'tuple' ? 'an array' : issue.expected}, got ${got}`];
    case 'too_small':
    case 'too_big':
      return [`${path} must hold ${String(issue.code === 'too_small' ? issue.minimum : issue.maximum)} items, got ${got}`];
    default:
      return [`${path}: ${issue.message}`];
  }
}

/** The keys the schema allows at a JSON path, for "unknown key" messages. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  let node: z.core.$ZodType = budgetParamsShape;
  for (const step of path) {
    node = unwrap(node);
    if (node instanceof z.ZodArray) node = node.element;
    else if (node instanceof z.ZodObject) node = (node.shape as Record<string, z.core.$ZodType>)[String(step)] as z.core.$ZodType;
  }
  node = unwrap(node);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(node: z.core.$ZodType): z.core.$ZodType {
  let n = node;
  while (n instanceof z.ZodOptional || n instanceof z.ZodNullable) n = n.unwrap();
  return n;
}
