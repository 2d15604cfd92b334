/** The forecasts saved for this fund, newest first; a row's settings can be loaded back into the page. */
import { Button, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { formatTimestamp } from './timestamp.ts';
import { isMeasure, isMethod } from './forecast-options.ts';
import type { ForecastMethod, FundMeasure, SavedForecast } from './types.ts';

const PAGE_SIZE = 10;

export interface SavedForecastsProps {
  rows: readonly SavedForecast[];
  loading: boolean;
  onLoad: (settings: { measure: FundMeasure; method: ForecastMethod; horizon: number }) => void;
}

export function SavedForecasts({ rows, loading, onLoad }: SavedForecastsProps) {
  const { t } = useTranslation('forecast');
  const fmt = useFormat();
  const secondary = (text: string) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{text}</Typography.Text>;
  // Two-line cells (value over its provenance) keep the table within the page at 1440 px.
  const columns: TableColumnsType<SavedForecast> = [
    { title: t('saved.id'), dataIndex: 'id', width: 64, render: (id: number) => <span data-testid="saved-forecast-id">{id}</span> },
    { title: t('saved.measure'), dataIndex: 'measure', width: 100, render: (m: string) => (isMeasure(m) ? t(`measure.${m}`) : m) },
    {
      title: t('saved.method'),
      key: 'method',
      width: 300,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{isMethod(r.method) ? t(`method.${r.method}`) : r.method}</span>
          <Typography.Text code ellipsis={{ tooltip: r.model }} style={{ fontSize: 12, maxWidth: 280 }}>{r.model}</Typography.Text>
        </Space>
      ),
    },
    { title: t('saved.horizon'), dataIndex: 'horizon', width: 84, align: 'right', render: (h: number) => fmt.count(h) },
    {
      title: t('saved.lastPeriod'),
      key: 'data',
      width: 140,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{fmt.period(r.lastPeriod)}</span>
          {secondary(t('saved.vintageOf', { vintage: r.dataVintage }))}
        </Space>
      ),
    },
    { title: t('saved.note'), dataIndex: 'note', ellipsis: true, render: (n: string | null) => n ?? '—' },
    {
      title: t('saved.createdAt'),
      key: 'created',
      width: 200,
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <span>{formatTimestamp(r.createdAt, fmt.lang)}</span>
          {secondary(r.modelVersion)}
        </Space>
      ),
    },
    {
      key: 'load',
      width: 110,
      render: (_, r) => (isMeasure(r.measure) && isMethod(r.method) ? (
        <Button size="small" type="link" onClick={() => onLoad({ measure: r.measure as FundMeasure, method: r.method as ForecastMethod, horizon: r.horizon })}>
          {t('saved.load')}
        </Button>
      ) : null),
    },
  ];
  return (
    <Table<SavedForecast>
      data-testid="saved-forecasts"
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows as SavedForecast[]}
      scroll={{ x: 1080 }}
      pagination={{ defaultPageSize: PAGE_SIZE, hideOnSinglePage: true, showTotal: (total) => t('saved.total', { count: total }) }}
      locale={{ emptyText: t('saved.empty') }}
    />
  );
}
