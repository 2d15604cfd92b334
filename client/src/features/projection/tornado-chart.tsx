/**
 * The tornado: one row per assumption, ranked by its effect, with two horizontal bars from the
 * base payable months to the months at the assumption's low and at its high value; a line marks
 * the base. Months are on the axis, the assumption names (translated) down the side.
 */
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { SERIES_COLORS } from '../../lib/theme.ts';
import { useFormat } from '../../lib/use-format.ts';
import { AXIS_LABEL_STYLE, AXIS_TICK, ChartFrame } from '../../components/charts/chart-frame.tsx';
import { TORNADO_COLORS } from './projection-colors.ts';
import { tornadoDomain, type TornadoRow } from './tornado-rows.ts';

export interface TornadoChartProps {
  rows: readonly TornadoRow[];
  baseMonths: number | null;
  year: number;
}

const ROW_HEIGHT = 38;
const LABEL_WIDTH = 150;

export function TornadoChart({ rows, baseMonths, year }: TornadoChartProps) {
  const { t } = useTranslation('projection');
  const fmt = useFormat();
  const data = rows.map((r) => ({ label: t(`field.${r.item}`), low: r.lowRange, high: r.highRange }));
  return (
    <ChartFrame height={Math.max(220, rows.length * ROW_HEIGHT + 90)} testId="tornado-chart">
      <BarChart data={data} layout="vertical" margin={{ top: 8, right: 32, bottom: 24, left: 8 }} barGap={1} barCategoryGap="22%">
        <CartesianGrid stroke={SERIES_COLORS.grid} horizontal={false} />
        <XAxis
          type="number"
          tick={AXIS_TICK}
          domain={tornadoDomain(rows)}
          allowDataOverflow
          tickFormatter={(v: number) => fmt.number(v, Math.abs(v) < 10 ? 1 : 0)}
          label={{ value: t('tornado.axis', { year }), position: 'insideBottom', offset: -12, style: AXIS_LABEL_STYLE }}
        />
        <YAxis type="category" dataKey="label" width={LABEL_WIDTH} tick={AXIS_TICK} interval={0} />
        <Tooltip formatter={(value) => (Array.isArray(value) ? fmt.months(Number(value[1])) : fmt.months(Number(value)))} />
        <Legend itemSorter={null} verticalAlign="top" />
        <Bar dataKey="low" name={t('tornado.low')} fill={TORNADO_COLORS.low} isAnimationActive={false} />
        <Bar dataKey="high" name={t('tornado.high')} fill={TORNADO_COLORS.high} isAnimationActive={false} />
        {baseMonths !== null && (
          <ReferenceLine
            x={baseMonths}
            stroke={TORNADO_COLORS.base}
            strokeWidth={1.5}
            label={{ value: t('tornado.base', { months: fmt.months(baseMonths) }), position: 'top', fontSize: 12, fill: TORNADO_COLORS.base }}
          />
        )}
      </BarChart>
    </ChartFrame>
  );
}
