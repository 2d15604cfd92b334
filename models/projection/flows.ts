/**
 * The yearly flows every projection produces (interfaces.md `project`) and the headline years read
 * from them. Index i of each vector is the year startYear + i; money is yuan, unrounded doubles.
 *
 * $$ D = \min\{t : I_t + J_t < E_t\}, \qquad X = \min\{t : B_t \le 0\} $$
 * plain: the first current-deficit year D (当期赤字年) is the first year whose income plus interest
 * falls short of its expenditure; the exhaustion year X (累计结余耗尽年) is the first year whose
 * end-of-year balance is ≤ 0; each is null when it does not happen within the horizon.
 * @see domain.md §6.2 (headline outputs); interfaces.md `project` (output).
 * @example headlineYears(2026, { income: Float64Array.of(10, 10), interest: Float64Array.of(0, 0),
 *   expenditure: Float64Array.of(12, 12), balance: Float64Array.of(1, -1) })
 * // => { firstDeficitYear: 2026, exhaustionYear: 2027 }
 */

export interface YearlyFlows {
  /** Contributions (or premiums) plus subsidies, yuan; interest is separate. */
  income: Float64Array;
  interest: Float64Array;
  expenditure: Float64Array;
  /** End-of-year accumulated balance, yuan. */
  balance: Float64Array;
}

export interface HeadlineYears {
  firstDeficitYear: number | null;
  exhaustionYear: number | null;
}

export function headlineYears(startYear: number, f: Pick<YearlyFlows, 'income' | 'interest' | 'expenditure' | 'balance'>): HeadlineYears {
  let firstDeficitYear: number | null = null;
  let exhaustionYear: number | null = null;
  for (let i = 0; i < f.balance.length; i++) {
    if (firstDeficitYear === null && (f.income[i] as number) + (f.interest[i] as number) < (f.expenditure[i] as number)) firstDeficitYear = startYear + i;
    if (exhaustionYear === null && (f.balance[i] as number) <= 0) exhaustionYear = startYear + i;
  }
  return { firstDeficitYear, exhaustionYear };
}

/**
 * Allocates the four flow vectors of a horizon.
 * @example newFlows(2).balance // => Float64Array [0, 0]
 */
export function newFlows(horizonYears: number): YearlyFlows {
  return {
    income: new Float64Array(horizonYears),
    interest: new Float64Array(horizonYears),
    expenditure: new Float64Array(horizonYears),
    balance: new Float64Array(horizonYears),
  };
}
