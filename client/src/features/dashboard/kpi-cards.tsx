/**
 * The KPI strip of the dashboard: pooling balance (亿元), payable months per scheme with its tier,
 * income and expenditure growth year on year, funds per tier now / in 12 / in 24 months, and the
 * alerts by level, each with a 24-month sparkline; and the institutions over their budget by
 * deviation band. Figures come computed from the server.
 */
import type { ReactNode } from 'react';
import { Card, Col, Flex, Row, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickMoneyUnit } from '../../lib/format.ts';
import { useFormat, type Formatter } from '../../lib/use-format.ts';
import { SERIES_COLORS, TIER_COLORS } from '../../lib/theme.ts';
import { TierTag } from '../../components/ui/tier-tag.tsx';
import { Sparkline } from './sparkline.tsx';
import { OverBudgetKpi } from './over-budget-kpi.tsx';
import { TierBars } from './tier-bars.tsx';
import { ALERT_LEVEL_COLORS, ALERT_LEVELS } from './alert-colors.ts';
import type { DashboardSummary, SparkPoint } from './types.ts';

const VALUE_FONT_SIZE = 30;
/** The unit beside a KPI value, smaller so six cards fit a 1920-pixel row ("813.11 × 10⁸ yuan" on one line). */
const UNIT_FONT_SIZE = 18;

function KpiCard({ title, testId, children, hint }: { title: string; testId: string; children: ReactNode; hint?: string }) {
  return (
    <Card size="small" data-testid={testId} style={{ height: '100%' }} styles={{ body: { paddingBottom: 8 } }}>
      <Tooltip title={hint}>
        <Typography.Text type="secondary" style={{ fontSize: 15 }}>{title}</Typography.Text>
      </Tooltip>
      <div style={{ marginTop: 4 }}>{children}</div>
    </Card>
  );
}

const signed = (fmt: Formatter, v: number | null) => (v === null ? fmt.percent(v) : `${v > 0 ? '+' : ''}${fmt.percent(v)}`);

export function KpiCards({ summary }: { summary: DashboardSummary }) {
  const { t } = useTranslation('dashboard');
  const fmt = useFormat();
  const { kpis, sparkline } = summary;
  const all = kpis.schemes.find((s) => s.scheme === 'all');
  const perScheme = kpis.schemes.filter((s) => s.scheme !== 'all');
  const unit = pickMoneyUnit([all?.balanceYuan, ...sparkline.map((p) => p.balanceYuan)]);
  const flowUnit = pickMoneyUnit(sparkline.flatMap((p) => [p.incomeYuan, p.expenditureYuan]));
  const month = (p: SparkPoint) => fmt.period(p.period);
  const expenditureFaster = (all?.expenditureYoY ?? 0) > (all?.incomeYoY ?? 0);
  return (
    <Row gutter={[16, 16]} data-testid="dashboard-kpis">
      <Col xs={24} md={12} xl={4}>
        <KpiCard title={t('kpi.balance')} testId="kpi-balance" hint={t('kpi.balanceHint', { funds: fmt.count(all?.funds ?? 0), nested: fmt.count(kpis.nestedFunds) })}>
          <Statistic value={fmt.moneyValue(all?.balanceYuan, unit)} suffix={fmt.lang === 'en' && unit !== 'yuan' ? `× ${fmt.unitLabel(unit)}` : fmt.unitLabel(unit)} styles={{ content: { fontSize: VALUE_FONT_SIZE, whiteSpace: 'nowrap' }, suffix: { fontSize: UNIT_FONT_SIZE } }} />
          <Typography.Text type="secondary">
            {perScheme.map((s) => `${t(`common:scheme.${s.scheme}`)} ${fmt.money(s.balanceYuan, unit)}`).join(' · ')}
          </Typography.Text>
          <Sparkline data={sparkline} testId="spark-balance" series={[{ key: 'balanceYuan', name: t('kpi.sparkBalance'), color: SERIES_COLORS.balance }]} format={(v) => fmt.money(v, unit)} label={month} />
        </KpiCard>
      </Col>
      <Col xs={24} md={12} xl={4}>
        <KpiCard title={t('kpi.payableMonths')} testId="kpi-payable-months">
          <Space size={8} align="center">
            <Statistic value={fmt.months(all?.payableMonths)} styles={{ content: { fontSize: VALUE_FONT_SIZE, color: all ? TIER_COLORS[all.tier] : undefined } }} />
            {all && <TierTag tier={all.tier} />}
          </Space>
          <Flex gap={12} wrap>
            {perScheme.map((s) => (
              <Typography.Text key={s.scheme} type="secondary">
                {t(`common:scheme.${s.scheme}`)} <span style={{ color: TIER_COLORS[s.tier] }}>{fmt.months(s.payableMonths)}</span>
              </Typography.Text>
            ))}
          </Flex>
          <Sparkline data={sparkline} testId="spark-months" series={[{ key: 'payableMonths', name: t('kpi.sparkMonths'), color: SERIES_COLORS.payableMonths }]} format={(v) => fmt.months(v)} label={month} />
        </KpiCard>
      </Col>
      <Col xs={24} md={12} xl={4}>
        <KpiCard title={t('kpi.growth')} testId="kpi-growth" hint={t('kpi.growthHint', { funds: fmt.count(all?.growthFunds ?? 0) })}>
          <Flex gap={20} align="baseline">
            <Statistic title={t('kpi.income')} value={signed(fmt, all?.incomeYoY ?? null)} styles={{ content: { fontSize: 24, color: SERIES_COLORS.income } }} />
            <Statistic title={t('kpi.expenditure')} value={signed(fmt, all?.expenditureYoY ?? null)} styles={{ content: { fontSize: 24, color: expenditureFaster ? TIER_COLORS.orange : SERIES_COLORS.expenditure } }} />
          </Flex>
          <Sparkline
            data={sparkline}
            testId="spark-flows"
            series={[{ key: 'incomeYuan', name: t('kpi.income'), color: SERIES_COLORS.income }, { key: 'expenditureYuan', name: t('kpi.expenditure'), color: SERIES_COLORS.expenditure }]}
            format={(v) => fmt.money(v, flowUnit)}
            label={month}
          />
        </KpiCard>
      </Col>
      <Col xs={24} md={12} xl={4}>
        <KpiCard title={t('kpi.tiers')} testId="kpi-tiers">
          <TierBars counts={kpis.tiers} />
        </KpiCard>
      </Col>
      <Col xs={24} md={12} xl={4}>
        <KpiCard title={t('kpi.alerts')} testId="kpi-alerts">
          <Statistic value={fmt.count(summary.alertTotal)} suffix={t('kpi.fundsSuffix')} styles={{ content: { fontSize: VALUE_FONT_SIZE, color: summary.alertTotal > 0 ? TIER_COLORS.red : undefined } }} />
          <Space size={[4, 4]} wrap>
            {ALERT_LEVELS.map((level) => (
              <Tag key={level} color={ALERT_LEVEL_COLORS[level]} style={{ marginInlineEnd: 0 }}>{t(`alerts.level.${level}`)} {fmt.count(kpis.alerts[level])}</Tag>
            ))}
          </Space>
          <Sparkline data={sparkline} testId="spark-warning" series={[{ key: 'warningFunds', name: t('kpi.sparkWarning'), color: TIER_COLORS.red }]} format={(v) => `${fmt.count(v)} ${t('kpi.fundsSuffix')}`} label={month} />
        </KpiCard>
      </Col>
      <Col xs={24} md={12} xl={4}>
        <KpiCard title={t('overBudget.kpiTitle')} testId="kpi-over-budget" hint={t('overBudget.kpiHint')}>
          <OverBudgetKpi budget={summary.budget} />
        </KpiCard>
      </Col>
    </Row>
  );
}
