/** The XLSX download of one projection run (server/http/projection-export-route.ts). */
import type { AppLanguage } from '../../lib/format.ts';

/** @example projectionExportUrl(12, 'en') // => '/api/export/projection-runs/12?lang=en' */
export function projectionExportUrl(runId: number, lang: AppLanguage): string {
  return `/api/export/projection-runs/${runId}?${new URLSearchParams({ lang }).toString()}`;
}
