/**
 * A forecast against its history: the observed series as a solid line, the forecast mean dashed,
 * the 95% and 80% prediction intervals as nested bands (range areas), and a vertical line at the
 * forecast origin. The forecast starts from the last observed value, so the line and the bands
 * open out of the history instead of floating beside it. Amounts in one unit printed on the axis.
 */
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { YUAN_PER_UNIT, type MoneyUnit } from '../../lib/format.ts';
import { FORECAST_BAND_OPACITY, FORECAST_COLORS, SERIES_COLORS } from '../../lib/theme.ts';
import { useFormat } from '../../lib/use-format.ts';
import { AXIS_LABEL_STYLE, AXIS_TICK, ChartFrame } from './chart-frame.tsx';

export interface ForecastHistoryPoint {
  period: string;
  valueYuan: number;
}

export interface ForecastPath {
  periods: readonly string[];
  mean: readonly number[];
  /** Keyed by the level as text ("80", "95"). */
  lower: Readonly<Record<string, readonly number[]>>;
  upper: Readonly<Record<string, readonly number[]>>;
}

export interface ForecastChartRow {
  period: string;
  history?: number;
  mean?: number;
  band80?: [number, number];
  band95?: [number, number];
}

export interface ForecastChartProps {
  history: readonly ForecastHistoryPoint[];
  forecast: ForecastPath;
  unit: MoneyUnit;
  labels: { history: string; mean: string; band80: string; band95: string; origin: string; axis: string };
  height?: number;
}

function band(forecast: ForecastPath, level: '80' | '95', i: number): [number, number] | undefined {
  const lo = forecast.lower[level]?.[i];
  const hi = forecast.upper[level]?.[i];
  return lo === undefined || hi === undefined ? undefined : [lo, hi];
}

/**
 * One row per period: history rows, then forecast rows; the last history row also carries the
 * forecast at zero width so the dashed line and the bands start from the last observation.
 */
export function forecastChartRows(history: readonly ForecastHistoryPoint[], forecast: ForecastPath): ForecastChartRow[] {
  const rows: ForecastChartRow[] = history.map((h) => ({ period: h.period, history: h.valueYuan }));
  const last = rows.at(-1);
  if (last?.history !== undefined) {
    const v = last.history;
    Object.assign(last, { mean: v, band80: [v, v], band95: [v, v] });
  }
  forecast.periods.forEach((period, i) => {
    rows.push({ period, mean: forecast.mean[i], band80: band(forecast, '80', i), band95: band(forecast, '95', i) });
  });
  return rows;
}

/** Steps an axis may take, times a power of ten (in the display unit, so ticks read 2.4, 2.5, 3 亿元, never 2.6 from a 0.65 step). */
const NICE_STEPS = [1, 2, 2.5, 5, 10];
const TARGET_TICKS = 5;

/**
 * A y-axis fitted to the data rather than to zero, so the bands keep their width: the range of
 * every value drawn, widened to whole steps of a round size in the display unit.
 * @example niceAxis(2.1e8, 3.1e8, 'yi') // => { domain: [2e8, 3.25e8], ticks: [2e8, 2.25e8, 2.5e8, 2.75e8, 3e8, 3.25e8] }
 */
export function niceAxis(minYuan: number, maxYuan: number, unit: MoneyUnit): { domain: [number, number]; ticks: number[] } | undefined {
  if (!Number.isFinite(minYuan) || !Number.isFinite(maxYuan)) return undefined;
  const scale = YUAN_PER_UNIT[unit];
  const lo = minYuan / scale;
  const hi = maxYuan / scale;
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / (TARGET_TICKS - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = (NICE_STEPS.find((s) => s * power >= raw) ?? 10) * power;
  const first = Math.floor(lo / step);
  const last = Math.ceil(hi / step);
  // Ticks are built from integer multiples so float steps do not drift (0.1 + 0.2 …).
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)) * scale);
  return { domain: [ticks[0] as number, ticks.at(-1) as number], ticks };
}

function valueRange(rows: readonly ForecastChartRow[]): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const r of rows) {
    for (const v of [r.history, r.mean, ...(r.band80 ?? []), ...(r.band95 ?? [])]) {
      if (v !== undefined && Number.isFinite(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
  }
  return [min, max];
}

const STROKE_WIDTH = 1.75;
/** Tooltip lines from the central figure outwards. */
const TOOLTIP_ORDER = ['history', 'mean', 'band80', 'band95'];
const MEAN_DASH = '6 4';

export function ForecastChart({ history, forecast, unit, labels, height = 360 }: ForecastChartProps) {
  const fmt = useFormat();
  const rows = forecastChartRows(history, forecast);
  const origin = history.at(-1)?.period;
  const axis = niceAxis(...valueRange(rows), unit);
  const amount = (v: unknown) => (Array.isArray(v)
    ? `${fmt.money(Number(v[0]), unit)} – ${fmt.money(Number(v[1]), unit)}`
    : fmt.money(Number(v), unit));
  return (
    <ChartFrame height={height} testId="forecast-chart">
      <ComposedChart data={rows} margin={{ top: 24, right: 24, bottom: 8, left: 16 }}>
        <CartesianGrid stroke={SERIES_COLORS.grid} vertical={false} />
        <XAxis dataKey="period" tick={AXIS_TICK} tickFormatter={fmt.periodTick} minTickGap={16} />
        <YAxis
          tick={AXIS_TICK}
          tickFormatter={(v: number) => fmt.moneyTick(v, unit)}
          width={72}
          domain={axis?.domain}
          ticks={axis?.ticks}
          label={{ value: labels.axis, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE }}
        />
        <Tooltip
          formatter={(value) => amount(value)}
          labelFormatter={(label) => fmt.period(String(label))}
          itemSorter={(item) => TOOLTIP_ORDER.indexOf(String(item.dataKey))}
        />
        <Legend itemSorter={null} formatter={(value) => <span style={{ color: FORECAST_COLORS.legendText }}>{value}</span>} />
        <Area
          dataKey="band95"
          name={labels.band95}
          stroke="none"
          fill={FORECAST_COLORS.band95}
          fillOpacity={FORECAST_BAND_OPACITY.band95}
          legendType="square"
          isAnimationActive={false}
        />
        <Area
          dataKey="band80"
          name={labels.band80}
          stroke="none"
          fill={FORECAST_COLORS.band80}
          fillOpacity={FORECAST_BAND_OPACITY.band80}
          legendType="square"
          isAnimationActive={false}
        />
        <Line
          dataKey="history"
          name={labels.history}
          stroke={FORECAST_COLORS.history}
          strokeWidth={STROKE_WIDTH}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          dataKey="mean"
          name={labels.mean}
          stroke={FORECAST_COLORS.mean}
          strokeWidth={STROKE_WIDTH}
          strokeDasharray={MEAN_DASH}
          dot={false}
          isAnimationActive={false}
        />
        {origin && (
          <ReferenceLine
            x={origin}
            stroke={FORECAST_COLORS.origin}
            strokeDasharray="3 3"
            label={{ value: labels.origin, position: 'top', fill: FORECAST_COLORS.origin, fontSize: 12 }}
          />
        )}
      </ComposedChart>
    </ChartFrame>
  );
}
