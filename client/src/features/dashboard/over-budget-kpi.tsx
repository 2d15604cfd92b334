/**
 * The KPI card body for institutions over their budget: how many, by deviation band, the budget year
 * and month monitored and the amount over (server: dashboard-budget.ts). Empty state without a plan.
 */
import { Flex, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickMoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { TIER_COLORS } from '../../lib/theme.ts';
import { DEVIATION_BAND_COLORS, DEVIATION_BANDS } from './deviation-colors.ts';
import type { DashboardBudget } from './types.ts';

const VALUE_FONT_SIZE = 30;

export function OverBudgetKpi({ budget }: { budget: DashboardBudget }) {
  const { t } = useTranslation('dashboard');
  const fmt = useFormat();
  if (budget.plans.length === 0) {
    return (
      <Typography.Text type="secondary" data-testid="over-budget-kpi-empty">
        {budget.year === null ? t('overBudget.noPlan') : t('overBudget.noPlanYear', { year: budget.year })}
      </Typography.Text>
    );
  }
  const { totals } = budget;
  const unit = pickMoneyUnit([totals.overYuan]);
  const through = budget.throughPeriod;
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <Statistic
        value={fmt.count(totals.overInstitutions)}
        suffix={t('overBudget.institutionsSuffix')}
        styles={{ content: { fontSize: VALUE_FONT_SIZE, color: totals.overInstitutions > 0 ? TIER_COLORS.red : undefined } }}
      />
      <Space size={[4, 4]} wrap>
        {DEVIATION_BANDS.map((band) => (
          <Tag key={band} color={DEVIATION_BAND_COLORS[band]} style={{ marginInlineEnd: 0 }} data-testid={`over-budget-band-${band}`}>
            {t(`overBudget.band.${band}`)} {fmt.count(totals.over[band])}
          </Tag>
        ))}
      </Space>
      <Flex vertical>
        <Typography.Text type="secondary">
          {t('overBudget.budgetYear', { year: budget.year })}{through ? ` · ${t('overBudget.through', { period: fmt.period(through) })}` : ''}
        </Typography.Text>
        <Typography.Text type="secondary">{t('overBudget.overAmount', { amount: fmt.money(totals.overYuan, unit) })}</Typography.Text>
      </Flex>
    </Space>
  );
}
