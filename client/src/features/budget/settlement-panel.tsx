/** 年终清算 (domain.md §5.4): settle an approved plan once its 12 months of actual payments are in; the summary and each institution. */
import { useMemo } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Popconfirm, Space, Statistic, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { errorMessage } from '../../lib/errors.ts';
import { pickMoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { QueryError } from '../../components/ui/query-error.tsx';
import { ExportLinks } from './export-links.tsx';
import { INSTITUTION_UNIT } from './budget-colors.ts';
import type { PlanDetail, Settlement } from './types.ts';

type Row = Settlement['rows'][number];
const SCROLL_Y = 440;
const BAND_COLORS: Record<string, string> = { savings: 'green', shared: 'gold', beyond: 'red' };

export function SettlementPanel({ plan, canEdit }: { plan: PlanDetail['plan']; canEdit: boolean }) {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const { message } = App.useApp();
  const settlement = useQuery(trpc.budget.settlement.queryOptions({ planId: plan.id }));
  const settle = useMutation(trpc.budget.settle.mutationOptions({
    onSuccess: () => {
      void message.success(t('settle.done'));
      void queryClient.invalidateQueries({ queryKey: trpc.budget.pathKey() });
    },
    onError: (err) => void message.error(errorMessage(err)),
  }));
  const s = settlement.data;
  const unit = INSTITUTION_UNIT;
  const sumUnit = useMemo(() => pickMoneyUnit([s?.summary.quotaYuan]), [s]);
  const money = (v: number) => fmt.moneyValue(v, unit);
  const columns: TableColumnsType<Row> = [
    { title: t('table.code'), dataIndex: 'code', width: 120 },
    { title: t('table.name'), dataIndex: 'name', width: 200, ellipsis: true },
    { title: t('settle.band'), dataIndex: 'band', width: 110, render: (b: string) => <Tag color={BAND_COLORS[b]}>{t(`settle.bands.${b}`)}</Tag> },
    ...(['finalYuan', 'quotaYuan', 'actualYuan', 'fundPaysYuan', 'rewardYuan', 'institutionBearsYuan', 'violationRecoveryYuan', 'prepaidYuan'] as const).map((k) => ({
      title: t(`settle.cols.${k}`, { unit: fmt.unitLabel(unit) }), dataIndex: k, width: 110, align: 'right' as const, render: money,
      sorter: (a: Row, b: Row) => a[k] - b[k],
    })),
  ];
  if (settlement.isError) return <QueryError error={settlement.error} onRetry={() => void settlement.refetch()} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="budget-settlement-panel">
      {s && !s.settled && (
        <Alert type="info" showIcon title={t('settle.notYet')} action={canEdit && (
          <Popconfirm title={t('settle.confirm')} onConfirm={() => settle.mutate({ planId: plan.id })} okButtonProps={{ 'data-testid': 'budget-settle-confirm' } as ButtonProps}>
            <Button type="primary" loading={settle.isPending} data-testid="budget-settle">{t('settle.button')}</Button>
          </Popconfirm>
        )} />
      )}
      {s?.settled && (
        <>
          <Card size="small" title={t('settle.summary', { date: s.settledAt?.slice(0, 10) })} data-testid="budget-settlement-summary">
            <Flex gap={32} wrap>
              {(['quotaYuan', 'actualYuan', 'fundPaysYuan', 'rewardYuan', 'bearsYuan', 'recoveryYuan', 'owedToInstitutionsYuan', 'repaidByInstitutionsYuan'] as const).map((k) => (
                <Statistic key={k} title={t(`settle.sum.${k}`, { unit: fmt.unitLabel(sumUnit) })} value={fmt.moneyValue(s.summary[k], sumUnit)} />
              ))}
              <Statistic title={t('settle.bandCounts')} value={t('settle.bandText', s.bands)} />
            </Flex>
          </Card>
          <Card size="small" extra={<ExportLinks planId={plan.id} table="settlement" unit={unit} />}>
            <Table<Row> virtual size="small" rowKey="institutionId" data-testid="budget-settlement-table" columns={columns} dataSource={s.rows} pagination={false} scroll={{ x: 1310, y: SCROLL_Y }} />
          </Card>
        </>
      )}
    </Space>
  );
}
