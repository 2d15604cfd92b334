/** Lines of up to four scenarios over the years, balance (one money unit printed on the axis) or payable months (over the tier bands). */
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { MoneyUnit } from '../../lib/format.ts';
import { SERIES_COLORS, type Tier } from '../../lib/theme.ts';
import { useFormat } from '../../lib/use-format.ts';
import { AXIS_LABEL_STYLE, AXIS_TICK, ChartFrame } from '../../components/charts/chart-frame.tsx';
import { niceAxis } from '../../components/charts/forecast-chart.tsx';
import { COMPARISON_COLORS, FAN_COLORS } from './projection-colors.ts';
import { monthsAxis } from '../../components/charts/months-axis.tsx';
import type { ComparisonRow } from './comparison-rows.ts';
import type { TierThresholds } from './types.ts';

export interface ComparisonChartProps {
  rows: readonly ComparisonRow[];
  names: readonly string[];
  scale: { kind: 'money'; unit: MoneyUnit } | { kind: 'months'; thresholds: TierThresholds; tiers: Record<Tier, string> };
  axisLabel: string;
  testId: string;
}

export function ComparisonChart({ rows, names, scale, axisLabel, testId }: ComparisonChartProps) {
  const fmt = useFormat();
  const values = rows.flatMap((r) => names.map((_, i) => r[`s${i}`])).filter((v): v is number => typeof v === 'number');
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values);
  const months = scale.kind === 'months' ? monthsAxis(values, scale.thresholds, scale.tiers) : undefined;
  const money = scale.kind === 'money' ? niceAxis(lo, hi, scale.unit) : undefined;
  const show = (v: number) => (scale.kind === 'money' ? fmt.money(v, scale.unit) : fmt.months(v));
  return (
    <ChartFrame height={320} testId={testId}>
      <LineChart data={rows as ComparisonRow[]} margin={{ top: 12, right: months?.rightMargin ?? 24, bottom: 8, left: 16 }}>
        {months?.areas}
        <CartesianGrid stroke={SERIES_COLORS.grid} vertical={false} />
        <XAxis dataKey="year" tick={AXIS_TICK} minTickGap={12} />
        <YAxis
          tick={AXIS_TICK}
          width={scale.kind === 'money' ? 72 : 48}
          tickFormatter={(v: number) => (scale.kind === 'money' ? fmt.moneyTick(v, scale.unit) : fmt.number(v, Number.isInteger(v) ? 0 : 1))}
          domain={months?.domain ?? money?.domain}
          ticks={months?.ticks ?? money?.ticks}
          allowDataOverflow={months !== undefined}
          label={{ value: axisLabel, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE }}
        />
        {scale.kind === 'money' && <ReferenceLine y={0} stroke={FAN_COLORS.zero} strokeOpacity={0.6} />}
        <Tooltip formatter={(value) => show(Number(value))} />
        <Legend itemSorter={null} />
        {names.map((name, i) => (
          <Line
            key={`s${i}`}
            dataKey={`s${i}`}
            name={name}
            stroke={COMPARISON_COLORS[i % COMPARISON_COLORS.length]}
            strokeWidth={2}
            dot={rows.length <= 30}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
