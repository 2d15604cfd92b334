/** 预算方案: every plan the user may see, its status and totals; budget officers draft new ones here. */
import type { HTMLAttributes } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { trpc } from '../../lib/trpc.ts';
import { pickMoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { regionName } from '../../lib/labels.ts';
import { PATHS } from '../../lib/paths.ts';
import { QueryError } from '../../components/ui/query-error.tsx';
import { NewPlanForm } from './new-plan-form.tsx';
import { STATUS_TAG_COLORS } from './budget-colors.ts';
import { useCanEditBudget } from './use-budget-role.ts';
import type { PlanView } from './types.ts';

/** The year a new plan is usually for: that of the newest plan (other regions of the same year), else next year (budgets are set ahead). */
function nextYear(plans: readonly PlanView[]): number {
  return plans.length > 0 ? Math.max(...plans.map((p) => p.year)) : new Date().getFullYear() + 1;
}

export function BudgetPlansPage() {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const navigate = useNavigate();
  const canEdit = useCanEditBudget();
  const plans = useQuery(trpc.budget.plans.queryOptions({}));
  const rows = plans.data ?? [];
  const unit = pickMoneyUnit(rows.map((p) => p.totalYuan));
  const columns: TableColumnsType<PlanView> = [
    { title: t('plans.year'), dataIndex: 'year', width: 80, sorter: (a, b) => a.year - b.year },
    {
      title: t('plans.region'), key: 'region', width: 200,
      render: (_, p) => <Link to={PATHS.budgetPlan(p.id)} data-testid="budget-plan-link" data-plan-id={p.id}>{regionName(p, fmt.lang)}</Link>,
    },
    { title: t('plans.scheme'), dataIndex: 'scheme', width: 120, render: (s: string) => t(`common:scheme.${s}`) },
    { title: t('plans.version'), dataIndex: 'version', width: 80, render: (v: number) => `v${v}` },
    { title: t('plans.status'), dataIndex: 'status', width: 110, render: (s: PlanView['status']) => <Tag color={STATUS_TAG_COLORS[s]}>{t(`status.${s}`)}</Tag> },
    { title: t('plans.total', { unit: fmt.unitLabel(unit) }), dataIndex: 'totalYuan', align: 'right', width: 150, render: (v: number | null) => fmt.moneyValue(v, unit) },
    { title: t('plans.allocated', { unit: fmt.unitLabel(unit) }), dataIndex: 'allocatedYuan', align: 'right', width: 150, render: (v: number | null) => fmt.moneyValue(v, unit) },
    { title: t('plans.approvedAt'), key: 'approved', width: 180, render: (_, p) => (p.approvedAt ? `${p.approvedAt.slice(0, 10)} · ${p.approvedBy ?? ''}` : '—') },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="budget-plans-page">
      <Flex align="baseline" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('plans.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('common:workspace.budget')}</Typography.Text>
      </Flex>
      {canEdit && plans.isSuccess && <Card size="small" title={t('plans.new')}><NewPlanForm defaultYear={nextYear(rows)} /></Card>}
      <Card>
        {plans.isError ? <QueryError error={plans.error} onRetry={() => void plans.refetch()} /> : (
          <Table<PlanView>
            data-testid="budget-plans-table" rowKey="id" size="middle" loading={plans.isPending} columns={columns} dataSource={rows}
            pagination={{ defaultPageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: t('plans.empty') }}
            onRow={(p) => ({ onClick: (e) => { if (!(e.target as HTMLElement).closest('a')) void navigate(PATHS.budgetPlan(p.id)); }, style: { cursor: 'pointer' }, 'data-testid': 'budget-plan-row' }) as HTMLAttributes<HTMLElement>}
          />
        )}
      </Card>
    </Space>
  );
}
