/**
 * Values of a parameter set as the page shows and edits them: months with 个月, rates (stored as
 * decimals) as percentages, the denominator by name, labels as text.
 */
import type { TFunction } from 'i18next';
import { formatNumber, formatPercent, type AppLanguage } from '../../lib/format.ts';
import { regionName } from '../../lib/labels.ts';
import type { ParameterUnit } from './types.ts';

/** Significant digits kept when a percentage is turned back into a decimal rate (14.3 % → 0.143, not 0.14300000000000002). */
const RATE_PRECISION = 12;
const MAX_SHOWN_DECIMALS = 2;

/** Decimals needed to show `v` without trailing zeros, at most two. */
export function shownDecimals(v: number): number {
  for (let d = 0; d < MAX_SHOWN_DECIMALS; d++) if (Number(v.toFixed(d)) === v) return d;
  return MAX_SHOWN_DECIMALS;
}

/** A value with its unit: `3 个月`, `15%`, the denominator's name, or the text itself. */
export function formatParameterValue(value: unknown, unit: ParameterUnit, lang: AppLanguage, t: TFunction): string {
  if (typeof value === 'number') {
    if (unit === 'months') return `${formatNumber(value, lang, shownDecimals(value))} ${t('parameters:unit.months')}`;
    if (unit === 'rate') return formatPercent(value, lang, shownDecimals(toFormNumber(value, 'rate')));
    return formatNumber(value, lang, shownDecimals(value));
  }
  if (unit === 'choice' && typeof value === 'string') return t(`parameters:denominatorChoice.${value}`, { defaultValue: value });
  return String(value);
}

/** The number a form field shows for a stored value: months as they are, rates in percent (0.15 → 15). */
export function toFormNumber(value: number, unit: ParameterUnit): number {
  return unit === 'rate' ? Number((value * 100).toPrecision(RATE_PRECISION)) : value;
}

/** The stored value of a form number: rates back to decimals (15 → 0.15). */
export function fromFormNumber(value: number, unit: ParameterUnit): number {
  return unit === 'rate' ? Number((value / 100).toPrecision(RATE_PRECISION)) : value;
}

/** The i18n key naming a parameter key (`thresholds.redBelow` → `parameters:key.thresholds.redBelow`). */
export const keyLabel = (key: string) => `parameters:key.${key}`;

/** A region with its code: `东川市（DEMO01）`, `Dongchuan City (DEMO01)`. */
export function regionLabel(r: { regionName: string; regionNameEn: string | null; regionCode: string }, lang: AppLanguage): string {
  const name = regionName(r, lang);
  return lang === 'en' ? `${name} (${r.regionCode})` : `${name}（${r.regionCode}）`;
}
