/**
 * 政策参数 (the administration workspace): the national default set, version by version, with
 * each value's unit, provenance and source; its history; the regional overrides; and the rules in
 * force in any month. Administrators create new versions (an edit never changes a published
 * version); every role may read (the server scopes the overrides to the user's regions).
 */
import { useState, type HTMLAttributes } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc.ts';
import { useFormat } from '../../lib/use-format.ts';
import { formatUtc } from '../../lib/format-utc.ts';
import { QueryError } from '../../components/ui/query-error.tsx';
import { PageSpin } from '../../components/ui/page-spin.tsx';
import { ValuesTable } from './values-table.tsx';
import { VersionModal } from './version-modal.tsx';
import { OverrideModal } from './override-modal.tsx';
import { OverridesCard } from './overrides-card.tsx';
import { InForceCard } from './in-force-card.tsx';
import type { VersionRow } from './types.ts';

export function ParametersPage() {
  const { t } = useTranslation('parameters');
  const fmt = useFormat();
  const me = useQuery(trpc.auth.me.queryOptions());
  const list = useQuery(trpc.parameters.list.queryOptions());
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const [editing, setEditing] = useState<'version' | 'override' | null>(null);
  const versions = list.data?.national ?? [];
  const newestId = versions[0]?.setId;
  const setId = selected ?? newestId;
  const shown = useQuery({ ...trpc.parameters.get.queryOptions({ setId: setId ?? 0 }), enabled: setId !== undefined });
  const newest = useQuery({ ...trpc.parameters.get.queryOptions({ setId: newestId ?? 0 }), enabled: newestId !== undefined });
  const canEdit = me.data?.user?.role === 'admin';

  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data) return <PageSpin />;
  const version = versions.find((v) => v.setId === setId);
  const by = (v: VersionRow) => v.createdBy ?? t('national.system');

  const historyColumns: TableColumnsType<VersionRow> = [
    { title: t('column.version'), dataIndex: 'version', width: 80, render: (n: number) => `v${n}` },
    { title: t('column.effectiveFrom'), dataIndex: 'effectiveFrom', width: 110 },
    { title: t('column.supersededFrom'), dataIndex: 'supersededFrom', width: 120, render: (m: string | null) => m ?? <Tag color="success">{t('national.current')}</Tag> },
    { title: t('column.note'), dataIndex: 'note', render: (n: string | null) => n ?? t('history.none') },
    { title: t('column.createdBy'), key: 'by', width: 130, render: (_, v) => by(v) },
    { title: t('column.createdAt'), dataIndex: 'createdAt', width: 180, render: (at: string) => formatUtc(at, fmt.lang) },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="parameters-page">
      <Space orientation="vertical" size={4}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('title')}</Typography.Title>
        <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
      </Space>
      <Card
        title={t('national.title')}
        data-testid="national-card"
        extra={(
          <Space>
            <Select
              aria-label={t('national.version')}
              value={setId}
              onChange={setSelected}
              style={{ minWidth: 200 }}
              options={versions.map((v) => ({ value: v.setId, label: t('national.versionOption', { version: v.version, from: v.effectiveFrom }) }))}
              data-testid="version-select"
            />
            {canEdit && (
              <Button type="primary" icon={<EditOutlined />} disabled={!newest.data} onClick={() => setEditing('version')} data-testid="version-edit">
                {t('national.edit')}
              </Button>
            )}
          </Space>
        )}
      >
        {version && (
          <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }} data-testid="version-meta">
            {version.supersededFrom === null
              ? <Tag color="success">{t('national.current')}</Tag>
              : <Tag>{t('national.superseded', { from: version.supersededFrom })}</Tag>}
            <Typography.Text>{t('national.meta', { version: version.version, from: version.effectiveFrom, by: by(version), at: formatUtc(version.createdAt, fmt.lang) })}</Typography.Text>
            {version.note && <Typography.Text type="secondary">· {version.note}</Typography.Text>}
          </Flex>
        )}
        {shown.isError ? <QueryError error={shown.error} onRetry={() => void shown.refetch()} /> : <ValuesTable values={shown.data?.values ?? []} testId="national-values" />}
      </Card>
      <Card title={t('history.title')} data-testid="history-card">
        <Table<VersionRow>
          rowKey="setId"
          size="small"
          pagination={false}
          columns={historyColumns}
          dataSource={versions}
          rowClassName={(v) => (v.setId === setId ? 'ant-table-row-selected' : '')}
          onRow={(v) => ({ onClick: () => setSelected(v.setId), style: { cursor: 'pointer' }, 'data-testid': 'history-row' }) as HTMLAttributes<HTMLElement>}
        />
      </Card>
      <OverridesCard overrides={list.data.overrides} canEdit={canEdit} onEdit={() => setEditing('override')} />
      <InForceCard />
      {newest.data && (
        <VersionModal
          open={editing === 'version'}
          base={newest.data}
          onClose={() => setEditing(null)}
          onSaved={(id) => { setSelected(id); setEditing(null); }}
        />
      )}
      <OverrideModal open={editing === 'override'} list={list.data} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />
    </Space>
  );
}
