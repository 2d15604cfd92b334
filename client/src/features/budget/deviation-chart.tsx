/**
 * Deviation over the months (domain.md §5.6), as two charts side by side: payments to date of all
 * the plan's institutions against the seasonally expected spending to date (lines), and how many
 * institutions run over budget in each band, month by month (stacked bars).
 */
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { AXIS_TICK, ChartFrame } from '../../components/charts/chart-frame.tsx';
import { DEVIATION_CHART_COLORS } from './budget-colors.ts';
import type { Deviation } from './types.ts';

const HEIGHT = 260;
const BANDS = ['general', 'major', 'severe'] as const;

export function DeviationChart({ monthly, unit }: { monthly: Deviation['monthly']; unit: MoneyUnit }) {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const money = monthly.map((m) => ({ period: m.period, actual: m.actualToDateYuan, expected: m.expectedToDateYuan }));
  const counts = monthly.map((m) => ({ period: m.period, general: m.over.general ?? 0, major: m.over.major ?? 0, severe: m.over.severe ?? 0 }));
  const xAxis = <XAxis dataKey="period" tick={AXIS_TICK} tickFormatter={(p: string) => fmt.periodTick(p)} />;
  return (
    <Row gutter={24} data-testid="budget-deviation-chart">
      <Col xs={24} lg={14}>
        <Typography.Text type="secondary">{t('monitor.chartMoney', { unit: fmt.unitLabel(unit) })}</Typography.Text>
        <ChartFrame height={HEIGHT} testId="budget-deviation-money">
          <LineChart data={money} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid stroke={DEVIATION_CHART_COLORS.grid} vertical={false} />
            {xAxis}
            <YAxis tick={AXIS_TICK} tickFormatter={(v: number) => fmt.moneyTick(v, unit)} width={64} />
            <Tooltip formatter={(v) => fmt.money(Number(v), unit)} labelFormatter={(p) => fmt.period(String(p))} />
            <Legend itemSorter={null} />
            <Line dataKey="expected" name={t('monitor.expected')} stroke={DEVIATION_CHART_COLORS.expected} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
            <Line dataKey="actual" name={t('monitor.actual')} stroke={DEVIATION_CHART_COLORS.actual} isAnimationActive={false} />
          </LineChart>
        </ChartFrame>
      </Col>
      <Col xs={24} lg={10}>
        <Typography.Text type="secondary">{t('monitor.chartCountTitle')}</Typography.Text>
        <ChartFrame height={HEIGHT} testId="budget-deviation-counts">
          <BarChart data={counts} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid stroke={DEVIATION_CHART_COLORS.grid} vertical={false} />
            {xAxis}
            <YAxis tick={AXIS_TICK} allowDecimals={false} width={40} />
            <Tooltip formatter={(v) => fmt.count(Number(v))} labelFormatter={(p) => fmt.period(String(p))} />
            <Legend itemSorter={null} />
            {BANDS.map((b) => <Bar key={b} dataKey={b} stackId="over" name={t(`band.${b}`)} fill={DEVIATION_CHART_COLORS[b]} isAnimationActive={false} />)}
          </BarChart>
        </ChartFrame>
      </Col>
    </Row>
  );
}
