/**
 * Default mortality of the cohort model: a Gompertz–Makeham law, used when a scenario gives no
 * life table (fundrisk works offline, so no official table is fetched).
 *
 * $$ \mu_x = A + B c^x, \qquad q_x = 1 - \exp\!\Big(-\int_x^{x+1}\mu_s\,ds\Big) = 1 - \exp\!\Big(-A - B c^x \frac{c-1}{\ln c}\Big) $$
 * plain: force of mortality μ(x) = A + B·c^x per year at age x; the probability of dying within a
 * year from exact age x is q(x) = 1 − exp(−A − B·c^x·(c − 1)/ln c).
 *
 * Parameters (`assumption`): A = 0.00022 and c = 1.124 are those of the Standard Ultimate Survival
 * Model; B is re-fitted by us per sex so that the period life expectancy at birth of the law,
 * e0 = Σ_{x=0}^{129} (l_x + l_{x+1}) / 2, matches China's 2020 census values (male 75.37, female
 * 80.88 years): B = 9.09e-6 (male, e0 = 75.37) and B = 4.72e-6 (female, e0 = 80.87). A smooth law is
 * a stand-in for a real table: it misses the accident hump of young men and old-age deceleration.
 * Give `membership.qx` from a national or regional life table whenever one is available.
 * @see D. C. M. Dickson, M. R. Hardy, H. R. Waters, Actuarial Mathematics for Life Contingent Risks,
 *   2nd ed., Cambridge University Press 2013, §3.13 (Standard Ultimate Survival Model); W. M. Makeham,
 *   "On the law of mortality", J. Inst. Actuaries 13 (1867); 国家统计局, 第七次全国人口普查 (2020) life expectancy.
 * @example makehamQx(60, DEFAULT_MAKEHAM.male) // => 0.010879842622352087 (male, exact age 60)
 */
import type { BySex, Sex } from './scenario.ts';

export interface MakehamParameters {
  /** Age-independent force of mortality, per year. */
  A: number;
  /** Gompertz scale, per year. */
  B: number;
  /** Gompertz growth factor per year of age (> 1). */
  c: number;
}

export const DEFAULT_MAKEHAM: Readonly<BySex<MakehamParameters>> = {
  male: { A: 0.00022, B: 9.09e-6, c: 1.124 },
  female: { A: 0.00022, B: 4.72e-6, c: 1.124 },
};

export function makehamQx(age: number, p: MakehamParameters): number {
  return 1 - Math.exp(-p.A - (p.B * p.c ** age * (p.c - 1)) / Math.log(p.c));
}

/**
 * Default qx of each age group: the one-year probability of dying from the age one year under the
 * group's middle, i.e. over [a + (w − 1)/2, a + (w + 1)/2] for the group [a, a + w); for single
 * ages (w = 1) that is q(a) itself. The open last group uses the same rule.
 * @example Array.from(defaultGroupQx('female', 60, 5, 1)) // => [makehamQx(62, DEFAULT_MAKEHAM.female)]
 */
export function defaultGroupQx(sex: Sex, minAge: number, ageGroupYears: number, groups: number): Float64Array {
  const out = new Float64Array(groups);
  const offset = (ageGroupYears - 1) / 2;
  for (let g = 0; g < groups; g++) out[g] = makehamQx(minAge + g * ageGroupYears + offset, DEFAULT_MAKEHAM[sex]);
  return out;
}
