/**
 * The words of the server-rendered reports (PDF and XLSX) in Chinese and English. The client has
 * its own locale files; these documents are made on the server, so their labels live here.
 */
import { DEVIATION_BAND_LABELS, TIER_LABELS, type AlertLevel, type DeviationBand, type StaleReason, type Tier } from '../../models/index.ts';

export type ReportLang = 'zh-CN' | 'en';

const SCHEMES: Record<string, [string, string]> = {
  employee: ['职工医保', 'Employee scheme'],
  resident: ['居民医保', 'Resident scheme'],
  assistance: ['医疗救助', 'Medical assistance'],
  maternity: ['生育保险', 'Maternity insurance'],
  critical_illness: ['大病保险', 'Critical illness insurance'],
  long_term_care: ['长期护理保险', 'Long-term care insurance'],
  all: ['全部险种', 'All schemes'],
};
const ACCOUNTS: Record<string, [string, string]> = {
  pooling: ['统筹基金', 'pooling fund'],
  personal: ['个人账户', 'personal accounts'],
  combined: ['统筹基金与个人账户合计', 'pooling fund and personal accounts'],
};
const LEVELS: Record<AlertLevel, [string, string]> = { critical: ['严重', 'Critical'], high: ['高', 'High'], elevated: ['关注', 'Elevated'], notice: ['提示', 'Notice'] };
const PLAN_STATUSES: Record<string, [string, string]> = { approved: ['已批准', 'approved'], settled: ['已清算', 'settled'] };
/** Why a stochastic run is stale, as the dashboard's tag says it (models/warning stochastic-link.ts). */
const STALE: Record<StaleReason, [string, string]> = {
  newer_data: ['情景校准所用数据早于基金现有数据', "calibrated on data older than the fund's"],
  old_run: ['运行完成于数据期之前 {months} 个月', 'finished {months} months before the data period'],
};
const STALE_SHORT: Record<StaleReason, [string, string]> = {
  newer_data: ['有新数据', 'newer data'],
  old_run: ['运行早 {months} 个月', 'run {months} months old'],
};

const pick = (pair: [string, string] | undefined, lang: ReportLang, fallback: string) => (pair ? pair[lang === 'en' ? 1 : 0] : fallback);

export const schemeLabel = (scheme: string, lang: ReportLang) => pick(SCHEMES[scheme], lang, scheme);
export const accountLabel = (account: string, lang: ReportLang) => pick(ACCOUNTS[account], lang, account);
export const alertLevelLabel = (level: AlertLevel, lang: ReportLang) => LEVELS[level][lang === 'en' ? 1 : 0];
export const tierLabel = (tier: Tier | null, lang: ReportLang) =>
  (tier === null ? (lang === 'en' ? 'no tier' : '无等级') : lang === 'en' ? TIER_LABELS[tier].en : TIER_LABELS[tier].zh);
export const bandLabel = (band: DeviationBand, lang: ReportLang) => DEVIATION_BAND_LABELS[band][lang === 'en' ? 'en' : 'zh'];
export const planStatusLabel = (status: string, lang: ReportLang) => pick(PLAN_STATUSES[status], lang, status);
export const staleLabel = (reason: StaleReason, ageMonths: number, lang: ReportLang) => fill(STALE[reason][lang === 'en' ? 1 : 0], { months: ageMonths });
/** The stale marks as short tags, for the one-page PDF. */
export const staleShortLabel = (reason: StaleReason, ageMonths: number, lang: ReportLang) => fill(STALE_SHORT[reason][lang === 'en' ? 1 : 0], { months: ageMonths });
export const regionLabel = (r: { name: string; nameEn: string | null }, lang: ReportLang) => (lang === 'en' && r.nameEn ? r.nameEn : r.name);

/** A `YYYY-MM` or `YYYY` period as written in the report. */
export function periodLabel(period: string | null, lang: ReportLang): string {
  if (!period) return '—';
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return lang === 'en' ? period : `${m[1]}年${Number(m[2])}月`;
  return lang === 'en' ? period : `${period}年`;
}

export const TEXT = {
  'zh-CN': {
    riskTitle: '医保基金风险报告', disclosureTitle: '医保基金收支情况公开表', asOf: '截至', latest: '最新数据', generated: '生成时间',
    balance: '统筹基金累计结余', payableMonths: '可支付月数', growthIncome: '收入同比', growthExpenditure: '支出同比', fundsPerTier: '各预警等级基金数',
    now: '当前', in12: '12个月后', in24: '24个月后', region: '统筹区', scheme: '险种', account: '账户', tier: '预警等级', level: '级别', reasons: '原因',
    alerts: '预警提示', alertsMore: '另有 {n} 条预警见 XLSX', gridMore: '另有 {n} 个统筹区见 XLSX', grid: '统筹区 × 险种 预警矩阵', months: '个月',
    period: '期间', income: '收入', expenditure: '支出', surplus: '当期结余', closingBalance: '期末累计结余', monthsCovered: '月数', noData: '无数据',
    footer: '可支付月数 = 累计结余 ÷ (近12个月支出 ÷ 12)；分级阈值 {cuts} 个月（人社部发〔2009〕67号）；参数版本 v{version}；+12 / +24 个月为 {method} 方法预测收支中位数路径推算。',
    disclosureNote: '金额单位：万元。依据：《重庆市医疗保障基金监督管理办法》第二十一条、宁夏回族自治区实施《医疗保障基金使用监督管理条例》办法第十一条（定期向社会公布基金收入、支出、结余情况）。下级统筹区基金若已并入上级基金，请勿重复相加。',
    summary: '概况', unitYuan: '元', unitYi: '亿元', unitWan: '万元', percent: '%',
    probabilityRed12: '12个月内红色概率', probabilityRed24: '24个月内红色概率', run: '随机模拟运行', runFinished: '运行完成日期',
    paths: '路径数', stale: '过时标记', staleShort: '已过时：{marks}', probabilityRedHead: '红色概率（12 / 24 个月内）', yearEnds: '至 {y12} / {y24} 年末', runShort: '运行 #{runId}，{date}，{paths} 条路径',
    probabilityNote: '红色概率：该基金情景最新覆盖预警起点的蒙特卡洛运行中，至 P+12 / P+24 所在日历年年末进入红色预警的累计概率（P 为最新数据期）；无运行时为 —。',
    budgetTitle: '超预算定点机构', budgetSheet: '超预算机构', budgetYear: '{year} 年预算', budgetThrough: '截至 {period}', budgetNotMonitored: '尚未导入实际支付',
    noPlan: '暂无已批准的预算方案', noPlanYear: '暂无已批准的 {year} 年预算方案', budgetNone: '没有超预算的机构',
    budgetHeadline: '超预算 {over} 家（一般 {general} · 较大 {major} · 严重 {severe}），合计超支 {amount} 万元；监测 {institutions} 家，正常 {within} 家，低于预算 {under} 家。',
    budgetNote: '偏离率 = (累计实际支付 − 应支额) ÷ 应支额，应支额 = 年度额度 × 已过的季节进度；一般 ≥ 5%，较大 ≥ 15%，严重 ≥ 30%（已批准或已清算的预算方案）。',
    budgetMore: '另有 {n} 家超预算机构见 XLSX', plansMore: '另有 {n} 个预算方案见 XLSX', budgetYearLabel: '预算年度', throughLabel: '监测至',
    institution: '机构', institutionCode: '机构编码', deviation: '偏离率', band: '偏离档次', since: '起始月份', amountOver: '超支金额', quota: '年度额度',
    noExpectation: '无应支额（额度为 0）', regionScheme: '统筹区 · 险种', plan: '预算方案', planId: '方案编号', planVersion: '版本', status: '状态', institutions: '机构数', within: '正常',
    over: '超支', under: '低于预算', overInstitutions: '超预算机构数', totals: '合计', allPlans: '全部方案',
  },
  en: {
    riskTitle: 'Medical insurance fund risk report', disclosureTitle: 'Medical insurance funds: income, expenditure and balance', asOf: 'As of', latest: 'latest data', generated: 'Generated',
    balance: 'Pooling funds, accumulated balance', payableMonths: 'Payable months', growthIncome: 'Income, year on year', growthExpenditure: 'Expenditure, year on year', fundsPerTier: 'Funds per tier',
    now: 'Now', in12: 'In 12 months', in24: 'In 24 months', region: 'Region', scheme: 'Scheme', account: 'Account', tier: 'Tier', level: 'Level', reasons: 'Reasons',
    alerts: 'Alerts', alertsMore: '{n} more alerts in the XLSX', gridMore: '{n} more regions in the XLSX', grid: 'Regions × schemes by tier', months: 'months',
    period: 'Period', income: 'Income', expenditure: 'Expenditure', surplus: 'Surplus of the period', closingBalance: 'Closing balance', monthsCovered: 'Months', noData: 'no data',
    footer: 'Payable months = balance ÷ (last 12 months\' expenditure ÷ 12); tier cut points {cuts} months (MOHRSS 2009 No. 67); parameter set v{version}; +12 / +24 months from the median path of {method} forecasts.',
    disclosureNote: 'Amounts in 10⁴ yuan. Published as Chongqing\'s fund supervision measures (2021) art. 21 and Ningxia\'s implementing measures (2022) art. 11 require: regular public disclosure of income, expenditure and balance. Funds of nested regions may already be inside their parent\'s fund: do not add them twice.',
    summary: 'Summary', unitYuan: 'yuan', unitYi: '10⁸ yuan', unitWan: '10⁴ yuan', percent: '%',
    probabilityRed12: 'P(red) within 12 months', probabilityRed24: 'P(red) within 24 months', run: 'Monte Carlo run', runFinished: 'Run finished',
    paths: 'Paths', stale: 'Stale', staleShort: 'stale: {marks}', probabilityRedHead: 'P(red) within 12 / 24 months', yearEnds: 'by end-{y12} / end-{y24}', runShort: 'run #{runId}, {date}, {paths} paths',
    probabilityNote: 'P(red): from the newest Monte Carlo run of the fund\'s scenario covering the warning\'s origin, the cumulative probability of red by the end of the calendar year containing P+12 / P+24 (P the latest data period); — without a run.',
    budgetTitle: 'Institutions over budget', budgetSheet: 'Over budget', budgetYear: '{year} budget', budgetThrough: 'through {period}', budgetNotMonitored: 'no actual payments imported yet',
    noPlan: 'No approved budget plan yet', noPlanYear: 'No approved budget plan for {year}', budgetNone: 'No institution is over budget',
    budgetHeadline: '{over} institutions over budget (general {general} · major {major} · severe {severe}), {amount} × 10⁴ yuan over in all; {institutions} monitored, {within} within band, {under} under budget.',
    budgetNote: 'Deviation = (actual payments to date − expected) ÷ expected, expected = quota × the seasonal share of the year elapsed; general ≥ 5%, major ≥ 15%, severe ≥ 30% (approved or settled budget plans).',
    budgetMore: '{n} more institutions over budget in the XLSX', plansMore: '{n} more budget plans in the XLSX', budgetYearLabel: 'Budget year', throughLabel: 'Monitored through',
    institution: 'Institution', institutionCode: 'Institution code', deviation: 'Deviation', band: 'Band', since: 'Since', amountOver: 'Amount over', quota: 'Quota',
    noExpectation: 'nothing expected yet (quota 0)', regionScheme: 'Region · scheme', plan: 'Budget plan', planId: 'Plan id', planVersion: 'Version', status: 'Status', institutions: 'Institutions', within: 'Within band',
    over: 'Over', under: 'Under', overInstitutions: 'Institutions over budget', totals: 'Total', allPlans: 'All plans',
  },
} as const;

/** `{name}` placeholders filled from `values`. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
