/**
 * The alerts of the one-page risk report: the most severe alerts with their reasons and, in a column
 * of their own, the stochastic probability of red at 12 / 24 months, the year-ends it is read at, the
 * Monte Carlo run it comes from and its stale marks (dashboard-summary.ts `alertItem`,
 * models/warning stochastic-link.ts).
 *
 * The page has room for a fixed number of text lines here (ALERT_LINES): each row gets the lines its
 * reason needs (an estimate from its characters), never fewer than its other cells take, and the
 * longest reasons give up lines until the rows fit; a reason cut short ends in "…" and is whole in
 * the XLSX. The estimate decides only where a reason is cut, never the page count: every row is at
 * most its allotted lines high (test/server/http/report-budget.test.ts prints the page at the limits).
 */
import type { DashboardSummary } from './dashboard-summary.ts';
import { TEXT, alertLevelLabel, fill, regionLabel, schemeLabel, staleShortLabel, type ReportLang } from './warning-report-labels.ts';
import { escapeHtml } from './pdf.ts';

type Alert = DashboardSummary['alerts'][number];

export const ALERTS_ON_PAGE = 5;
/** Lines of text the alert rows may take together: five rows of four. */
const ALERT_LINES = 20;
/** The probability cell: probabilities, year-ends, run, stale marks; each line cut at this width (CSS px). */
export const PROBABILITY_CELL_PX = 190;
const PROBABILITY_LINES = 4;
/** The region cell: the region's name over the scheme. */
const REGION_LINES = 2;
/** The reason column's width and a character's width in it at 10 px type (CJK full width, Latin about 0.58 em), CSS px. */
const REASON_COLUMN_PX = 280;
const CJK_CHAR_PX = 10;
const LATIN_CHAR_PX = 5.8;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * The stochastic part of a reason text (models/warning reasons.ts: always the last reason, after the
 * tier and the forward entries). The probability column shows it, so the reason column drops it;
 * the XLSX keeps the full text.
 */
const PROBABILITY_REASON: Readonly<Record<ReportLang, string>> = { 'zh-CN': '；随机模拟进入红色预警的概率：', en: '; stochastic probability of red: ' };

function reasonText(a: Alert, lang: ReportLang): string {
  const text = lang === 'en' ? a.reasonEn : a.reasonZh;
  const at = a.stochastic ? text.indexOf(PROBABILITY_REASON[lang]) : -1;
  return at >= 0 ? text.slice(0, at) : text;
}

function estimatedLines(text: string): number {
  let px = 0;
  for (const ch of text) px += CJK.test(ch) ? CJK_CHAR_PX : LATIN_CHAR_PX;
  return Math.max(1, Math.ceil(px / REASON_COLUMN_PX));
}

/** Lines per row: what its reason needs, at least what its other cells take, Σ ≤ ALERT_LINES (rows ≤ ALERTS_ON_PAGE). */
export function reasonLines(texts: readonly string[], floors: readonly number[]): number[] {
  const lines = texts.map((t, i) => Math.max(floors[i] as number, estimatedLines(t)));
  let total = lines.reduce((s, n) => s + n, 0);
  while (total > ALERT_LINES) {
    // a line from the row furthest above its floor's needs: the longest reason
    let k = -1;
    lines.forEach((n, i) => { if (n > (floors[i] as number) && (k < 0 || n > (lines[k] as number))) k = i; });
    if (k < 0) break;
    lines[k] = (lines[k] as number) - 1;
    total -= 1;
  }
  return lines;
}

const probability = (p: number | null) => (p === null ? '—' : `${(p * 100).toFixed(1)}%`);

/**
 * P(red) at 12 / 24 months, the year-ends they are read at (P+12 and P+24 months fall in the two
 * calendar years after P's, for monthly and yearly funds alike), the run and its stale marks; a dash without a run.
 */
function probabilityCell(a: Alert, lang: ReportLang): string {
  const run = a.stochastic;
  if (!run || a.period === null) return '<td class="nowrap muted">—</td>';
  const T = TEXT[lang];
  const year = Number(a.period.slice(0, 4));
  const lines = [
    `<b>${escapeHtml(`${probability(a.probabilityRed12)} / ${probability(a.probabilityRed24)}`)}</b>`,
    `<span class="muted">${escapeHtml(fill(T.yearEnds, { y12: year + 1, y24: year + 2 }))}</span>`,
    `<span class="muted">${escapeHtml(fill(T.runShort, { runId: run.runId, date: run.finishedOn, paths: run.paths.toLocaleString('en') }))}</span>`,
  ];
  if (run.stale.length > 0) {
    const marks = run.stale.map((r) => staleShortLabel(r, run.ageMonths, lang)).join(lang === 'en' ? ', ' : '，');
    lines.push(`<span class="stale">${escapeHtml(fill(T.staleShort, { marks }))}</span>`);
  }
  return `<td class="lines">${lines.map((l) => `<div>${l}</div>`).join('')}</td>`;
}

/** The alerts table of the risk report's page, with the count of those left to the XLSX. */
export function alertsHtml(s: Pick<DashboardSummary, 'alerts' | 'alertTotal'>, lang: ReportLang): string {
  const T = TEXT[lang];
  const shown = s.alerts.slice(0, ALERTS_ON_PAGE);
  const texts = shown.map((a) => reasonText(a, lang));
  const lines = reasonLines(texts, shown.map((a) => (a.stochastic ? PROBABILITY_LINES : REGION_LINES)));
  const rows = shown.map((a, i) => `<tr><td class="nowrap">${escapeHtml(alertLevelLabel(a.level, lang))}</td>`
    + `<td class="name">${escapeHtml(regionLabel({ name: a.regionName, nameEn: a.regionNameEn }, lang))}<br>${escapeHtml(schemeLabel(a.scheme, lang))}</td>`
    + `<td><div class="clip" style="-webkit-line-clamp:${lines[i]}">${escapeHtml(texts[i] as string)}</div></td>${probabilityCell(a, lang)}</tr>`);
  return `<table><thead><tr><th>${escapeHtml(T.level)}</th><th>${escapeHtml(T.region)}</th><th>${escapeHtml(T.reasons)}</th><th>${escapeHtml(T.probabilityRedHead)}</th></tr></thead>`
    + `<tbody>${rows.join('\n')}</tbody></table>`
    + (s.alertTotal > shown.length ? `<div class="note">${escapeHtml(fill(T.alertsMore, { n: s.alertTotal - shown.length }))}</div>` : '');
}
