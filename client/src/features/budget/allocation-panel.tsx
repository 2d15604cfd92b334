/**
 * The allocation tab: allocate (or re-allocate) the total, the totals at a glance, what blocks
 * approval, and the allocation table with search and filters; a line opens its explanation.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Input, Select, Space, Statistic, Typography } from 'antd';
import { CalculatorOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { errorMessage } from '../../lib/errors.ts';
import { pickMoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { filterLines, LINE_FILTERS, type LineFilter } from './allocation-rows.ts';
import { INSTITUTION_UNIT } from './budget-colors.ts';
import { AllocationTable } from './allocation-table.tsx';
import { ApprovalCard } from './approval-card.tsx';
import { DecisionModal, type DecisionTarget } from './decision-modal.tsx';
import { ExplanationDrawer } from './explanation-drawer.tsx';
import { ExportLinks } from './export-links.tsx';
import type { PlanDetail } from './types.ts';

export function AllocationPanel({ detail, canEdit }: { detail: PlanDetail; canEdit: boolean }) {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const { message } = App.useApp();
  const plan = detail.plan;
  const s = detail.summary;
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<LineFilter>('all');
  const [opened, setOpened] = useState<number>();
  const [deciding, setDeciding] = useState<DecisionTarget>();
  const deferredSearch = useDeferredValue(search);
  const lines = useMemo(() => filterLines(detail.lines, deferredSearch, filter), [detail.lines, deferredSearch, filter]);
  const unit = INSTITUTION_UNIT;
  const allocate = useMutation(trpc.budget.allocate.mutationOptions({
    onSuccess: () => {
      void message.success(t('allocation.done'));
      void queryClient.invalidateQueries({ queryKey: trpc.budget.pathKey() });
    },
    onError: (err) => void message.error(errorMessage(err)),
  }));
  const totalUnit = pickMoneyUnit([s.totalYuan]);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="budget-allocation-panel">
      {!plan.total && <Alert type="info" showIcon title={t('allocation.needsTotal')} />}
      {canEdit && plan.total && (
        <Flex gap={8} align="center">
          <Button type={plan.status === 'draft' ? 'primary' : 'default'} icon={<CalculatorOutlined />} loading={allocate.isPending} data-testid="budget-allocate"
            onClick={() => allocate.mutate({ planId: plan.id })}>
            {plan.status === 'draft' ? t('allocation.allocate') : t('allocation.reallocate')}
          </Button>
          <Typography.Text type="secondary">{t('allocation.hint')}</Typography.Text>
        </Flex>
      )}
      {detail.lines.length > 0 && (
        <>
          <Flex gap={32} wrap data-testid="budget-allocation-stats">
            <Statistic title={t('allocation.total', { unit: fmt.unitLabel(totalUnit) })} value={fmt.moneyValue(s.totalYuan, totalUnit)} />
            <Statistic title={t('allocation.allocated', { unit: fmt.unitLabel(totalUnit) })} value={fmt.moneyValue(s.quotaSumYuan, totalUnit)} />
            <Statistic title={t('allocation.unallocated', { unit: fmt.unitLabel(totalUnit) })} value={fmt.moneyValue(s.unallocatedYuan, totalUnit)} />
            <Statistic title={t('allocation.institutions')} value={fmt.count(s.count.institutions)} />
            <Statistic title={t('allocation.adjusted')} value={fmt.count(s.count.adjusted)} />
            <Statistic title={t('allocation.balanced')} value={s.balanced ? t('allocation.yes') : t('allocation.no')} data-testid="budget-balanced" />
          </Flex>
          {plan.status === 'allocated' && (
            <ApprovalCard detail={detail} unit={unit} canEdit={canEdit} onOpen={setOpened} onDecide={setDeciding} />
          )}
          <Card size="small">
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              <Flex gap={8} wrap align="center" justify="space-between">
                <Flex gap={8} wrap align="center">
                  <Input allowClear prefix={<SearchOutlined />} placeholder={t('allocation.search')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 260 }} data-testid="budget-search" />
                  <Select<LineFilter> value={filter} onChange={setFilter} style={{ width: 180 }} data-testid="budget-filter"
                    options={LINE_FILTERS.map((f) => ({ value: f, label: t(`filter.${f}`) }))} />
                  <Typography.Text type="secondary" data-testid="budget-line-count">{t('allocation.shown', { shown: fmt.count(lines.length), total: fmt.count(detail.lines.length) })}</Typography.Text>
                </Flex>
                <ExportLinks planId={plan.id} table="quotas" unit={unit} />
              </Flex>
              <AllocationTable lines={lines} unit={unit} thresholdYuan={plan.decisionThresholdYuan} onOpen={setOpened} />
            </Space>
          </Card>
        </>
      )}
      <ExplanationDrawer planId={plan.id} institutionId={opened} unit={unit} canEdit={canEdit && plan.status === 'allocated'} onClose={() => setOpened(undefined)} />
      <DecisionModal planId={plan.id} thresholdYuan={plan.decisionThresholdYuan} target={deciding} onClose={() => setDeciding(undefined)} />
    </Space>
  );
}
