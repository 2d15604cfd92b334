/** The monthly prepayment schedule (domain.md §5.3): issued once for an approved plan; 12 months per institution. */
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { errorMessage } from '../../lib/errors.ts';
import { INSTITUTION_UNIT } from './budget-colors.ts';
import { useFormat } from '../../lib/use-format.ts';
import { QueryError } from '../../components/ui/query-error.tsx';
import { ExportLinks } from './export-links.tsx';
import type { PlanDetail, Prepayments } from './types.ts';

type Row = Prepayments['institutions'][number];
const SCROLL_Y = 480;

export function PrepaymentPanel({ plan, canEdit }: { plan: PlanDetail['plan']; canEdit: boolean }) {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const { message } = App.useApp();
  const [profile, setProfile] = useState<'seasonal' | 'flat'>('seasonal');
  const schedule = useQuery(trpc.budget.prepayments.queryOptions({ planId: plan.id }));
  const issue = useMutation(trpc.budget.issuePrepayments.mutationOptions({
    onSuccess: () => {
      void message.success(t('prepay.done'));
      void queryClient.invalidateQueries({ queryKey: trpc.budget.pathKey() });
    },
    onError: (err) => void message.error(errorMessage(err)),
  }));
  const data = schedule.data;
  const unit = INSTITUTION_UNIT;
  const money = (v: number) => fmt.moneyValue(v, unit);
  const columns: TableColumnsType<Row> = [
    { title: t('table.code'), dataIndex: 'code', width: 120, fixed: 'left' },
    { title: t('table.name'), dataIndex: 'name', width: 200, ellipsis: true },
    { title: t('table.quota', { unit: fmt.unitLabel(unit) }), dataIndex: 'quotaYuan', width: 110, align: 'right', render: money, sorter: (a, b) => a.quotaYuan - b.quotaYuan },
    { title: t('prepay.withheld', { unit: fmt.unitLabel(unit) }), dataIndex: 'withheldYuan', width: 100, align: 'right', render: money },
    { title: t('prepay.profile'), dataIndex: 'profile', width: 90, render: (p: string) => <Tag>{t(`prepay.profiles.${p}`)}</Tag> },
    ...Array.from({ length: 12 }, (_, m) => ({
      title: t('prepay.month', { month: m + 1 }), key: `m${m}`, width: 90, align: 'right' as const,
      render: (_: unknown, r: Row) => (r.suspendedMonths.includes(m + 1) ? <Tag color="orange">{t('prepay.suspended')}</Tag> : money(r.monthsYuan[m] as number)),
    })),
    { title: t('prepay.prepaid', { unit: fmt.unitLabel(unit) }), dataIndex: 'prepaidYuan', width: 110, align: 'right', render: money },
  ];
  if (schedule.isError) return <QueryError error={schedule.error} onRetry={() => void schedule.refetch()} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="budget-prepay-panel">
      {data && !data.issued && (
        <Alert type="info" showIcon title={t('prepay.notIssued')} action={canEdit && (
          <Flex gap={8}>
            <Select value={profile} onChange={setProfile} style={{ width: 180 }} data-testid="budget-prepay-profile"
              options={(['seasonal', 'flat'] as const).map((p) => ({ value: p, label: t(`prepay.profileChoice.${p}`) }))} />
            <Popconfirm title={t('prepay.confirm')} onConfirm={() => issue.mutate({ planId: plan.id, profile })} okButtonProps={{ 'data-testid': 'budget-prepay-confirm' } as ButtonProps}>
              <Button type="primary" loading={issue.isPending} data-testid="budget-prepay-issue">{t('prepay.issue')}</Button>
            </Popconfirm>
          </Flex>
        )} />
      )}
      {data?.issued && (
        <Card size="small" title={t('prepay.title', { date: data.issuedAt?.slice(0, 10) })} extra={<ExportLinks planId={plan.id} table="prepayments" unit={unit} />}>
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <Typography.Text data-testid="budget-prepay-total">{t('prepay.total', { amount: fmt.money(data.prepaidYuan, unit) })}</Typography.Text>
            <Table<Row> virtual size="small" rowKey="institutionId" data-testid="budget-prepay-table" columns={columns} dataSource={data.institutions}
              pagination={false} scroll={{ x: 1800, y: SCROLL_Y }}
              summary={() => (
                <Table.Summary fixed>
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0} colSpan={5}>{t('prepay.monthTotal')}</Table.Summary.Cell>
                    {data.monthTotalsYuan.map((v, i) => <Table.Summary.Cell key={i} index={5 + i} align="right">{money(v)}</Table.Summary.Cell>)}
                    <Table.Summary.Cell index={17} align="right">{money(data.prepaidYuan)}</Table.Summary.Cell>
                  </Table.Summary.Row>
                </Table.Summary>
              )} />
          </Space>
        </Card>
      )}
    </Space>
  );
}
