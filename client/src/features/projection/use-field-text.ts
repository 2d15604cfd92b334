/** Labels, ranges and range errors of scenario inputs in the UI language, each with its unit. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/use-format.ts';
import { rangeText, type Limit } from './assumption-limits.ts';
import { rateToPercent, type FieldUnit } from './scenario-fields.ts';
import type { DraftIssue } from './scenario-draft.ts';
import type { Assumption } from './types.ts';

export function useFieldText() {
  const { t } = useTranslation('projection');
  const fmt = useFormat();
  return useMemo(() => {
    /** A value in its unit, e.g. `6.792%`, `2,000,000,000 元`, `7,000 元/人·年`. */
    const value = (v: number | null | undefined, unit: FieldUnit): string => {
      if (typeof v !== 'number' || !Number.isFinite(v)) return '—';
      if (unit === 'rate') return `${fmt.number(rateToPercent(v), decimalsOf(rateToPercent(v)))}%`;
      if (unit === 'year') return String(v);
      return `${fmt.number(v, decimalsOf(v))} ${t(`unit.${unit}`)}`;
    };
    const range = (limit: Limit, unit: FieldUnit): string => rangeText(limit, (v) => value(v, unit)) ?? t('editor.anyValue');
    return {
      value,
      range,
      /** A constant, or the first and last of yearly values. */
      assumption: (v: Assumption | undefined, unit: FieldUnit): string => {
        if (v === undefined) return '—';
        if (typeof v === 'number') return value(v, unit);
        return t('editor.yearlySpan', { first: value(v[0], unit), last: value(v.at(-1), unit) });
      },
      issue: (issue: DraftIssue): string => {
        if (issue.kind === 'empty') return t('editor.issue.empty');
        if (issue.kind === 'reserveAboveBalance') return t('editor.issue.reserveAboveBalance');
        return t('editor.issue.range', { range: range(issue.limit, issue.unit) });
      },
    };
  }, [t, fmt]);
}

/** Decimals a typed value needs to be shown as typed (at most 6). */
function decimalsOf(v: number): number {
  const text = String(v);
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : Math.min(6, text.length - dot - 1);
}
