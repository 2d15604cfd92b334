/** The name, horizon, reserve settings and opening position of a scenario draft, each with its unit, range and inline range error. */
import { Col, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { NumberField } from './number-field.tsx';
import { COMMON_FIELDS, OPENING_FIELDS, type FieldSpec } from './scenario-fields.ts';
import { withHorizon, withOpening, type DraftIssue } from './scenario-draft.ts';
import { useFieldText } from './use-field-text.ts';
import type { Scenario } from './types.ts';

export interface OpeningFormProps {
  scenario: Scenario;
  issues: ReadonlyMap<string, DraftIssue>;
  disabled: boolean;
  onChange: (next: Scenario) => void;
}

/** Optional common fields: empty means the model's default, shown as the placeholder. */
const OPTIONAL_COMMON = new Set(['reserveRate', 'openingReserveYuan']);

export function OpeningForm({ scenario, issues, disabled, onChange }: OpeningFormProps) {
  const { t } = useTranslation('projection');
  const fmt = useFormat();
  const text = useFieldText();
  const root = scenario as unknown as Record<string, number | undefined>;
  const opening = scenario.opening as unknown as Record<string, number>;

  const setCommon = (key: string, v: number | undefined): Scenario => {
    if (key === 'horizonYears') return withHorizon(scenario, v ?? Number.NaN);
    if (OPTIONAL_COMMON.has(key) && v === undefined) {
      const { [key as 'reserveRate']: _dropped, ...rest } = scenario;
      return rest as Scenario;
    }
    return { ...scenario, [key]: v ?? Number.NaN } as Scenario;
  };

  const item = (f: FieldSpec, path: string, value: number | undefined, set: (v: number | undefined) => Scenario) => {
    const issue = issues.get(path);
    const money = f.unit === 'yuan' && typeof value === 'number' && Math.abs(value) >= 1e6 ? fmt.money(value, 'yi') : undefined;
    return (
      <Col key={path} xs={24} sm={12} lg={8} xl={6}>
        <Form.Item
          label={t(`field.${f.key}`)}
          tooltip={`${t('editor.range')}: ${text.range(f.limit, f.unit)}`}
          validateStatus={issue ? 'error' : undefined}
          help={issue ? text.issue(issue) : money && <Typography.Text type="secondary">≈ {money}</Typography.Text>}
          style={{ marginBottom: 12 }}
        >
          <NumberField
            value={value}
            unit={f.unit}
            invalid={issue !== undefined}
            disabled={disabled}
            ariaLabel={t(`field.${f.key}`)}
            testId={`field-${path}`}
            placeholder={OPTIONAL_COMMON.has(f.key) ? t(`editor.default.${f.key}`) : undefined}
            onChange={(v) => onChange(set(v))}
          />
        </Form.Item>
      </Col>
    );
  };

  return (
    <Form layout="vertical" component={false}>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Form.Item
            label={t('field.name')}
            validateStatus={issues.has('name') ? 'error' : undefined}
            help={issues.has('name') ? text.issue(issues.get('name') as DraftIssue) : undefined}
            style={{ marginBottom: 12 }}
          >
            <Input
              aria-label={t('field.name')}
              data-testid="field-name"
              maxLength={200}
              disabled={disabled}
              value={scenario.name}
              onChange={(e) => onChange({ ...scenario, name: e.target.value })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} lg={12}>
          <Form.Item label={t('field.scheme')} style={{ marginBottom: 12 }}>
            <Typography.Text strong data-testid="field-scheme">{scenario.scheme === 'employee' ? t('common:fundName.employee_pooling') : t('common:scheme.resident')}</Typography.Text>
          </Form.Item>
        </Col>
        {COMMON_FIELDS.map((f) => item(f, f.key, root[f.key], (v) => setCommon(f.key, v)))}
      </Row>
      <Typography.Title level={5} style={{ marginTop: 4 }}>
        {t('editor.openingTitle', { year: Number.isFinite(scenario.startYear) ? scenario.startYear - 1 : '—' })}
      </Typography.Title>
      <Row gutter={16}>
        {OPENING_FIELDS[scenario.scheme].map((f) => item(f, `opening.${f.key}`, opening[f.key], (v) => withOpening(scenario, f.key, v ?? Number.NaN)))}
      </Row>
    </Form>
  );
}
