/**
 * The balance of every Monte Carlo path, one projected year at a time, with the year's statistics
 * (interfaces.md `project` timing convention; domain.md §3.2 tiers, §6.3 outputs):
 *
 * $$ \mathit{interest}_t = B_{t-1}\, i_t,\qquad B_t = B_{t-1} + I_t + \mathit{interest}_t - E_t,\qquad m_t = \frac{B_t}{E_t/12} $$
 * plain: interest (yuan) on the opening balance at the year's rate i_t; year-end balance (yuan);
 * payable months m_t. A current deficit is I_t + interest_t < E_t.
 *
 * Monthly steps: within year t, month m (1 … 11) ends at
 * $$ B_{t,m} = B_{t-1} + I_t C^I_m + \mathit{interest}_t \tfrac{m}{12} - E_t C^E_m $$
 * with the cumulative seasonal shares C (models/projection/monthly-shares.ts) and interest accruing evenly, the formula
 * of the deterministic monthly rows (models/projection/monthly.ts); December is B_t itself, so
 * year-end balances are the yearly model's to the bit. A path is exhausted in the first month that
 * ends with a balance ≤ 0 (yearly steps: the first year-end ≤ 0). With flat profiles and a positive
 * opening balance the month path runs straight from B_{t−1} to B_t, so the exhaustion year is the
 * yearly model's; a seasonal profile (premiums collected late in the year) can reveal an earlier,
 * intra-year exhaustion that the year-end balance hides.
 * Tiers use the warning table on the doubles (models/projection/payable-months.ts): red when
 * B_t ≤ 0 or m_t < redBelow, …; E_t ≤ 0 gives m_t = +∞ (B_t > 0, purple) or −∞ (red).
 * "Red by year t" counts a path that was red at any year-end up to t or exhausted in any month.
 *
 * @see interfaces.md `project`; domain.md §3.2 and §6.3.
 * @example
 * const flat = cumulativeMonthlyShares(undefined, 'income');
 * const ledger = createLedger({ paths: 1, years: 1, openingBalanceYuan: 100, monthly: true,
 *   cumulativeShares: { income: flat, expenditure: flat }, thresholds: DEFAULT_WARNING_PARAMS.thresholds });
 * ledger.step(0, 0.01, Float64Array.of(1200), Float64Array.of(1200));
 * ledger.balance[0] // => 101
 */
import type { TierThresholds } from '../warning/params.ts';
import type { Tier } from '../warning/tier.ts';

export const TIERS: readonly Tier[] = ['red', 'orange', 'green', 'blue', 'purple'];

export interface LedgerOptions {
  paths: number;
  years: number;
  openingBalanceYuan: number;
  /** Month steps (exhaustion month) or year-end only. */
  monthly: boolean;
  /** Cumulative seasonal shares C_0 … C_12 of income and of expenditure (models/projection/monthly-shares.ts). */
  cumulativeShares: { income: Float64Array; expenditure: Float64Array };
  thresholds: TierThresholds;
}

export interface Ledger {
  /** Year-end balance per path, yuan. */
  readonly balance: Float64Array;
  /** This year's payable months per path (overwritten each year). */
  readonly payableMonths: Float64Array;
  /** Paths with a current deficit, per year. */
  readonly deficitCount: Int32Array;
  /** Paths per tier (TIERS order) per year, row-major years × 5. */
  readonly tierCount: Int32Array;
  /** Paths first exhausted in each month (index 12·t + k, k = 0 for January). */
  readonly exhaustedInMonth: Int32Array;
  /** Paths red at a year-end or exhausted, in or before each year. */
  readonly redByCount: Int32Array;
  /** Advances every path through projected year t given its interest rate, incomes and expenditures (yuan). */
  step(t: number, interestRate: number, income: Float64Array, expenditure: Float64Array): void;
}

function tierIndex(balance: number, months: number, t: TierThresholds): number {
  if (balance <= 0 || months < t.redBelow) return 0;
  if (months < t.orangeBelow) return 1;
  if (months <= t.greenUpTo) return 2;
  return months <= t.blueUpTo ? 3 : 4;
}

export function createLedger(o: LedgerOptions): Ledger {
  const n = o.paths;
  const balance = new Float64Array(n).fill(o.openingBalanceYuan);
  const payableMonths = new Float64Array(n);
  const exhausted = new Uint8Array(n);
  const redEver = new Uint8Array(n);
  const deficitCount = new Int32Array(o.years);
  const tierCount = new Int32Array(o.years * TIERS.length);
  const exhaustedInMonth = new Int32Array(o.years * 12);
  const redByCount = new Int32Array(o.years);
  const { income: cI, expenditure: cE } = o.cumulativeShares;
  const { monthly, thresholds } = o;
  let redSoFar = 0;

  /** First month of year t (0 … 11) whose end balance is ≤ 0, or −1. */
  function exhaustionMonth(b0: number, b1: number, income: number, expenditure: number, interest: number): number {
    if (monthly) {
      for (let m = 1; m < 12; m++) {
        if (b0 + income * (cI[m] as number) + interest * (m / 12) - expenditure * (cE[m] as number) <= 0) return m - 1;
      }
    }
    return b1 <= 0 ? 11 : -1;
  }

  return {
    balance, payableMonths, deficitCount, tierCount, exhaustedInMonth, redByCount,
    step(t, rate, income, expenditure) {
      let deficits = 0;
      for (let p = 0; p < n; p++) {
        const b0 = balance[p] as number;
        const inc = income[p] as number;
        const exp = expenditure[p] as number;
        const interest = b0 * rate;
        const b1 = b0 + inc + interest - exp;
        balance[p] = b1;
        if (inc + interest < exp) deficits++;
        if (exhausted[p] === 0) {
          const k = exhaustionMonth(b0, b1, inc, exp, interest);
          if (k >= 0) {
            exhausted[p] = 1;
            exhaustedInMonth[t * 12 + k] = (exhaustedInMonth[t * 12 + k] as number) + 1;
          }
        }
        const months = exp > 0 ? b1 / (exp / 12) : b1 > 0 ? Infinity : -Infinity;
        payableMonths[p] = months;
        const tier = tierIndex(b1, months, thresholds);
        tierCount[t * TIERS.length + tier] = (tierCount[t * TIERS.length + tier] as number) + 1;
        if (redEver[p] === 0 && (tier === 0 || exhausted[p] === 1)) {
          redEver[p] = 1;
          redSoFar++;
        }
      }
      deficitCount[t] = deficits;
      redByCount[t] = redSoFar;
    },
  };
}
