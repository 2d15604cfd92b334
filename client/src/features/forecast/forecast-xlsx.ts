/**
 * The address of the forecast table as XLSX (`GET /api/forecast/export`, session cookie). It carries
 * the page's `forecast.run` input, so the server refits the same forecast (same method, horizon and
 * levels) and writes the figures on screen with the method, model, data vintage and model version.
 */
import type { AppLanguage } from '../../lib/format.ts';
import type { ForecastRunInput } from './types.ts';

/**
 * @example forecastXlsxUrl({ target: { kind: 'fund', fundId: 3, measure: 'expenditure' }, method: 'ets', horizon: 12, levels: [80, 95] }, 'zh-CN')
 * // => '/api/forecast/export?fundId=3&measure=expenditure&method=ets&horizon=12&levels=80%2C95&lang=zh-CN'
 */
export function forecastXlsxUrl(input: ForecastRunInput, lang: AppLanguage): string {
  const q = new URLSearchParams();
  if (input.target.kind === 'fund') {
    q.set('fundId', String(input.target.fundId));
    q.set('measure', input.target.measure);
  } else {
    q.set('institutionId', String(input.target.institutionId));
  }
  if (input.method) q.set('method', input.method);
  q.set('horizon', String(input.horizon));
  if (input.levels) q.set('levels', input.levels.join(','));
  q.set('lang', lang);
  return `/api/forecast/export?${q.toString()}`;
}
