/**
 * Payable months over time drawn against the tier bands of the thresholds in force (from the
 * API, never constants here): red below redBelow, orange up to orangeBelow, green up to
 * greenUpTo, blue up to blueUpTo, purple above.
 */
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { SERIES_COLORS, type Tier } from '../../lib/theme.ts';
import type { Thresholds } from './tier-bands.ts';
import { monthsAxis } from './months-axis.tsx';
import { useFormat } from '../../lib/use-format.ts';
import { AXIS_LABEL_STYLE, AXIS_TICK, ChartFrame } from './chart-frame.tsx';

export interface PayableMonthsPoint {
  period: string;
  payableMonths: number | null;
}

export type { Thresholds };

export interface PayableMonthsChartProps {
  data: readonly PayableMonthsPoint[];
  thresholds: Thresholds;
  labels: { payableMonths: string; axis: string; tiers: Record<Tier, string> };
  height?: number;
}

export function PayableMonthsChart({ data, thresholds, labels, height = 320 }: PayableMonthsChartProps) {
  const fmt = useFormat();
  const axis = monthsAxis(data.map((d) => d.payableMonths), thresholds, labels.tiers);
  return (
    <ChartFrame height={height} testId="chart-payable-months">
      <LineChart data={data as PayableMonthsPoint[]} margin={{ top: 8, right: axis.rightMargin, bottom: 8, left: 16 }}>
        {axis.areas}
        <CartesianGrid stroke={SERIES_COLORS.grid} vertical={false} />
        <XAxis dataKey="period" tick={AXIS_TICK} tickFormatter={fmt.periodTick} minTickGap={16} />
        <YAxis
          domain={axis.domain}
          ticks={axis.ticks}
          allowDataOverflow
          tick={AXIS_TICK}
          tickFormatter={(v: number) => fmt.number(v, Number.isInteger(v) ? 0 : 1)}
          width={48}
          label={{ value: labels.axis, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE }}
        />
        <Tooltip formatter={(value) => fmt.months(Number(value))} labelFormatter={(label) => fmt.period(String(label))} />
        <Line
          type="monotone"
          dataKey="payableMonths"
          name={labels.payableMonths}
          stroke={SERIES_COLORS.payableMonths}
          strokeWidth={2}
          dot={data.length <= 24}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}
