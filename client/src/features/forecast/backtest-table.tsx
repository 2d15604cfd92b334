/**
 * The rolling-origin backtest of every method on this series: errors in the money unit, the
 * percentage errors, MASE and interval coverage; the lowest MASE is highlighted and a row click
 * adopts its method. A metric the server could not compute (NaN, or MAPE over a zero) shows "—".
 */
import type { HTMLAttributes, ReactNode } from 'react';
import { Space, Table, Tag, Tooltip } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickMoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { FORECAST_COLORS } from '../../lib/theme.ts';
import { bestMethod, isMethod } from './forecast-options.ts';
import type { BacktestMethodRow, ForecastMethod } from './types.ts';

export interface BacktestTableProps {
  rows: readonly BacktestMethodRow[];
  current: ForecastMethod;
  loading: boolean;
  onSelect: (method: ForecastMethod) => void;
}

/** Percent-valued metrics (MAPE, sMAPE arrive as percents, e.g. 7.5 for 7.5 %). */
const PERCENT = 100;

export function BacktestTable({ rows, current, loading, onSelect }: BacktestTableProps) {
  const { t } = useTranslation('forecast');
  const fmt = useFormat();
  const unit = pickMoneyUnit(rows.flatMap((r) => [r.mae, r.rmse]));
  const best = bestMethod(rows);
  const title = (text: string, hint: string): ReactNode => <Tooltip title={hint}><span style={{ cursor: 'help' }}>{text}</span></Tooltip>;
  const percentOfPercent = (v: number) => fmt.percent(v / PERCENT, 2);

  const columns: TableColumnsType<BacktestMethodRow> = [
    {
      title: t('backtest.columns.method'),
      dataIndex: 'method',
      render: (m: string) => (
        <Space size={6}>
          <span>{isMethod(m) ? t(`method.${m}`) : m}</span>
          {m === best && <Tag color="success" style={{ marginInlineEnd: 0 }} data-testid="backtest-best">{t('backtest.best')}</Tag>}
          {m === current && <Tag color="processing" style={{ marginInlineEnd: 0 }}>{t('backtest.current')}</Tag>}
        </Space>
      ),
    },
    { title: title(t('backtest.columns.mae', { unit: fmt.unitLabel(unit) }), t('backtest.hint.mae')), dataIndex: 'mae', align: 'right', render: (v: number) => fmt.moneyValue(v, unit) },
    { title: title(t('backtest.columns.rmse', { unit: fmt.unitLabel(unit) }), t('backtest.hint.rmse')), dataIndex: 'rmse', align: 'right', render: (v: number) => fmt.moneyValue(v, unit) },
    { title: title(t('backtest.columns.mape'), t('backtest.hint.mape')), dataIndex: 'mape', align: 'right', render: percentOfPercent },
    { title: title(t('backtest.columns.smape'), t('backtest.hint.smape')), dataIndex: 'smape', align: 'right', render: percentOfPercent },
    { title: title(t('backtest.columns.mase'), t('backtest.hint.mase')), dataIndex: 'mase', align: 'right', render: (v: number) => fmt.number(v, 3) },
    { title: title(t('backtest.columns.coverage80'), t('backtest.hint.coverage')), dataIndex: 'coverage80', align: 'right', render: (v: number) => fmt.percent(v, 1) },
    { title: title(t('backtest.columns.coverage95'), t('backtest.hint.coverage')), dataIndex: 'coverage95', align: 'right', render: (v: number) => fmt.percent(v, 1) },
    {
      title: t('backtest.columns.failures'),
      key: 'failures',
      align: 'right',
      render: (_, r) => `${fmt.count(r.failures)} / ${fmt.count(r.origins + r.failures)}`,
    },
  ];

  return (
    <Table<BacktestMethodRow>
      data-testid="backtest-table"
      rowKey="method"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows as BacktestMethodRow[]}
      pagination={false}
      scroll={{ x: 980 }}
      onRow={(r) => ({
        onClick: () => { if (isMethod(r.method)) onSelect(r.method); },
        style: { cursor: 'pointer', background: r.method === best ? FORECAST_COLORS.bestRow : undefined },
        'data-testid': 'backtest-row',
        'data-method': r.method,
      }) as HTMLAttributes<HTMLElement>}
    />
  );
}
