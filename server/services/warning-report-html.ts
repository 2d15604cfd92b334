/**
 * The reports as self-contained HTML for headless chromium to print: a one-page risk report per
 * region (KPIs, the most urgent rows of the grid, the most severe alerts with their stochastic
 * probability of red and the run it comes from, the institutions over budget, the rules behind
 * them) and the disclosure table. Every text is escaped; no script, no external resource.
 */
import type { Tier } from '../../models/index.ts';
import type { DashboardSummary } from './dashboard-summary.ts';
import type { DisclosureData } from './warning-report-data.ts';
import {
  TEXT, accountLabel, fill, periodLabel, regionLabel, schemeLabel, tierLabel, type ReportLang,
} from './warning-report-labels.ts';
import { alertsHtml, PROBABILITY_CELL_PX } from './warning-report-alerts.ts';
import { budgetHtml } from './warning-report-budget.ts';
import { escapeHtml } from './pdf.ts';

/** The tier colours of the app (client/src/lib/theme.ts), so a printed report reads like the screen. */
const TIER_COLORS: Readonly<Record<Tier, string>> = { red: '#cf1322', orange: '#fa8c16', green: '#389e0d', blue: '#1677ff', purple: '#722ed1' };
const MUTED = '#8c8c8c';
/**
 * What fits one A4 landscape page beside the alerts (warning-report-alerts.ts) and above the budget
 * section: every grid row is one line (names are cut with an ellipsis at NAME_CELL_PX); the XLSX has
 * every row in full (test/server/http/report-budget.test.ts prints the page at these limits).
 */
const GRID_ROWS_ON_PAGE = 12;
const NAME_CELL_PX = 110;

const months = (m: number | null, lang: ReportLang) => (m === null ? '—' : `${m.toFixed(1)}${lang === 'en' ? '' : ' 个月'}`);
const percent = (r: number | null) => (r === null ? '—' : `${r > 0 ? '+' : ''}${(r * 100).toFixed(1)}%`);
const yi = (yuan: number) => (yuan / 1e8).toFixed(2);

function page(title: string, body: string, landscape: boolean): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: 12mm; }
body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif; font-size: 10px; color: #1f1f1f; margin: 0; }
h1 { font-size: 18px; margin: 0 0 2px; } h2 { font-size: 13px; margin: 10px 0 4px; }
.meta { color: ${MUTED}; margin-bottom: 8px; }
.kpis { display: flex; gap: 8px; } .kpi { flex: 1; border: 1px solid #d9d9d9; border-radius: 4px; padding: 6px 8px; }
.kpi .label { color: ${MUTED}; } .kpi .value { font-size: 18px; font-weight: 600; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #d9d9d9; padding: 3px 5px; text-align: left; vertical-align: top; }
th { background: #fafafa; } td.nowrap { white-space: nowrap; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.tier { color: #fff; text-align: center; border-radius: 3px; } .note { color: ${MUTED}; margin-top: 8px; }
.cols { display: flex; gap: 12px; } .cols > div { flex: 1; min-width: 0; } .cols > div.wide { flex: 1.5; }
.muted { color: ${MUTED}; } .stale { color: #d46b08; } .headline { margin-bottom: 3px; } .empty { color: ${MUTED}; padding: 4px 0; }
.risk { line-height: 1.3; } .risk h2 { margin: 7px 0 3px; } .risk th, .risk td { padding: 2px 4px; } .risk .note { margin-top: 3px; }
.risk .kpi { padding: 4px 8px; } .risk .meta { margin-bottom: 6px; } .risk .foot { font-size: 9px; margin-top: 6px; }
td.tier { white-space: nowrap; }
td.name { max-width: ${NAME_CELL_PX}px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
table.fixed { table-layout: fixed; } table.fixed td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.clip { display: -webkit-box; -webkit-box-orient: vertical; overflow: hidden; }
td.lines > div { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: ${PROBABILITY_CELL_PX}px; }
</style></head><body>${body}</body></html>`;
}

function tierCell(tier: Tier | null, text: string): string {
  return tier ? `<td class="tier" style="background:${TIER_COLORS[tier]}">${escapeHtml(text)}</td>` : `<td>${escapeHtml(text)}</td>`;
}

export function riskReportHtml(s: DashboardSummary, lang: ReportLang, generatedAt: string): string {
  const T = TEXT[lang];
  const all = s.kpis.schemes.find((x) => x.scheme === 'all');
  const focus = s.focus ? regionLabel(s.focus, lang) : '—';
  const title = `${focus} · ${T.riskTitle}`;
  const tierCounts = (['now', 'in12', 'in24'] as const).map((h) => `${T[h]}: ${(['red', 'orange', 'green', 'blue', 'purple'] as const)
    .map((t) => `<span style="color:${TIER_COLORS[t]}">${escapeHtml(tierLabel(t, lang))} ${s.kpis.tiers[h][t]}</span>`).join(' ')}`).join('<br>');
  const kpis = `<div class="kpis">
<div class="kpi"><div class="label">${escapeHtml(T.balance)} (${escapeHtml(T.unitYi)})</div><div class="value">${all ? yi(all.balanceYuan) : '—'}</div></div>
<div class="kpi"><div class="label">${escapeHtml(T.payableMonths)}</div><div class="value" style="color:${all ? TIER_COLORS[all.tier] : MUTED}">${escapeHtml(months(all?.payableMonths ?? null, lang))}${lang === 'en' ? ' months' : ''} (${all ? escapeHtml(tierLabel(all.tier, lang)) : '—'})</div>
${s.kpis.schemes.filter((x) => x.scheme !== 'all').map((x) => `${escapeHtml(schemeLabel(x.scheme, lang))} ${escapeHtml(months(x.payableMonths, lang))}`).join(' · ')}</div>
<div class="kpi"><div class="label">${escapeHtml(T.growthIncome)} / ${escapeHtml(T.growthExpenditure)}</div><div class="value">${percent(all?.incomeYoY ?? null)} / ${percent(all?.expenditureYoY ?? null)}</div></div>
<div class="kpi" style="flex:2.4"><div class="label">${escapeHtml(T.fundsPerTier)}</div>${tierCounts}</div>
</div>`;
  const rows = s.grid.slice(0, GRID_ROWS_ON_PAGE);
  const grid = `<table><thead><tr><th rowspan="2">${escapeHtml(T.region)}</th>${s.schemes.map((x) => `<th colspan="3">${escapeHtml(schemeLabel(x, lang))}</th>`).join('')}</tr>
<tr>${s.schemes.map(() => `<th>${escapeHtml(T.now)}</th><th>${escapeHtml(T.in12)}</th><th>${escapeHtml(T.in24)}</th>`).join('')}</tr></thead><tbody>
${rows.map((r) => `<tr><td class="name">${escapeHtml(regionLabel(r, lang))}</td>${s.schemes.map((x) => {
    const c = r.cells[x];
    if (!c) return '<td>—</td><td>—</td><td>—</td>';
    return tierCell(c.tier, months(c.payableMonths, lang)) + tierCell(c.tier12, months(c.months12, lang)) + tierCell(c.tier24, months(c.months24, lang));
  }).join('')}</tr>`).join('\n')}</tbody></table>${s.gridTotal > rows.length ? `<div class="note">${escapeHtml(fill(T.gridMore, { n: s.gridTotal - rows.length }))}</div>` : ''}`;
  const alerts = alertsHtml(s, lang);
  const t = s.thresholds;
  const footer = fill(T.footer, { cuts: `${t.redBelow} / ${t.orangeBelow} / ${t.greenUpTo} / ${t.blueUpTo}`, version: s.parameterVersion, method: s.forecastMethod });
  const body = `<h1>${escapeHtml(title)}</h1>
<div class="meta">${escapeHtml(T.asOf)} ${escapeHtml(s.asOf ? periodLabel(s.asOf, lang) : `${periodLabel(s.latestPeriod, lang)} (${T.latest})`)} · ${escapeHtml(T.generated)} ${escapeHtml(generatedAt)}</div>
${kpis}<div class="cols"><div><h2>${escapeHtml(T.grid)}</h2>${grid}</div><div class="wide"><h2>${escapeHtml(T.alerts)}</h2>${alerts}</div></div>
${budgetHtml(s.budget, lang, wanText)}
<div class="note foot">${escapeHtml(footer)} ${escapeHtml(T.probabilityNote)} ${escapeHtml(T.budgetNote)}</div>`;
  return page(title, `<div class="risk">${body}</div>`, true);
}

const GROUPING = /\B(?=(\d{3})+(?!\d))/g;

/** Fen as 万元 with two decimals and thousands separators, rounded half away from zero to 0.01 万元 (100 元). */
export function wanText(fen: number | null): string {
  if (fen === null) return '—';
  const hundreds = Math.round(Math.abs(fen) / 10_000);
  const text = `${Math.floor(hundreds / 100)}`.replace(GROUPING, ',') + `.${String(hundreds % 100).padStart(2, '0')}`;
  return fen < 0 && hundreds > 0 ? `-${text}` : text;
}

export function disclosureHtml(d: DisclosureData, lang: ReportLang, generatedAt: string): string {
  const T = TEXT[lang];
  const title = `${d.focus ? regionLabel(d.focus, lang) : '—'} · ${T.disclosureTitle} · ${d.year ?? '—'}`;
  const head = [T.region, T.scheme, T.period, `${T.income} (${T.unitWan})`, `${T.expenditure} (${T.unitWan})`, `${T.surplus} (${T.unitWan})`, `${T.closingBalance} (${T.unitWan})`];
  const rows = d.rows.map((r) => `<tr><td>${escapeHtml(regionLabel(r, lang))}</td><td>${escapeHtml(`${schemeLabel(r.scheme, lang)} · ${accountLabel(r.account, lang)}`)}</td>
<td>${escapeHtml(r.months === 0 ? T.noData : r.firstPeriod === r.lastPeriod ? periodLabel(r.lastPeriod, lang) : `${periodLabel(r.firstPeriod, lang)} – ${periodLabel(r.lastPeriod, lang)}`)}</td>
<td class="num">${wanText(r.incomeFen)}</td><td class="num">${wanText(r.expenditureFen)}</td><td class="num">${wanText(r.surplusFen)}</td><td class="num">${wanText(r.balanceFen)}</td></tr>`).join('\n');
  const body = `<h1>${escapeHtml(title)}</h1><div class="meta">${escapeHtml(T.generated)} ${escapeHtml(generatedAt)}</div>
<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>
<div class="note">${escapeHtml(T.disclosureNote)}</div>`;
  return page(title, body, false);
}
