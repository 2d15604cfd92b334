/**
 * A projection path with its Monte Carlo fan: the deterministic line, the median, and the
 * 2.5–97.5, 10–90 and 25–75 percentile bands. For money the axis is fitted to the fan in one unit
 * printed on it; for payable months the tier bands of the thresholds in force lie behind the fan.
 */
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { MoneyUnit } from '../../lib/format.ts';
import { SERIES_COLORS, type Tier } from '../../lib/theme.ts';
import { useFormat } from '../../lib/use-format.ts';
import { AXIS_LABEL_STYLE, AXIS_TICK, ChartFrame } from '../../components/charts/chart-frame.tsx';
import { niceAxis } from '../../components/charts/forecast-chart.tsx';
import { FAN_COLORS, FAN_OPACITY, FAN_OPACITY_OVER_TIERS } from './projection-colors.ts';
import { fanRange, type FanRow } from './fan-rows.ts';
import { monthsAxis } from '../../components/charts/months-axis.tsx';
import type { TierThresholds } from './types.ts';

export interface FanLabels {
  deterministic: string;
  median: string;
  band95: string;
  band80: string;
  band50: string;
  axis: string;
  tiers: Record<Tier, string>;
}

export type FanScale = { kind: 'money'; unit: MoneyUnit } | { kind: 'months'; thresholds: TierThresholds };

export interface FanChartProps {
  rows: readonly FanRow[];
  scale: FanScale;
  labels: FanLabels;
  testId: string;
  height?: number;
}

const TOOLTIP_ORDER = ['deterministic', 'median', 'band50', 'band80', 'band95'];

export function FanChart({ rows, scale, labels, testId, height = 340 }: FanChartProps) {
  const fmt = useFormat();
  const [lo, hi] = fanRange(rows);
  // Without a Monte Carlo run there is only the deterministic line: no empty band entries in the legend.
  const fan = rows.some((r) => typeof r.median === 'number');
  const months = scale.kind === 'months' ? monthsAxis([lo, hi], scale.thresholds, labels.tiers) : undefined;
  const money = scale.kind === 'money' ? niceAxis(Math.min(lo, 0), hi, scale.unit) : undefined;
  const show = (v: number) => (scale.kind === 'money' ? fmt.money(v, scale.unit) : fmt.months(v));
  const tick = (v: number) => (scale.kind === 'money' ? fmt.moneyTick(v, scale.unit) : fmt.number(v, Number.isInteger(v) ? 0 : 1));
  const opacity = scale.kind === 'months' ? FAN_OPACITY_OVER_TIERS : FAN_OPACITY;
  const band = (key: 'band95' | 'band80' | 'band50') => (
    <Area
      dataKey={key}
      name={labels[key]}
      stroke="none"
      fill={FAN_COLORS[key]}
      fillOpacity={opacity[key]}
      legendType="square"
      connectNulls={false}
      isAnimationActive={false}
    />
  );
  return (
    <ChartFrame height={height} testId={testId}>
      <ComposedChart data={rows as FanRow[]} margin={{ top: 12, right: months?.rightMargin ?? 24, bottom: 8, left: 16 }}>
        {months?.areas}
        <CartesianGrid stroke={SERIES_COLORS.grid} vertical={false} />
        <XAxis dataKey="year" tick={AXIS_TICK} minTickGap={12} />
        <YAxis
          tick={AXIS_TICK}
          width={scale.kind === 'money' ? 72 : 48}
          tickFormatter={tick}
          domain={months?.domain ?? money?.domain}
          ticks={months?.ticks ?? money?.ticks}
          allowDataOverflow={months !== undefined}
          label={{ value: labels.axis, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE }}
        />
        {scale.kind === 'money' && <ReferenceLine y={0} stroke={FAN_COLORS.zero} strokeOpacity={0.6} />}
        <Tooltip
          formatter={(value) => (Array.isArray(value) ? `${show(Number(value[0]))} – ${show(Number(value[1]))}` : show(Number(value)))}
          itemSorter={(item) => TOOLTIP_ORDER.indexOf(String(item.dataKey))}
        />
        <Legend itemSorter={null} formatter={(value) => <span style={{ color: FAN_COLORS.legendText }}>{value}</span>} />
        {fan && band('band95')}
        {fan && band('band80')}
        {fan && band('band50')}
        {fan && <Line dataKey="median" name={labels.median} stroke={FAN_COLORS.median} strokeWidth={1.75} strokeDasharray="6 4" dot={false} isAnimationActive={false} />}
        <Line dataKey="deterministic" name={labels.deterministic} stroke={FAN_COLORS.deterministic} strokeWidth={2} dot={rows.length <= 30} isAnimationActive={false} />
      </ComposedChart>
    </ChartFrame>
  );
}
