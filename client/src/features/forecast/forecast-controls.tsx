/** Fund, measure, method and horizon of the forecast page. */
import { Flex, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { fundNameKey, regionName } from '../../lib/labels.ts';
import { HORIZON_RULES, MEASURES, METHODS } from './forecast-options.ts';
import type { ForecastParams } from './use-forecast-params.ts';
import type { Frequency, FundRow } from './types.ts';

export interface ForecastControlsProps {
  value: ForecastParams;
  /** The horizon in force (the URL's, clamped to the fund's frequency). */
  horizon: number;
  frequency: Frequency;
  funds: readonly FundRow[];
  fundsLoading: boolean;
  onChange: (next: ForecastParams) => void;
}

export function ForecastControls({ value, horizon, frequency, funds, fundsLoading, onChange }: ForecastControlsProps) {
  const { t } = useTranslation('forecast');
  const fmt = useFormat();
  const horizonUnit = frequency === 12 ? 'month' : 'year';
  const fundOptions = funds.map((f) => ({
    value: f.fundId,
    label: `${regionName(f, fmt.lang)} · ${t(`common:${fundNameKey(f.scheme, f.account)}`)}`,
  }));
  const horizonOptions = Array.from({ length: HORIZON_RULES[frequency].max }, (_, i) => ({
    value: i + 1,
    label: t(`horizonOption.${horizonUnit}`, { count: i + 1 }),
  }));
  return (
    <Form layout="vertical" component={false}>
      <Flex gap={16} wrap align="flex-end" data-testid="forecast-controls">
        <Form.Item label={t('controls.fund')} style={{ marginBottom: 0, flex: '1 1 280px', maxWidth: 440 }}>
          <Select<number>
            aria-label={t('controls.fund')}
            data-testid="forecast-fund"
            placeholder={t('controls.fundPlaceholder')}
            showSearch={{ optionFilterProp: 'label' }}
            loading={fundsLoading}
            value={value.fundId}
            options={fundOptions}
            onChange={(fundId) => {
              const next = funds.find((f) => f.fundId === fundId);
              const current = funds.find((f) => f.fundId === value.fundId);
              // A fund of another frequency gets its own default horizon.
              const keepHorizon = next && current && next.periodKind === current.periodKind;
              onChange({ ...value, fundId, horizon: keepHorizon ? value.horizon : undefined });
            }}
          />
        </Form.Item>
        <Form.Item label={t('controls.measure')} style={{ marginBottom: 0 }}>
          <Select
            aria-label={t('controls.measure')}
            data-testid="forecast-measure"
            style={{ width: 180 }}
            value={value.measure}
            options={MEASURES.map((m) => ({ value: m, label: t(`measure.${m}`) }))}
            onChange={(measure) => onChange({ ...value, measure })}
          />
        </Form.Item>
        <Form.Item label={t('controls.method')} style={{ marginBottom: 0 }}>
          <Select
            aria-label={t('controls.method')}
            data-testid="forecast-method"
            style={{ width: 250 }}
            value={value.method}
            options={METHODS.map((m) => ({
              value: m,
              label: t(`method.${m}`),
              disabled: m === 'snaive' && frequency === 1,
              title: m === 'snaive' && frequency === 1 ? t('noSnaiveForYearly') : undefined,
            }))}
            onChange={(method) => onChange({ ...value, method })}
          />
        </Form.Item>
        <Form.Item label={t('controls.horizon')} style={{ marginBottom: 0 }}>
          <Select<number>
            aria-label={t('controls.horizon')}
            data-testid="forecast-horizon"
            style={{ width: 130 }}
            value={horizon}
            options={horizonOptions}
            onChange={(h) => onChange({ ...value, horizon: h })}
          />
        </Form.Item>
      </Flex>
    </Form>
  );
}
