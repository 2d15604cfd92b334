/**
 * Sorting of the allocation table's lines outside antd's Table (issue 6): antd re-sorted and
 * re-processed all 10,000 lines through its own comparator on every header click. Here each sort
 * column becomes one `Float64Array` of keys (strings become their collation rank) and the table
 * sorts a `Uint32Array` of line indices by those keys, so a click costs one typed-array sort and
 * one gather. Nothing here computes a figure: the keys are the server's numbers as sent.
 */
import type { QuotaLine } from './types.ts';

/** The columns the table sorts by. */
export const SORT_KEYS = ['code', 'name', 'quota', 'change', 'lastPaid', 'base', 'score', 'credit', 'deduction'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = 'ascend' | 'descend';

/** The table's one active sort, or `null` for the order the server sent. */
export type LineSort = { readonly key: SortKey; readonly order: SortOrder } | null;

type NumericKey = Exclude<SortKey, 'code' | 'name' | 'credit'>;
type TextKey = Extract<SortKey, 'code' | 'name' | 'credit'>;

/** The number a numeric column sorts by; `null` (no history, no score) sorts last. */
const NUMERIC_KEYS: Readonly<Record<NumericKey, (l: QuotaLine) => number | null>> = {
  quota: (l) => l.quotaYuan,
  change: (l) => l.changeOnLastYear,
  lastPaid: (l) => l.lastPaidYuan,
  base: (l) => l.baseYuan,
  score: (l) => l.assessmentScore,
  // what is taken off the quota, confirmed and pending alike
  deduction: (l) => l.deductionYuan + l.pendingDeductionYuan,
};

/** The text a text column sorts by and the collation it uses; `null` (no credit rating) sorts last. */
const TEXT_KEYS: Readonly<Record<TextKey, { value: (l: QuotaLine) => string | null; collator: Intl.Collator }>> = {
  code: { value: (l) => l.code, collator: new Intl.Collator('en', { numeric: true }) },
  name: { value: (l) => l.name, collator: new Intl.Collator('zh-CN') },
  credit: { value: (l) => l.creditRating, collator: new Intl.Collator('en') },
};

const isNumericKey = (key: SortKey): key is NumericKey => key in NUMERIC_KEYS;

/** Collation ranks of texts (equal texts share a rank), `NaN` for a missing one. */
function textRanks(texts: readonly (string | null)[], collator: Intl.Collator): Float64Array {
  const present = texts.flatMap((s, i) => (s === null ? [] : [i]));
  present.sort((i, j) => collator.compare(texts[i] as string, texts[j] as string));
  const ranks = new Float64Array(texts.length).fill(Number.NaN);
  let rank = 0;
  present.forEach((i, n) => {
    if (n > 0 && collator.compare(texts[present[n - 1] as number] as string, texts[i] as string) !== 0) rank += 1;
    ranks[i] = rank;
  });
  return ranks;
}

/**
 * One sort key per line for a column: the number itself, or the rank of the text in its
 * collation (codes compare digit runs as numbers, names in zh-CN order); `NaN` where the line
 * has none.
 * @example sortKeys([{ quotaYuan: 5, … }, { quotaYuan: 2, … }], 'quota') // => Float64Array [5, 2]
 */
export function sortKeys(lines: readonly QuotaLine[], key: SortKey): Float64Array {
  if (isNumericKey(key)) {
    const get = NUMERIC_KEYS[key];
    const keys = new Float64Array(lines.length);
    for (let i = 0; i < lines.length; i++) keys[i] = get(lines[i] as QuotaLine) ?? Number.NaN;
    return keys;
  }
  const { value, collator } = TEXT_KEYS[key];
  return textRanks(lines.map(value), collator);
}

/**
 * Indices of `keys` in sorted order: ascending or descending by key, missing keys (`NaN`) last in
 * both directions, equal keys in their original order (stable both ways, by an explicit index
 * tie-break, so it does not rest on the engine's sort).
 * @example sortedIndices(Float64Array.of(3, NaN, 1, 3), 'descend') // => Uint32Array [0, 3, 2, 1]
 */
export function sortedIndices(keys: Float64Array, order: SortOrder): Uint32Array {
  const sign = order === 'ascend' ? 1 : -1;
  const idx = new Uint32Array(keys.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((i, j) => {
    const a = keys[i] as number;
    const b = keys[j] as number;
    const aMissing = Number.isNaN(a);
    const bMissing = Number.isNaN(b);
    if (aMissing || bMissing) return aMissing === bMissing ? i - j : aMissing ? 1 : -1;
    return a === b ? i - j : a < b ? -sign : sign;
  });
}

/** The lines in `indices` order (a new array; the lines themselves are shared). */
export function gatherLines(lines: readonly QuotaLine[], indices: Uint32Array): QuotaLine[] {
  const out = new Array<QuotaLine>(indices.length);
  for (let n = 0; n < indices.length; n++) out[n] = lines[indices[n] as number] as QuotaLine;
  return out;
}

/**
 * The sort after a click on a column's header: a new column starts ascending, then descending,
 * then back to the server's order (antd's cycle, which the budget officers know).
 * @example nextSort({ key: 'quota', order: 'ascend' }, 'quota') // => { key: 'quota', order: 'descend' }
 */
export function nextSort(current: LineSort, key: SortKey): LineSort {
  if (current?.key !== key) return { key, order: 'ascend' };
  return current.order === 'ascend' ? { key, order: 'descend' } : null;
}

/**
 * The lines in the order of `sort`, reusing one key array per column from `cache` (so ascending ↔
 * descending on a column costs only the index sort); the lines themselves when `sort` is `null`.
 */
export function sortLines(lines: readonly QuotaLine[], sort: LineSort, cache: Map<SortKey, Float64Array>): readonly QuotaLine[] {
  if (sort === null) return lines;
  let keys = cache.get(sort.key);
  if (keys === undefined) {
    keys = sortKeys(lines, sort.key);
    cache.set(sort.key, keys);
  }
  return gatherLines(lines, sortedIndices(keys, sort.order));
}
