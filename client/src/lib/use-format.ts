/** Binds the formatting functions of `format.ts` to the current UI language. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import * as f from './format.ts';

export function useFormat() {
  const { i18n } = useTranslation();
  const lang = f.toAppLanguage(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(() => ({
    lang,
    number: (v: number | null | undefined, decimals?: number) => f.formatNumber(v, lang, decimals),
    count: (v: number | null | undefined) => f.formatCount(v, lang),
    money: (yuan: number | null | undefined, unit: f.MoneyUnit, decimals?: number) => f.formatMoney(yuan, unit, lang, decimals),
    moneyValue: (yuan: number | null | undefined, unit: f.MoneyUnit, decimals?: number) => f.formatMoneyValue(yuan, unit, lang, decimals),
    moneyTick: (yuan: number, unit: f.MoneyUnit) => f.formatMoneyTick(yuan, unit, lang),
    unitLabel: (unit: f.MoneyUnit) => f.moneyUnitLabel(unit, lang),
    months: (v: number | null | undefined) => f.formatMonths(v, lang),
    percent: (v: number | null | undefined, decimals?: number) => f.formatPercent(v, lang, decimals),
    period: (p: string | null | undefined) => f.formatPeriod(p, lang),
    periodTick: (p: string) => f.formatPeriodTick(p, lang),
  }), [lang]);
}

export type Formatter = ReturnType<typeof useFormat>;
