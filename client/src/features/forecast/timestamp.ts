/**
 * A stored ISO timestamp (UTC) shown in the viewer's local time, through Intl.
 * This belongs in lib/format.ts with the other formatters; it sits here until that file can take it.
 */
import type { AppLanguage } from '../../lib/format.ts';

const INTL_LOCALE: Readonly<Record<AppLanguage, string>> = { 'zh-CN': 'zh-CN', en: 'en-US' };
const formats = new Map<AppLanguage, Intl.DateTimeFormat>();

/**
 * @example formatTimestamp('2026-03-01T08:05:00.000Z', 'en') // => 'Mar 1, 2026, 16:05' in Asia/Shanghai
 */
export function formatTimestamp(iso: string | null | undefined, lang: AppLanguage): string {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  if (!Number.isFinite(ms)) return iso ?? '—';
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
    formats.set(lang, f);
  }
  return f.format(ms);
}
