/** The accumulated balance over time as an area; the unit is printed on the axis. */
import { Area, AreaChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { MoneyUnit } from '../../lib/format.ts';
import { SERIES_COLORS } from '../../lib/theme.ts';
import { useFormat } from '../../lib/use-format.ts';
import { AXIS_LABEL_STYLE, AXIS_TICK, ChartFrame } from './chart-frame.tsx';

export interface BalancePoint {
  period: string;
  balanceYuan: number;
}

export interface BalanceChartProps {
  data: readonly BalancePoint[];
  unit: MoneyUnit;
  labels: { balance: string; axis: string };
  height?: number;
}

const AREA_OPACITY = 0.25;

export function BalanceChart({ data, unit, labels, height = 300 }: BalanceChartProps) {
  const fmt = useFormat();
  return (
    <ChartFrame height={height} testId="chart-balance">
      <AreaChart data={data as BalancePoint[]} margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
        <CartesianGrid stroke={SERIES_COLORS.grid} vertical={false} />
        <XAxis dataKey="period" tick={AXIS_TICK} tickFormatter={fmt.periodTick} minTickGap={16} />
        <YAxis
          tick={AXIS_TICK}
          tickFormatter={(v: number) => fmt.moneyTick(v, unit)}
          width={64}
          label={{ value: labels.axis, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE }}
        />
        <ReferenceLine y={0} stroke={SERIES_COLORS.payableMonths} strokeOpacity={0.4} />
        <Tooltip formatter={(value) => fmt.money(Number(value), unit)} labelFormatter={(label) => fmt.period(String(label))} />
        <Area
          type="monotone"
          dataKey="balanceYuan"
          name={labels.balance}
          stroke={SERIES_COLORS.balance}
          fill={SERIES_COLORS.balance}
          fillOpacity={AREA_OPACITY}
          isAnimationActive={false}
        />
      </AreaChart>
    </ChartFrame>
  );
}
