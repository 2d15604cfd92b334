/** Every value of one version: what it is, the value with its unit, its provenance and its source. */
import type { HTMLAttributes } from 'react';
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { formatParameterValue, keyLabel } from './parameter-values.ts';
import { ProvenanceTag } from './provenance-tag.tsx';
import type { ParameterValue } from './types.ts';

export function ValuesTable({ values, testId }: { values: readonly ParameterValue[]; testId: string }) {
  const { t } = useTranslation('parameters');
  const fmt = useFormat();
  const columns: TableColumnsType<ParameterValue> = [
    {
      title: t('column.parameter'),
      dataIndex: 'key',
      width: 300,
      render: (key: string) => (
        <>
          <div>{t(keyLabel(key))}</div>
          <Typography.Text type="secondary" code style={{ fontSize: 12 }}>{key}</Typography.Text>
        </>
      ),
    },
    {
      title: t('column.value'),
      key: 'value',
      width: 200,
      render: (_, v) => <Typography.Text strong data-testid="parameter-value">{formatParameterValue(v.value, v.unit, fmt.lang, t)}</Typography.Text>,
    },
    { title: t('column.provenance'), dataIndex: 'provenance', width: 110, render: (p: ParameterValue['provenance']) => <ProvenanceTag provenance={p} /> },
    { title: t('column.source'), dataIndex: 'source', render: (s: string) => <Typography.Text type="secondary" style={{ fontSize: 13 }}>{s}</Typography.Text> },
  ];
  return (
    <Table<ParameterValue>
      rowKey="key"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={[...values]}
      data-testid={testId}
      onRow={(v) => ({ 'data-testid': 'parameter-row', 'data-key': v.key }) as HTMLAttributes<HTMLElement>}
    />
  );
}
