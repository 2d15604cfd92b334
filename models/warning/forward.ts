/**
 * Forward warnings (domain.md §3.2, flag `forward`): does a fund's expected path, a forecast's
 * median monthly income and expenditure or a projection's yearly path, take it into orange or red
 * within 12 or 24 months, and when?
 *
 * The path continues the observed series period by period. Unless the path gives the balance (a
 * projection that credits interest does), it is rolled forward exactly in fen:
 * $$ B_k = B_{k-1} + I_k - E_k, \qquad B_0 = \text{the last observed balance} $$
 * plain: balance of projected period k = previous balance + projected income − projected expenditure.
 * Each projected period is then classified exactly as an observed one (evaluate.ts) on the observed
 * series joined with the path, so the trailing-12-month window of an early projected month still
 * holds observed months: m_k = B_k · n / E_w (months), tiers from the fund's cut points.
 *
 * "Enters" means a move into a worse band than the fund is in now: `warningEntry` is the first
 * projected period in orange or red when the fund is neither now; `redEntry` the first in red when
 * the fund is not red now. Only periods within the longest horizon count; the flag `forward` is
 * set when either entry exists. Months ahead are k for a monthly path, 12·k for a yearly one.
 *
 * Limits: a `projected_next_12` denominator would need the path to run 12 months past the horizon,
 * so the path is classified with the trailing window (`current_year`) in its place; the origin tier
 * is computed the same way. A stochastic run's cumulative probability of red by each path period
 * (domain.md §6.3) is passed through per horizon, not estimated here: the horizon takes the value of
 * its last path period (null where the run does not reach; stochastic-link.ts maps a run onto the
 * path), and the run's identity, when given, travels with the warning for the reason text.
 *
 * @see domain.md §3.2 (flag `forward`), §6.3 (probability of red).
 * @see Boards of Trustees of the Federal Hospital Insurance and Federal Supplementary Medical Insurance
 *   Trust Funds, 2024 Annual Report, short-range test of financial adequacy: the same question asked of
 *   the projected trust fund ratio (reserves ÷ the year's cost) over the coming years.
 */
import { parsePeriod, type ParsedPeriod } from '../core/period.ts';
import { evaluateFundSeries } from './evaluate.ts';
import { resolveParams, type WarningParams } from './params.ts';
import { sortSeries, type FundPeriodRow } from './series.ts';
import type { Tier } from './tier.ts';
import type { StochasticSource } from './stochastic-link.ts';

/** One projected period; amounts in integer fen. */
export interface ForwardPathRow {
  period: string;
  incomeFen: number;
  expenditureFen: number;
  /** End-of-period balance when the path has its own (e.g. with interest); else rolled forward. */
  balanceFen?: number;
}

export interface ForwardOptions {
  scheme: string;
  /** The fund's parameter set (region overrides resolved by the caller, scheme overrides here). */
  params: WarningParams;
  /** Horizons in months, default {@link DEFAULT_FORWARD_HORIZONS}. */
  horizonsMonths?: readonly number[];
  /** Cumulative probability of red by each path period, from a stochastic run (one per path row; null where the run does not reach). */
  probabilityRedBy?: readonly (number | null)[];
  /** The run the probabilities come from (needs `probabilityRedBy`). */
  stochasticSource?: StochasticSource;
}

export interface ForwardPoint {
  period: string;
  monthsAhead: number;
  incomeFen: number;
  expenditureFen: number;
  balanceFen: number;
  payableMonths: number | null;
  tier: Tier;
}

export interface ForwardHorizon {
  months: number;
  /** Tier of the last path period within the horizon (the tier "in 12 months"). */
  tier: Tier;
  /** The tier with the fewest payable months reached within the horizon. */
  lowestTier: Tier;
  entersWarning: boolean;
  entersRed: boolean;
  /** Probability of red by the horizon from a stochastic run; null when none was given. */
  probabilityRed: number | null;
}

export interface ForwardWarning {
  origin: { period: string; periodKind: 'month' | 'year'; tier: Tier; payableMonths: number | null };
  path: ForwardPoint[];
  warningEntry: ForwardPoint | null;
  redEntry: ForwardPoint | null;
  horizons: ForwardHorizon[];
  flags: 'forward'[];
  /** The stochastic run behind `probabilityRed`, when one was given. */
  stochastic: StochasticSource | null;
}

export const DEFAULT_FORWARD_HORIZONS: readonly number[] = [12, 24];
const MONTHS_PER_YEAR = 12;
/** Tiers from the fewest payable months to the most. */
const BY_MONTHS: readonly Tier[] = ['red', 'orange', 'green', 'blue', 'purple'];
const inWarning = (tier: Tier) => tier === 'red' || tier === 'orange';

/**
 * @param history observed rows of the fund (any order; checked as in `evaluateFundSeries`)
 * @param path projected rows, consecutive from the period after the last observed one
 * @throws Error `a forward warning needs at least one observed period`, `the forward path is empty`,
 *   `forward path period <p> must follow <q>`, `forward path period <p>: incomeFen must be a safe integer ≥ 0 (fen), got <x>`
 *   (likewise expenditureFen), `forward path period <p>: balanceFen must be a safe integer (fen), got <x>`,
 *   `forward path period <p>: balance <x> fen is beyond the exact range`,
 *   `horizonsMonths must be positive integers, got <x>`,
 *   `the path reaches <k> months ahead; a horizon of <h> months needs a path that long`,
 *   `a horizon of <h> months is shorter than the first path period (<k> months ahead)`,
 *   `probabilityRedBy must have one value per path period (<n>), got <m>`,
 *   `probabilityRedBy[<i>] must be a probability in [0, 1], got <x>`,
 *   `probabilityRedBy[<i>] = <x> is below probabilityRedBy[<j>] = <y>: a probability of red by a period cannot fall`
 *   (j the nearest earlier period with a value), `stochasticSource needs probabilityRedBy`,
 *   and the errors of `evaluateFundSeries` for bad observed rows.
 * @example forwardWarning([{ period: '2024', incomeFen: 1200, expenditureFen: 1200, balanceFen: 1200 }],
 *   [{ period: '2025', incomeFen: 600, expenditureFen: 1200 }, { period: '2026', incomeFen: 600, expenditureFen: 1200 }],
 *   { scheme: 'employee', params: DEFAULT_WARNING_PARAMS }).horizons.map((h) => h.tier) // => ['green', 'red']
 */
export function forwardWarning(history: readonly FundPeriodRow[], path: readonly ForwardPathRow[], options: ForwardOptions): ForwardWarning {
  const horizons = checkHorizons(options.horizonsMonths ?? DEFAULT_FORWARD_HORIZONS);
  const observed = sortSeries(history);
  const last = observed.at(-1);
  if (!last) throw new Error('a forward warning needs at least one observed period');
  if (path.length === 0) throw new Error('the forward path is empty');
  const probabilities = options.probabilityRedBy === undefined ? undefined : checkProbabilities(options.probabilityRedBy, path.length);
  if (options.stochasticSource && !probabilities) throw new Error('stochasticSource needs probabilityRedBy');
  const projected = rollForward(last.period, last.balanceFen, path);
  const stepMonths = last.period.kind === 'year' ? MONTHS_PER_YEAR : 1;
  checkCoverage(horizons, stepMonths, path.length);

  const resolved = resolveParams(options.params, undefined, options.scheme);
  const params: WarningParams = resolved.denominator === 'projected_next_12' ? { ...resolved, denominator: 'current_year' } : resolved;
  const rows: FundPeriodRow[] = observed.map((p) => ({ period: p.period.text, incomeFen: p.incomeFen, expenditureFen: p.expenditureFen, balanceFen: p.balanceFen }));
  const warnings = evaluateFundSeries([...rows, ...projected], { scheme: options.scheme, params });
  const origin = warnings[observed.length - 1] as (typeof warnings)[number];
  const points: ForwardPoint[] = projected.map((row, k) => {
    const w = warnings[observed.length + k] as (typeof warnings)[number];
    return { ...row, monthsAhead: (k + 1) * stepMonths, payableMonths: w.payableMonths, tier: w.tier };
  });

  const longest = horizons.at(-1) as number;
  const within = points.filter((p) => p.monthsAhead <= longest);
  const warningEntry = inWarning(origin.tier) ? null : within.find((p) => inWarning(p.tier)) ?? null;
  const redEntry = origin.tier === 'red' ? null : within.find((p) => p.tier === 'red') ?? null;
  return {
    origin: { period: origin.period, periodKind: origin.periodKind, tier: origin.tier, payableMonths: origin.payableMonths },
    path: points,
    warningEntry,
    redEntry,
    horizons: horizons.map((months): ForwardHorizon => {
      const count = Math.floor(months / stepMonths);
      const upTo = points.slice(0, count);
      const lowest = Math.min(...upTo.map((p) => BY_MONTHS.indexOf(p.tier)));
      return {
        months,
        tier: (upTo.at(-1) as ForwardPoint).tier,
        lowestTier: BY_MONTHS[lowest] as Tier,
        entersWarning: warningEntry !== null && warningEntry.monthsAhead <= months,
        entersRed: redEntry !== null && redEntry.monthsAhead <= months,
        probabilityRed: probabilities?.[count - 1] ?? null,
      };
    }),
    flags: warningEntry || redEntry ? ['forward'] : [],
    stochastic: options.stochasticSource ?? null,
  };
}

function rollForward(lastPeriod: ParsedPeriod, lastBalanceFen: number, path: readonly ForwardPathRow[]): Omit<ForwardPoint, 'monthsAhead' | 'payableMonths' | 'tier'>[] {
  let prev = lastPeriod;
  let balance = lastBalanceFen;
  return path.map((p) => {
    const period = parsePeriod(p.period);
    if (period.kind !== prev.kind || period.index !== prev.index + 1) throw new Error(`forward path period ${period.text} must follow ${prev.text}`);
    for (const key of ['incomeFen', 'expenditureFen'] as const) {
      const v = p[key];
      if (!Number.isSafeInteger(v) || v < 0) throw new Error(`forward path period ${period.text}: ${key} must be a safe integer ≥ 0 (fen), got ${v}`);
    }
    if (p.balanceFen !== undefined) {
      if (!Number.isSafeInteger(p.balanceFen)) throw new Error(`forward path period ${period.text}: balanceFen must be a safe integer (fen), got ${p.balanceFen}`);
      balance = p.balanceFen;
    } else {
      // sums of safe integers are exact while the result is safe; a rounded result is ≥ 2^53 and caught here
      balance = balance + p.incomeFen - p.expenditureFen;
      if (!Number.isSafeInteger(balance)) throw new Error(`forward path period ${period.text}: balance ${balance} fen is beyond the exact range`);
    }
    prev = period;
    return { period: period.text, incomeFen: p.incomeFen, expenditureFen: p.expenditureFen, balanceFen: balance + 0 };
  });
}

function checkHorizons(horizons: readonly number[]): number[] {
  for (const h of horizons) if (!Number.isSafeInteger(h) || h <= 0) throw new Error(`horizonsMonths must be positive integers, got ${h}`);
  if (horizons.length === 0) throw new Error('horizonsMonths must be positive integers, got none');
  return [...new Set(horizons)].sort((a, b) => a - b);
}

function checkCoverage(horizons: readonly number[], stepMonths: number, length: number): void {
  const reach = length * stepMonths;
  for (const h of horizons) {
    if (h > reach) throw new Error(`the path reaches ${reach} months ahead; a horizon of ${h} months needs a path that long`);
    if (h < stepMonths) throw new Error(`a horizon of ${h} months is shorter than the first path period (${stepMonths} months ahead)`);
  }
}

function checkProbabilities(p: readonly (number | null)[], n: number): readonly (number | null)[] {
  if (p.length !== n) throw new Error(`probabilityRedBy must have one value per path period (${n}), got ${p.length}`);
  let prev: { i: number; x: number } | undefined;
  p.forEach((x, i) => {
    if (x === null) return;
    if (typeof x !== 'number' || !(x >= 0 && x <= 1)) throw new Error(`probabilityRedBy[${i}] must be a probability in [0, 1], got ${x}`);
    if (prev !== undefined && x < prev.x) {
      throw new Error(`probabilityRedBy[${i}] = ${x} is below probabilityRedBy[${prev.i}] = ${prev.x}: a probability of red by a period cannot fall`);
    }
    prev = { i, x };
  });
  return p;
}
