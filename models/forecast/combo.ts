/**
 * `combo`: the median of the ETS, Theta and ARIMA forecasts (combine.ts has the formula, the
 * treatment of intervals and of members that fail). The median of three is robust to one member
 * going astray; combinations of this kind beat their members on average in M3 and M4.
 *
 * @see S. Makridakis, E. Spiliotis, V. Assimakopoulos, "The M4 Competition: 100,000 time series and 61 forecasting methods", IJF 36(1), 54–74, 2020.
 * @example comboMethod.fit({ values: [1, 2, 3, 4, 5, 6, 7, 8], frequency: 1 }).members.length // => 3
 */
import { arimaMethod, type ArimaFitted, type ArimaOptions } from './arima/index.ts';
import type { AutoMember } from './auto-select.ts';
import { createCombo } from './combine.ts';
import { etsMethod, type EtsFitted, type EtsModelCode, type EtsOptions } from './ets/index.ts';
import { thetaMethod } from './theta.ts';
import type { FittedModel } from './types.ts';

/** ETS options that refit the form of an earlier ETS fit (no AICc search). */
function sameEtsForm(fitted: FittedModel): EtsOptions {
  const { form } = fitted as EtsFitted;
  return { model: `${form.error}${form.trend}${form.season}` as EtsModelCode, damped: form.damped };
}

/** ARIMA options that refit the orders of an earlier ARIMA fit (no order search). */
function sameArimaOrders(fitted: FittedModel): ArimaOptions {
  const f = fitted as ArimaFitted;
  return { order: f.order, seasonalOrder: f.seasonalOrder, includeConstant: f.constant !== 'none' };
}

/** The members of `combo`, with how to refit each one's chosen form; also `auto`'s candidates, in tie-break order. */
export const COMBO_MEMBERS: readonly AutoMember[] = [
  { method: etsMethod, sameForm: sameEtsForm },
  { method: thetaMethod },
  { method: arimaMethod, sameForm: sameArimaOrders },
];

export const comboMethod = createCombo(COMBO_MEMBERS.map((m) => m.method), 'median', 'combo');
