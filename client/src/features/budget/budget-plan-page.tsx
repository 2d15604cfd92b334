/**
 * One budget plan at `/budget/plans/:planId`: its status and workflow steps, then a tab per stage:
 * the total from a projection, the allocation table (explanations, what-if edits, decisions,
 * approval), the prepayment schedule, monitoring of actual payments, settlement, and the list to publish.
 */
import { useEffect, useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Space, Steps, Tabs, Tag, Typography } from 'antd';
import { BranchesOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useFormat } from '../../lib/use-format.ts';
import { regionName } from '../../lib/labels.ts';
import { PATHS } from '../../lib/paths.ts';
import { PageSpin } from '../../components/ui/page-spin.tsx';
import { QueryError } from '../../components/ui/query-error.tsx';
import { STATUS_TAG_COLORS } from './budget-colors.ts';
import { useCanEditBudget } from './use-budget-role.ts';
import { TotalPanel } from './total-panel.tsx';
import { AllocationPanel } from './allocation-panel.tsx';
import { PrepaymentPanel } from './prepayment-panel.tsx';
import { MonitoringPanel } from './monitoring-panel.tsx';
import { SettlementPanel } from './settlement-panel.tsx';
import { PublishedPanel } from './published-panel.tsx';
import type { PlanDetail } from './types.ts';

/** Index of the next workflow step to take (the steps before it are done; all six when settled). */
function stepOf(d: PlanDetail): number {
  const s = d.plan.status;
  if (s === 'settled') return 6;
  if (s === 'approved' || s === 'superseded') return d.stages.prepaymentsIssuedAt ? 5 : 4;
  if (s === 'allocated') return 3;
  return d.plan.total ? 2 : 1;
}

export function BudgetPlanPage() {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const planId = Number(useParams().planId);
  const canEdit = useCanEditBudget();
  const [tab, setTab] = useState<string>();
  const detail = useQuery({ ...trpc.budget.plan.queryOptions({ planId }), enabled: Number.isSafeInteger(planId) && planId > 0 });
  // The tab a plan opens on follows its stage once; afterwards the officer's choice stays put.
  const opening = detail.data ? (detail.data.plan.total ? 'allocation' : 'total') : undefined;
  useEffect(() => {
    if (tab === undefined && opening !== undefined) setTab(opening);
  }, [tab, opening]);
  const newVersion = useMutation(trpc.budget.newVersion.mutationOptions({
    onSuccess: (p) => {
      void queryClient.invalidateQueries({ queryKey: trpc.budget.plans.queryKey() });
      void navigate(PATHS.budgetPlan(p.id));
    },
    onError: (err) => void message.error(errorMessage(err)),
  }));
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return <PageSpin />;
  const d = detail.data;
  const plan = d.plan;
  const locked = plan.status !== 'draft' && plan.status !== 'allocated';
  const current = tab ?? opening;
  const tabs = [
    { key: 'total', label: t('tabs.total'), children: <TotalPanel detail={d} canEdit={canEdit && !locked} /> },
    { key: 'allocation', label: t('tabs.allocation'), children: <AllocationPanel detail={d} canEdit={canEdit && !locked} /> },
    { key: 'prepayment', label: t('tabs.prepayment'), disabled: !locked, children: <PrepaymentPanel plan={plan} canEdit={canEdit && plan.status === 'approved'} /> },
    { key: 'monitoring', label: t('tabs.monitoring'), disabled: !locked, children: <MonitoringPanel plan={plan} canEdit={canEdit && plan.status === 'approved'} /> },
    { key: 'settlement', label: t('tabs.settlement'), disabled: !locked, children: <SettlementPanel plan={plan} canEdit={canEdit && plan.status === 'approved'} /> },
    { key: 'published', label: t('tabs.published'), disabled: !locked, children: <PublishedPanel plan={plan} /> },
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="budget-plan-page" data-plan-id={plan.id}>
      <Flex align="center" justify="space-between" gap={12} wrap>
        <Flex align="baseline" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="budget-plan-title">
            {t('plan.title', { year: plan.year, region: regionName(plan, fmt.lang), scheme: t(`common:scheme.${plan.scheme}`) })}
          </Typography.Title>
          <Tag>{`v${plan.version}`}</Tag>
          <Tag color={STATUS_TAG_COLORS[plan.status]} data-testid="budget-plan-status" data-status={plan.status}>{t(`status.${plan.status}`)}</Tag>
          {plan.approvedAt && <Typography.Text type="secondary">{t('plan.approvedBy', { who: plan.approvedBy, date: plan.approvedAt.slice(0, 10) })}</Typography.Text>}
          {plan.supersededById !== null && <Link to={PATHS.budgetPlan(plan.supersededById)}>{t('plan.supersededBy', { id: plan.supersededById })}</Link>}
        </Flex>
        <Space>
          <Link to={PATHS.budgetPlans}>{t('plan.back')}</Link>
          {canEdit && plan.status === 'approved' && (
            <Popconfirm title={t('plan.newVersionConfirm')} onConfirm={() => newVersion.mutate({ planId: plan.id })}>
              <Button icon={<BranchesOutlined />} loading={newVersion.isPending} data-testid="budget-new-version">{t('plan.newVersion')}</Button>
            </Popconfirm>
          )}
        </Space>
      </Flex>
      <Steps size="small" current={stepOf(d)} items={['draft', 'total', 'allocated', 'approved', 'prepaid', 'settled'].map((s) => ({ title: t(`steps.${s}`) }))} />
      <Tabs activeKey={current} onChange={setTab} items={tabs} data-testid="budget-tabs" destroyOnHidden />
    </Space>
  );
}
