/** The forecast period by period: the mean and the 80% and 95% interval bounds, in the chart's unit. */
import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import type { ForecastResult } from './types.ts';

interface ForecastRow {
  period: string;
  mean: number | undefined;
  lower80: number | undefined;
  upper80: number | undefined;
  lower95: number | undefined;
  upper95: number | undefined;
}

export function forecastRows(forecast: ForecastResult['forecast']): ForecastRow[] {
  return forecast.periods.map((period, i) => ({
    period,
    mean: forecast.mean[i],
    lower80: forecast.lower['80']?.[i],
    upper80: forecast.upper['80']?.[i],
    lower95: forecast.lower['95']?.[i],
    upper95: forecast.upper['95']?.[i],
  }));
}

export function ForecastTable({ forecast, unit }: { forecast: ForecastResult['forecast']; unit: MoneyUnit }) {
  const { t } = useTranslation('forecast');
  const fmt = useFormat();
  const u = fmt.unitLabel(unit);
  const money = (v: number | undefined) => fmt.moneyValue(v, unit);
  const columns: TableColumnsType<ForecastRow> = [
    { title: t('table.period'), dataIndex: 'period', width: 120, render: (p: string) => fmt.period(p) },
    { title: t('table.mean', { unit: u }), dataIndex: 'mean', align: 'right', render: money },
    {
      title: t('table.interval80', { unit: u }),
      children: [
        { title: t('table.lower'), dataIndex: 'lower80', align: 'right', render: money },
        { title: t('table.upper'), dataIndex: 'upper80', align: 'right', render: money },
      ],
    },
    {
      title: t('table.interval95', { unit: u }),
      children: [
        { title: t('table.lower'), dataIndex: 'lower95', align: 'right', render: money },
        { title: t('table.upper'), dataIndex: 'upper95', align: 'right', render: money },
      ],
    },
  ];
  return (
    <Table<ForecastRow>
      data-testid="forecast-table"
      rowKey="period"
      size="small"
      bordered
      columns={columns}
      dataSource={forecastRows(forecast)}
      pagination={false}
      scroll={{ x: 720 }}
    />
  );
}
