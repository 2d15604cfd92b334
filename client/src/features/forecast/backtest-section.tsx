/** The method comparison: what was backtested, the table, or why there is none (too short a series, a failure). */
import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { BacktestTable } from './backtest-table.tsx';
import type { BacktestResult, ForecastMethod } from './types.ts';

export interface BacktestSectionProps {
  data: BacktestResult | undefined;
  error: unknown;
  fetching: boolean;
  tooShort: boolean;
  current: ForecastMethod;
  onSelect: (m: ForecastMethod) => void;
}

export function BacktestSection({ data, error, fetching, tooShort, current, onSelect }: BacktestSectionProps) {
  const { t } = useTranslation('forecast');
  if (tooShort) return <Typography.Text type="secondary" data-testid="backtest-too-short">{t('backtest.tooShort')}</Typography.Text>;
  if (error) return <Alert type="warning" showIcon title={t('backtest.failed')} description={errorMessage(error)} />;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {data ? t('backtest.summary', { origins: data.origins, horizon: data.horizon }) : t('backtest.running')}
      </Typography.Text>
      <BacktestTable rows={data?.methods ?? []} current={current} loading={fetching} onSelect={onSelect} />
    </Space>
  );
}
