/**
 * Percentiles of a Monte Carlo column (one year's values over all paths), with the definition of
 * simple-statistics 7.12 `quantileSorted`: linear interpolation between order statistics, R's and
 * NumPy's default (Hyndman–Fan type 7).
 *
 * $$ h = (n-1)\,p,\qquad Q(p) = x_{(\lfloor h \rfloor)} + (h - \lfloor h \rfloor)\,(x_{(\lceil h \rceil)} - x_{(\lfloor h \rfloor)}) $$
 * plain: in sorted order (0-based x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎) go (n − 1)·p of the way along and interpolate;
 * p = 0 and p = 1 give the minimum and the maximum.
 *
 * Only the order statistics ⌊h⌋ and ⌈h⌉ of the seven levels are needed, so the column is not
 * sorted: Floyd–Rivest selection, target by target on the shrinking sub-ranges between targets
 * already placed, puts the seven ⌊h⌋ in place in expected O(n log 7) comparisons, then one linear
 * pass puts each ⌈h⌉ = ⌊h⌋ + 1 beside it (the minimum of the values up to the next placed index);
 * about 7 times faster than sorting 5,000 values. The values found, and the arithmetic on them, are those of `quantileSorted` on the
 * sorted column (tested). Values must not be NaN (they do not order).
 *
 * @see R. J. Hyndman, Y. Fan, "Sample quantiles in statistical packages", The American Statistician 50(4), 361–365, 1996 (type 7);
 *   R. W. Floyd, R. L. Rivest, "Algorithm 489: SELECT", Communications of the ACM 18(3), 173, 1975.
 * @example quantileSortedColumn(Float64Array.of(1, 2, 3, 4), 0.5) // => 2.5
 */

/** The percentile levels of every stochastic result (domain.md §6.3), as the keys of its tables. */
export const PERCENTILE_LEVELS = ['2.5', '10', '25', '50', '75', '90', '97.5'] as const;
export type PercentileLevel = (typeof PERCENTILE_LEVELS)[number];
/** Per level, one value per projected year. */
export type PercentileTable = Record<PercentileLevel, number[]>;

const PROBABILITIES = PERCENTILE_LEVELS.map((level) => Number(level) / 100);

/**
 * Type-7 quantile of a column whose order statistics ⌊(n−1)p⌋ and ⌈(n−1)p⌉ are in place (a sorted
 * column, or one passed through {@link selectOrderStatistics}); same arithmetic as `quantileSorted`.
 */
export function quantileSortedColumn(column: Float64Array, p: number): number {
  const n = column.length;
  if (p === 1) return column[n - 1] as number;
  if (p === 0) return column[0] as number;
  const idx = (n - 1) * p;
  if (idx % 1 === 0) return column[idx] as number;
  const lower = Math.floor(idx);
  const a = column[lower] as number;
  return a + (idx - lower) * ((column[Math.ceil(idx)] as number) - a);
}

/**
 * Floyd–Rivest selection: puts the k-th smallest value of a[left..right] at index k, smaller-or-equal
 * values before it, larger-or-equal after. On ranges above 600 values it first selects k within a
 * small sample around its expected position, so the partition that follows is nearly final; this is
 * simple-statistics 7.12 `quickselect` (same constants) on a Float64Array, moving each value's path
 * index in `o` along with it.
 */
function floydRivest(a: Float64Array, o: Int32Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1, m = k - left + 1, z = Math.log(n), s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      floydRivest(a, o, k, Math.max(left, Math.floor(k - (m * s) / n + sd)), Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)));
    }
    const t = a[k] as number;
    let i = left, j = right;
    swap(a, o, left, k);
    if ((a[right] as number) > t) swap(a, o, left, right);
    while (i < j) {
      swap(a, o, i++, j--);
      while ((a[i] as number) < t) i++;
      while ((a[j] as number) > t) j--;
    }
    if (a[left] === t) swap(a, o, left, j);
    else swap(a, o, ++j, right);
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/** Swaps entries i and j of the values and of their path indices. */
function swap(a: Float64Array, o: Int32Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
  const u = o[i] as number;
  o[i] = o[j] as number;
  o[j] = u;
}

/**
 * Places every order statistic listed in `targets` (ascending indices) at its index, in place:
 * select the middle target, then the targets left of it within the left part and those right of it
 * within the right part.
 */
function selectOrderStatistics(a: Float64Array, o: Int32Array, targets: Int32Array, lo: number, hi: number, from: number, to: number): void {
  if (from >= to) return;
  const mid = (from + to) >>> 1;
  const k = targets[mid] as number;
  floydRivest(a, o, k, lo, hi);
  selectOrderStatistics(a, o, targets, lo, k - 1, from, mid);
  selectOrderStatistics(a, o, targets, k + 1, hi, mid + 1, to);
}

/**
 * With the order statistics `floors` in place, puts order statistic k + 1 next to each k: it is the
 * smallest value between k and the next placed index (one linear pass over the column in all).
 */
function placeSuccessors(a: Float64Array, o: Int32Array, floors: Int32Array): void {
  for (let f = 0; f < floors.length; f++) {
    const k = floors[f] as number;
    const end = f + 1 < floors.length ? (floors[f + 1] as number) : a.length;
    if (k + 1 >= end) continue;
    let best = k + 1;
    for (let i = k + 2; i < end; i++) if ((a[i] as number) < (a[best] as number)) best = i;
    swap(a, o, k + 1, best);
  }
}

/** ⌊(n−1)p⌋ of the seven levels for a column of n values, ascending, without repeats. */
function floorTargets(n: number): Int32Array {
  const ks = new Set(PROBABILITIES.map((p) => Math.floor((n - 1) * p)));
  return Int32Array.from([...ks].sort((x, y) => x - y));
}

export interface PercentileRecorder {
  readonly table: PercentileTable;
  /** Writes the percentiles of `values` (one per path, n in all; left unchanged) into year t of the table. */
  record(values: Float64Array, t: number): void;
}

/** A table of `years` projected years for one value per path of n paths. */
export function createPercentileRecorder(n: number, years: number): PercentileRecorder {
  const table = {} as PercentileTable;
  for (const level of PERCENTILE_LEVELS) table[level] = new Array<number>(years).fill(0);
  const floors = floorTargets(n);
  // the column holds the values in the order the last selection left the paths in (`order`)
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const column = new Float64Array(n);
  return {
    table,
    record(values, t) {
      for (let i = 0; i < n; i++) column[i] = values[order[i] as number] as number;
      selectOrderStatistics(column, order, floors, 0, n - 1, 0, floors.length);
      placeSuccessors(column, order, floors);
      PERCENTILE_LEVELS.forEach((level, i) => {
        table[level][t] = quantileSortedColumn(column, PROBABILITIES[i] as number);
      });
    },
  };
}
