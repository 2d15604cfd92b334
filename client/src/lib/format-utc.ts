/**
 * A stored ISO timestamp shown in UTC (the audit log's and the account page's time zone, so a
 * time on screen matches the exported file and the UTC day filters), through Intl.
 */
import type { AppLanguage } from './format.ts';

const INTL_LOCALE: Readonly<Record<AppLanguage, string>> = { 'zh-CN': 'zh-CN', en: 'en-GB' };
const formats = new Map<AppLanguage, Intl.DateTimeFormat>();

/**
 * @example formatUtc('2026-05-17T09:30:05.123Z', 'zh-CN') // => '2026/05/17 09:30:05'
 */
export function formatUtc(iso: string | null | undefined, lang: AppLanguage): string {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(ms)) return iso ?? '—';
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[lang], {
      timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formats.set(lang, f);
  }
  return f.format(ms);
}
