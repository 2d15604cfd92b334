/**
 * One numeric input of a scenario in the unit the user reads (a rate in %, money in 元 with
 * grouping), its unit printed inside the box; the value handed back is the scenario JSON's
 * (a decimal rate, yuan). An empty box hands back undefined; NaN (a cleared required value) shows empty.
 */
import { InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { fromInput, toInput, type FieldUnit } from './scenario-fields.ts';

export interface NumberFieldProps {
  value: number | undefined;
  unit: FieldUnit;
  onChange: (value: number | undefined) => void;
  invalid?: boolean;
  disabled?: boolean;
  placeholder?: string;
  ariaLabel: string;
  testId?: string;
  width?: number | string;
}

const GROUPING = /\B(?=(\d{3})+(?!\d))/g;

/** Thousands separators in the integer part only. */
function grouped(text: string | undefined): string {
  if (!text) return '';
  const [int = '', frac] = text.split('.');
  return frac === undefined ? int.replace(GROUPING, ',') : `${int.replace(GROUPING, ',')}.${frac}`;
}

export function NumberField({ value, unit, onChange, invalid, disabled, placeholder, ariaLabel, testId, width = '100%' }: NumberFieldProps) {
  const { t } = useTranslation('projection');
  const groupedUnit = unit !== 'rate' && unit !== 'year';
  return (
    <InputNumber<number>
      style={{ width }}
      aria-label={ariaLabel}
      data-testid={testId}
      value={value === undefined || Number.isNaN(value) ? null : toInput(unit, value)}
      onChange={(v) => onChange(v === null || v === undefined ? undefined : fromInput(unit, v))}
      status={invalid ? 'error' : undefined}
      disabled={disabled}
      placeholder={placeholder}
      suffix={<span style={{ whiteSpace: 'nowrap' }}>{t(`unit.${unit}`)}</span>}
      controls={false}
      formatter={groupedUnit ? (v) => grouped(v === undefined ? undefined : String(v)) : undefined}
      parser={groupedUnit ? (text) => Number((text ?? '').replace(/,/g, '')) : undefined}
    />
  );
}
