/**
 * The deficit waterfall (domain.md §4.2): per year, stacked bars of what covered the shortfall —
 * the risk-adjustment reserve, the accumulated surplus, the fiscal subsidy, other sources — with a
 * dashed line at the first year each source ran out, listed under the chart with its year.
 */
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickMoneyUnit } from '../../lib/format.ts';
import { SERIES_COLORS } from '../../lib/theme.ts';
import { useFormat } from '../../lib/use-format.ts';
import { AXIS_LABEL_STYLE, AXIS_TICK, ChartFrame } from '../../components/charts/chart-frame.tsx';
import { WATERFALL_COLORS } from './projection-colors.ts';
import { exhaustionYears, hasShortfall, waterfallRows, WATERFALL_SOURCES } from './waterfall-rows.ts';
import type { ProjectionResult } from './types.ts';

export function WaterfallChart({ financing }: { financing: ProjectionResult['financing'] }) {
  const { t } = useTranslation('projection');
  const fmt = useFormat();
  const rows = waterfallRows(financing);
  const unit = pickMoneyUnit(rows.map((r) => r.shortfall));
  const runsOut = exhaustionYears(financing);
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="waterfall">
      {hasShortfall(financing) ? (
        <ChartFrame height={300} testId="waterfall-chart">
          <BarChart data={rows} margin={{ top: 16, right: 24, bottom: 8, left: 16 }}>
            <CartesianGrid stroke={SERIES_COLORS.grid} vertical={false} />
            <XAxis dataKey="year" tick={AXIS_TICK} minTickGap={8} />
            <YAxis
              tick={AXIS_TICK}
              width={72}
              tickFormatter={(v: number) => fmt.moneyTick(v, unit)}
              label={{ value: t('waterfall.axis', { unit: fmt.unitLabel(unit) }), angle: -90, position: 'insideLeft', style: AXIS_LABEL_STYLE }}
            />
            <Tooltip formatter={(value) => fmt.money(Number(value), unit)} />
            <Legend itemSorter={null} />
            {WATERFALL_SOURCES.map((source) => (
              <Bar key={source} dataKey={source} name={t(`waterfall.source.${source}`)} stackId="cover" fill={WATERFALL_COLORS[source]} isAnimationActive={false} />
            ))}
            {runsOut.filter((r) => r.year !== null).map((r) => (
              <ReferenceLine key={r.source} x={String(r.year)} stroke={WATERFALL_COLORS[r.source]} strokeDasharray="4 3" strokeWidth={2} />
            ))}
          </BarChart>
        </ChartFrame>
      ) : (
        <Typography.Text type="secondary" data-testid="waterfall-none">{t('waterfall.none')}</Typography.Text>
      )}
      <Space size={[8, 4]} wrap data-testid="waterfall-exhausted">
        <Typography.Text type="secondary">{t('waterfall.runsOut')}</Typography.Text>
        {runsOut.map((r) => (
          <Tag key={r.source} color={r.year === null ? 'default' : WATERFALL_COLORS[r.source]} style={{ marginInlineEnd: 0 }}>
            {t('waterfall.sourceRunsOut', { source: t(`waterfall.source.${r.source}`), year: r.year === null ? t('waterfall.notInHorizon') : t('yearValue', { year: r.year }) })}
          </Tag>
        ))}
        <Typography.Text type="secondary">
          {t('waterfall.reserveRate', { rate: fmt.percent(financing.reserveRate, 1) })}
        </Typography.Text>
      </Space>
    </Space>
  );
}
