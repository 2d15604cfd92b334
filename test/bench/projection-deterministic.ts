/**
 * Deterministic projection benchmarks (issue 4 targets): a 30-year projection ≤ 5 ms, sensitivity
 * over 10 assumptions ≤ 1 s; the solver and a single-age cohort projection are timed for the record.
 * The scenario is the 30-year reference scenario of test/reference/projection (yearly arrays, policy
 * factors, fiscal cap), so the figures include the reserve and deficit waterfall.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CHINA_2025_RETIREMENT_AGE_RISE, projectScenario, retirementAgeSchedule, solveForTarget, tornado,
  type CohortMembership, type EmployeeScenario,
} from '../../models/index.ts';
import { fmt, timeIt } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export async function benchProjectionDeterministic(): Promise<string[]> {
  const scenario = JSON.parse(readFileSync(join(ROOT, 'test/reference/projection/employee-arrays.json'), 'utf8')) as EmployeeScenario;
  const years = scenario.horizonYears;
  const deterministic = timeIt(() => projectScenario(scenario), 500, 50);
  const items = [...Object.keys(scenario.assumptions), 'opening.costPerRetireeYuan'];
  const sensitivity = timeIt(() => tornado(scenario, { items, years: [2035, 2045, 2055] }), 20, 3);
  const solver = timeIt(() => solveForTarget(scenario), 20, 3);
  const iterations = solveForTarget(scenario).iterations;
  const cohortScenario = withCohort(scenario);
  const cohort = timeIt(() => projectScenario(cohortScenario), 50, 5);
  return [
    `| deterministic ${years}-year employee projection (yearly arrays, policy factors, reserve and waterfall): p50 / p95 | ${fmt(deterministic.p50, 3)} / ${fmt(deterministic.p95, 3)} ms | ≤ 5 ms | ${deterministic.p95 <= 5 ? 'met' : 'MISSED'} |`,
    `| sensitivity (tornado) over ${items.length} assumptions, low and high each (${2 * items.length + 1} projections): p50 / p95 | ${fmt(sensitivity.p50, 2)} / ${fmt(sensitivity.p95, 2)} ms | ≤ 1 s | ${sensitivity.p95 <= 1000 ? 'met' : 'MISSED'} |`,
    `| solver: pooling rate keeping ≥ 6 payable months through ${years} years (${iterations} bisection steps to 1e-7): p50 | ${fmt(solver.p50, 2)} ms | — | |`,
    `| ${years}-year projection with single-age cohort membership (ages 16–100+, by sex): p50 | ${fmt(cohort.p50, 2)} ms | — | |`,
  ];
}

/** The same fund with a single-age cohort membership matching its opening heads, retirement ages rising as in 2025. */
function withCohort(s: EmployeeScenario): EmployeeScenario {
  const ages = Array.from({ length: 85 }, (_, i) => 16 + i);
  const spread = (total: number, weight: (age: number) => number) => {
    const w = ages.map(weight);
    const sum = w.reduce((a, b) => a + b, 0);
    return w.map((x) => (total * x) / sum);
  };
  const half = (values: number[]) => values.map((v) => v / 2);
  const active = spread(s.opening.activeMembers, (a) => (a < 60 ? 1 : 0));
  const retirees = spread(s.opening.retirees, (a) => (a >= 55 ? Math.exp(-(a - 55) / 15) : 0));
  const entries = ages.map((a) => (a >= 18 && a < 25 ? 4000 : 0));
  const membership: CohortMembership = {
    kind: 'cohort', ageGroupYears: 1, minAge: 16,
    active: { male: half(active), female: half(active) },
    retirees: { male: half(retirees), female: half(retirees) },
    entries: { male: entries, female: entries },
    retirementAge: {
      male: retirementAgeSchedule(CHINA_2025_RETIREMENT_AGE_RISE.male, s.startYear, s.horizonYears),
      female: retirementAgeSchedule(CHINA_2025_RETIREMENT_AGE_RISE.femaleWorker, s.startYear, s.horizonYears),
    },
    relativeCost: { male: ages.map((a) => Math.exp(0.03 * (a - 40))), female: ages.map((a) => Math.exp(0.03 * (a - 40))) },
  };
  return { ...s, membership };
}
