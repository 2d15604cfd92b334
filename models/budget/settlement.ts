/**
 * Year-end settlement of an institution's quota (年终清算, domain.md §5.4): retained savings below
 * the quota, shared overspend above it.
 *
 * With quota Q, actual eligible spending A, reward share r, reward cap c, overspend bands
 * (e_1 < e_2 < … multiples of Q, fund shares s_j, e_0 = 1) and the share s_∞ beyond the last band:
 * $$ F(A) = \begin{cases} A + \min(r (Q - A),\ c Q) & A \le Q \\
 *   Q + \sum_j s_j \cdot |(e_{j-1} Q, e_j Q] \cap (Q, A]| + s_\infty (A - e_n Q)^+ & A > Q \end{cases} $$
 * plain: at or under the quota the fund pays A plus a reward of r × (Q − A), at most c × Q; over
 * it, the fund pays Q plus share s_j of the spending inside each band, and s_∞ of what lies beyond.
 * Defaults (`practice`): r = 0.3, c = 0.03, one band up to 1.2 Q with s = 0.5, s_∞ = 0; so for
 * Q < A ≤ 1.2Q the fund pays Q + 50%(A − Q), and beyond 1.2Q it pays Q + 50% × 0.2Q.
 * Then
 *   institutionBears = A − F when A > Q (the overspend it carries; 0 otherwise),
 *   reward = F − A when A ≤ Q (the retained-savings part of F; 0 otherwise),
 *   final = F − violation recovery − prepaid − retained withholding
 * (positive: the fund owes the institution; negative: the institution repays). All amounts fen.
 *
 * Exactness: every rate is read as the decimal it was written as and scaled to integers over
 * their common denominator L, so F·L² is an integer (BigInt) and band edges are compared exactly
 * (A = Q, A = 1.2Q, a binding reward cap). F is rounded once, half away from zero, to the fen;
 * institutionBears and reward are then exact differences, so F = A + reward − institutionBears.
 * F is continuous and non-decreasing in A (every share in [0, 1]). Q = 0 needs no special case:
 * A = 0 settles to 0, and any A > 0 lies beyond every band.
 *
 * Withholding release (optional, `withholdingRelease`, off by default): prepayments were
 * Q × (1 − w), so the withheld W = round(Q·w) comes back through F − prepaid; a region may release
 * only a share of it by assessment score, and the retained part round(W × (1 − share)) is deducted.
 *
 * @see domain.md §5.4 (`practice`, one city's 定额 rules: 结余留用、超支分担).
 */
import type { Rational } from '../core/rational.ts';
import { checkFen, exactRate, lcm, roundHalfAway, toFen } from './exact.ts';
import { DEFAULT_BUDGET_PARAMS, type BudgetParams } from './params.ts';

export interface SettlementInput {
  institutionId: string;
  quotaFen: number;
  actualFen: number;
  prepaidFen?: number;
  violationRecoveryFen?: number;
  /** Used only when the params enable `withholdingRelease`. */
  assessmentScore?: number | null;
}

/** savings: A ≤ Q; shared: Q < A ≤ last band edge × Q; beyond: past the last edge. */
export type SettlementBand = 'savings' | 'shared' | 'beyond';

export interface Settlement {
  institutionId: string;
  quotaFen: number;
  actualFen: number;
  band: SettlementBand;
  fundPaysFen: number;
  institutionBearsFen: number;
  rewardFen: number;
  /** The reward cap c × Q is below r × (Q − A) and decided the reward. */
  rewardCapped: boolean;
  violationRecoveryFen: number;
  prepaidFen: number;
  /** round(Q × withholding rate). */
  withheldFen: number;
  /** Share of the withheld amount released (1 unless `withholdingRelease` is set). */
  releaseShare: number;
  withholdingRetainedFen: number;
  finalFen: number;
}

interface ScaledBand { edge: bigint; share: bigint }

/**
 * Compiles the settlement rule of a parameter set once, for many institutions.
 * @throws Error from the returned function: `institution "<id>": <field> must be a whole number of fen ≥ 0, got <x>`,
 *   or `institution "<id>": assessment score must be a number from 0 to 100, got <x>`.
 * @example compileSettlementRule()({ institutionId: 'H', quotaFen: 100_000_00, actualFen: 110_000_00 }).fundPaysFen // => 105_000_00
 */
export function compileSettlementRule(params: BudgetParams = DEFAULT_BUDGET_PARAMS): (input: SettlementInput) => Settlement {
  const rates = {
    reward: exactRate(params.rewardShare),
    cap: exactRate(params.rewardCap),
    beyond: exactRate(params.beyondFundShare),
    edges: params.overspendBands.map((b) => exactRate(b.upTo)),
    shares: params.overspendBands.map((b) => exactRate(b.fundShare)),
  };
  const l = lcm([rates.reward, rates.cap, rates.beyond, ...rates.edges, ...rates.shares].map((r) => r.den));
  const scaled = (r: Rational) => (r.num * l) / r.den;
  const rewardL = scaled(rates.reward);
  const capL = scaled(rates.cap);
  const beyondL = scaled(rates.beyond);
  const bands: ScaledBand[] = rates.edges.map((e, j) => ({ edge: scaled(e), share: scaled(rates.shares[j] as Rational) }));
  const lastEdgeL = bands.at(-1)?.edge ?? l;
  const l2 = l * l;
  const withholding = exactRate(params.withholdingRate);
  const release = params.withholdingRelease;
  const releaseShares = release ? [...release.bands.map((b) => ({ minScore: b.minScore, share: b.share, exact: exactRate(b.share) })), { minScore: -Infinity, share: release.none, exact: exactRate(release.none) }] : [];

  return (input) => {
    const id = input.institutionId;
    let quotaFen, actualFen, prepaidFen, violationRecoveryFen;
    try {
      quotaFen = checkFen(input.quotaFen, 'quotaFen');
      actualFen = checkFen(input.actualFen, 'actualFen');
      prepaidFen = checkFen(input.prepaidFen ?? 0, 'prepaidFen');
      violationRecoveryFen = checkFen(input.violationRecoveryFen ?? 0, 'violationRecoveryFen');
    } catch (err) {
      throw new Error(`institution "${id}": ${(err as Error).message}`);
    }
    const q = BigInt(quotaFen);
    const a = BigInt(actualFen);
    let fundPaysFen: number;
    let band: SettlementBand = 'savings';
    let rewardCapped = false;
    if (a <= q) {
      const full = rewardL * (q - a);
      const cap = capL * q;
      rewardCapped = full > cap;
      fundPaysFen = actualFen + toFen(roundHalfAway(rewardCapped ? cap : full, l));
    } else {
      const aL = a * l;
      let paidL2 = q * l2;
      let from = q * l;
      for (const b of bands) {
        const to = q * b.edge;
        paidL2 += b.share * ((aL < to ? aL : to) - from);
        from = to;
        if (aL <= to) break;
      }
      if (aL > from) paidL2 += beyondL * (aL - from);
      band = aL <= q * lastEdgeL ? 'shared' : 'beyond';
      fundPaysFen = toFen(roundHalfAway(paidL2, l2));
    }
    const withheldFen = toFen(roundHalfAway(q * withholding.num, withholding.den));
    let releaseShare = 1;
    let withholdingRetainedFen = 0;
    if (release) {
      const score = input.assessmentScore;
      if (score !== null && score !== undefined && !(typeof score === 'number' && score >= 0 && score <= 100)) {
        throw new Error(`institution "${id}": assessment score must be a number from 0 to 100, got ${score}`);
      }
      const chosen = releaseShares[score === null || score === undefined ? releaseShares.length - 1 : releaseShares.findIndex((b) => score >= b.minScore)] as (typeof releaseShares)[number];
      releaseShare = chosen.share;
      withholdingRetainedFen = toFen(roundHalfAway(BigInt(withheldFen) * (chosen.exact.den - chosen.exact.num), chosen.exact.den));
    }
    return {
      institutionId: id, quotaFen, actualFen, band, fundPaysFen,
      institutionBearsFen: band === 'savings' ? 0 : actualFen - fundPaysFen,
      rewardFen: band === 'savings' ? fundPaysFen - actualFen : 0,
      rewardCapped, violationRecoveryFen, prepaidFen, withheldFen, releaseShare, withholdingRetainedFen,
      finalFen: fundPaysFen - violationRecoveryFen - prepaidFen - withholdingRetainedFen,
    };
  };
}

/**
 * Settles every institution with one parameter set (see {@link compileSettlementRule}).
 * @example settleInstitutions([{ institutionId: 'H', quotaFen: 100_000_00, actualFen: 90_000_00, prepaidFen: 99_000_00 }])[0].finalFen // => -6_000_00
 */
export function settleInstitutions(inputs: readonly SettlementInput[], params: BudgetParams = DEFAULT_BUDGET_PARAMS): Settlement[] {
  const rule = compileSettlementRule(params);
  return inputs.map(rule);
}
