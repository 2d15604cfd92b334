/**
 * Forecasts and backtests of stored series (fund income/expenditure by source or use, institution
 * payments) for the actuary workspace; saved forecasts keep the data vintage and model version.
 */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { savedForecasts } from '../db/schema.ts';
import { backtest, forecastSeries, monthIndexToText, type MethodName } from '../../models/index.ts';
import { loadStoredSeries, type SeriesTarget } from './stored-series.ts';
import { appendAudit } from './audit.ts';
import { DomainError } from './errors.ts';
import type { SessionUser } from '../auth/sessions.ts';

/** Bumped whenever a forecasting method changes its numbers; stored with every saved forecast. */
export const MODEL_VERSION = 'fundrisk-forecast 0.1.0';
const DEFAULT_BACKTEST_METHODS: readonly MethodName[] = ['naive', 'snaive', 'drift', 'ets', 'arima', 'theta', 'combo', 'auto'];

export interface ForecastRunInput {
  target: SeriesTarget;
  method: MethodName;
  horizon: number;
  levels: number[];
}

export async function runForecast(db: Db, scope: Set<number> | null, input: ForecastRunInput) {
  const series = await loadStoredSeries(db, scope, input.target);
  let result;
  try {
    result = forecastSeries({ values: series.valuesYuan, frequency: series.frequency, start: series.start }, input.method, { horizon: input.horizon, levels: input.levels });
  } catch (err) {
    throw asInputError(err, `${input.method} cannot forecast this series: `);
  }
  const last = series.start + series.valuesYuan.length - 1;
  const periods = Array.from({ length: input.horizon }, (_, i) => (series.frequency === 12 ? monthIndexToText(last + 1 + i) : String(last + 1 + i)));
  return {
    history: series.periods.map((period, i) => ({ period, valueYuan: series.valuesYuan[i] as number })),
    forecast: { periods, mean: result.mean, lower: result.lower, upper: result.upper },
    method: result.method,
    model: result.model,
    frequency: series.frequency,
    dataVintage: series.dataVintage,
    modelVersion: MODEL_VERSION,
  };
}

export async function runBacktest(db: Db, scope: Set<number> | null, input: { target: SeriesTarget; horizon: number; origins: number; methods?: MethodName[] | undefined }) {
  const series = await loadStoredSeries(db, scope, input.target);
  const methods = (input.methods ?? DEFAULT_BACKTEST_METHODS).filter((m) => m !== 'snaive' || series.frequency > 1);
  const origins = Math.min(input.origins, series.valuesYuan.length - input.horizon - 2 + 1);
  if (origins < 1) throw new DomainError('BAD_REQUEST', `${series.valuesYuan.length} values are too few to backtest a horizon of ${input.horizon}`);
  try {
    const result = backtest({ values: series.valuesYuan, frequency: series.frequency, start: series.start }, { methods, horizon: input.horizon, origins });
    return { origins, horizon: input.horizon, methods: result.methods };
  } catch (err) {
    throw asInputError(err, '');
  }
}

/** Models throw plain `Error`s for input they cannot take; anything else (a TypeError…) is a bug and stays one. */
function asInputError(err: unknown, prefix: string): unknown {
  return err instanceof Error && err.constructor === Error ? new DomainError('BAD_REQUEST', prefix + err.message) : err;
}

/**
 * Fits the forecast, then stores it with its audit row. The fit (model time) stays outside the write
 * transaction: the row records the data vintage it was fitted on, and the series' fund or institution
 * is a foreign key, so it still exists when the row is written.
 */
export async function saveForecast(db: Db, scope: Set<number> | null, user: SessionUser, input: ForecastRunInput & { note?: string | undefined }) {
  const run = await runForecast(db, scope, input);
  return db.transaction(async (tx) => {
    // an insert … returning answers the one row it wrote
    const [row] = (await tx.insert(savedForecasts).values({
      fundId: input.target.kind === 'fund' ? input.target.fundId : null,
      institutionId: input.target.kind === 'institution' ? input.target.institutionId : null,
      measure: input.target.kind === 'fund' ? input.target.measure : 'payments',
      method: run.method, model: run.model, horizon: input.horizon,
      resultJson: JSON.stringify(run.forecast), dataVintage: run.dataVintage,
      lastPeriod: run.history.at(-1)?.period ?? '', modelVersion: run.modelVersion, note: input.note ?? null, createdBy: user.id,
    }).returning({ id: savedForecasts.id })) as [{ id: number }];
    await appendAudit(tx, { userId: user.id, username: user.username, action: 'forecast.save', entity: 'saved_forecast', entityId: row.id, after: { target: input.target, method: run.method, model: run.model, horizon: input.horizon } });
    return { id: row.id, ...run };
  });
}

export async function listSavedForecasts(db: Db, scope: Set<number> | null, fundId: number | undefined) {
  if (fundId !== undefined) await loadStoredSeries(db, scope, { kind: 'fund', fundId, measure: 'expenditure' });
  return db.select({
    id: savedForecasts.id, fundId: savedForecasts.fundId, institutionId: savedForecasts.institutionId, measure: savedForecasts.measure,
    method: savedForecasts.method, model: savedForecasts.model, horizon: savedForecasts.horizon, dataVintage: savedForecasts.dataVintage,
    lastPeriod: savedForecasts.lastPeriod, modelVersion: savedForecasts.modelVersion, note: savedForecasts.note, createdAt: savedForecasts.createdAt,
  }).from(savedForecasts).where(fundId === undefined ? undefined : eq(savedForecasts.fundId, fundId)).orderBy(desc(savedForecasts.id)).limit(200);
}
