/**
 * The scenario JSON of `fundrisk project` and of the projection procedures (interfaces.md `project`,
 * domain.md §6.2): both schemes, discriminated by `scheme`, every object strict so a misspelt key is
 * refused rather than silently ignored. Assumption limits and their messages come from
 * models/projection/limits.ts, so the schema and the models refuse the same values in the same words.
 */
import { z } from 'zod';
import {
  EMPLOYEE_ASSUMPTION_LIMITS, MAX_HORIZON_YEARS, RESIDENT_ASSUMPTION_LIMITS, limitViolation,
  type Assumption, type AssumptionLimit, type Scenario,
} from '../../models/index.ts';

const MAX_NAME_LENGTH = 200;
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
const MAX_POLICY_FACTORS = 50;
const MAX_AGE_GROUPS = 150;
const MAX_AGE = 120;
/** Twelve decimal shares rarely add to exactly 1 in binary. */
const PROFILE_SUM_TOLERANCE = 1e-9;
const HORIZON_RULE = `must be a whole number from 1 to ${MAX_HORIZON_YEARS}`;

const num = () => z.number({ error: (iss) => (iss.input === undefined ? 'required' : `must be a finite number, got ${show(iss.input)}`) });
/** A zod error option whose message ends with the value given. */
const got = (rule: string) => ({ error: (iss: { input?: unknown }) => `${rule}, got ${show(iss.input)}` });
const nonNegative = () => num().min(0, got('must be a non-negative number'));
const year = () => num().int('must be a whole year').min(MIN_YEAR, `must be from ${MIN_YEAR} to ${MAX_YEAR}`).max(MAX_YEAR, `must be from ${MIN_YEAR} to ${MAX_YEAR}`);
const text = (max: number) => z.string({ error: (iss) => (iss.input === undefined ? 'required' : 'must be a string') }).max(max, `must be at most ${max} characters`);

/** A constant or an array of yearly values, each inside `limit`; the array's length is checked against horizonYears below. */
function assumption(limit: AssumptionLimit) {
  return z.custom<Assumption>().superRefine((value, ctx) => {
    const check = (v: unknown, path: number[]) => {
      const why = typeof v === 'number' ? limitViolation(v, limit) : `must be a number, got ${show(v)}`;
      if (why) ctx.addIssue({ code: 'custom', message: why, path });
    };
    if (value === undefined) ctx.addIssue({ code: 'custom', message: 'required' });
    else if (Array.isArray(value)) value.forEach((v, i) => check(v, [i]));
    else if (typeof value === 'number') check(value, []);
    else ctx.addIssue({ code: 'custom', message: `must be a number or an array with one number per projected year, got ${show(value)}` });
  });
}

function assumptionsSchema<K extends string>(limits: Readonly<Record<K, AssumptionLimit>>) {
  const shape = Object.fromEntries(Object.entries<AssumptionLimit>(limits).map(([key, limit]) => [key, assumption(limit)]));
  return z.object(shape as Record<K, ReturnType<typeof assumption>>).strict();
}

const policyFactor = z.object({
  fromYear: year(),
  expenditureFactor: num().gt(0, 'must be a positive number'),
  appliesTo: z.enum(['all', 'active', 'retirees'], { error: 'must be "all", "active" or "retirees"' }).optional(),
  label: text(MAX_NAME_LENGTH).optional(),
}).strict();

const shares = z.array(nonNegative(), { error: 'must be an array of 12 monthly shares' })
  .length(12, 'expected 12 monthly shares')
  .refine((s) => Math.abs(s.reduce((a, b) => a + b, 0) - 1) <= PROFILE_SUM_TOLERANCE, { error: (iss) => `shares must sum to 1, got ${(iss.input as number[]).reduce((a, b) => a + b, 0)}` });

const common = {
  name: text(MAX_NAME_LENGTH).min(1, 'must not be empty'),
  startYear: year(),
  horizonYears: num().int(got(HORIZON_RULE)).min(1, got(HORIZON_RULE)).max(MAX_HORIZON_YEARS, got(HORIZON_RULE)),
  policy: z.array(policyFactor).max(MAX_POLICY_FACTORS, `at most ${MAX_POLICY_FACTORS} policy factors`).optional(),
  reserveRate: num().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1').optional(),
  openingReserveYuan: nonNegative().optional(),
  fiscalSubsidyCapYuan: assumption({ min: 0, unit: 'yuan' }).optional(),
  monthlyProfile: z.object({ income: shares.optional(), expenditure: shares.optional() }).strict().optional(),
};

const bySex = <T extends z.ZodType>(schema: T) => z.object({ male: schema, female: schema }).strict();
const groups = (max: number) => z.array(num().min(0, `must be from 0 to ${max}`).max(max, `must be from 0 to ${max}`))
  .min(1, 'expected at least one age group').max(MAX_AGE_GROUPS, `at most ${MAX_AGE_GROUPS} age groups`);

const cohortMembership = z.object({
  kind: z.literal('cohort', { error: 'must be "cohort"' }),
  ageGroupYears: z.union([z.literal(1), z.literal(5)], { error: 'must be 1 or 5' }),
  minAge: num().min(0, `must be from 0 to ${MAX_AGE}`).max(MAX_AGE, `must be from 0 to ${MAX_AGE}`),
  active: bySex(groups(Infinity)),
  retirees: bySex(groups(Infinity)),
  entries: bySex(groups(Infinity)),
  entryGrowth: assumption(EMPLOYEE_ASSUMPTION_LIMITS.activeGrowth).optional(),
  qx: bySex(groups(1)).optional(),
  exitRate: bySex(groups(1)).optional(),
  retirementAge: bySex(assumption({ min: 0, unit: 'years' })),
  relativeCost: bySex(groups(Infinity)).optional(),
}).strict();

const employeeScenario = z.object({
  scheme: z.literal('employee'),
  ...common,
  opening: z.object({
    balanceYuan: num(), activeMembers: nonNegative(), retirees: nonNegative(),
    avgMonthlyWageYuan: nonNegative(), costPerActiveYuan: nonNegative(), costPerRetireeYuan: nonNegative(),
  }).strict(),
  assumptions: assumptionsSchema(EMPLOYEE_ASSUMPTION_LIMITS),
  membership: cohortMembership.optional(),
}).strict();

const residentScenario = z.object({
  scheme: z.literal('resident'),
  ...common,
  opening: z.object({
    balanceYuan: num(), insured: nonNegative(), premiumYuan: nonNegative(), subsidyPerHeadYuan: nonNegative(), costPerHeadYuan: nonNegative(),
  }).strict(),
  assumptions: assumptionsSchema(RESIDENT_ASSUMPTION_LIMITS),
}).strict();

/** A scenario: the union of both schemes plus the checks that need the horizon (yearly array lengths) or several fields. */
export const scenarioSchema: z.ZodType<Scenario> = z.discriminatedUnion('scheme', [employeeScenario, residentScenario], {
  error: (iss) => (isObject(iss.input) ? 'must be "employee" or "resident"' : 'must be a JSON object'),
}).superRefine((s, ctx) => {
  // a bad horizon is reported already; array lengths cannot be judged against it
  if (!Number.isInteger(s.horizonYears) || s.horizonYears < 1 || s.horizonYears > MAX_HORIZON_YEARS) return;
  const yearly = (value: Assumption | undefined, path: (string | number)[]) => {
    if (Array.isArray(value) && value.length !== s.horizonYears) {
      ctx.addIssue({ code: 'custom', path, message: `expected ${s.horizonYears} yearly values (horizonYears), got ${value.length}` });
    }
  };
  for (const [key, value] of Object.entries(s.assumptions)) yearly(value as Assumption, ['assumptions', key]);
  yearly(s.fiscalSubsidyCapYuan, ['fiscalSubsidyCapYuan']);
  if (s.scheme === 'resident') {
    s.policy?.forEach((p, i) => {
      if ((p.appliesTo ?? 'all') !== 'all') ctx.addIssue({ code: 'custom', path: ['policy', i, 'appliesTo'], message: 'the resident scheme has one group; use "all"' });
    });
  }
  const m = s.scheme === 'employee' ? s.membership : undefined;
  if (!m) return;
  yearly(m.entryGrowth, ['membership', 'entryGrowth']);
  yearly(m.retirementAge.male, ['membership', 'retirementAge', 'male']);
  yearly(m.retirementAge.female, ['membership', 'retirementAge', 'female']);
  const count = m.active.male.length;
  for (const field of ['active', 'retirees', 'entries', 'qx', 'exitRate', 'relativeCost'] as const) {
    for (const sex of ['male', 'female'] as const) {
      const values = m[field]?.[sex];
      if (values && values.length !== count) {
        ctx.addIssue({ code: 'custom', path: ['membership', field, sex], message: `expected ${count} age groups (as membership.active.male), got ${values.length}` });
      }
    }
  }
});

/**
 * `assumptions.wageGrowth[3]` from a zod issue path.
 * @example formatIssuePath(['assumptions', 'wageGrowth', 3]) // => 'assumptions.wageGrowth[3]'
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`), '');
}

/**
 * One line per issue, naming the file, the field and the reason, e.g.
 * `scenario.json: assumptions.wageGrowth[3]: must be greater than -1` or
 * `scenario.json: assumptions: unknown key "wageGrowht"`.
 */
export function scenarioIssueMessages(issues: readonly z.core.$ZodIssue[], fileName: string): string[] {
  return issues.flatMap((issue) => {
    const path = formatIssuePath(issue.path);
    const where = path === '' ? `${fileName}: ` : `${fileName}: ${path}: `;
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${where}unknown key "${key}"`);
    return [`${where}${issue.message}`];
  });
}

/** Parses scenario JSON (already `JSON.parse`d) or lists every problem found. */
export function safeParseScenario(json: unknown, fileName: string): { success: true; scenario: Scenario } | { success: false; messages: string[] } {
  const result = scenarioSchema.safeParse(json);
  return result.success ? { success: true, scenario: result.data } : { success: false, messages: scenarioIssueMessages(result.error.issues, fileName) };
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  // JSON.stringify throws on a BigInt (superjson carries them), which would replace the whole message
  if (typeof value === 'bigint') return `${value}n`;
  return JSON.stringify(value) ?? String(value);
}
