/**
 * `fundrisk forecast --input series.csv --horizon H [--method auto] [--levels 80,95] [--out FILE]`:
 * point forecasts and prediction intervals for every series of a `series_id,period,value` table
 * (interfaces.md). A series a method cannot fit is an error naming the series and its first row.
 */
import type { Command } from 'commander';
import { METHOD_NAMES, forecastSeries, type MethodName } from '../../../models/index.ts';
import { readSeriesTable, futurePeriods, SeriesTableError, type SeriesFromTable } from '../../services/series-table.ts';
import { CliError, writeJson } from '../io.ts';
import { parseHorizon, parseLevels } from '../options.ts';

export interface ForecastRow {
  seriesId: string;
  method: string;
  model?: string;
  periods: string[];
  mean: number[];
  lower: Record<string, number[]>;
  upper: Record<string, number[]>;
}

export function registerForecast(program: Command): void {
  program
    .command('forecast')
    .description('forecast every series of a series_id,period,value table (periods YYYY or YYYY-MM)')
    .requiredOption('--input <file>', 'CSV or XLSX with header series_id,period,value; rows in any order')
    .requiredOption('--horizon <H>', 'steps ahead (years or months)')
    .option('--method <name>', `one of ${METHOD_NAMES.join(', ')}`, 'auto')
    .option('--levels <list>', 'prediction interval levels in percent', '80,95')
    .option('--out <file>', 'write the JSON here instead of stdout')
    .action(async (opts: { input: string; horizon: string; method: string; levels: string; out?: string }) => {
      const horizon = parseHorizon(opts.horizon);
      const levels = parseLevels(opts.levels);
      if (!(METHOD_NAMES as readonly string[]).includes(opts.method)) {
        throw new CliError(`--method: unknown method "${opts.method}"; use one of ${METHOD_NAMES.join(', ')}`);
      }
      const series = await loadSeries(opts.input);
      writeJson({ forecasts: series.map((s) => forecastOne(s, opts.method as MethodName, horizon, levels)) }, opts.out);
    });
}

export async function loadSeries(path: string): Promise<SeriesFromTable[]> {
  try {
    return await readSeriesTable(path);
  } catch (err) {
    if (err instanceof SeriesTableError) throw new CliError(err.message);
    throw err;
  }
}

function forecastOne(s: SeriesFromTable, method: MethodName, horizon: number, levels: number[]): ForecastRow {
  try {
    const result = forecastSeries({ values: s.values, frequency: s.frequency, start: s.start }, method, { horizon, levels });
    return {
      seriesId: s.seriesId, method: result.method, ...(result.model ? { model: result.model } : {}),
      periods: futurePeriods(s, horizon), mean: result.mean, lower: result.lower, upper: result.upper,
    };
  } catch (err) {
    throw new CliError(`series ${s.seriesId} (${s.periods[0]}–${s.periods.at(-1)}, ${s.values.length} values): ${(err as Error).message}`);
  }
}
