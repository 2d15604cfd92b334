/**
 * Income against expenditure per period: paired bars for a short series, two lines for a long
 * one (a hundred monthly bar pairs are unreadable). Amounts in one unit printed on the axis.
 */
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from 'recharts';
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

/** Up to this many periods the series are drawn as bars, beyond it as lines. */
const MAX_BAR_PERIODS = 36;

export function IncomeExpenditureChart({ data, unit, labels, height = 300 }: IncomeExpenditureChartProps) {
  const fmt = useFormat();
  const bars = data.length <= MAX_BAR_PERIODS;
  const series = [
    { key: 'incomeYuan', name: labels.income, color: SERIES_COLORS.income },
    { key: 'expenditureYuan', name: labels.expenditure, color: SERIES_COLORS.expenditure },
  ];
  return (
    <ChartFrame height={height} testId="chart-income-expenditure">
      <ComposedChart data={data as IncomeExpenditurePoint[]} margin={{ top: 8, right: 16, bottom: 8, left: 16 }} barGap={1}>
        <CartesianGrid stroke={SERIES_COLORS.grid} vertical={false} />
        <XAxis dataKey="period" tick={AXIS_TICK} tickFormatter={fmt.periodTick} minTickGap={16} />
        <YAxis
          tick={AXIS_TICK}
          tickFormatter={(v: number) => fmt.moneyTick(v, unit)}
          width={64}
          label={{ value: labels.axis, angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE }}
        />
        <Tooltip formatter={(value) => fmt.money(Number(value), unit)} labelFormatter={(label) => fmt.period(String(label))} />
        <Legend itemSorter={null} />
        {series.map((s) => (bars
          ? <Bar key={s.key} dataKey={s.key} name={s.name} fill={s.color} isAnimationActive={false} />
          : <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={1.5} dot={false} isAnimationActive={false} />))}
      </ComposedChart>
    </ChartFrame>
  );
}
