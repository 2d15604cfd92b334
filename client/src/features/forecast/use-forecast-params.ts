/** The forecast settings live in the URL (`?fundId=&measure=&method=&horizon=`) so a forecast can be bookmarked and shared. */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { DEFAULT_MEASURE, DEFAULT_METHOD, isMeasure, isMethod } from './forecast-options.ts';
import type { ForecastMethod, FundMeasure } from './types.ts';

export interface ForecastParams {
  fundId?: number;
  measure: FundMeasure;
  method: ForecastMethod;
  /** As written in the URL; the page clamps it to the fund's frequency. */
  horizon?: number;
}

function positiveInt(text: string | null): number | undefined {
  const n = Number(text);
  return text && Number.isInteger(n) && n > 0 ? n : undefined;
}

export function parseForecastParams(params: URLSearchParams): ForecastParams {
  const measure = params.get('measure');
  const method = params.get('method');
  return {
    fundId: positiveInt(params.get('fundId')),
    measure: isMeasure(measure) ? measure : DEFAULT_MEASURE,
    method: isMethod(method) ? method : DEFAULT_METHOD,
    horizon: positiveInt(params.get('horizon')),
  };
}

export function forecastSearch(p: ForecastParams): URLSearchParams {
  const out = new URLSearchParams();
  if (p.fundId) out.set('fundId', String(p.fundId));
  out.set('measure', p.measure);
  out.set('method', p.method);
  if (p.horizon) out.set('horizon', String(p.horizon));
  return out;
}

export function useForecastParams(): [ForecastParams, (next: ForecastParams) => void] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseForecastParams(search), [search]);
  const update = useCallback((next: ForecastParams) => setSearch(forecastSearch(next), { replace: true }), [setSearch]);
  return [params, update];
}
