/**
 * The budget parameter set (domain.md §5): every rate, weight, coefficient table and band of
 * institution budgets, allocation, prepayment, settlement, DIP and deviation monitoring. These are
 * defaults of a policy parameter set, never constants in code; {@link BUDGET_PARAMETER_PROVENANCE}
 * says where each default comes from so the UI can show it.
 *
 * The typed shape is the JSON shape of `--params params.json` (README); {@link resolveBudgetParams}
 * merges a partial override onto {@link DEFAULT_BUDGET_PARAMS} and {@link listBudgetParamProblems}
 * checks the result, naming the JSON path of every broken rule.
 */
import type { Provenance } from '../warning/params.ts';
import { THRESHOLD_RULE, wholeFenOf } from './collective-decision.ts';

export type CreditRating = 'A' | 'B' | 'C' | 'D';
export const CREDIT_RATINGS: readonly CreditRating[] = ['A', 'B', 'C', 'D'];

/** An assessment-score band: scores ≥ `minScore` (and below the band above) get `factor`. */
export interface ScoreBand { minScore: number; factor: number }
/** An overspend band up to `upTo` × quota; the fund pays `fundShare` of spending in it. */
export interface OverspendBand { upTo: number; fundShare: number }
/** A withholding-release band: scores ≥ `minScore` get `share` of the withheld amount back. */
export interface ReleaseBand { minScore: number; share: number }

export interface BudgetParams {
  /** Growth of every base into the budget year, decimal (0.1 = 10%), > −1. */
  growth: number;
  /** Weights of paid_y3, paid_y2, paid_y1 (oldest → newest), each > 0. */
  yearWeights: readonly [number, number, number];
  /** Bands by descending `minScore`, the last at 0; `none`: no score. */
  assessmentFactors: { bands: readonly ScoreBand[]; none: number };
  creditFactors: Readonly<Record<CreditRating | 'none', number>>;
  /** Share of projected pooling income set aside as 调控金 (§4.1), decimal in [0, 1). */
  reserveRate: number;
  /** Share of each quota withheld from monthly prepayment (§5.3), decimal in [0, 1). */
  withholdingRate: number;
  /** Retained savings (§5.4): the fund adds `rewardShare` × (Q − A), at most `rewardCap` × Q. */
  rewardShare: number;
  rewardCap: number;
  /** Shared overspend bands by ascending `upTo` (> 1); beyond the last the fund pays `beyondFundShare`. */
  overspendBands: readonly OverspendBand[];
  beyondFundShare: number;
  /** Release of the withheld amount scaled by assessment score; null = released in full (default). */
  withholdingRelease: { bands: readonly ReleaseBand[]; none: number } | null;
  /** Deviation bands (§5.6): |deviation| ≥ general → 一般, ≥ major → 较大, ≥ severe → 严重. */
  deviationBands: { general: number; major: number; severe: number };
  /** DIP case bands (§5.5) as multiples of the group's standard cost. */
  dipCaseBands: { lowBelow: number; highAbove: number; reviewAbove: number };
  /**
   * Refusing or recovering this many yuan or more at one institution needs a recorded collective
   * decision (集体讨论决定, §5.7): yuan ≥ 0 with at most 2 decimals; default 50,000 元 (seed 001 第二十一条:
   * 不予支付或者追回违规费用5万元（含5万元）以上). Used by collective-decision.ts.
   */
  collectiveDecisionThresholdYuan: number;
}

/** A partial override, as read from a params file: nested objects merge, arrays replace. */
export interface BudgetParamsOverride {
  growth?: number;
  yearWeights?: readonly [number, number, number];
  assessmentFactors?: { bands?: readonly ScoreBand[]; none?: number };
  creditFactors?: Partial<Record<CreditRating | 'none', number>>;
  reserveRate?: number;
  withholdingRate?: number;
  rewardShare?: number;
  rewardCap?: number;
  overspendBands?: readonly OverspendBand[];
  beyondFundShare?: number;
  withholdingRelease?: { bands: readonly ReleaseBand[]; none: number } | null;
  deviationBands?: Partial<BudgetParams['deviationBands']>;
  dipCaseBands?: Partial<BudgetParams['dipCaseBands']>;
  collectiveDecisionThresholdYuan?: number;
}

export const DEFAULT_BUDGET_PARAMS: BudgetParams = {
  growth: 0,
  yearWeights: [1, 2, 7],
  assessmentFactors: {
    bands: [{ minScore: 90, factor: 1.02 }, { minScore: 80, factor: 1.0 }, { minScore: 70, factor: 0.98 }, { minScore: 0, factor: 0.95 }],
    none: 1.0,
  },
  creditFactors: { A: 1.02, B: 1.0, C: 0.97, D: 0.9, none: 1.0 },
  reserveRate: 0.09,
  withholdingRate: 0.01,
  rewardShare: 0.3,
  rewardCap: 0.03,
  overspendBands: [{ upTo: 1.2, fundShare: 0.5 }],
  beyondFundShare: 0,
  withholdingRelease: null,
  deviationBands: { general: 0.05, major: 0.15, severe: 0.3 },
  dipCaseBands: { lowBelow: 0.5, highAbove: 2, reviewAbove: 5 },
  collectiveDecisionThresholdYuan: 50_000,
};

const DIP_SPEC = '国家医疗保障局办公室《按病种分值付费(DIP)技术规范》(医保办发〔2020〕50号)';
const SETTLEMENT_RULE = 'one city\'s 定额 settlement rules (结余留用、超支分担), domain.md §5.4';

/** Where each default of {@link DEFAULT_BUDGET_PARAMS} comes from (domain.md: every default carries its provenance). */
export const BUDGET_PARAMETER_PROVENANCE: Readonly<Record<keyof BudgetParams, { provenance: Provenance; source: string }>> = {
  growth: { provenance: 'assumption', source: 'domain.md §5.2: growth 0 when only a total is given (Yibin 2022 used 10% employee, 1% resident)' },
  yearWeights: { provenance: 'practice', source: `1:2:7 weighting of the last three years, as the DIP budget point value, ${DIP_SPEC}` },
  assessmentFactors: { provenance: 'assumption', source: 'domain.md §5.2 default assessment coefficients' },
  creditFactors: { provenance: 'assumption', source: 'domain.md §5.2 default credit coefficients' },
  reserveRate: { provenance: 'seed', source: '河源市医疗保障基金使用监督管理办法 (seed 001) 第十条(一): 9% of the year\'s fund as 调控金' },
  withholdingRate: { provenance: 'practice', source: 'Yibin 2022: 1% withheld as settlement reserve, domain.md §5.3' },
  rewardShare: { provenance: 'practice', source: SETTLEMENT_RULE },
  rewardCap: { provenance: 'practice', source: SETTLEMENT_RULE },
  overspendBands: { provenance: 'practice', source: SETTLEMENT_RULE },
  beyondFundShare: { provenance: 'practice', source: SETTLEMENT_RULE },
  withholdingRelease: { provenance: 'assumption', source: 'domain.md §5.4: release scaled by score is a regional option, off by default' },
  deviationBands: { provenance: 'practice', source: 'domain.md §5.6: 5% / 15% / 30% (一般 / 较大 / 严重)' },
  dipCaseBands: { provenance: 'official', source: `${DIP_SPEC}: cases below 50% or above 2× are adjusted; the 5× review line is local practice` },
  collectiveDecisionThresholdYuan: {
    provenance: 'seed',
    source: '河源市医疗保障基金使用监督管理办法 (seed 001) 第二十一条: refusing or recovering 50,000 元 or more (含5万元) is decided collectively and recorded',
  },
};

/**
 * Merges an override onto a base parameter set without checking it: nested objects merge key by
 * key, arrays (bands, year weights) replace, `withholdingRelease: null` switches the release off.
 * @example mergeBudgetParams({ deviationBands: { severe: 0.4 } }).deviationBands // => { general: 0.05, major: 0.15, severe: 0.4 }
 */
export function mergeBudgetParams(override: BudgetParamsOverride = {}, base: BudgetParams = DEFAULT_BUDGET_PARAMS): BudgetParams {
  return {
    ...base,
    ...definedOnly(override),
    assessmentFactors: { ...base.assessmentFactors, ...definedOnly(override.assessmentFactors ?? {}) },
    creditFactors: { ...base.creditFactors, ...definedOnly(override.creditFactors ?? {}) },
    deviationBands: { ...base.deviationBands, ...definedOnly(override.deviationBands ?? {}) },
    dipCaseBands: { ...base.dipCaseBands, ...definedOnly(override.dipCaseBands ?? {}) },
  };
}

/**
 * Merges an override onto the defaults ({@link mergeBudgetParams}) and checks the result.
 * @throws Error listing every problem of {@link listBudgetParamProblems}, one per line.
 * @example resolveBudgetParams({ growth: 0.1, creditFactors: { D: 0.8 } }).creditFactors.D // => 0.8
 */
export function resolveBudgetParams(override: BudgetParamsOverride = {}, base: BudgetParams = DEFAULT_BUDGET_PARAMS): BudgetParams {
  const params = mergeBudgetParams(override, base);
  const problems = listBudgetParamProblems(params);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return params;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Every rule a parameter set breaks, as `params.<path> must …, got <value>`: ranges, bands in
 * order, and monotone coefficients (a higher score or better credit never gets a lower factor, so
 * never a lower quota). An empty list means the set is usable.
 * @example listBudgetParamProblems({ ...DEFAULT_BUDGET_PARAMS, growth: -1 }) // => ['params.growth must be a number > -1, got -1']
 */
export function listBudgetParamProblems(p: BudgetParams): string[] {
  const out: string[] = [];
  const num = (v: unknown, path: string, ok: (x: number) => boolean, rule: string): v is number => {
    if (typeof v === 'number' && Number.isFinite(v) && ok(v)) return true;
    // String() for numbers so Infinity and NaN are named (JSON.stringify would print null)
    out.push(`params.${path} must be ${rule}, got ${typeof v === 'number' ? String(v) : JSON.stringify(v)}`);
    return false;
  };
  const rate = (v: unknown, path: string, upToOne: 'below' | 'inclusive') =>
    num(v, path, (x) => x >= 0 && (upToOne === 'below' ? x < 1 : x <= 1), upToOne === 'below' ? 'a decimal from 0 to below 1' : 'a decimal from 0 to 1');
  num(p.growth, 'growth', (x) => x > -1, 'a number > -1');
  if (!Array.isArray(p.yearWeights) || p.yearWeights.length !== 3) out.push(`params.yearWeights must hold 3 numbers [y3, y2, y1], got ${JSON.stringify(p.yearWeights)}`);
  else p.yearWeights.forEach((w, i) => num(w, `yearWeights[${i}]`, (x) => x > 0, 'a number > 0'));
  checkScoreBands(p.assessmentFactors.bands.map((b) => ({ minScore: b.minScore, value: b.factor })), 'assessmentFactors.bands', 'factor', num, out);
  num(p.assessmentFactors.none, 'assessmentFactors.none', (x) => x > 0, 'a number > 0');
  for (const key of [...CREDIT_RATINGS, 'none'] as const) num(p.creditFactors[key], `creditFactors.${key}`, (x) => x > 0, 'a number > 0');
  for (let i = 1; i < CREDIT_RATINGS.length; i++) {
    const better = CREDIT_RATINGS[i - 1] as CreditRating;
    const worse = CREDIT_RATINGS[i] as CreditRating;
    if (p.creditFactors[worse] > p.creditFactors[better]) {
      out.push(`params.creditFactors.${worse} must not exceed the factor of the better rating ${better} (${p.creditFactors[better]}), got ${p.creditFactors[worse]}`);
    }
  }
  rate(p.reserveRate, 'reserveRate', 'below');
  rate(p.withholdingRate, 'withholdingRate', 'below');
  rate(p.rewardShare, 'rewardShare', 'inclusive');
  rate(p.rewardCap, 'rewardCap', 'inclusive');
  let previousEdge = 1;
  p.overspendBands.forEach((b, i) => {
    if (num(b.upTo, `overspendBands[${i}].upTo`, (x) => x > previousEdge, `a multiple of the quota greater than ${i === 0 ? '1' : `the band before it (${previousEdge})`}`)) previousEdge = b.upTo;
    rate(b.fundShare, `overspendBands[${i}].fundShare`, 'inclusive');
  });
  rate(p.beyondFundShare, 'beyondFundShare', 'inclusive');
  if (p.withholdingRelease) {
    checkScoreBands(p.withholdingRelease.bands.map((b) => ({ minScore: b.minScore, value: b.share })), 'withholdingRelease.bands', 'share', num, out, true);
    rate(p.withholdingRelease.none, 'withholdingRelease.none', 'inclusive');
  }
  const d = p.deviationBands;
  num(d.general, 'deviationBands.general', (x) => x > 0, 'a decimal > 0');
  num(d.major, 'deviationBands.major', (x) => x > d.general, `a decimal greater than general (${d.general})`);
  num(d.severe, 'deviationBands.severe', (x) => x > d.major, `a decimal greater than major (${d.major})`);
  const c = p.dipCaseBands;
  num(c.lowBelow, 'dipCaseBands.lowBelow', (x) => x > 0 && x < 1, 'a multiple between 0 and 1');
  num(c.highAbove, 'dipCaseBands.highAbove', (x) => x > 1, 'a multiple greater than 1');
  num(c.reviewAbove, 'dipCaseBands.reviewAbove', (x) => x > c.highAbove, `a multiple greater than highAbove (${c.highAbove})`);
  num(p.collectiveDecisionThresholdYuan, 'collectiveDecisionThresholdYuan', (x) => wholeFenOf(x) !== undefined, THRESHOLD_RULE);
  return out;
}

type NumCheck = (v: unknown, path: string, ok: (x: number) => boolean, rule: string) => boolean;

/** Score bands: minScore strictly falling from band to band, the last at 0; values never rising. */
function checkScoreBands(bands: readonly { minScore: number; value: number }[], path: string, valueName: string, num: NumCheck, out: string[], isShare = false): void {
  if (bands.length === 0) {
    out.push(`params.${path} must hold at least one band, got []`);
    return;
  }
  bands.forEach((b, i) => {
    const prev = bands[i - 1];
    const okScore = num(b.minScore, `${path}[${i}].minScore`, (x) => x >= 0 && x <= 100 && (!prev || x < prev.minScore),
      prev ? `a score below the band before it (${prev.minScore})` : 'a score from 0 to 100');
    if (okScore && i === bands.length - 1 && b.minScore !== 0) out.push(`params.${path}[${i}].minScore must be 0 in the last band, so every score has a ${valueName}, got ${b.minScore}`);
    num(b.value, `${path}[${i}].${valueName}`, (x) => (isShare ? x >= 0 && x <= 1 : x > 0) && (!prev || x <= prev.value),
      `${isShare ? 'a decimal from 0 to 1' : 'a number > 0'}${prev ? ` not above the ${valueName} of the higher band (${prev.value})` : ''}`);
  });
}
