/**
 * 定期向社会公开 (seed 000 第二十四条): the approved budget of every institution, ready to download
 * (XLSX, CSV, or the PDF notice the server prints, in 元 to the fen) or print.
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc.ts';
import { pickMoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { regionName } from '../../lib/labels.ts';
import { QueryError } from '../../components/ui/query-error.tsx';
import { ExportLinks } from './export-links.tsx';
import { INSTITUTION_UNIT } from './budget-colors.ts';
import type { PlanDetail, Published } from './types.ts';

type Row = Published['rows'][number];
const SCROLL_Y = 520;

/** The PDF notice of an approved plan (`GET /api/budget/:planId/export/published?format=pdf`), in 元: a public notice reads to the fen. */
function publishedPdfUrl(planId: number, lang: 'zh' | 'en'): string {
  return `/api/budget/${planId}/export/published?${new URLSearchParams({ format: 'pdf', unit: 'yuan', lang }).toString()}`;
}

export function PublishedPanel({ plan }: { plan: PlanDetail['plan'] }) {
  const { t } = useTranslation('budget');
  const fmt = useFormat();
  const list = useQuery(trpc.budget.published.queryOptions({ planId: plan.id }));
  const unit = INSTITUTION_UNIT;
  const columns: TableColumnsType<Row> = [
    { title: t('table.code'), dataIndex: 'code', width: 130 },
    { title: t('table.name'), dataIndex: 'name', width: 240 },
    { title: t('table.type'), key: 'type', width: 120, render: (_, r) => `${t(`type.${r.type}`, { defaultValue: r.type })}${r.level ? ` ${t(`level.${r.level}`)}` : ''}` },
    { title: t('table.region'), dataIndex: 'regionName', width: 120 },
    { title: t('published.budget', { unit: fmt.unitLabel(unit) }), key: 'q', width: 150, align: 'right', render: (_, r) => (r.status === 'terminated' ? <Tag>{t('agreement.terminated')}</Tag> : fmt.moneyValue(r.quotaYuan, unit)) },
  ];
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card size="small" data-testid="budget-published-panel"
      title={t('published.title', { year: plan.year, region: regionName(plan, fmt.lang), scheme: t(`common:scheme.${plan.scheme}`) })}
      extra={<Space><ExportLinks planId={plan.id} table="published" unit={unit} />
        {/* a superseded version is no longer the budget in force: the server prints no notice of it */}
        {plan.status !== 'superseded' && <Button size="small" icon={<FilePdfOutlined />} href={publishedPdfUrl(plan.id, fmt.lang === 'en' ? 'en' : 'zh')} download data-testid="budget-export-published-pdf">{t('published.pdf')}</Button>}
        <Button size="small" icon={<PrinterOutlined />} onClick={() => window.print()}>{t('published.print')}</Button></Space>}>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Flex gap={16} wrap>
          <Typography.Text>{t('published.total', { amount: fmt.money(plan.totalYuan, pickMoneyUnit([plan.totalYuan])) })}</Typography.Text>
          {plan.approvedAt && <Typography.Text type="secondary">{t('published.approved', { date: plan.approvedAt.slice(0, 10), version: plan.version })}</Typography.Text>}
        </Flex>
        <Table<Row> virtual size="small" rowKey="institutionId" data-testid="budget-published-table" columns={columns} dataSource={list.data?.rows ?? []}
          loading={list.isPending} pagination={false} scroll={{ x: 760, y: SCROLL_Y }} />
      </Space>
    </Card>
  );
}
