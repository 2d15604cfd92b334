/**
 * Plain-language reasons for a fund's warning, in Chinese and English, with the numbers behind
 * each: "可支付月数 4.2 个月 < 6：橙色预警；当期收不抵支 3 个月" (issue 5; seed 001 第九条 sets
 * the level from the current-period balance and payable months, so both are explained).
 *
 * The reasons restate decisions already made, never re-decide them: the tier is the exact one of
 * tier.ts, compared as m = B·n / E_w against the fund's cut points (months); the flags and the
 * resident breaches are those of evaluate.ts; forward entries those of forward.ts. Amounts are
 * printed in 亿元 / 万元 / 元 (fen in, two decimals), rates as percentages, payable months with one
 * decimal (more only when one decimal would contradict the comparison: reason-format.ts).
 *
 * Order: tier; the run of deficit periods; the window's deficit; resident breaches; short history;
 * forward entries; the stochastic probability of red, with the run it comes from (id, date, paths, the
 * year-end each value is read at, and why it is stale, if it is). Texts are joined with "；" and "; ".
 *
 * @see domain.md §3.1–3.3 (indicators and tiers), §6.3 (probability of red); 人社部发〔2009〕67号 for the cut points.
 */
import type { FundWarning } from './evaluate.ts';
import type { ForwardPoint, ForwardWarning } from './forward.ts';
import type { WarningParams } from './params.ts';
import type { StaleReason, StochasticSource } from './stochastic-link.ts';
import { countUnit, formatAmountFen, formatCut, formatLimitRate, formatRate, monthsInBand, type MonthsBand } from './reason-format.ts';
import { TIER_LABELS, type Tier } from './tier.ts';

export type ReasonCode =
  | 'tier' | 'consecutive_deficits' | 'current_deficit' | 'resident_surplus_rate' | 'resident_accumulated_ratio'
  | 'short_history' | 'forward' | 'probability_red';

export interface WarningReason {
  code: ReasonCode;
  zh: string;
  en: string;
}

export interface WarningExplanation {
  reasons: WarningReason[];
  /** All reasons joined with "；". */
  zh: string;
  /** All reasons joined with "; ". */
  en: string;
}

export interface ExplainInput {
  warning: Pick<FundWarning, 'tier' | 'payableMonths' | 'flags' | 'consecutiveDeficits' | 'periodKind' | 'windowMonths'
    | 'windowIncomeFen' | 'windowExpenditureFen' | 'denominator' | 'resident'>;
  /** The balance B the payable months were computed from, fen. */
  balanceFen: number;
  /** The fund's resolved parameter set (`resolveParams(params, region, scheme)`). */
  params: Pick<WarningParams, 'thresholds' | 'resident'>;
  forward?: ForwardWarning | null;
}

const tierZh = (tier: Tier) => `${TIER_LABELS[tier].colourZh}${TIER_LABELS[tier].zh}`;
const tierEn = (tier: Tier) => `${tier} (${TIER_LABELS[tier].en})`;

/**
 * @throws never: every input the warning models produce has a reason.
 * @example explainWarning({ warning: { tier: 'orange', payableMonths: 4.2, flags: [], consecutiveDeficits: 3, periodKind: 'month',
 *   windowMonths: 12, windowIncomeFen: 0, windowExpenditureFen: 0, denominator: 'current_year' }, balanceFen: 1,
 *   params: DEFAULT_WARNING_PARAMS }).zh // => '可支付月数 4.2 个月 < 6：橙色预警；当期收不抵支 3 个月'
 */
export function explainWarning(input: ExplainInput): WarningExplanation {
  const { warning: w, params } = input;
  const reasons: WarningReason[] = [tierReason(w.tier, w.payableMonths, input.balanceFen, params.thresholds)];
  const k = w.consecutiveDeficits;
  if (k > 0) {
    reasons.push(w.periodKind === 'year'
      ? { code: 'consecutive_deficits', zh: `当期收不抵支 ${k} 年`, en: `expenditure above income for ${countUnit(k, 'year')} in a row` }
      : { code: 'consecutive_deficits', zh: `当期收不抵支 ${k} 个月`, en: `expenditure above income for ${countUnit(k, 'month')} in a row` });
  }
  if (w.flags.includes('current_deficit')) reasons.push(windowDeficitReason(w));
  const r = w.resident;
  if (r?.surplusRateBreach && r.currentSurplusRate !== null) {
    const rate = formatRate(r.currentSurplusRate);
    const max = formatLimitRate(params.resident.surplusRateMax);
    reasons.push({ code: 'resident_surplus_rate', zh: `当期结余率 ${rate} > ${max}`, en: `current surplus rate ${rate} > ${max}` });
  }
  if (r?.accumulatedRatioBreach && r.accumulatedSurplusRatio !== null) {
    const ratio = formatRate(r.accumulatedSurplusRatio);
    const max = formatLimitRate(params.resident.accumulatedRatioMax);
    reasons.push({ code: 'resident_accumulated_ratio', zh: `累计结余为年收入的 ${ratio} > ${max}`, en: `accumulated surplus ${ratio} of a year's income > ${max}` });
  }
  if (w.flags.includes('short_history')) {
    reasons.push({
      code: 'short_history',
      zh: `历史不足12个月：年支出按已有 ${w.windowMonths} 个月的均值折算`,
      en: `short history: annual expenditure estimated from the mean of ${countUnit(w.windowMonths, 'month')}`,
    });
  }
  if (input.forward) reasons.push(...forwardReasons(input.forward, params.thresholds));
  return { reasons, zh: reasons.map((x) => x.zh).join('；'), en: reasons.map((x) => x.en).join('; ') };
}

/** The band of payable months a tier stands for, for printing m on the right side of its cut points. */
function bandOf(tier: Tier, t: WarningParams['thresholds']): MonthsBand {
  switch (tier) {
    case 'red': return { lo: { value: 0, inclusive: false }, hi: { value: t.redBelow, inclusive: false } };
    case 'orange': return { lo: { value: t.redBelow, inclusive: true }, hi: { value: t.orangeBelow, inclusive: false } };
    case 'green': return { lo: { value: t.orangeBelow, inclusive: true }, hi: { value: t.greenUpTo, inclusive: true } };
    case 'blue': return { lo: { value: t.greenUpTo, inclusive: false }, hi: { value: t.blueUpTo, inclusive: true } };
    case 'purple': return { lo: { value: t.blueUpTo, inclusive: false } };
  }
}

function tierReason(tier: Tier, months: number | null, balanceFen: number, t: WarningParams['thresholds']): WarningReason {
  if (balanceFen <= 0) {
    return { code: 'tier', zh: `累计结余 ${formatAmountFen(balanceFen, 'zh')} ≤ 0：${tierZh(tier)}`, en: `accumulated balance ${formatAmountFen(balanceFen, 'en')} ≤ 0: ${tierEn(tier)}` };
  }
  if (months === null) {
    return {
      code: 'tier',
      zh: `窗口内无支出，累计结余 ${formatAmountFen(balanceFen, 'zh')} > 0：${tierZh(tier)}`,
      en: `no expenditure in the window and a positive balance of ${formatAmountFen(balanceFen, 'en')}: ${tierEn(tier)}`,
    };
  }
  const m = monthsInBand(months, bandOf(tier, t));
  const [rel, cut] = {
    red: ['<', formatCut(t.redBelow)],
    orange: ['<', formatCut(t.orangeBelow)],
    green: ['within', `${formatCut(t.orangeBelow)}–${formatCut(t.greenUpTo)}`],
    blue: ['>', formatCut(t.greenUpTo)],
    purple: ['>', formatCut(t.blueUpTo)],
  }[tier];
  if (rel === 'within') {
    return { code: 'tier', zh: `可支付月数 ${m} 个月，在 ${cut} 之间：${tierZh(tier)}`, en: `payable months ${m}, within ${cut}: ${tierEn(tier)}` };
  }
  return { code: 'tier', zh: `可支付月数 ${m} 个月 ${rel} ${cut}：${tierZh(tier)}`, en: `payable months ${m} ${rel} ${cut}: ${tierEn(tier)}` };
}

function windowDeficitReason(w: ExplainInput['warning']): WarningReason {
  const amounts = (lang: 'zh' | 'en') => lang === 'zh'
    ? `收入 ${formatAmountFen(w.windowIncomeFen, 'zh')} < 支出 ${formatAmountFen(w.windowExpenditureFen, 'zh')}`
    : `${formatAmountFen(w.windowIncomeFen, 'en')} < ${formatAmountFen(w.windowExpenditureFen, 'en')}`;
  const n = w.windowMonths;
  let zh: string;
  let en: string;
  if (w.periodKind === 'year') {
    [zh, en] = ['当年收不抵支', 'income below expenditure in the year'];
  } else if (w.denominator === 'year_to_date') {
    [zh, en] = [`本年前 ${n} 个月收不抵支`, `income below expenditure in the first ${countUnit(n, 'month')} of the year`];
  } else if (n === 12) {
    [zh, en] = ['近12个月收不抵支', 'income below expenditure over the last 12 months'];
  } else {
    [zh, en] = [`近12个月（有数据的 ${n} 个月）收不抵支`, `income below expenditure over the last 12 months (${countUnit(n, 'month')} with data)`];
  }
  return { code: 'current_deficit', zh: `${zh}：${amounts('zh')}`, en: `${en}: ${amounts('en')}` };
}

function forwardReasons(f: ForwardWarning, t: WarningParams['thresholds']): WarningReason[] {
  const out: WarningReason[] = [];
  const entries: ForwardPoint[] = [];
  // a first warning period that is already red is told once, as the red entry
  if (f.warningEntry && f.warningEntry.period !== f.redEntry?.period) entries.push(f.warningEntry);
  if (f.redEntry) entries.push(f.redEntry);
  for (const e of entries) {
    const yearly = f.origin.periodKind === 'year';
    const k = yearly ? e.monthsAhead / 12 : e.monthsAhead;
    const aheadZh = yearly ? `${k} 年后` : `${k} 个月后`;
    const aheadEn = yearly ? `in ${countUnit(k, 'year')}` : `in ${countUnit(k, 'month')}`;
    const exhausted = e.balanceFen <= 0 || e.payableMonths === null;
    const whatZh = exhausted ? '累计结余耗尽' : `可支付月数 ${monthsInBand(e.payableMonths as number, bandOf(e.tier, t))} 个月`;
    const whatEn = exhausted ? 'the balance is exhausted' : `payable months ${monthsInBand(e.payableMonths as number, bandOf(e.tier, t))}`;
    out.push({ code: 'forward', zh: `预测 ${aheadZh}（${e.period}）${whatZh}：${tierZh(e.tier)}`, en: `forecast: ${aheadEn} (${e.period}) ${whatEn}: ${tierEn(e.tier)}` });
  }
  const probability = probabilityReason(f);
  if (probability) out.push(probability);
  return out;
}

const STALE_TEXT: Record<StaleReason, { zh: (s: StochasticSource, origin: string) => string; en: (s: StochasticSource, origin: string) => string }> = {
  newer_data: {
    zh: () => '情景校准所用数据早于基金现有数据',
    en: () => "the scenario was calibrated on data older than the fund's",
  },
  old_run: {
    zh: (s, origin) => `运行完成于数据期 ${origin} 之前 ${s.ageMonths} 个月`,
    en: (s, origin) => `the run finished ${countUnit(s.ageMonths, 'month')} before the data period ${origin}`,
  },
};

/**
 * The stochastic probability of red per horizon. With the run named (stochastic-link.ts), each
 * value says the year-end it is read at (the year of the horizon's last path period), the run's
 * id, date and paths follow, and a stale run says why.
 */
function probabilityReason(f: ForwardWarning): WarningReason | null {
  const source = f.stochastic;
  const shown = source ? f.horizons : f.horizons.filter((h) => h.probabilityRed !== null);
  if (shown.length === 0 || shown.every((h) => h.probabilityRed === null)) return null;
  const yearOf = (months: number) => f.path.filter((p) => p.monthsAhead <= months).at(-1)?.period.slice(0, 4) ?? '';
  const zh = shown.map((h) => {
    if (h.probabilityRed === null) return `${h.months} 个月内 模拟未覆盖`;
    return `${h.months} 个月内 ${formatRate(h.probabilityRed)}${source ? `（至 ${yearOf(h.months)} 年末）` : ''}`;
  });
  const en = shown.map((h) => {
    if (h.probabilityRed === null) return `not covered by the run within ${h.months} months`;
    return `${formatRate(h.probabilityRed)} within ${h.months} months${source ? ` (by end-${yearOf(h.months)})` : ''}`;
  });
  let textZh = `随机模拟进入红色预警的概率：${zh.join('，')}`;
  let textEn = `stochastic probability of red: ${en.join(', ')}`;
  if (source) {
    textZh += `；来源：随机模拟运行 #${source.runId}（${source.finishedOn} 完成，${source.paths} 条路径）`;
    textEn += `; source: Monte Carlo run #${source.runId} (finished ${source.finishedOn}, ${source.paths} paths)`;
    if (source.stale.length > 0) {
      textZh += `；该运行已过时：${source.stale.map((r) => STALE_TEXT[r].zh(source, f.origin.period)).join('，')}`;
      textEn += `; stale run: ${source.stale.map((r) => STALE_TEXT[r].en(source, f.origin.period)).join(', ')}`;
    }
  }
  return { code: 'probability_red', zh: textZh, en: textEn };
}
