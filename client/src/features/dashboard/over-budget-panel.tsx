/**
 * Institutions over their budget (server: dashboard-budget.ts): the furthest over first, with the
 * deviation and its band, since when and the amount over; beside it, per region × scheme, how many
 * institutions fall in each band. Names open the budget plan page: every role that reads the
 * dashboard holds the `read` permission, which includes `budget.plan` (README permission matrix), and
 * the plans listed are in the user's regions. Empty state when no approved plan is in view.
 */
import type { HTMLAttributes } from 'react';
import { Card, Col, Empty, Flex, Row, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../lib/use-format.ts';
import { regionName } from '../../lib/labels.ts';
import { PATHS } from '../../lib/paths.ts';
import { DEVIATION_BAND_COLORS, DEVIATION_BANDS } from './deviation-colors.ts';
import type { BudgetPlanRow, DashboardBudget, OverBudgetRow } from './types.ts';

const PANEL_HEIGHT = 420;
/** Room for the three band tags on two lines at most. */
const OVER_COLUMN_WIDTH = 150;

function OverBudgetList({ budget }: { budget: DashboardBudget }) {
  const { t } = useTranslation('dashboard');
  const fmt = useFormat();
  // one institution's overspend reads best in 万元 (10⁴ yuan), whatever the largest
  const unit = 'wan';
  const columns: TableColumnsType<OverBudgetRow> = [
    {
      title: t('overBudget.institution'), key: 'institution',
      render: (_, r) => <Link to={PATHS.budgetPlan(r.planId)} data-testid="over-budget-link">{r.code} {r.name}</Link>,
    },
    { title: t('overBudget.region'), key: 'region', render: (_, r) => `${regionName({ regionName: r.regionName, regionNameEn: r.regionNameEn }, fmt.lang)} · ${t(`common:scheme.${r.scheme}`)}` },
    {
      title: t('overBudget.deviation'), key: 'deviation', align: 'right',
      render: (_, r) => (
        <Flex gap={6} justify="flex-end" align="center">
          <Tooltip title={r.deviation === null ? t('overBudget.noExpectation') : undefined}>
            <span>{r.deviation === null ? '—' : `+${fmt.percent(r.deviation)}`}</span>
          </Tooltip>
          <Tag color={DEVIATION_BAND_COLORS[r.band]} style={{ marginInlineEnd: 0 }}>{t(`overBudget.band.${r.band}`)}</Tag>
        </Flex>
      ),
    },
    { title: t('overBudget.since'), key: 'since', render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{fmt.period(r.since)}</span> },
    { title: t('overBudget.amountOver', { unit: fmt.unitLabel(unit) }), key: 'over', align: 'right', render: (_, r) => fmt.moneyValue(r.overYuan, unit) },
  ];
  const through = budget.throughPeriod;
  return (
    <Card
      title={through ? t('overBudget.titleYear', { year: budget.year, period: fmt.period(through) }) : t('overBudget.title')}
      extra={<Typography.Text type="secondary">{t('overBudget.total', { count: budget.overBudgetTotal })}</Typography.Text>}
      data-testid="over-budget-list"
      style={{ height: '100%' }}
      styles={{ body: { padding: 0, maxHeight: PANEL_HEIGHT, overflowY: 'auto' } }}
    >
      <Table<OverBudgetRow>
        size="small" rowKey={(r) => `${r.planId}-${r.institutionId}`} columns={columns} dataSource={budget.overBudget} pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overBudget.none')} /> }}
        onRow={() => ({ 'data-testid': 'over-budget-row' } as HTMLAttributes<HTMLTableRowElement>)}
      />
    </Card>
  );
}

function PlanCounts({ plans, total }: { plans: readonly BudgetPlanRow[]; total: number }) {
  const { t } = useTranslation('dashboard');
  const fmt = useFormat();
  const count = (n: number) => (n > 0 ? fmt.count(n) : <Typography.Text type="secondary">0</Typography.Text>);
  const columns: TableColumnsType<BudgetPlanRow> = [
    {
      title: t('overBudget.plan'), key: 'plan',
      render: (_, p) => (
        <Link to={PATHS.budgetPlan(p.planId)} title={t('overBudget.openPlan')} data-testid="over-budget-plan-link">
          {regionName(p, fmt.lang)} · {t(`common:scheme.${p.scheme}`)}
        </Link>
      ),
    },
    { title: t('overBudget.institutions'), key: 'n', align: 'right', render: (_, p) => fmt.count(p.institutions) },
    {
      title: t('overBudget.over'), key: 'over', width: OVER_COLUMN_WIDTH,
      render: (_, p) => (
        <Flex gap={4} wrap>
          {DEVIATION_BANDS.map((band) => (
            <Tag key={band} color={p.over[band] > 0 ? DEVIATION_BAND_COLORS[band] : 'default'} style={{ marginInlineEnd: 0 }} data-testid={`plan-over-${band}`}>
              {t(`overBudget.band.${band}`)} {fmt.count(p.over[band])}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: t('overBudget.under'), key: 'under', align: 'right', render: (_, p) => count(p.under.general + p.under.major + p.under.severe) },
    { title: t('overBudget.within'), key: 'within', align: 'right', render: (_, p) => count(p.within) },
  ];
  return (
    <Card
      title={t('overBudget.plansTitle')}
      extra={total > plans.length ? <Typography.Text type="secondary">{t('overBudget.plansShowing', { shown: plans.length, total })}</Typography.Text> : undefined}
      data-testid="over-budget-plans"
      styles={{ body: { padding: 0, maxHeight: PANEL_HEIGHT, overflowY: 'auto' } }}>
      <Table<BudgetPlanRow>
        size="small" rowKey="planId" columns={columns} dataSource={[...plans]} pagination={false}
        footer={plans.some((p) => p.throughPeriod === null) ? () => <Typography.Text type="secondary">{t('overBudget.notMonitored')}: {
          plans.filter((p) => p.throughPeriod === null).map((p) => `${regionName(p, fmt.lang)} · ${t(`common:scheme.${p.scheme}`)}`).join('、')
        }</Typography.Text> : undefined}
      />
    </Card>
  );
}

export function OverBudgetPanel({ budget }: { budget: DashboardBudget }) {
  const { t } = useTranslation('dashboard');
  if (budget.plans.length === 0) {
    return (
      <Card title={t('overBudget.title')} data-testid="over-budget-list">
        <Empty description={budget.year === null ? t('overBudget.noPlan') : t('overBudget.noPlanYear', { year: budget.year })} data-testid="over-budget-empty" />
      </Card>
    );
  }
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={15}><OverBudgetList budget={budget} /></Col>
      <Col xs={24} xxl={9}><PlanCounts plans={budget.plans} total={budget.planTotal} /></Col>
    </Row>
  );
}
