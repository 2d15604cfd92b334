/** The versions of the open scenario's lineage, newest first; a click opens one. */
import type { HTMLAttributes } from 'react';
import { Button, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { utcMinute } from './stamp.ts';
import type { ScenarioListRow } from './types.ts';

export interface VersionHistoryProps {
  versions: readonly ScenarioListRow[];
  openId?: number;
  loading: boolean;
  onOpen: (id: number) => void;
}

export function VersionHistory({ versions, openId, loading, onOpen }: VersionHistoryProps) {
  const { t } = useTranslation('projection');
  return (
    <Table<ScenarioListRow>
      size="small"
      rowKey="id"
      loading={loading}
      pagination={false}
      data-testid="version-history"
      dataSource={versions as ScenarioListRow[]}
      onRow={(r) => ({ 'data-testid': 'version-row', 'data-version': r.version } as HTMLAttributes<HTMLElement>)}
      columns={[
        {
          title: t('list.version'),
          key: 'version',
          width: 90,
          render: (_, r) => (r.id === openId ? <Tag color="blue">v{r.version}</Tag> : <Button size="small" type="link" onClick={() => onOpen(r.id)}>v{r.version}</Button>),
        },
        { title: t('list.created'), dataIndex: 'createdAt', key: 'createdAt', width: 190, render: (v: string) => utcMinute(v) },
        { title: t('list.hash'), dataIndex: 'inputHash', key: 'hash', width: 140, render: (v: string) => <Typography.Text code>{v.slice(0, 12)}</Typography.Text> },
        { title: t('list.note'), dataIndex: 'note', key: 'note', render: (v: string | null) => v ?? '' },
      ]}
    />
  );
}
