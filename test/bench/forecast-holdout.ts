/**
 * Hold-out check of `auto` on data it was not designed on, beside R forecast 8.20's ets(), thetaf() and
 * auto.arima() on the very same splits.
 *
 * The series (test/bench/holdout/holdout_series.csv: 785 yearly, 29 quarterly, 33 monthly) are the
 * calendar-yearly, quarterly and monthly series shipped with R packages in Debian plus the US Medicare HI
 * figures of shared/data/medicare; test/bench/holdout/holdout-r.R picked them by fixed rules and measured
 * R on them (r_holdout_measured.csv, committed: this bench needs no R). Horizons are M3's (6, 8, 18); the
 * scoring is the M3 bench's (forecast-scores.ts: sMAPE in percent, MASE scaled by the in-sample
 * seasonal-naive MAE of the train split, share of test values inside the 95% interval), averaged over
 * series. A method that throws or returns a non-finite forecast is scored with naive (forecast and
 * interval), as R's failures are.
 *
 * Panels (plm Produc and Cigar, AER Grunfeld) give one series per unit and variable; they share common
 * shocks, so each collection is shown on its own beside the pooled figure per frequency. The verdict
 * compares the pooled figure with R's best method on that frequency (lowest mean, sMAPE and MASE taken
 * separately).
 *
 * `npx tsx test/bench/forecast-holdout.ts` prints the tables. FUNDRISK_BENCH_METHODS=a,b picks our
 * methods (default auto).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { METHODS } from '../../models/forecast/registry.ts';
import type { MethodName } from '../../models/forecast/types.ts';
import { coverage, mase, maseScale, smape } from './forecast-scores.ts';
import { fmt } from './stats.ts';

const DIR = join(import.meta.dirname, 'holdout');
const LEVELS = [80, 95] as const;
const R_METHODS = ['ets', 'theta', 'arima', 'naive'] as const;
const R_LABEL: Record<(typeof R_METHODS)[number], string> = { ets: 'R ets()', theta: 'R thetaf()', arima: 'R auto.arima()', naive: 'R naive()/snaive()' };

export interface HoldoutSeries {
  id: string;
  collection: string;
  period: 'yearly' | 'quarterly' | 'monthly';
  frequency: number;
  train: number[];
  test: number[];
}

interface Score { smape: number; mase: number; cover95: number; failed: boolean; ms: number }
interface Row { label: string; collection: string; series: number; smape: number; mase: number; cover95: number; failures: number; ms: number }

/**
 * Reads holdout_series.csv: `series,collection,period,frequency,start_year,start_cycle,h,values`, values
 * space-separated in time order, the last h being the test split.
 * @throws Error `holdout_series.csv line <k>: <why>` on a malformed row.
 */
export function loadHoldout(path = join(DIR, 'holdout_series.csv')): HoldoutSeries[] {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l && !l.startsWith('#'));
  if (lines[0] !== 'series,collection,period,frequency,start_year,start_cycle,h,values') throw new Error(`holdout_series.csv: unexpected header "${lines[0]}"`);
  return lines.slice(1).map((line, k) => {
    const c = line.split(',');
    const values = (c[7] ?? '').split(' ').map(Number);
    const h = Number(c[6]);
    if (c.length !== 8 || !values.every(Number.isFinite) || !(h >= 1 && h < values.length)) throw new Error(`holdout_series.csv line ${k + 3}: expected 8 columns, finite values and 1 ≤ h < n`);
    return {
      id: c[0] as string, collection: c[1] as string, period: c[2] as HoldoutSeries['period'], frequency: Number(c[3]),
      train: values.slice(0, values.length - h), test: values.slice(values.length - h),
    };
  });
}

/** R's per-series accuracy from r_holdout_measured.csv, keyed by `<series>|<method>`. */
function loadR(path = join(DIR, 'r_holdout_measured.csv')): Map<string, Score> {
  const out = new Map<string, Score>();
  for (const line of readFileSync(path, 'utf8').split(/\r?\n/)) {
    if (!line || line.startsWith('#') || line.startsWith('series,')) continue;
    const [id, , , method, sm, ma, cov, failed, ms] = line.split(',');
    out.set(`${id}|${method}`, { smape: Number(sm), mase: Number(ma), cover95: Number(cov), failed: failed === '1', ms: Number(ms) });
  }
  return out;
}

function scoreOurs(name: MethodName, s: HoldoutSeries): Score {
  const request = { horizon: s.test.length, levels: LEVELS };
  const series = { values: s.train, frequency: s.frequency };
  const t0 = performance.now();
  let fc: { mean: number[]; lower: Record<string, number[]>; upper: Record<string, number[]> } | undefined;
  try {
    fc = METHODS[name].forecast(METHODS[name].fit(series), request);
  } catch {
    fc = undefined;
  }
  const ms = performance.now() - t0;
  const ok = !!fc && [fc.mean, fc.lower['95'], fc.upper['95']].every((a) => a?.length === request.horizon && a.every(Number.isFinite));
  if (!ok) fc = METHODS.naive.forecast(METHODS.naive.fit(series), request); // as R's failures: naive, intervals included
  const { mean, lower, upper } = fc as NonNullable<typeof fc>;
  return {
    smape: smape(s.test, mean), mase: mase(s.test, mean, maseScale(s.train, s.frequency)),
    cover95: coverage(s.test, lower['95'] as number[], upper['95'] as number[]), failed: !ok, ms,
  };
}

function summarise(label: string, collection: string, scores: Score[]): Row {
  const n = scores.length;
  const avg = (k: 'smape' | 'mase' | 'cover95' | 'ms') => scores.reduce((a, s) => a + s[k], 0) / n;
  return { label, collection, series: n, smape: avg('smape'), mase: avg('mase'), cover95: avg('cover95'), failures: scores.filter((s) => s.failed).length, ms: avg('ms') };
}

/** The hold-out tables for our methods `ours` (default: `auto` only). */
export function benchForecastHoldout(ours: readonly MethodName[] = ['auto']): string[] {
  const series = loadHoldout();
  const ref = loadR();
  const scores = new Map<string, Score[]>(); // `<label>|<series id>` → one score
  for (const name of ours) for (const s of series) scores.set(`${name}|${s.id}`, [scoreOurs(name, s)]);
  for (const m of R_METHODS) {
    for (const s of series) {
      const r = ref.get(`${s.id}|${m}`);
      if (!r) throw new Error(`r_holdout_measured.csv has no ${m} row for ${s.id}: rerun holdout-r.R`);
      scores.set(`${R_LABEL[m]}|${s.id}`, [r]);
    }
  }
  const labels = [...ours, ...R_METHODS.map((m) => R_LABEL[m])];
  const rowsOf = (ids: string[], collection: string) => labels.map((l) => summarise(l, collection, ids.flatMap((id) => scores.get(`${l}|${id}`) ?? [])));

  const lines = [
    '## Hold-out check: yearly, quarterly and monthly series `auto` was not designed on',
    '',
    `Series from R packages in Debian and shared/data/medicare (test/bench/holdout/holdout-r.R), M3 horizons, M3 scoring; R figures committed in r_holdout_measured.csv (${readFileSync(join(DIR, 'r_holdout_measured.csv'), 'utf8').split('\n')[0]?.match(/R [\d.]+ \/ forecast [\d.]+/)?.[0] ?? 'R'}). ms = fit + forecast per series (R: other run).`,
    '',
    '| collection | method | series | sMAPE | MASE | 95% coverage | failures | ms/series |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const verdicts: string[] = ['', '| frequency (pooled) | `auto` sMAPE / MASE | R\'s best sMAPE / MASE | |', '| --- | --- | --- | --- |'];
  for (const period of ['yearly', 'quarterly', 'monthly'] as const) {
    const inPeriod = series.filter((s) => s.period === period);
    const collections = [...new Set(inPeriod.map((s) => s.collection))];
    const groups: Array<[string, string[]]> = collections.length > 1 ? collections.map((c) => [c, inPeriod.filter((s) => s.collection === c).map((s) => s.id)]) : [];
    groups.push([`all ${period}`, inPeriod.map((s) => s.id)]);
    for (const [collection, ids] of groups) {
      for (const r of rowsOf(ids, collection)) {
        lines.push(`| ${collection} | ${r.label} | ${r.series} | ${fmt(r.smape, 3)} | ${fmt(r.mase, 3)} | ${fmt(100 * r.cover95, 1)}% | ${r.failures} | ${fmt(r.ms, 2)} |`);
      }
    }
    const pooled = rowsOf(inPeriod.map((s) => s.id), period);
    const auto = pooled.find((r) => r.label === 'auto');
    const rRows = pooled.filter((r) => r.label.startsWith('R ') && !r.label.startsWith('R naive'));
    const bestS = rRows.reduce((a, b) => (b.smape < a.smape ? b : a));
    const bestM = rRows.reduce((a, b) => (b.mase < a.mase ? b : a));
    if (auto) {
      const met = auto.smape < bestS.smape && auto.mase < bestM.mase;
      verdicts.push(`| ${period} (${auto.series}) | ${fmt(auto.smape, 2)} / ${fmt(auto.mase, 3)} | ${fmt(bestS.smape, 2)} (${bestS.label}) / ${fmt(bestM.mase, 3)} (${bestM.label}) | ${met ? 'better on both' : 'NOT better on both'} |`);
    }
  }
  return [...lines, ...verdicts];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const ours = (process.env.FUNDRISK_BENCH_METHODS ?? 'auto').split(',').map((m) => m.trim()).filter(Boolean);
  for (const m of ours) if (!(m in METHODS)) throw new Error(`FUNDRISK_BENCH_METHODS: unknown method "${m}"`);
  process.stdout.write(`${benchForecastHoldout(ours as MethodName[]).join('\n')}\n`);
}
