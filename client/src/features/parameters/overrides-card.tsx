/** 地区调整: each region and scheme with an override, its newest version, what it changes and why. */
import { Button, Card, Empty, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HTMLAttributes } from 'react';
import { useFormat } from '../../lib/use-format.ts';
import { formatParameterValue, keyLabel, regionLabel } from './parameter-values.ts';
import { ProvenanceTag } from './provenance-tag.tsx';
import type { OverrideChain } from './types.ts';

export function OverridesCard({ overrides, canEdit, onEdit }: { overrides: readonly OverrideChain[]; canEdit: boolean; onEdit: () => void }) {
  const { t } = useTranslation('parameters');
  const fmt = useFormat();
  const columns: TableColumnsType<OverrideChain> = [
    { title: t('column.region'), key: 'region', width: 150, render: (_, o) => regionLabel(o, fmt.lang) },
    { title: t('column.scheme'), dataIndex: 'scheme', width: 100, render: (s: string) => t(`common:scheme.${s}`) },
    {
      title: t('column.version'),
      key: 'version',
      width: 150,
      render: (_, o) => t('overrides.versions', { version: o.versions[0]?.version, count: o.versions.length }),
    },
    { title: t('column.effectiveFrom'), key: 'from', width: 110, render: (_, o) => o.versions[0]?.effectiveFrom },
    {
      title: t('column.values'),
      key: 'values',
      render: (_, o) => (o.current.length === 0
        ? <Typography.Text type="secondary">{t('overrides.ended', { from: o.versions[0]?.effectiveFrom })}</Typography.Text>
        : (
          <Space orientation="vertical" size={2}>
            {o.current.map((v) => (
              <Space key={v.key} size={6} wrap>
                <span>{t(keyLabel(v.key))}</span>
                <Typography.Text strong>{formatParameterValue(v.value, v.unit, fmt.lang, t)}</Typography.Text>
                <ProvenanceTag provenance={v.provenance} source={v.source} />
              </Space>
            ))}
          </Space>
        )),
    },
    { title: t('column.note'), key: 'note', width: 220, render: (_, o) => o.versions[0]?.note ?? '—' },
  ];
  return (
    <Card
      title={t('overrides.title')}
      extra={canEdit && <Button onClick={onEdit} data-testid="override-edit">{t('overrides.add')}</Button>}
      data-testid="overrides-card"
    >
      <Typography.Paragraph type="secondary">{t('overrides.subtitle')}</Typography.Paragraph>
      {overrides.length === 0 ? <Empty description={t('overrides.empty')} /> : (
        <Table<OverrideChain>
          rowKey={(o) => `${o.regionId}-${o.scheme}`}
          size="small"
          pagination={false}
          columns={columns}
          dataSource={[...overrides]}
          onRow={(o) => ({ 'data-testid': 'override-row', 'data-region': o.regionCode, 'data-scheme': o.scheme }) as HTMLAttributes<HTMLElement>}
        />
      )}
    </Card>
  );
}
