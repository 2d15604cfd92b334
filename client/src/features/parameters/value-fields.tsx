/**
 * The fields of one parameter row in the edit forms: the value (months, a percentage, the
 * denominator or a text), its provenance and its source. Rates are edited in percent.
 */
import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DENOMINATOR_CHOICES, PROVENANCES, type ParameterUnit } from './types.ts';

/** Upper bound of an entered threshold, months: 10 years of expenditure is beyond any band in use. */
const MAX_MONTHS = 120;
const MAX_PERCENT = 100;

/** Form values of one row: the value as edited (percent for rates), provenance and source. */
export interface RowValues {
  value: number | string | null;
  provenance: (typeof PROVENANCES)[number];
  source: string;
}

interface ControlProps {
  unit: ParameterUnit;
  keyName: string;
  optional: boolean;
  /** Injected by the Form.Item around the control. */
  value?: RowValues['value'];
  onChange?: (value: RowValues['value']) => void;
}

/** The input for one value; passes the value and change handler of its Form.Item on to the antd control. */
function ValueControl({ unit, keyName, optional, value, onChange }: ControlProps) {
  const { t } = useTranslation('parameters');
  const testId = `value-input-${keyName}`;
  const placeholder = optional ? t('form.notOverridden') : undefined;
  if (unit === 'choice') {
    return (
      <Select
        data-testid={testId}
        value={typeof value === 'string' ? value : undefined}
        onChange={(v: string | undefined) => onChange?.(v ?? null)}
        allowClear={optional}
        placeholder={placeholder}
        options={DENOMINATOR_CHOICES.map((c) => ({ value: c, label: t(`denominatorChoice.${c}`) }))}
      />
    );
  }
  if (unit === 'text') return <Input data-testid={testId} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange?.(e.target.value)} />;
  return (
    <InputNumber<number>
      data-testid={testId}
      value={typeof value === 'number' ? value : null}
      onChange={(v) => onChange?.(v)}
      min={0}
      max={unit === 'rate' ? MAX_PERCENT : MAX_MONTHS}
      step={1}
      placeholder={placeholder}
      suffix={t(`unit.${unit}`)}
      style={{ width: '100%' }}
    />
  );
}

/** The value of the row `keyName` (form field `values.<keyName>.value`); required unless the row is optional. */
export function ValueCell({ keyName, unit, optional }: { keyName: string; unit: ParameterUnit; optional: boolean }) {
  const { t } = useTranslation('parameters');
  return (
    <Form.Item name={['values', keyName, 'value']} style={{ margin: 0 }} rules={optional ? [] : [{ required: true, message: t('form.valueRequired') }]}>
      <ValueControl unit={unit} keyName={keyName} optional={optional} />
    </Form.Item>
  );
}

export function ProvenanceCell({ keyName }: { keyName: string }) {
  const { t } = useTranslation('parameters');
  return (
    <Form.Item name={['values', keyName, 'provenance']} style={{ margin: 0 }}>
      <Select data-testid={`provenance-input-${keyName}`} options={PROVENANCES.map((p) => ({ value: p, label: t(`common:provenance.${p}`) }))} />
    </Form.Item>
  );
}

/** The source of a row: required whenever the row has a value (an optional row left empty needs none). */
export function SourceCell({ keyName, optional }: { keyName: string; optional: boolean }) {
  const { t } = useTranslation('parameters');
  const value = Form.useWatch<RowValues['value'] | undefined>(['values', keyName, 'value']);
  const needed = !optional || isFilled(value);
  return (
    <Form.Item name={['values', keyName, 'source']} style={{ margin: 0 }} rules={needed ? [{ required: true, whitespace: true, message: t('form.sourceRequired') }] : []}>
      <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} data-testid={`source-input-${keyName}`} />
    </Form.Item>
  );
}

export const isFilled = (v: RowValues['value'] | undefined): v is number | string => v !== null && v !== undefined && v !== '';
