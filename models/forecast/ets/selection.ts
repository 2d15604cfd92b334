/**
 * Which ETS forms to fit and which one to keep, following R's `forecast::ets` defaults
 * (restrict = TRUE, allow.multiplicative.trend = FALSE, ic = "aicc"):
 * - error A/M × trend N/A (damped or not) × season N/A/M, without ETS(A,·,M), whose forecast
 *   variance can be infinite and whose fits are numerically unstable (R's restrict = TRUE);
 * - multiplicative error or season only for strictly positive data;
 * - seasonal forms only for 1 < m ≤ 24 and n > m; a form is skipped when its k − 1 estimated values
 *   reach n − 1;
 * - the fitted form with the smallest AICc wins (ties: the first in R's loop order).
 */
import { estimatedCount, fitForm, type FormFit } from './estimate.ts';
import type { EtsForm, EtsOptions, ErrorType, SeasonType, TrendType } from './types.ts';
import { MAX_SEASONAL_PERIOD } from './types.ts';

const CODE_PATTERN = /^[AMZ][NAZ][NAMZ]$/;

export interface Candidates {
  forms: EtsForm[];
  /** R's tiny-data rule: n ≤ (parameters of the requested form) + 4. */
  tooShort: boolean;
}

/**
 * Expands a model code into the forms to fit.
 * @throws Error `ets: model must be three letters (error A/M/Z, trend N/A/Z, season N/A/M/Z), got "<code>"`
 * @throws Error `ets: multiplicative error/season needs strictly positive values`
 * @throws Error `ets: model <code> is not allowed: additive error with multiplicative season is numerically unstable`
 * @throws Error `ets: damped = true needs a trend, but model <code> has none`
 * @throws Error `ets: seasonal model <code> needs a frequency from 2 to 24, got <m>`
 * @throws Error `ets: seasonal model <code> needs more than <m> values, got <n>`
 */
export function candidateForms(options: EtsOptions, frequency: number, n: number, positive: boolean): Candidates {
  const code: string = options.model ?? 'ZZZ';
  if (typeof code !== 'string' || !CODE_PATTERN.test(code)) {
    throw new Error(`ets: model must be three letters (error A/M/Z, trend N/A/Z, season N/A/M/Z), got "${String(code)}"`);
  }
  const [e, t, s] = code;
  if (!positive && (e === 'M' || s === 'M')) throw new Error('ets: multiplicative error/season needs strictly positive values');
  if (e === 'A' && s === 'M') throw new Error(`ets: model ${code} is not allowed: additive error with multiplicative season is numerically unstable`);
  if (options.damped === true && t === 'N') throw new Error(`ets: damped = true needs a trend, but model ${code} has none`);
  const seasonalOk = frequency > 1 && frequency <= MAX_SEASONAL_PERIOD && n > frequency;
  if (s === 'A' || s === 'M') {
    if (frequency <= 1 || frequency > MAX_SEASONAL_PERIOD) throw new Error(`ets: seasonal model ${code} needs a frequency from 2 to 24, got ${frequency}`);
    if (n <= frequency) throw new Error(`ets: seasonal model ${code} needs more than ${frequency} values, got ${n}`);
  }
  const errors: ErrorType[] = e === 'Z' ? (positive ? ['A', 'M'] : ['A']) : [e as ErrorType];
  const trends: TrendType[] = t === 'Z' ? ['N', 'A'] : [t as TrendType];
  const seasons: SeasonType[] = s === 'Z' ? (seasonalOk ? (positive ? ['N', 'A', 'M'] : ['N', 'A']) : ['N']) : [s as SeasonType];
  const dampings = options.damped === undefined ? [true, false] : [options.damped];
  const forms: EtsForm[] = [];
  for (const error of errors) {
    for (const trend of trends) {
      for (const season of seasons) {
        for (const damped of dampings) {
          if (trend === 'N' && damped) continue;
          if (error === 'A' && season === 'M') continue;
          forms.push({ error, trend, damped, season });
        }
      }
    }
  }
  // R counts the parameters of the requested code (Z adds none) plus 4 spare observations.
  let required = 2 + (t === 'A' ? 2 : 0) + (s === 'A' || s === 'M' ? frequency : 0) + (options.damped === true ? 1 : 0);
  required += 4;
  return { forms, tooShort: n <= required };
}

/** Fits every candidate and keeps the smallest AICc; undefined when none can be fitted. */
export function selectByAicc(y: Float64Array, forms: readonly EtsForm[], frequency: number): FormFit | undefined {
  let best: FormFit | undefined;
  for (const form of forms) {
    if (estimatedCount(form, form.season === 'N' ? 1 : frequency) >= y.length - 1) continue;
    const fit = fitForm(y, form, frequency);
    if (fit && Number.isFinite(fit.aicc) && (!best || fit.aicc < best.aicc)) best = fit;
  }
  return best;
}
