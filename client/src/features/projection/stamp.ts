/**
 * A stored creation time as the server recorded it, to the minute in UTC (the same text in every
 * language and time zone, so a version can be named unambiguously in a report).
 * @example utcMinute('2026-03-01T08:05:09.123Z') // => '2026-03-01 08:05 UTC'
 */
export function utcMinute(iso: string | null | undefined): string {
  return iso && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso ?? '—';
}
