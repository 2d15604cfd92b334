/**
 * The collective-decision rule (集体讨论决定, domain.md §5.7): refusing or recovering violation
 * amounts of θ or more at one institution may only be applied with a recorded collective decision.
 *
 * $$ \text{needsDecision}(v) = [\, v > 0 \wedge v \ge \theta \,], \qquad \theta = 100 \cdot \theta_{yuan} $$
 * plain: needsDecision = amountFen > 0 and amountFen ≥ thresholdFen, thresholdFen = collectiveDecisionThresholdYuan × 100.
 * - v: the deduction (next year's budget) or recovery (settlement) at one institution, integer fen;
 * - θ_yuan: `BudgetParams.collectiveDecisionThresholdYuan`, yuan ≥ 0 with at most 2 decimals
 *   (default 50,000 元; `含5万元`: exactly 50,000 元 needs a decision too, hence ≥, not >).
 * A threshold of 0 makes every deduction wait for a decision; an amount of 0 is no deduction and
 * never does. The comparison is on integer fen, so no float rounding decides a case on the edge.
 *
 * @see 河源市医疗保障基金使用监督管理办法（征求意见稿, 2022）第二十一条 (seed 001): 对不予支付违规费用或者
 *   追回违规费用5万元（含5万元）以上…应当由医疗保障经办机构集体讨论作出决定; domain.md §5.7.
 */
import type { BudgetParams } from './params.ts';

/** The rule of `collectiveDecisionThresholdYuan`, as listBudgetParamProblems and this file state it. */
export const THRESHOLD_RULE = 'an amount in yuan ≥ 0 with at most 2 decimals';

/**
 * Integer fen of a yuan amount ≥ 0 that is a whole number of fen (at most 2 decimals), else
 * undefined. `fen / 100 === yuan` holds exactly when `yuan` is the double nearest some 2-decimal
 * number, so 50000.01 passes and 50000.005 does not; Infinity, NaN and negatives never pass.
 * @example wholeFenOf(50000.01) // => 5000001
 */
export function wholeFenOf(yuan: number): number | undefined {
  if (!Number.isFinite(yuan) || yuan < 0) return undefined;
  const fen = Math.round(yuan * 100);
  return Number.isSafeInteger(fen) && fen / 100 === yuan ? fen : undefined;
}

/**
 * θ in integer fen: `collectiveDecisionThresholdYuan × 100`.
 * @throws Error `params.collectiveDecisionThresholdYuan must be an amount in yuan ≥ 0 with at most 2 decimals, got <value>`
 *   (e.g. `got -1`, `got Infinity`, `got 0.001`).
 * @example collectiveDecisionThresholdFen({ collectiveDecisionThresholdYuan: 50000 }) // => 5000000
 */
export function collectiveDecisionThresholdFen(params: Pick<BudgetParams, 'collectiveDecisionThresholdYuan'>): number {
  const yuan = params.collectiveDecisionThresholdYuan;
  const fen = wholeFenOf(yuan);
  if (fen === undefined) throw new Error(`params.collectiveDecisionThresholdYuan must be ${THRESHOLD_RULE}, got ${String(yuan)}`);
  return fen;
}

/**
 * Whether a deduction or recovery of `amountFen` needs a recorded collective decision: amountFen > 0 and amountFen ≥ θ.
 * @throws Error as {@link collectiveDecisionThresholdFen} for a bad threshold.
 * @example needsCollectiveDecision(5_000_000, { collectiveDecisionThresholdYuan: 50000 }) // => true
 */
export function needsCollectiveDecision(amountFen: number, params: Pick<BudgetParams, 'collectiveDecisionThresholdYuan'>): boolean {
  return amountFen > 0 && amountFen >= collectiveDecisionThresholdFen(params);
}
