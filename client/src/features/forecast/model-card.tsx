/** What was fitted: the method, the model the server chose and described, the data it was fitted on, the versions. */
import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import type { MoneyUnit } from '../../lib/format.ts';
import { isMethod } from './forecast-options.ts';
import type { ForecastResult } from './types.ts';

export function ModelCard({ result, unit }: { result: ForecastResult; unit: MoneyUnit }) {
  const { t } = useTranslation('forecast');
  const fmt = useFormat();
  const first = result.history[0];
  const last = result.history.at(-1);
  return (
    <Card title={t('model.title')} style={{ height: '100%' }} data-testid="forecast-model">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'method', label: t('model.method'), children: isMethod(result.method) ? t(`method.${result.method}`) : result.method },
          {
            key: 'model',
            label: t('model.description'),
            children: (
              <Typography.Text code style={{ whiteSpace: 'normal', wordBreak: 'break-word' }} data-testid="forecast-model-text">
                {result.model}
              </Typography.Text>
            ),
          },
          { key: 'frequency', label: t('model.frequency'), children: t(`frequency.${result.frequency}`) },
          {
            key: 'history',
            label: t('model.history'),
            children: t('model.historyRange', { from: fmt.period(first?.period), to: fmt.period(last?.period), count: result.history.length }),
          },
          { key: 'last', label: t('model.lastValue'), children: fmt.money(last?.valueYuan, unit) },
          { key: 'vintage', label: t('model.dataVintage'), children: result.dataVintage || '—' },
          { key: 'version', label: t('model.modelVersion'), children: result.modelVersion },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        {t('model.intervals')}
      </Typography.Paragraph>
    </Card>
  );
}
