/**
 * `fundrisk backtest --input series.csv --horizon H [--origins K] [--methods a,b,...] [--out FILE]`:
 * rolling-origin evaluation of forecasting methods over every series of a `series_id,period,value`
 * table (interfaces.md). Metrics are averaged over all (series, origin) pairs per method; a series
 * too short for K origins is evaluated at as many as fit (its `origins` says how many).
 */
import type { Command } from 'commander';
import { METHOD_NAMES, backtest, combineBacktests, isMethodName, type BacktestResult, type MethodName } from '../../../models/index.ts';
import { CliError, writeJson } from '../io.ts';
import { parseHorizon, parsePositiveInteger } from '../options.ts';
import { loadSeries } from './forecast.ts';

const DEFAULT_METHODS: readonly MethodName[] = ['naive', 'snaive', 'drift', 'ets', 'arima', 'theta', 'combo'];
const MAX_ORIGINS = 48;
/** The shortest training set the backtest module accepts (models/forecast/backtest.ts). */
const MIN_TRAINING = 2;

export function registerBacktest(program: Command): void {
  program
    .command('backtest')
    .description('rolling-origin backtest of forecasting methods: MAE, RMSE, MAPE, sMAPE, MASE, 80/95% coverage')
    .requiredOption('--input <file>', 'CSV or XLSX with header series_id,period,value')
    .requiredOption('--horizon <H>', 'steps ahead scored at each origin')
    .option('--origins <K>', 'forecast origins per series (the last K that fit)', '6')
    .option('--methods <list>', `comma-separated, from ${METHOD_NAMES.join(', ')}`, DEFAULT_METHODS.join(','))
    .option('--out <file>', 'write the JSON here instead of stdout')
    .action(async (opts: { input: string; horizon: string; origins: string; methods: string; out?: string }) => {
      const horizon = parseHorizon(opts.horizon);
      const origins = parsePositiveInteger('--origins', opts.origins, MAX_ORIGINS);
      const methods = opts.methods.split(',').map((m) => m.trim()).filter((m) => m !== '');
      const unknown = methods.filter((m) => !isMethodName(m));
      if (unknown.length > 0 || methods.length === 0) throw new CliError(`--methods: unknown method ${unknown.join(', ') || '(none given)'}; use ${METHOD_NAMES.join(', ')}`);
      const series = await loadSeries(opts.input);
      const results: BacktestResult[] = [];
      const perSeries = series.map((s) => {
        const fit = Math.min(origins, s.values.length - MIN_TRAINING - horizon + 1);
        if (fit < 1) throw new CliError(`series ${s.seriesId}: ${s.values.length} values are too few to backtest a horizon of ${horizon}`);
        const result = backtest({ values: s.values, frequency: s.frequency, start: s.start }, { methods: methods as MethodName[], horizon, origins: fit });
        results.push(result);
        return { seriesId: s.seriesId, origins: fit, methods: result.methods };
      });
      writeJson({ horizon, methods: combineBacktests(results), series: perSeries }, opts.out);
    });
}
