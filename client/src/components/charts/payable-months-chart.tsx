/**
 * Payable months over time drawn against the tier bands of the thresholds in force (from the
 * API, never constants here): red below redBelow, orange up to orangeBelow, green up to
 * greenUpTo, blue up to blueUpTo, purple above.
 */
import { CartesianGrid, Line, LineChart, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import { SERIES_COLORS, TIER_BAND_OPACITY, TIER_COLORS, type Tier } from '../../lib/theme.ts';
import { bandEdges, type Thresholds } from './tier-bands.ts';
import { useFormat } from '../../lib/use-format.ts';
import { AXIS_LABEL_STYLE, AXIS_TICK, ChartFrame } from './chart-frame.tsx';

export interface PayableMonthsPoint {
  period: string;
  payableMonths: number | null;
}

/** Rough label width: CJK characters are about twice as wide as Latin ones at 12 px. */
function labelWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? 12 : 7;
  return w;
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
  const { min, max, bands } = bandEdges(data.map((d) => d.payableMonths), thresholds);
  const rightMargin = Math.max(...Object.values(labels.tiers).map(labelWidth)) + 16;
  const ticks = [...new Set([min, 0, thresholds.redBelow, thresholds.orangeBelow, thresholds.greenUpTo, thresholds.blueUpTo, max])].sort((a, b) => a - b);
  return (
    <ChartFrame height={height} testId="chart-payable-months">
      <LineChart data={data as PayableMonthsPoint[]} margin={{ top: 8, right: rightMargin, bottom: 8, left: 16 }}>
        {bands.map((b) => (
          <ReferenceArea
            key={b.tier}
            y1={b.y1}
            y2={b.y2}
            fill={TIER_COLORS[b.tier]}
            fillOpacity={TIER_BAND_OPACITY}
            stroke="none"
            ifOverflow="hidden"
            label={{ value: labels.tiers[b.tier], position: 'right', fill: TIER_COLORS[b.tier], fontSize: 12 }}
          />
        ))}
        <CartesianGrid stroke={SERIES_COLORS.grid} vertical={false} />
        <XAxis dataKey="period" tick={AXIS_TICK} tickFormatter={fmt.periodTick} minTickGap={16} />
        <YAxis
          domain={[min, max]}
          ticks={ticks}
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
