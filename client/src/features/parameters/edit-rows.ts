/** Form rows ⇄ API values for the two edit forms (rates are edited in percent, stored as decimals). */
import type { Dayjs } from 'dayjs';
import { fromFormNumber, toFormNumber } from './parameter-values.ts';
import { isFilled, type RowValues } from './value-fields.tsx';
import type { ParameterUnit, ParameterValue, ValueInput } from './types.ts';

export const MONTH_FORMAT = 'YYYY-MM';

export interface EditForm {
  effectiveFrom: Dayjs | null;
  note: string;
  values: Record<string, RowValues>;
}

/** The form row of a stored value. */
export function toRow(v: Pick<ParameterValue, 'value' | 'unit' | 'provenance' | 'source'>): RowValues {
  return { value: typeof v.value === 'number' ? toFormNumber(v.value, v.unit) : String(v.value), provenance: v.provenance, source: v.source };
}

/** The API value of a filled form row. */
export function toInput(key: string, unit: ParameterUnit, row: RowValues & { value: number | string }): ValueInput {
  const value = typeof row.value === 'number' ? fromFormNumber(row.value, unit) : row.value;
  return { key, value, provenance: row.provenance, source: row.source.trim() };
}

/** Whether a form row differs from the stored value (value, provenance or source). */
export function rowChanged(stored: ParameterValue, row: RowValues | undefined): boolean {
  if (!row || !isFilled(row.value)) return true;
  const now = toInput(stored.key, stored.unit, row as RowValues & { value: number | string });
  return now.value !== stored.value || now.provenance !== stored.provenance || now.source !== stored.source;
}
