/**
 * The forecast table as a CSV file built in the browser. Amounts are written in yuan with two
 * decimals (fen), without grouping, so a spreadsheet reads them as numbers whatever the page's
 * display unit; the header names the unit. A UTF-8 byte-order mark lets Excel read the Chinese
 * header.
 */
import type { ForecastResult } from './types.ts';

const BOM = '\uFEFF';
const LINE_END = '\r\n';

export interface ForecastCsvHeader {
  period: string;
  mean: string;
  lower80: string;
  upper80: string;
  lower95: string;
  upper95: string;
}

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Yuan to fen precision, as a plain machine-readable number (a data file, not a display). */
function yuanText(value: number | undefined): string {
  return value !== undefined && Number.isFinite(value) ? value.toFixed(2) : '';
}

/**
 * The CSV text (with BOM) of a forecast: one row per period.
 * @example forecastCsv({ periods: ['2026'], mean: [1.5], lower: { '80': [1], '95': [0.5] }, upper: { '80': [2], '95': [2.5] } }, h)
 * // => '\uFEFF期间,均值（元）,…\r\n2026,1.50,1.00,2.00,0.50,2.50\r\n'
 */
export function forecastCsv(forecast: ForecastResult['forecast'], header: ForecastCsvHeader): string {
  const cols = [header.period, header.mean, header.lower80, header.upper80, header.lower95, header.upper95];
  const lines = [cols.map(csvField).join(',')];
  forecast.periods.forEach((period, i) => {
    lines.push([
      csvField(period),
      yuanText(forecast.mean[i]),
      yuanText(forecast.lower['80']?.[i]),
      yuanText(forecast.upper['80']?.[i]),
      yuanText(forecast.lower['95']?.[i]),
      yuanText(forecast.upper['95']?.[i]),
    ].join(','));
  });
  return BOM + lines.join(LINE_END) + LINE_END;
}

/** A file name safe on every platform: forecast-<fund>-<measure>.csv. */
export function forecastCsvName(fundSlug: string, measure: string): string {
  const safe = (s: string) => s.replace(/[^\w.-]+/g, '_');
  return `forecast-${safe(fundSlug)}-${safe(measure)}.csv`;
}

/** Saves text as a file through a temporary object URL (no server round trip). */
export function downloadText(text: string, fileName: string, mime = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
