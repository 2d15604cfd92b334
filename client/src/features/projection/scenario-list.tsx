/**
 * The stored scenarios, one row per lineage (its newest version): name, version, scheme, preset,
 * data vintage and creation time, with actions to open it or clone it as its low- or high-cost preset.
 */
import type { HTMLAttributes } from 'react';
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { newestPerLineage, type LineageRow } from './scenario-rows.ts';
import { utcMinute } from './stamp.ts';
import type { ScenarioListRow } from './types.ts';

export interface ScenarioListProps {
  rows: readonly ScenarioListRow[];
  loading: boolean;
  openId?: number;
  canClone: boolean;
  cloning: boolean;
  onOpen: (id: number) => void;
  onClone: (id: number, preset: 'low' | 'high') => void;
}

const PAGE_SIZE = 8;

export function ScenarioList({ rows, loading, openId, canClone, cloning, onOpen, onClone }: ScenarioListProps) {
  const { t } = useTranslation('projection');
  const lineages = newestPerLineage(rows);
  return (
    <Table<LineageRow>
      size="small"
      rowKey={(r) => r.newest.lineage}
      loading={loading}
      data-testid="scenario-list"
      dataSource={lineages}
      pagination={lineages.length > PAGE_SIZE ? { pageSize: PAGE_SIZE, size: 'small' } : false}
      locale={{ emptyText: t('list.empty') }}
      onRow={(r) => ({ 'data-testid': 'scenario-row', 'data-id': r.newest.id } as HTMLAttributes<HTMLElement>)}
      rowClassName={(r) => (rows.some((x) => x.lineage === r.newest.lineage && x.id === openId) ? 'ant-table-row-selected' : '')}
      columns={[
        {
          title: t('list.name'),
          key: 'name',
          render: (_, r) => <Typography.Text strong>{r.newest.name}</Typography.Text>,
        },
        {
          title: t('list.version'),
          key: 'version',
          width: 110,
          render: (_, r) => (r.versions > 1 ? t('list.versionOf', { version: r.newest.version, count: r.versions }) : `v${r.newest.version}`),
        },
        { title: t('list.scheme'), key: 'scheme', width: 110, render: (_, r) => t(`common:scheme.${r.newest.scheme}`) },
        {
          title: t('list.preset'),
          key: 'preset',
          width: 100,
          render: (_, r) => (r.newest.preset ? <Tag style={{ marginInlineEnd: 0 }}>{t(`preset.${r.newest.preset}`)}</Tag> : '—'),
        },
        { title: t('list.vintage'), key: 'vintage', width: 120, render: (_, r) => (r.newest.dataVintage === 'manual' ? t('list.manual') : r.newest.dataVintage) },
        { title: t('list.created'), key: 'created', width: 170, render: (_, r) => utcMinute(r.newest.createdAt) },
        {
          title: t('list.actions'),
          key: 'actions',
          width: 250,
          render: (_, r) => (
            <Space size={4}>
              <Button size="small" type="primary" ghost data-testid="open-scenario" onClick={() => onOpen(r.newest.id)}>{t('list.open')}</Button>
              {(['low', 'high'] as const).map((preset) => (
                <Tooltip key={preset} title={canClone ? t(`list.cloneHint.${preset}`) : t('editor.readOnly')}>
                  <Button size="small" disabled={!canClone || cloning} data-testid={`clone-${preset}`} onClick={() => onClone(r.newest.id, preset)}>
                    {t(`list.clone.${preset}`)}
                  </Button>
                </Tooltip>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
