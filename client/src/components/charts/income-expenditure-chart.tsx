/** Income against expenditure per period, as paired bars; amounts in one unit printed on the axis. */
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { MoneyUnit } from '../../lib/format.ts';
import { SERIES_COLORS } from '../../lib/theme.ts';
import { useFormat } from '../../lib/use-format.ts';
import { AXIS_LABEL_STYLE, AXIS_TICK, ChartFrame } from './chart-frame.tsx';

export interface IncomeExpenditurePoint {
  period: string;
  incomeYuan: number;
  expenditureYuan: number;
}

export interface IncomeExpenditureChartProps {
  data: readonly IncomeExpenditurePoint[];
  unit: MoneyUnit;
  labels: { income: string; expenditure: string; axis: string };
  height?: number;
}

export function IncomeExpenditureChart({ data, unit, labels, height = 300 }: IncomeExpenditureChartProps) {
  const fmt = useFormat();
  return (
    <ChartFrame height={height} testId="chart-income-expenditure">
      <BarChart data={data as IncomeExpenditurePoint[]} margin={{ top: 8, right: 16, bottom: 8, left: 16 }} barGap={1}>
        <CartesianGrid stroke={SERIES_COLORS.grid} vertical={false} />
        <XAxis dataKey="period" tick={AXIS_TICK} tickFormatter={fmt.periodTick} minTickGap={16} />
        <YAxis
          tick={AXIS_TICK}
          tickFormatter={(v: number) => fmt.moneyTick(v, unit)}
          width={64}
          label={{ value: labels.axis, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE }}
        />
        <Tooltip
          formatter={(value) => fmt.money(Number(value), unit)}
          labelFormatter={(label) => fmt.period(String(label))}
        />
        <Legend />
        <Bar dataKey="incomeYuan" name={labels.income} fill={SERIES_COLORS.income} isAnimationActive={false} />
        <Bar dataKey="expenditureYuan" name={labels.expenditure} fill={SERIES_COLORS.expenditure} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
