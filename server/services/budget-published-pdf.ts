/**
 * The published list of institution budgets as an A4 public notice (seed 000 第二十四条: 经办机构
 * 确定定点医药机构的医疗保障基金预算金额，并定期向社会公开): a title with the plan year, the
 * region, scheme, version and approval time and the money unit in the header, then every
 * institution with its approved budget and a total, printed by headless chromium (pdf.ts) with the
 * header row repeated and "page / pages" on every page. Money is exact decimal text from fen.
 * Only an approved (or approved and settled) plan is published: a draft is not final, and a
 * superseded version would publish figures that no longer hold.
 */
import type { Db } from '../db/client.ts';
import { publishedList } from './budget-detail.ts';
import { planInStatus } from './budget-plans.ts';
import { fenToUnitText } from './export-table.ts';
import { escapeHtml, htmlToPdf } from './pdf.ts';
import { schemeLabel } from './warning-report-labels.ts';

export type PublishedLang = 'zh' | 'en';
export type PublishedUnit = 'yuan' | 'wan';
export type PublishedData = Awaited<ReturnType<typeof publishedList>>;

/** China keeps one time zone without daylight saving, so Beijing time is UTC + 8 h all year. */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

const TEXT = {
  zh: {
    title: (year: number) => `${year}年度 定点医药机构医保基金预算公示`,
    region: '统筹区', scheme: '险种', year: '预算年度', version: (v: number, id: number) => `第 ${v} 版（预算方案 ${id}）`, versionLabel: '版本',
    approved: '批准时间', beijing: '（北京时间）', unitLabel: '金额单位', unit: { yuan: '元', wan: '万元' }, unitIn: (u: string) => `（${u}）`,
    columns: ['序号', '机构编码', '机构名称', '类型', '统筹区', '年度预算额度', '备注'],
    type: { hospital: '医院', primary_care: '基层医疗机构', pharmacy: '定点药店' } as Record<string, string>,
    level: (l: number) => `${['', '一', '二', '三'][l] ?? l}级`,
    status: { active: '', suspended: '中止协议', terminated: '解除协议' } as Record<string, string>,
    total: (n: number) => `合计（${n} 家机构）`,
    summary: (total: string, allocated: string, unallocated: string, unit: string) => `预算总额 ${total} ${unit}，其中分配至机构 ${allocated} ${unit}，未分配 ${unallocated} ${unit}。`,
    basis: '依据《重庆市医疗保障基金监督管理办法》第二十四条：医疗保障经办机构按照保障基本、科学合理、激励约束的原则确定定点医药机构的医疗保障基金预算金额，并定期向社会公开。',
    sep: '：',
  },
  en: {
    title: (year: number) => `${year} fund budgets of designated medical institutions: public notice`,
    region: 'Region', scheme: 'Scheme', year: 'Budget year', version: (v: number, id: number) => `version ${v} (budget plan ${id})`, versionLabel: 'Version',
    approved: 'Approved', beijing: ' (UTC+8)', unitLabel: 'Amounts in', unit: { yuan: 'yuan', wan: '10⁴ yuan' }, unitIn: (u: string) => ` (${u})`,
    columns: ['No.', 'Code', 'Institution', 'Type', 'Region', 'Annual budget', 'Remarks'],
    type: { hospital: 'hospital', primary_care: 'primary care', pharmacy: 'pharmacy' } as Record<string, string>,
    level: (l: number) => `level ${l}`,
    status: { active: '', suspended: 'suspended', terminated: 'terminated' } as Record<string, string>,
    total: (n: number) => `Total (${n} institutions)`,
    summary: (total: string, allocated: string, unallocated: string, unit: string) => `Total budget ${total} ${unit}: ${allocated} ${unit} allocated to institutions, ${unallocated} ${unit} unallocated.`,
    basis: 'Published as the Chongqing Medical Security Fund Supervision Measures (2021), art. 24, require: the agency sets each designated institution\'s fund budget and makes it public regularly.',
    sep: ': ',
  },
} as const;

const toFen = (yuan: number) => Math.round(yuan * 100);

/** Exact decimal text of fen in the unit with thousands separators: 50960000 fen → "509,600.00" (元) or "50.96" (万元). */
export function groupedUnitText(fen: number, unit: PublishedUnit): string {
  const [whole = '', fraction = ''] = fenToUnitText(fen, unit).split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
}

/** An ISO instant as `YYYY-MM-DD HH:MM` Beijing time. */
export function beijingMinute(iso: string): string {
  return new Date(Date.parse(iso) + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The notice as self-contained HTML (no script, no external resource; every text escaped). */
export function publishedListHtml(data: PublishedData, options: { unit: PublishedUnit; lang: PublishedLang }): string {
  const T = TEXT[options.lang];
  const p = data.plan;
  const unit = T.unit[options.unit];
  const money = (fen: number) => groupedUnitText(fen, options.unit);
  const region = options.lang === 'en' && p.regionNameEn ? p.regionNameEn : p.regionName;
  const title = T.title(p.year);
  const meta = [
    [T.region, region], [T.scheme, schemeLabel(p.scheme, options.lang === 'en' ? 'en' : 'zh-CN')], [T.year, String(p.year)],
    [T.versionLabel, T.version(p.version, p.id)], [T.approved, p.approvedAt ? `${beijingMinute(p.approvedAt)}${T.beijing}` : '—'], [T.unitLabel, unit],
  ].map(([label, value]) => `<span>${escapeHtml(`${label}${T.sep}${value}`)}</span>`).join('');
  const head = T.columns.map((c, i) => (i === 5 ? `<th class="num">${escapeHtml(`${c}${T.unitIn(unit)}`)}</th>` : `<th>${escapeHtml(c)}</th>`)).join('');
  const body = data.rows.map((r, i) => {
    const type = [T.type[r.type] ?? r.type, r.level === null ? '' : T.level(r.level)].filter(Boolean).join(' ');
    return `<tr><td class="num">${i + 1}</td><td class="nowrap">${escapeHtml(r.code)}</td><td>${escapeHtml(r.name)}</td><td class="nowrap">${escapeHtml(type)}</td>`
      + `<td class="nowrap">${escapeHtml(r.regionName)}</td><td class="num">${money(toFen(r.quotaYuan))}</td><td class="nowrap">${escapeHtml(T.status[r.status] ?? r.status)}</td></tr>`;
  }).join('\n');
  const sumFen = data.rows.reduce((s, r) => s + toFen(r.quotaYuan), 0);
  const total = `<tr class="total"><td colspan="5">${escapeHtml(T.total(data.rows.length))}</td><td class="num">${money(sumFen)}</td><td></td></tr>`;
  const summary = p.totalYuan === null ? '' : `<p>${escapeHtml(T.summary(money(toFen(p.totalYuan)), money(sumFen), money(toFen(p.unallocatedYuan ?? 0)), unit))}</p>`;
  return `<!doctype html><html lang="${options.lang === 'en' ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
@page { size: A4 portrait; }
body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif; font-size: 10px; color: #1f1f1f; margin: 0; }
h1 { font-size: 17px; text-align: center; margin: 0 0 6px; }
.meta { display: flex; flex-wrap: wrap; gap: 2px 14px; justify-content: center; color: #434343; margin-bottom: 8px; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #bfbfbf; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #f5f5f5; } tr { break-inside: avoid; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; } .nowrap { white-space: nowrap; }
tr.total td { font-weight: 600; background: #fafafa; }
p { margin: 8px 0 0; line-height: 1.5; } p.basis { color: #8c8c8c; }
</style></head><body><h1>${escapeHtml(title)}</h1><div class="meta">${meta}</div>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
${total}</tbody></table>${summary}<p class="basis">${escapeHtml(T.basis)}</p></body></html>`;
}

/**
 * The PDF of a plan's published list, in the unit and language asked.
 * @throws DomainError CONFLICT `budget plan <id> (<year> <scheme>, version <v>) is <status>: the published PDF needs a plan that is approved or settled`,
 *   NOT_FOUND / FORBIDDEN from loading the plan.
 */
export async function publishedListPdf(db: Db, scope: Set<number> | null, planId: number, options: { unit: PublishedUnit; lang: PublishedLang }): Promise<Buffer> {
  await planInStatus(db, scope, planId, ['approved', 'settled'], 'the published PDF');
  const data = await publishedList(db, scope, planId);
  const region = options.lang === 'en' && data.plan.regionNameEn ? data.plan.regionNameEn : data.plan.regionName;
  return htmlToPdf(publishedListHtml(data, options), { footer: `${region} · ${TEXT[options.lang].title(data.plan.year)}` });
}
