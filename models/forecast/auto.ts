/**
 * `auto`: per series, the median combination of ETS, Theta and ARIMA, or one of them when it was
 * clearly better on a one-origin holdout of the series' own history (auto-select.ts); seasonal
 * naive, naive or drift for series too short for that. Deterministic: same series, same choice.
 *
 * @example autoMethod.fit({ values: [1, 2, 3, 5], frequency: 1 }).chosen // => 'drift' (a short series: fallbacks only)
 */
import { createAuto } from './auto-select.ts';
import { COMBO_MEMBERS } from './combo.ts';
import { driftMethod } from './drift.ts';
import { naiveMethod } from './naive.ts';
import { snaiveMethod } from './snaive.ts';

export const autoMethod = createAuto({
  members: COMBO_MEMBERS,
  combiner: 'median',
  fallbacks: [snaiveMethod, naiveMethod, driftMethod],
});
