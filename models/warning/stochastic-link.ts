/**
 * Linking a fund's forward warning to a stochastic projection run (domain.md §3.2 "the
 * projection's probability of red within the horizon", §6.3): which run applies to a warning made
 * at an origin period, how its yearly probabilities map onto the warning's projected periods, and
 * whether the run is stale.
 *
 * The run reports, per projected calendar year Y, the cumulative probability that the fund has been
 * red at a year-end, or exhausted in any month, in or before Y: \(\pi_Y\) (simulate.ts
 * `probabilityRedBy`). A warning made at origin P projects periods P+1, P+2, …; the probability
 * for a projected period p is
 * $$ \pi(p) = \pi_{\mathrm{year}(p)} $$
 * plain: the run's probability of red by the end of the calendar year that contains p; null when
 * the run does not project that year. So a 12-month horizon from P uses the year-end of the year
 * containing P+12: exact when P is a December (or a yearly fund), otherwise the probability by a
 * year-end up to 11 months after the horizon. We take this rule because the run only observes
 * tiers at year-ends: the alternative, the last year-end at or before P+12, would cover as little
 * as one month of a 12-month horizon (P = 2025-01 → end of 2025) and understate the risk; a warning
 * that errs, errs towards caution, and the reason text names the year-end used.
 *
 * A run covers an origin when there is no gap and it reaches the first horizon: its first year is
 * at most the year of P+1 and its last at least the year of P+h₁. Later horizons beyond its last
 * year get null. Stale (still used, but marked):
 * - `newer_data`: the fund has data the scenario was not calibrated on: a record vintage (ISO text,
 *   compared as text) newer than the scenario's data vintage, or a complete calendar year of records
 *   after the scenario's opening year (first projected year − 1), i.e. the run projects a year already
 *   observed in full;
 * - `old_run`: the run finished more than `maxRunAgeMonths` (default 12, one annual projection
 *   cycle; an `assumption`) before the origin month. Age is measured against the data period, not
 *   the wall clock, so the same data give the same warning (reproducible and memoisable).
 *
 * Limits: the run's red tier uses the cut points it was simulated with (the national defaults unless
 * the run says otherwise), which may differ from a region's override used for the warning's tiers.
 *
 * @see domain.md §3.2, §6.3; models/stochastic/simulate.ts (`probabilityRedBy`); models/warning/forward.ts.
 */
import { parsePeriod } from '../core/period.ts';

export type StaleReason = 'newer_data' | 'old_run';

/** Where a forward warning's probability of red comes from, printed with it. */
export interface StochasticSource {
  runId: number;
  /** The day the run finished, `YYYY-MM-DD`. */
  finishedOn: string;
  paths: number;
  /** Months from the run's finishing month to the origin month (negative: the run is newer than the data). */
  ageMonths: number;
  /** Why the run is stale; empty when it is current. */
  stale: StaleReason[];
}

/** What the link needs of a completed run. */
export interface StochasticRunFacts {
  runId: number;
  /** ISO timestamp the run finished (`YYYY-MM-DD…`). */
  finishedAt: string;
  paths: number;
  /** Projected calendar years, consecutive, ascending (simulate.ts `years`). */
  years: readonly number[];
  /** Cumulative probability of red by each year (simulate.ts `probabilityRedBy`). */
  probabilityRedBy: readonly number[];
  /** Newest vintage of the records the scenario was calibrated on, or `manual`. */
  scenarioVintage: string;
}

export interface StochasticLinkInput {
  /** The warning's origin: the fund's last observed period (`YYYY-MM` or `YYYY`). */
  origin: string;
  /** The projected periods of the forward path, from the one after the origin. */
  pathPeriods: readonly string[];
  /** The warning's horizons in months, ascending; the run must reach the first. */
  horizonsMonths: readonly number[];
  /** Newest vintage among the fund's records up to the origin; null when unknown. */
  newestRecordVintage: string | null;
  /** Default {@link DEFAULT_MAX_RUN_AGE_MONTHS}. */
  maxRunAgeMonths?: number;
}

export interface StochasticLink {
  /** One value per path period: the run's π of the year containing it, or null (not projected). */
  probabilityRedBy: (number | null)[];
  source: StochasticSource;
}

/** One annual projection cycle (`assumption`). */
export const DEFAULT_MAX_RUN_AGE_MONTHS = 12;
const MONTHS_PER_YEAR = 12;
const ISO_DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])/;
const MANUAL_VINTAGE = 'manual';

/** Month index (year × 12 + month − 1) of a period's last month. */
const lastMonthIndex = (p: string) => {
  const parsed = parsePeriod(p);
  return parsed.kind === 'month' ? parsed.index : parsed.year * MONTHS_PER_YEAR + MONTHS_PER_YEAR - 1;
};

function checkRun(run: StochasticRunFacts): void {
  if (!Number.isSafeInteger(run.runId) || run.runId <= 0) throw new Error(`runId must be a positive integer, got ${run.runId}`);
  if (!ISO_DAY.test(run.finishedAt)) throw new Error(`run ${run.runId}: finishedAt must be an ISO date YYYY-MM-DD, got "${run.finishedAt}"`);
  if (!Number.isSafeInteger(run.paths) || run.paths <= 0) throw new Error(`run ${run.runId}: paths must be a positive integer, got ${run.paths}`);
  if (run.years.length === 0) throw new Error(`run ${run.runId}: no projected years`);
  if (run.probabilityRedBy.length !== run.years.length) {
    throw new Error(`run ${run.runId}: probabilityRedBy has ${run.probabilityRedBy.length} values for ${run.years.length} years`);
  }
  run.probabilityRedBy.forEach((x, i) => {
    if (typeof x !== 'number' || !(x >= 0 && x <= 1)) throw new Error(`run ${run.runId}: probabilityRedBy[${i}] must be a probability in [0, 1], got ${x}`);
    if (i > 0 && x < (run.probabilityRedBy[i - 1] as number)) throw new Error(`run ${run.runId}: probabilityRedBy[${i}] = ${x} falls below the year before: a cumulative probability cannot fall`);
  });
  run.years.forEach((y, i) => {
    if (!Number.isSafeInteger(y) || (i > 0 && y !== (run.years[i - 1] as number) + 1)) {
      throw new Error(`run ${run.runId}: years must be consecutive integers, got ${run.years.join(', ')}`);
    }
  });
}

/**
 * Whether a run applies to a warning made at `origin`: first year ≤ year(P+1) and last year ≥ year(P+h₁).
 * @throws Error the period errors of `parsePeriod` for a bad origin.
 * @example stochasticRunCovers('2025-06', 12, [2025, 2026, 2027]) // => true
 * @example stochasticRunCovers('2025-12', 12, [2027, 2028]) // => false (2026 is not projected)
 */
export function stochasticRunCovers(origin: string, firstHorizonMonths: number, years: readonly number[]): boolean {
  const first = years[0];
  const last = years.at(-1);
  if (first === undefined || last === undefined) return false;
  const p = parsePeriod(origin);
  const [nextYear, horizonYear] = p.kind === 'month'
    ? [Math.floor((p.index + 1) / MONTHS_PER_YEAR), Math.floor((p.index + firstHorizonMonths) / MONTHS_PER_YEAR)]
    : [p.year + 1, p.year + Math.floor(firstHorizonMonths / MONTHS_PER_YEAR)];
  return first <= nextYear && last >= horizonYear;
}

/**
 * The run's probabilities on the warning's path and where they come from (rules in the file comment).
 * @throws Error `runId must be a positive integer, got <x>`; `run <id>: finishedAt must be an ISO date YYYY-MM-DD, got "<x>"`;
 *   `run <id>: paths must be a positive integer, got <x>`; `run <id>: no projected years`;
 *   `run <id>: probabilityRedBy has <n> values for <m> years`; `run <id>: probabilityRedBy[<i>] must be a probability in [0, 1], got <x>`;
 *   `run <id>: probabilityRedBy[<i>] = <x> falls below the year before: a cumulative probability cannot fall`;
 *   `run <id>: years must be consecutive integers, got <list>`;
 *   `run <id> does not cover a warning from <origin>: it projects <first>–<last>`;
 *   `maxRunAgeMonths must be a non-negative integer, got <x>`; and `parsePeriod`'s message for a bad period.
 * @example linkStochasticRun({ runId: 7, finishedAt: '2026-02-01T08:00:00Z', paths: 1000, years: [2026, 2027],
 *   probabilityRedBy: [0.1, 0.3], scenarioVintage: '2026-01-15' },
 *   { origin: '2025-12', pathPeriods: ['2026-01', '2026-12', '2027-01'], horizonsMonths: [12], newestRecordVintage: '2026-01-15' })
 * // => { probabilityRedBy: [0.1, 0.1, 0.3], source: { runId: 7, finishedOn: '2026-02-01', paths: 1000, ageMonths: -2, stale: [] } }
 */
export function linkStochasticRun(run: StochasticRunFacts, input: StochasticLinkInput): StochasticLink {
  checkRun(run);
  const maxAge = input.maxRunAgeMonths ?? DEFAULT_MAX_RUN_AGE_MONTHS;
  if (!Number.isSafeInteger(maxAge) || maxAge < 0) throw new Error(`maxRunAgeMonths must be a non-negative integer, got ${maxAge}`);
  const first = run.years[0] as number;
  if (!stochasticRunCovers(input.origin, input.horizonsMonths[0] ?? 0, run.years)) {
    throw new Error(`run ${run.runId} does not cover a warning from ${input.origin}: it projects ${first}–${run.years.at(-1)}`);
  }
  const probabilityRedBy = input.pathPeriods.map((p) => run.probabilityRedBy[parsePeriod(p).year - first] ?? null);

  const origin = parsePeriod(input.origin);
  const originMonth = lastMonthIndex(input.origin);
  const finishedMonth = Number(run.finishedAt.slice(0, 4)) * MONTHS_PER_YEAR + Number(run.finishedAt.slice(5, 7)) - 1;
  const ageMonths = originMonth - finishedMonth;
  // the last calendar year observed in full at the origin
  const lastCompleteYear = origin.kind === 'year' || origin.month === MONTHS_PER_YEAR ? origin.year : origin.year - 1;
  const newerVintage = run.scenarioVintage !== MANUAL_VINTAGE && input.newestRecordVintage !== null && input.newestRecordVintage > run.scenarioVintage;
  const stale: StaleReason[] = [];
  if (newerVintage || lastCompleteYear > first - 1) stale.push('newer_data');
  if (ageMonths > maxAge) stale.push('old_run');
  return { probabilityRedBy, source: { runId: run.runId, finishedOn: run.finishedAt.slice(0, 10), paths: run.paths, ageMonths, stale } };
}
