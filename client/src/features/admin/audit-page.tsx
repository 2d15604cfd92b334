/**
 * 审计日志 (administrators): the state of the hash chain, filters, a server-paged table newest
 * first, and the export of every matching row (with hashes) as XLSX or CSV.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { trpc, type RouterOutputs } from '../../lib/trpc.ts';
import { useFormat } from '../../lib/use-format.ts';
import { formatUtc } from '../../lib/format-utc.ts';
import { QueryError } from '../../components/ui/query-error.tsx';
import { AuditFilters, type AuditFilter } from './audit-filters.tsx';

type AuditRow = RouterOutputs['admin']['audit']['rows'][number];

const DEFAULT_PAGE_SIZE = 20;
const MAX_CHANGE_WIDTH = 420;

function ChainStatus() {
  const { t } = useTranslation('admin');
  const chain = useQuery(trpc.admin.auditVerify.queryOptions());
  const recheck = <Button size="small" onClick={() => void chain.refetch()} loading={chain.isFetching}>{t('audit.recheck')}</Button>;
  if (chain.isError) return <QueryError error={chain.error} onRetry={() => void chain.refetch()} />;
  if (chain.isPending) return <Alert type="info" showIcon title={t('audit.chainChecking')} />;
  const report = chain.data;
  return report.ok
    ? <Alert type="success" showIcon title={t('audit.chainOk', { rows: report.rows })} action={recheck} data-testid="audit-chain" data-ok="true" />
    : (
      <Alert
        type="error"
        showIcon
        title={t('audit.chainBroken', { id: report.brokenAt?.id, rows: report.rows, reason: report.brokenAt?.reason })}
        action={recheck}
        data-testid="audit-chain"
        data-ok="false"
      />
    );
}

/** `{"role":"viewer"}` → `role: viewer`: the stored JSON, shortened for a table cell (the export has it whole). */
function compact(json: string | null): string | null {
  if (json === null) return null;
  try {
    const value = JSON.parse(json) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      return Object.entries(value).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
    }
  } catch {
    // not JSON: shown as stored
  }
  return json;
}

export function AuditPage() {
  const { t } = useTranslation('admin');
  const fmt = useFormat();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const audit = useQuery({ ...trpc.admin.audit.queryOptions({ page, pageSize, filter }), placeholderData: (prev) => prev });

  const columns: TableColumnsType<AuditRow> = [
    { title: t('audit.at'), dataIndex: 'at', width: 180, render: (at: string) => <span data-testid="audit-at">{formatUtc(at, fmt.lang)}</span> },
    { title: t('audit.username'), dataIndex: 'username', width: 120, render: (u: string | null) => u ?? '—' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 200,
      render: (action: string) => {
        const label = t(`action.${action.replaceAll('.', '_')}`, { defaultValue: '' });
        return (
          <Space orientation="vertical" size={0}>
            {label && <span>{label}</span>}
            <Typography.Text code style={{ fontSize: 12 }} data-testid="audit-action">{action}</Typography.Text>
          </Space>
        );
      },
    },
    { title: t('audit.target'), key: 'entity', width: 150, render: (_, r) => (r.entity ? `${r.entity}${r.entityId ? ` #${r.entityId}` : ''}` : '—') },
    {
      title: t('audit.change'),
      key: 'change',
      render: (_, r) => {
        const before = compact(r.beforeJson);
        const after = compact(r.afterJson);
        if (before === null && after === null) return '—';
        const text = before === null ? after : `${before} → ${after ?? '—'}`;
        return <Typography.Text ellipsis={{ tooltip: text }} style={{ maxWidth: MAX_CHANGE_WIDTH }} data-testid="audit-change">{text}</Typography.Text>;
      },
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 140, render: (ip: string | null) => ip ?? '—' },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="admin-audit-page">
      <Space orientation="vertical" size={4}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('audit.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('audit.subtitle')}</Typography.Text>
      </Space>
      <ChainStatus />
      <Card>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <AuditFilters value={filter} onChange={(f) => { setFilter(f); setPage(1); }} />
          {audit.isError ? <QueryError error={audit.error} onRetry={() => void audit.refetch()} /> : (
            <Table<AuditRow>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={audit.data?.rows ?? []}
              loading={audit.isFetching}
              data-testid="audit-table"
              pagination={{
                current: page,
                pageSize,
                total: audit.data?.total ?? 0,
                showSizeChanger: true,
                pageSizeOptions: [20, 50, 100, 200],
                showTotal: (total) => t('audit.total', { count: total }),
                onChange: (p, size) => { setPage(size === pageSize ? p : 1); setPageSize(size); },
              }}
            />
          )}
        </Space>
      </Card>
    </Space>
  );
}
