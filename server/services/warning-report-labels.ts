/**
 * The words of the server-rendered reports (PDF and XLSX) in Chinese and English. The client has
 * its own locale files; these documents are made on the server, so their labels live here.
 */
import { TIER_LABELS, type AlertLevel, type Tier } from '../../models/index.ts';

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

const pick = (pair: [string, string] | undefined, lang: ReportLang, fallback: string) => (pair ? pair[lang === 'en' ? 1 : 0] : fallback);

export const schemeLabel = (scheme: string, lang: ReportLang) => pick(SCHEMES[scheme], lang, scheme);
export const accountLabel = (account: string, lang: ReportLang) => pick(ACCOUNTS[account], lang, account);
export const alertLevelLabel = (level: AlertLevel, lang: ReportLang) => LEVELS[level][lang === 'en' ? 1 : 0];
export const tierLabel = (tier: Tier | null, lang: ReportLang) =>
  (tier === null ? (lang === 'en' ? 'no tier' : '无等级') : lang === 'en' ? TIER_LABELS[tier].en : TIER_LABELS[tier].zh);
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
  },
} as const;

/** `{name}` placeholders filled from `values`. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
