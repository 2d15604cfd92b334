/**
 * Number formatting for the plain-language warning reasons (reasons.ts), in Chinese and English.
 * Pure string work: no `Intl` (its output differs between ICU builds, and a reason is part of the
 * audited result), no locale state.
 *
 * The one subtle rule: a payable-months figure printed next to a cut point must agree with the
 * comparison it illustrates. The tier is decided exactly (tier.ts), but 5.96 months printed with
 * one decimal reads "6.0 < 6". {@link monthsInBand} therefore prints one decimal when that agrees,
 * more (up to four) when it does not, and as a last resort the nearest four-decimal value inside
 * the band (only a value within 10⁻⁴ of a cut point, or a double on the cut point whose exact value
 * is just beyond it, gets there).
 *
 * None of these functions throws; each formats a finite number (callers pass only figures the
 * warning models produced).
 * @see domain.md §1 (money shown in 元, 万元 or 亿元 with the unit printed), §3.2 (the bands).
 */

export type ReasonLanguage = 'zh' | 'en';

/** A band of payable months: lower and upper bounds, each open or closed, either may be absent. */
export interface MonthsBand {
  lo?: { value: number; inclusive: boolean };
  hi?: { value: number; inclusive: boolean };
}

const MAX_DECIMALS = 4;
const SCALE = 10 ** MAX_DECIMALS;
const YUAN_PER_YI = 1e8;
const YUAN_PER_WAN = 1e4;

function inBand(x: number, band: MonthsBand): boolean {
  const { lo, hi } = band;
  if (lo && (lo.inclusive ? x < lo.value : x <= lo.value)) return false;
  if (hi && (hi.inclusive ? x > hi.value : x >= hi.value)) return false;
  return true;
}

/**
 * Payable months as text that lies in `band`: one decimal when that does, else the fewest decimals
 * (≤ 4) that do, else the four-decimal value nearest to `months` inside the band.
 * Formula: text = m rounded to d decimals for the least d ∈ 1…4 with lo ⊲ text ⊲ hi; else
 * clamp(round(m · 10⁴), ⌈lo · 10⁴⌉, ⌊hi · 10⁴⌋) / 10⁴ (strict bounds moved one step inside); m in months.
 * @throws never.
 * @example monthsInBand(4.24, { hi: { value: 6, inclusive: false } }) // => '4.2'
 * @example monthsInBand(5.96, { hi: { value: 6, inclusive: false } }) // => '5.96'
 * @example monthsInBand(6, { hi: { value: 6, inclusive: false } }) // => '5.9999'
 */
export function monthsInBand(months: number, band: MonthsBand): string {
  for (let d = 1; d <= MAX_DECIMALS; d++) {
    const text = months.toFixed(d);
    if (inBand(Number(text), band)) return text;
  }
  // count in steps of 10⁻⁴ and test the printed value, so no binary rounding can put it on the wrong side
  const printed = (k: number) => Number((k / SCALE).toFixed(MAX_DECIMALS));
  const { lo, hi } = band;
  let k = Math.round(months * SCALE);
  if (lo && !inBand(printed(k), { lo })) k = nudge(Math.round(lo.value * SCALE), 1, (x) => inBand(printed(x), { lo }));
  if (hi && !inBand(printed(k), { hi })) k = nudge(Math.round(hi.value * SCALE), -1, (x) => inBand(printed(x), { hi }));
  return (k / SCALE).toFixed(MAX_DECIMALS);
}

/** Steps k by `dir` until `ok` (at most twice: the rounded bound is within one step of the first fit). */
function nudge(k: number, dir: 1 | -1, ok: (k: number) => boolean): number {
  let x = k;
  for (let i = 0; i < 2 && !ok(x); i++) x += dir;
  return x;
}

/**
 * A cut point or limit as written in the parameter set (6, 15, 2.5).
 * @example formatCut(6) // => '6'
 */
export function formatCut(value: number): string {
  return String(value);
}

/**
 * A decimal rate as a percentage with one decimal: text = (100 · r) to one decimal, "%".
 * @throws never.
 * @example formatRate(0.2) // => '20.0%'
 */
export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/**
 * A limit rate as a percentage without trailing zeros.
 * @example formatLimitRate(0.15) // => '15%'
 */
export function formatLimitRate(rate: number): string {
  return `${Number((rate * 100).toFixed(4))}%`;
}

/**
 * An amount in fen as 亿元 (≥ 1 亿 yuan), 万元 (≥ 1 万) or 元, two decimals, unit printed:
 * yuan = fen / 100, shown as yuan / 10⁸, yuan / 10⁴ or yuan by magnitude. English keeps
 * the Chinese scale (10⁸ / 10⁴ yuan), as the client does, so both texts show the same figure.
 * @throws never.
 * @example formatAmountFen(1_020_000_000_00, 'zh') // => '10.20 亿元'
 * @example formatAmountFen(1_020_000_000_00, 'en') // => '10.20 × 10⁸ yuan'
 * @example formatAmountFen(-345_600, 'zh') // => '-3456.00 元'
 */
export function formatAmountFen(fen: number, lang: ReasonLanguage): string {
  const yuan = fen / 100;
  const abs = Math.abs(yuan);
  if (abs >= YUAN_PER_YI) return lang === 'zh' ? `${(yuan / YUAN_PER_YI).toFixed(2)} 亿元` : `${(yuan / YUAN_PER_YI).toFixed(2)} × 10⁸ yuan`;
  if (abs >= YUAN_PER_WAN) return lang === 'zh' ? `${(yuan / YUAN_PER_WAN).toFixed(2)} 万元` : `${(yuan / YUAN_PER_WAN).toFixed(2)} × 10⁴ yuan`;
  return lang === 'zh' ? `${yuan.toFixed(2)} 元` : `${yuan.toFixed(2)} yuan`;
}

/**
 * "n months" / "n years" in English with the plural.
 * @example countUnit(1, 'month') // => '1 month'
 * @example countUnit(3, 'year') // => '3 years'
 */
export function countUnit(n: number, unit: 'month' | 'year'): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
