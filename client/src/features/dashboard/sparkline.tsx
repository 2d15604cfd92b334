/** A small line chart without axes for a KPI card: the trend at a glance, values in the tooltip. */
import { Line, LineChart, Tooltip, YAxis } from 'recharts';
import { ChartFrame } from '../../components/charts/chart-frame.tsx';

export interface SparklineSeries {
  key: string;
  name: string;
  color: string;
}

export interface SparklineProps<T> {
  data: readonly T[];
  series: readonly SparklineSeries[];
  testId: string;
  /** Tooltip text of a value (with its unit). */
  format: (value: number) => string;
  /** Tooltip title of a point (the month). */
  label: (point: T) => string;
  height?: number;
}

const DEFAULT_HEIGHT = 44;

export function Sparkline<T extends object>({ data, series, testId, format, label, height = DEFAULT_HEIGHT }: SparklineProps<T>) {
  return (
    <ChartFrame height={height} testId={testId}>
      <LineChart data={data as T[]} margin={{ top: 4, right: 2, bottom: 2, left: 2 }}>
        <YAxis hide domain={['auto', 'auto']} />
        <Tooltip
          formatter={(value, name) => [typeof value === 'number' ? format(value) : String(value), name]}
          labelFormatter={(_, payload) => (payload[0] ? label(payload[0].payload as T) : '')}
          wrapperStyle={{ zIndex: 10 }}
        />
        {series.map((s) => (
          <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
        ))}
      </LineChart>
    </ChartFrame>
  );
}
