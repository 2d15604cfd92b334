/**
 * Stochastic (Monte Carlo) projection of a pooling fund (domain.md §6.3): N paths of the
 * deterministic projection of interfaces.md `project`, each with wage growth, medical inflation,
 * utilisation growth and membership growth moved by correlated AR(1) deviations around the
 * scenario's per-year means (shock-spec.ts, deviations.ts, cashflows.ts, ledger.ts).
 *
 * Per projected year and percentile level q ∈ {2.5, 10, 25, 50, 75, 90, 97.5}: the q-th percentile
 * over paths of the year-end balance (yuan) and of payable months (percentiles.ts, type 7); the
 * share of paths with a current deficit (I + interest < E), in the red tier, exhausted (a month-end
 * balance ≤ 0) in or before the year, red in or before the year; and the distribution of the
 * exhaustion year (null: not within the horizon). Probabilities are counts / N, exact.
 *
 * Determinism: one `createRng(seed)` stream consumed in the order of deviations.ts (year, path,
 * driver), no other randomness, so the same seed and inputs give the same output to the byte.
 * Cost: O(N × years × (K² + 12)) time with K shocked drivers, O(N) memory: each year's column is
 * summarised (order statistics selected for percentiles) before the next year, so no N × years
 * matrix is kept.
 * The scenario is checked by the deterministic projection it starts from (checkScenario); policy
 * factors, cohort membership and the monthly profile of the scenario apply to every path.
 *
 * @throws Error `paths must be an integer from 1 to 100000, got <v>`
 * @throws Error `seed must be an integer from 0 to 4294967295, got <v>`
 * @throws Error `scheme must be 'employee' or 'resident', got <v>`
 * @throws Error from checkScenario (models/projection/check.ts), compileShocks (shocks.*), cumulativeMonthlyShares
 *   (monthlyProfile.*), checkThresholds (thresholds.*)
 * @see The 2024 Annual Report of the Board of Trustees of the Federal OASI and DI Trust Funds, section
 *   "Stochastic Projections and Uncertainty" (5,000 simulations of AR-type models of the key assumptions).
 * @example
 * // 450,000 yuan losing 100,000 a month (income 1.2e6 a year, expenditure 2.4e6), no shocks:
 * simulateScenario(draining, { paths: 1, seed: 1, shocks: { drivers: [], sigma: [], phi: [], correlation: [] } })
 *   .exhaustionMonthDistribution?.[0] // => { month: '2030-05', probability: 1 }
 */
import { formatMonth } from '../core/period.ts';
import { createRng } from '../core/rng.ts';
import type { Scenario } from '../projection/scenario.ts';
import { checkThresholds, DEFAULT_WARNING_PARAMS, type TierThresholds } from '../warning/params.ts';
import type { Tier } from '../warning/tier.ts';
import { scenarioCashflows } from './cashflows.ts';
import { createDeviationSampler } from './deviations.ts';
import { createLedger, TIERS, type Ledger } from './ledger.ts';
import { createPercentileRecorder, type PercentileTable } from './percentiles.ts';
import { cumulativeMonthlyShares } from '../projection/monthly-shares.ts';
import { compileShocks, defaultShockSpec, MAX_PATHS, type ShockSpec } from './shock-spec.ts';

/** Paths when none are asked for (domain.md §6.3, as the US Trustees' 5,000 simulations). */
export const DEFAULT_PATHS = 5_000;
const MAX_SEED = 0xffffffff;

export interface SimulateOptions {
  /** Number of paths, 1 … MAX_PATHS (default 5,000). */
  paths?: number;
  /** Integer seed of the generator, 0 … 2³² − 1. */
  seed: number;
  /** Shock specification (default: defaultShockSpec of the scenario's scheme). */
  shocks?: ShockSpec;
  /** Called after each projected year with (path-years done, path-years in all). */
  onProgress?: (done: number, total: number) => void;
  /** Month steps within each year with the scenario's `monthlyProfile` (default true): gives the exhaustion month. */
  monthly?: boolean;
  /** Tier cut points in payable months (default: the national warning defaults). */
  thresholds?: TierThresholds;
}

export interface StochasticResult {
  paths: number;
  seed: number;
  monthly: boolean;
  years: number[];
  /**
   * Per level, one value per year: balance in yuan, payable months in months (±Infinity, null in
   * JSON, in a year whose expenditure is ≤ 0, as the deterministic projection's null).
   */
  percentiles: { balance: PercentileTable; payableMonths: PercentileTable };
  /** Per year: share of paths with a current deficit, income + interest < expenditure. */
  probabilityDeficit: number[];
  /** Per year: share of paths in the red tier at the year-end. */
  probabilityRed: number[];
  /** Per year and tier: share of paths in the tier at the year-end (sums to 1 per year). */
  tierProbabilities: Record<Tier, number[]>;
  /** Per year: share of paths whose balance ended a month (a year, with yearly steps) ≤ 0 in or before it. */
  probabilityExhaustedBy: number[];
  /** Per year: share of paths red at a year-end, or exhausted, in or before it. */
  probabilityRedBy: number[];
  /** Share of paths first exhausted in each year, then `year: null` for the rest; sums to 1. */
  exhaustionYearDistribution: { year: number | null; probability: number }[];
  /** With month steps: the months (`YYYY-MM`) in which paths were first exhausted, then null for the rest. */
  exhaustionMonthDistribution?: { month: string | null; probability: number }[];
  /** The shock specification used. */
  shocks: ShockSpec;
}

function checkOptions(scenario: Scenario, paths: number, seed: number): void {
  if (!Number.isInteger(paths) || paths < 1 || paths > MAX_PATHS) throw new Error(`paths must be an integer from 1 to ${MAX_PATHS}, got ${paths}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new Error(`seed must be an integer from 0 to ${MAX_SEED}, got ${seed}`);
  if (scenario.scheme !== 'employee' && scenario.scheme !== 'resident') {
    throw new Error(`scheme must be 'employee' or 'resident', got ${String((scenario as { scheme: unknown }).scheme)}`);
  }
}

const copySpec = (s: ShockSpec): ShockSpec => ({
  drivers: [...s.drivers], sigma: [...s.sigma], phi: [...s.phi], correlation: s.correlation.map((row) => [...row]),
  ...(s.source === undefined ? {} : { source: s.source }),
});

function summarise(scenario: Scenario, paths: number, ledger: Ledger, monthly: boolean) {
  const years = Array.from({ length: scenario.horizonYears }, (_, t) => scenario.startYear + t);
  const share = (count: number) => count / paths;
  const perYear = new Int32Array(years.length);
  ledger.exhaustedInMonth.forEach((c, i) => { perYear[Math.floor(i / 12)] = (perYear[Math.floor(i / 12)] as number) + c; });
  let cumulative = 0;
  const exhaustedBy = Array.from(perYear, (c) => share(cumulative += c));
  const notExhausted = share(paths - cumulative);
  const months: { month: string | null; probability: number }[] = [];
  ledger.exhaustedInMonth.forEach((c, i) => {
    if (c > 0) months.push({ month: formatMonth(scenario.startYear + Math.floor(i / 12), (i % 12) + 1), probability: share(c) });
  });
  return {
    years,
    probabilityDeficit: Array.from(ledger.deficitCount, share),
    probabilityRed: years.map((_, t) => share(ledger.tierCount[t * TIERS.length] as number)),
    tierProbabilities: Object.fromEntries(TIERS.map((tier, k) => [tier, years.map((_, t) => share(ledger.tierCount[t * TIERS.length + k] as number))])) as Record<Tier, number[]>,
    probabilityExhaustedBy: exhaustedBy,
    probabilityRedBy: Array.from(ledger.redByCount, share),
    exhaustionYearDistribution: [...years.map((year, t) => ({ year: year as number | null, probability: share(perYear[t] as number) })), { year: null, probability: notExhausted }],
    ...(monthly ? { exhaustionMonthDistribution: [...months, { month: null, probability: notExhausted }] } : {}),
  };
}

export function simulateScenario(scenario: Scenario, options: SimulateOptions): StochasticResult {
  const paths = options.paths ?? DEFAULT_PATHS;
  const { seed } = options;
  checkOptions(scenario, paths, seed);
  const spec = options.shocks ?? defaultShockSpec(scenario.scheme);
  const compiled = compileShocks(spec, scenario.scheme);
  const thresholds = options.thresholds ?? DEFAULT_WARNING_PARAMS.thresholds;
  checkThresholds(thresholds, 'thresholds');
  const monthly = options.monthly ?? true;
  const cumulativeShares = {
    income: cumulativeMonthlyShares(scenario.monthlyProfile?.income, 'income'),
    expenditure: cumulativeMonthlyShares(scenario.monthlyProfile?.expenditure, 'expenditure'),
  };
  const years = scenario.horizonYears;
  const flows = scenarioCashflows(scenario, paths);
  const sampler = createDeviationSampler(compiled, paths, createRng(seed));
  const ledger = createLedger({ paths, years, openingBalanceYuan: scenario.opening.balanceYuan, monthly, cumulativeShares, thresholds });
  const income = new Float64Array(paths);
  const expenditure = new Float64Array(paths);
  const balancePercentiles = createPercentileRecorder(paths, years);
  const monthsPercentiles = createPercentileRecorder(paths, years);
  for (let t = 0; t < years; t++) {
    sampler.advance();
    flows.advance(t, sampler.deviations, income, expenditure);
    ledger.step(t, flows.interestRate[t] as number, income, expenditure);
    balancePercentiles.record(ledger.balance, t);
    monthsPercentiles.record(ledger.payableMonths, t);
    options.onProgress?.((t + 1) * paths, years * paths);
  }
  const { years: yearList, ...probabilities } = summarise(scenario, paths, ledger, monthly);
  return {
    paths, seed, monthly, years: yearList,
    percentiles: { balance: balancePercentiles.table, payableMonths: monthsPercentiles.table },
    ...probabilities,
    shocks: copySpec(spec),
  };
}
