/** The forecast chart in its card (with the recent / all-history switch) beside the model card. */
import { useState } from 'react';
import { Card, Col, Row, Segmented, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MoneyUnit } from '../../lib/format.ts';
import { useFormat } from '../../lib/use-format.ts';
import { ForecastChart } from '../../components/charts/forecast-chart.tsx';
import { ModelCard } from './model-card.tsx';
import { RECENT_HISTORY, visibleHistory } from './forecast-options.ts';
import type { ForecastResult, Frequency, FundMeasure } from './types.ts';

export interface ForecastChartCardProps {
  result: ForecastResult;
  measure: FundMeasure;
  frequency: Frequency;
  unit: MoneyUnit;
  refreshing: boolean;
}

export function ForecastChartCard({ result, measure, frequency, unit, refreshing }: ForecastChartCardProps) {
  const { t } = useTranslation('forecast');
  const fmt = useFormat();
  const [allHistory, setAllHistory] = useState(false);
  const recent = RECENT_HISTORY[frequency];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card
          title={t('chart.title', { measure: t(`measure.${measure}`) })}
          style={{ height: '100%' }}
          extra={result.history.length > recent.periods && (
            <Segmented<'recent' | 'all'>
              size="small"
              data-testid="forecast-history-window"
              value={allHistory ? 'all' : 'recent'}
              onChange={(v) => setAllHistory(v === 'all')}
              options={[
                { value: 'recent', label: t('chart.recent', { count: recent.years }) },
                { value: 'all', label: t('chart.all') },
              ]}
            />
          )}
        >
          <Spin spinning={refreshing}>
            <ForecastChart
              history={visibleHistory(result.history, frequency, allHistory)}
              forecast={result.forecast}
              unit={unit}
              labels={{
                history: t('chart.history'),
                mean: t('chart.mean'),
                band80: t('chart.band80'),
                band95: t('chart.band95'),
                origin: t('chart.origin'),
                axis: t('chart.axis', { unit: fmt.unitLabel(unit) }),
              }}
            />
          </Spin>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <ModelCard result={result} unit={unit} />
      </Col>
    </Row>
  );
}
