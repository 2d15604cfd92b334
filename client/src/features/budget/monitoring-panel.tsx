/** 执行监测: actual payments imported month by month against the quotas; who runs hot, by how much, since when. */
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc.ts';
import { pickMoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { QueryError } from '../../components/ui/query-error.tsx';
import { ActualsUpload } from './actuals-upload.tsx';
import { DeviationChart } from './deviation-chart.tsx';
import { ExportLinks } from './export-links.tsx';
import { BAND_TAG_COLORS, INSTITUTION_UNIT } from './budget-colors.ts';
import type { DeviationRow, PlanDetail } from './types.ts';

type Show = 'hot' | 'all';
const SCROLL_Y = 440;

export function MonitoringPanel({ plan, canEdit }: { plan: PlanDetail['plan']; canEdit: boolean }) {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const [show, setShow] = useState<Show>('hot');
  const deviation = useQuery(trpc.budget.deviation.queryOptions({ planId: plan.id }));
  const d = deviation.data;
  const unit = useMemo(() => pickMoneyUnit(d?.monthly.map((m) => m.actualToDateYuan) ?? []), [d]);
  const rowUnit = INSTITUTION_UNIT;
  const rows = useMemo(() => (d?.rows ?? []).filter((r) => show === 'all' || (r.direction === 'over' && r.band !== 'none')), [d, show]);
  const money = (v: number) => fmt.moneyValue(v, rowUnit);
  const columns: TableColumnsType<DeviationRow> = [
    { title: t('table.code'), dataIndex: 'code', width: 120 },
    { title: t('table.name'), dataIndex: 'name', width: 200, ellipsis: true },
    { title: t('table.quota', { unit: fmt.unitLabel(rowUnit) }), dataIndex: 'quotaYuan', width: 110, align: 'right', render: money },
    { title: t('monitor.actualToDate', { unit: fmt.unitLabel(rowUnit) }), dataIndex: 'actualToDateYuan', width: 120, align: 'right', render: money },
    { title: t('monitor.expectedToDate', { unit: fmt.unitLabel(rowUnit) }), dataIndex: 'expectedToDateYuan', width: 120, align: 'right', render: money },
    { title: t('monitor.deviation'), dataIndex: 'deviation', width: 100, align: 'right', render: (v: number | null) => (v === null ? t('monitor.noExpectation') : fmt.percent(v, 1)) },
    { title: t('monitor.band'), key: 'band', width: 120, render: (_, r) => <Tag color={BAND_TAG_COLORS[r.band]}>{t(`band.${r.band}`)}{r.band !== 'none' ? ` · ${t(`direction.${r.direction}`)}` : ''}</Tag> },
    { title: t('monitor.since'), dataIndex: 'since', width: 110, render: (p: string | null) => fmt.period(p) },
    { title: t('monitor.missing'), key: 'missing', width: 110, render: (_, r) => (r.missingMonths.length > 0 ? <Tag color="orange">{t('monitor.missingCount', { count: r.missingMonths.length })}</Tag> : '') },
  ];
  if (deviation.isError) return <QueryError error={deviation.error} onRetry={() => void deviation.refetch()} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="budget-monitor-panel">
      {canEdit && <Card size="small" title={t('monitor.uploadTitle')}><ActualsUpload planId={plan.id} /></Card>}
      {d && d.throughPeriod === null && <Alert type="info" showIcon title={t('monitor.noActuals')} />}
      {d && d.throughPeriod !== null && (
        <>
          <Card size="small" title={t('monitor.chartTitle', { period: fmt.period(d.throughPeriod) })}>
            <DeviationChart monthly={d.monthly} unit={unit} />
          </Card>
          <Card size="small" title={t('monitor.listTitle')} extra={<ExportLinks planId={plan.id} table="deviation" unit={rowUnit} />}>
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              <Flex gap={16} align="center" wrap>
                <Segmented<Show> value={show} onChange={setShow} data-testid="budget-deviation-show" options={[{ value: 'hot', label: t('monitor.showHot') }, { value: 'all', label: t('monitor.showAll') }]} />
                <Typography.Text>{t('monitor.counts', { general: d.counts.over.general ?? 0, major: d.counts.over.major ?? 0, severe: d.counts.over.severe ?? 0 })}</Typography.Text>
                <Typography.Text type="secondary">{t('monitor.bands', { general: fmt.percent(d.bands.general, 0), major: fmt.percent(d.bands.major, 0), severe: fmt.percent(d.bands.severe, 0) })}</Typography.Text>
              </Flex>
              <Table<DeviationRow> virtual size="small" rowKey="institutionId" data-testid="budget-deviation-table" columns={columns} dataSource={rows}
                pagination={false} scroll={{ x: 1110, y: SCROLL_Y }} locale={{ emptyText: t('monitor.noneHot') }} />
            </Space>
          </Card>
        </>
      )}
    </Space>
  );
}
