/**
 * i18n keys for the codes the API returns (schemes, accounts, region levels), so every page
 * names a fund the same way: 职工医保统筹基金, 居民医保, …
 */
import type { AppLanguage } from './format.ts';

export const SCHEMES = ['employee', 'resident', 'assistance', 'maternity', 'critical_illness', 'long_term_care'] as const;
export type Scheme = (typeof SCHEMES)[number];

/** The `common` key naming a fund: the employee scheme is named with its account, the others by scheme. */
export function fundNameKey(scheme: string, account: string): string {
  if (scheme === 'employee') return `fundName.employee_${account}`;
  return `scheme.${scheme}`;
}

/** A region's name in the UI language (the Chinese name when no English name is recorded). */
export function regionName(region: { name: string; nameEn?: string | null }, lang: AppLanguage): string;
export function regionName(region: { regionName: string; regionNameEn?: string | null }, lang: AppLanguage): string;
export function regionName(region: { name?: string; nameEn?: string | null; regionName?: string; regionNameEn?: string | null }, lang: AppLanguage): string {
  const zh = region.name ?? region.regionName ?? '';
  const en = region.nameEn ?? region.regionNameEn;
  return lang === 'en' && en ? en : zh;
}
