/**
 * The year's total institution budget (以收定支, domain.md §5.1) and the payable months it leaves.
 *
 * $$ T = I - R - E - \Delta, \quad R = \operatorname{round}(r I), \quad
 *    B_1 = B_0 + I - (T + E) = B_0 + R + \Delta, \quad m = \frac{B_1}{(T + E)/12} $$
 * plain: total = projected pooling income − reserve − earmarks − planned balance change; closing
 * balance = opening balance + reserve + planned change; payable months = closing balance over the
 * year's planned pooling expenditure (institution budgets plus earmarked items) / 12 (§3.1,
 * `current_year` for the plan year). All amounts are integer fen:
 * - I: projected pooling income; r: reserve rate (default 9%, seed 001 第十条); R stays in the balance;
 * - E: earmarks paid outside institution budgets (异地就医, 大病保险 premiums, pharmacies …);
 * - Δ: planned balance change beyond the reserve: > 0 builds the balance up (smaller budget),
 *   < 0 draws it down (larger budget); B_0: pooling balance at the start of the year.
 *
 * The rule for Δ when none is given moves payable months toward the green band (§3.2 tiers):
 * - purple (m > blueUpTo, excess surplus): draw down to the top of green, m = greenUpTo (9);
 * - orange or red (m < orangeBelow): build up to the bottom of green, m = orangeBelow (6);
 * - green or blue: hold (Δ = 0); blue is tolerated, as some regions call it best.
 * Solving 12(B_0 + R + Δ) = t(I − R − Δ) for the target t gives Δ* = (t(I − R) − 12(B_0 + R)) / (12 + t);
 * m rises with Δ, so a draw-down takes ⌊Δ*⌋ (m ≤ 9) and a build-up ⌈Δ*⌉ (m ≥ 6), exactly in BigInt.
 * |Δ| may be capped (`maxBalanceChangeFen`: a plan rarely moves a fund from 20 to 9 months in
 * one year); `capped` then says the target was not reached. A build-up that would leave nothing to
 * allocate is refused rather than silently cut. The tier of the result is decided exactly (tierOfMonths).
 *
 * @see domain.md §3.1, §3.2, §4.1, §5.1; 人社部发〔2009〕67号 (6–9 months reasonable).
 */
import { formatFenAsYuan } from '../core/money.ts';
import { rationalFromNumber, ratio } from '../core/rational.ts';
import { DEFAULT_WARNING_PARAMS, type TierThresholds } from '../warning/params.ts';
import { tierOfMonths, type Tier } from '../warning/tier.ts';
import { checkFen, exactRate, fenTimesRate, toFen } from './exact.ts';
import { DEFAULT_BUDGET_PARAMS } from './params.ts';

const MONTHS_PER_YEAR = 12n;

export interface TotalBudgetInput {
  projectedIncomeFen: number;
  openingBalanceFen: number;
  earmarks?: readonly { label: string; amountFen: number }[];
  /** Decimal in [0, 1); default {@link DEFAULT_BUDGET_PARAMS}.reserveRate. */
  reserveRate?: number;
  /** Δ set by hand (> 0 builds up); overrides the rule. */
  plannedBalanceChangeFen?: number;
  /** Cap on |Δ| chosen by the rule. */
  maxBalanceChangeFen?: number;
  /** Tier cut points in months; default the national warning thresholds. */
  thresholds?: TierThresholds;
}

export type BalanceRule = 'given' | 'draw_down' | 'build_up' | 'hold';

export interface TotalBudget {
  projectedIncomeFen: number;
  reserveRate: number;
  reserveFen: number;
  earmarksFen: number;
  /** I − R − E: the total with no planned balance change. */
  baseTotalFen: number;
  rule: BalanceRule;
  /** The target payable months of the rule; null for hold and given. */
  targetMonths: number | null;
  capped: boolean;
  plannedBalanceChangeFen: number;
  totalFen: number;
  /** T + E. */
  plannedExpenditureFen: number;
  openingBalanceFen: number;
  closingBalanceFen: number;
  payableMonthsBefore: number;
  tierBefore: Tier;
  payableMonths: number;
  tier: Tier;
}

/**
 * @throws Error `projectedIncomeFen must be a whole number of fen ≥ 0, got <x>` (likewise earmark amounts, `maxBalanceChangeFen`);
 *   `reserveRate must be a decimal from 0 to below 1, got <x>`; `nothing to allocate: projected income less the reserve is 0`;
 *   `building the balance up to <t> payable months needs <x> yuan, which leaves nothing of the <y> yuan to allocate: set maxBalanceChangeFen or plannedBalanceChangeFen`;
 *   `nothing to allocate: income less the reserve (<x> yuan) does not exceed the earmarks and planned balance change (<y> yuan)`.
 * @example totalBudget({ projectedIncomeFen: 100_000_000_00, openingBalanceFen: 50_000_000_00 }).totalFen // => 91_000_000_00
 */
export function totalBudget(input: TotalBudgetInput): TotalBudget {
  const incomeFen = checkFen(input.projectedIncomeFen, 'projectedIncomeFen');
  const openingBalanceFen = checkFen(input.openingBalanceFen, 'openingBalanceFen', true);
  const reserveRate = input.reserveRate ?? DEFAULT_BUDGET_PARAMS.reserveRate;
  if (!(reserveRate >= 0 && reserveRate < 1)) throw new Error(`reserveRate must be a decimal from 0 to below 1, got ${reserveRate}`);
  const earmarksFen = (input.earmarks ?? []).reduce((s, e) => s + checkFen(e.amountFen, `earmark "${e.label}" amountFen`), 0);
  const thresholds = input.thresholds ?? DEFAULT_WARNING_PARAMS.thresholds;
  const reserveFen = fenTimesRate(incomeFen, exactRate(reserveRate));
  const baseTotalFen = incomeFen - reserveFen - earmarksFen;
  if (incomeFen - reserveFen <= 0) throw new Error('nothing to allocate: projected income less the reserve is 0');
  const before = monthsAfter(openingBalanceFen + reserveFen, incomeFen - reserveFen, thresholds);

  let rule: BalanceRule = 'hold';
  let targetMonths: number | null = null;
  let delta = 0;
  let capped = false;
  if (input.plannedBalanceChangeFen !== undefined) {
    rule = 'given';
    delta = checkFen(input.plannedBalanceChangeFen, 'plannedBalanceChangeFen', true);
  } else if (before.tier === 'purple' || before.tier === 'orange' || before.tier === 'red') {
    rule = before.tier === 'purple' ? 'draw_down' : 'build_up';
    targetMonths = rule === 'draw_down' ? thresholds.greenUpTo : thresholds.orangeBelow;
    const t = rationalFromNumber(targetMonths);
    // Δ* = (t·X0 − 12·B1_0) / (12 + t) with t = p/q: (p·X0 − 12q·B1_0) / (12q + p)
    const num = t.num * BigInt(incomeFen - reserveFen) - MONTHS_PER_YEAR * t.den * BigInt(openingBalanceFen + reserveFen);
    const den = MONTHS_PER_YEAR * t.den + t.num;
    const floor = num >= 0n ? num / den : -((-num + den - 1n) / den);
    delta = toFen(rule === 'draw_down' || floor * den === num ? floor : floor + 1n);
    const cap = input.maxBalanceChangeFen === undefined ? Infinity : checkFen(input.maxBalanceChangeFen, 'maxBalanceChangeFen');
    if (Math.abs(delta) > cap) [delta, capped] = [Math.sign(delta) * cap, true];
    if (delta >= baseTotalFen) {
      throw new Error(`building the balance up to ${targetMonths} payable months needs ${formatFenAsYuan(delta)} yuan, which leaves nothing `
        + `of the ${formatFenAsYuan(baseTotalFen)} yuan to allocate: set maxBalanceChangeFen or plannedBalanceChangeFen`);
    }
  }
  const totalFen = baseTotalFen - delta;
  if (totalFen <= 0) {
    throw new Error(`nothing to allocate: income less the reserve (${formatFenAsYuan(incomeFen - reserveFen)} yuan) does not exceed `
      + `the earmarks and planned balance change (${formatFenAsYuan(earmarksFen + delta)} yuan)`);
  }
  const closingBalanceFen = openingBalanceFen + reserveFen + delta;
  const after = monthsAfter(closingBalanceFen, totalFen + earmarksFen, thresholds);
  return {
    projectedIncomeFen: incomeFen, reserveRate, reserveFen, earmarksFen, baseTotalFen, rule, targetMonths, capped,
    plannedBalanceChangeFen: delta, totalFen, plannedExpenditureFen: totalFen + earmarksFen,
    openingBalanceFen, closingBalanceFen,
    payableMonthsBefore: before.months, tierBefore: before.tier, payableMonths: after.months, tier: after.tier,
  };
}

/** Payable months B·12 / X (double, for display) and its exact tier; X > 0. */
function monthsAfter(balanceFen: number, expenditureFen: number, thresholds: TierThresholds): { months: number; tier: Tier } {
  const exact = ratio(BigInt(balanceFen) * MONTHS_PER_YEAR, BigInt(expenditureFen));
  return { months: (balanceFen * 12) / expenditureFen, tier: tierOfMonths(exact, thresholds) };
}
