/**
 * The forward warning of one fund from a forecast of its own trailing history: income and
 * expenditure are forecast separately (models/forecast), their median paths (the forecast means:
 * the methods here have symmetric errors) become a projected path, and models/warning
 * `forwardWarning` classifies it. Monthly funds are forecast 24 months ahead, yearly funds 2 years.
 *
 * The dashboard uses Theta: on the M3 monthly series it is within 0.2 sMAPE points of `auto`
 * (BENCHMARKS.md: 13.86 vs 13.66) at about a thousandth of the time (0.04 vs 55 ms a series), which
 * keeps a recomputation of every fund's warning within a second. `warning.forward` can ask for
 * `auto` or ETS for one fund. A series too short or too odd for the method falls back to naive
 * (the last value carried forward); one with fewer than two periods gets no forward warning.
 *
 * When the fund has completed Monte Carlo runs (warning-stochastic.ts), the newest one that covers
 * the warning's origin gives the probability of red per horizon (models/warning stochastic-link.ts:
 * the run's probability by the end of the calendar year containing the horizon's last month), with
 * the run's id, date and staleness; a run whose stored result cannot be linked is named in `note`.
 */
import type { FundFlowRow, FundHeader } from '../db/queries/fund-records.ts';
import {
  forecastSeries, forwardWarning, linkStochasticRun, monthIndexToText, parsePeriod, stochasticRunCovers,
  type ForwardPathRow, type ForwardWarning, type MethodName, type StochasticLink, type WarningParams,
} from '../../models/index.ts';
import type { ForwardStochastic } from './warning-stochastic.ts';

export const SNAPSHOT_FORECAST_METHOD: MethodName = 'theta';
export const FORWARD_HORIZONS_MONTHS: readonly number[] = [12, 24];
const FALLBACK_METHOD: MethodName = 'naive';
const MIN_POINTS = 2;

export interface ForwardRun {
  warning: ForwardWarning | null;
  /** The method that produced the path (the one asked for, or the fallback). */
  method: MethodName | null;
  /** The fitted models, income then expenditure (e.g. "Theta (SES α = …)"). */
  model: string | null;
  /** Why there is no forward warning, or that the fallback was used. */
  note: string | null;
}

/** The trailing run of consecutive periods (a forecast needs a regular series). */
function contiguousTail(records: readonly FundFlowRow[]): FundFlowRow[] {
  let start = records.length - 1;
  while (start > 0 && parsePeriod((records[start] as FundFlowRow).period).index - parsePeriod((records[start - 1] as FundFlowRow).period).index === 1) start--;
  return records.slice(Math.max(0, start));
}

/** Models throw plain `Error`s for a series they cannot take; anything else is a bug and propagates. */
const isInputError = (err: unknown): err is Error => err instanceof Error && err.constructor === Error;

function forecastPath(tail: readonly FundFlowRow[], kind: 'month' | 'year', method: MethodName): { path: ForwardPathRow[]; model: string } {
  const frequency = kind === 'month' ? 12 : 1;
  const horizon = kind === 'month' ? 24 : 2;
  const last = parsePeriod((tail.at(-1) as FundFlowRow).period);
  const start = parsePeriod((tail[0] as FundFlowRow).period).index;
  const request = { horizon, levels: [] };
  const income = forecastSeries({ values: tail.map((r) => r.incomeFen / 100), frequency, start }, method, request);
  const expenditure = forecastSeries({ values: tail.map((r) => r.expenditureFen / 100), frequency, start }, method, request);
  // a forecast below zero spending or income is read as zero; yuan → fen rounded half away from zero
  const fen = (yuan: number | undefined) => {
    if (yuan === undefined || !Number.isFinite(yuan)) throw new Error(`${method} gave a non-finite forecast`);
    return Math.round(Math.max(0, yuan) * 100);
  };
  const path = Array.from({ length: horizon }, (_, k): ForwardPathRow => ({
    period: kind === 'month' ? monthIndexToText(last.index + k + 1) : String(last.year + k + 1),
    incomeFen: fen(income.mean[k]),
    expenditureFen: fen(expenditure.mean[k]),
  }));
  return { path, model: `${income.model} / ${expenditure.model}` };
}

/**
 * @throws only on a bug; a series the method cannot take falls back to naive, and one naive cannot
 *   take (or a path beyond the exact range) gives `warning: null` with the reason in `note`.
 */
export function forecastForward(
  fund: Pick<FundHeader, 'periodKind' | 'scheme'>, records: readonly FundFlowRow[], params: WarningParams, method: MethodName, stochastic?: ForwardStochastic,
): ForwardRun {
  const tail = contiguousTail(records);
  if (tail.length < MIN_POINTS) return { warning: null, method: null, model: null, note: `${tail.length} consecutive period(s) are too few to forecast` };
  const attempts: MethodName[] = method === FALLBACK_METHOD ? [method] : [method, FALLBACK_METHOD];
  let note: string | null = null;
  for (const m of attempts) {
    try {
      const { path, model } = forecastPath(tail, fund.periodKind, m);
      const linked = stochastic ? linkRun(stochastic, (tail.at(-1) as FundFlowRow).period, path) : { link: null, note: null };
      const warning = forwardWarning(records, path, {
        scheme: fund.scheme, params, horizonsMonths: FORWARD_HORIZONS_MONTHS,
        ...(linked.link ? { probabilityRedBy: linked.link.probabilityRedBy, stochasticSource: linked.link.source } : {}),
      });
      return { warning, method: m, model, note: [note, linked.note].filter(Boolean).join('; ') || null };
    } catch (err) {
      if (!isInputError(err)) throw err;
      note = `${m}: ${err.message}`;
    }
  }
  return { warning: null, method: null, model: null, note };
}

/**
 * The newest run covering the origin, linked to the path. A run whose stored result the link refuses
 * (no yearly probabilities, misaligned arrays) is skipped and named in the note, never used.
 */
function linkRun(stochastic: ForwardStochastic, origin: string, path: readonly ForwardPathRow[]): { link: StochasticLink | null; note: string | null } {
  const refused: string[] = [];
  for (const run of stochastic.runs) {
    if (run.years.length > 0 && !stochasticRunCovers(origin, FORWARD_HORIZONS_MONTHS[0] as number, run.years)) continue;
    try {
      const link = linkStochasticRun(run, { origin, pathPeriods: path.map((p) => p.period), horizonsMonths: FORWARD_HORIZONS_MONTHS, newestRecordVintage: stochastic.newestRecordVintage });
      return { link, note: refused.join('; ') || null };
    } catch (err) {
      if (!isInputError(err)) throw err;
      refused.push(`stochastic run ${run.runId} not used: ${err.message}`);
    }
  }
  return { link: null, note: refused.join('; ') || null };
}
