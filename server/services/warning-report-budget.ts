/**
 * The budget part of the risk report (dashboard-budget.ts, domain.md §5.6): institutions over their
 * budget from the approved or settled plans of the budget year, the counts per deviation band per
 * plan, and the institutions furthest over budget with the amount over. On the one-page PDF: a
 * headline, the first institutions and plans (the order of the dashboard); in the XLSX: one sheet
 * with the totals, every plan and every institution over budget, money in yuan exact to the fen.
 * Without an approved plan both say so in one line.
 */
import type ExcelJS from 'exceljs';
import type { DeviationBand } from '../../models/index.ts';
import type { DashboardBudget } from './dashboard-budget.ts';
import { escapeHtml } from './pdf.ts';
import { TEXT, bandLabel, fill, periodLabel, planStatusLabel, regionLabel, schemeLabel, type ReportLang } from './warning-report-labels.ts';

type Band = Exclude<DeviationBand, 'none'>;
const BANDS: readonly Band[] = ['general', 'major', 'severe'];
/** The dashboard's band colours (client deviation-colors.ts: severe red, major orange, general antd gold). */
const BAND_COLORS: Readonly<Record<Band, string>> = { severe: '#cf1322', major: '#fa8c16', general: '#d48806' };
/** What fits one A4 landscape page below the grid and the alerts. */
const INSTITUTIONS_ON_PAGE = 5;
const PLANS_ON_PAGE = 4;
/** A yuan amount of the budget part (exact to the fen as a double) back in fen. */
const fen = (yuan: number) => Math.round(yuan * 100);
/** Percent to 0.1 with its sign, as the dashboard shows a deviation. */
const signedPercent = (x: number) => `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

/** The section's heading: the budget year and the month monitored to, when there are any. */
export function budgetHeading(b: DashboardBudget, lang: ReportLang): string {
  const T = TEXT[lang];
  const parts = [b.year === null ? null : fill(T.budgetYear, { year: b.year }), b.throughPeriod ? fill(T.budgetThrough, { period: periodLabel(b.throughPeriod, lang) }) : null].filter(Boolean);
  if (parts.length === 0) return T.budgetTitle;
  return lang === 'en' ? `${T.budgetTitle} (${parts.join(', ')})` : `${T.budgetTitle}（${parts.join('，')}）`;
}

/** The one line shown instead of the section when no approved or settled plan is in view. */
export function budgetEmptyLine(b: DashboardBudget, lang: ReportLang): string | null {
  if (b.planTotal > 0) return null;
  return b.year === null ? TEXT[lang].noPlan : fill(TEXT[lang].noPlanYear, { year: b.year });
}

/**
 * A table of fixed column widths (percent of its half of the page): a cell never widens its column,
 * long text ends in an ellipsis, so the section's height and width are known whatever the names.
 */
function fixedTable(widths: readonly number[], head: readonly string[], rows: readonly string[][]): string {
  return `<table class="fixed"><colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>`
    + `<thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`
    + `<tbody>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('\n')}</tbody></table>`;
}

const td = (html: string, cls = '') => `<td${cls ? ` class="${cls}"` : ''}>${html}</td>`;

/** `wan` formats fen as 万元 (warning-report-html.ts `wanText`, passed in to keep one formatter). */
export function budgetHtml(b: DashboardBudget, lang: ReportLang, wan: (fen: number) => string): string {
  const T = TEXT[lang];
  const heading = `<h2>${escapeHtml(budgetHeading(b, lang))}</h2>`;
  const empty = budgetEmptyLine(b, lang);
  if (empty !== null) return `${heading}<div class="empty">${escapeHtml(empty)}</div>`;
  const t = b.totals;
  const headline = fill(T.budgetHeadline, {
    over: t.overInstitutions, general: t.over.general, major: t.over.major, severe: t.over.severe,
    amount: wan(fen(t.overYuan)), institutions: t.institutions, within: t.within, under: t.under.general + t.under.major + t.under.severe,
  });
  const coloured = (band: Band, text: string) => `<span style="color:${BAND_COLORS[band]};font-weight:600">${escapeHtml(text)}</span>`;
  const amountHead = `${T.amountOver} (${T.unitWan})`;

  const shown = b.overBudget.slice(0, INSTITUTIONS_ON_PAGE);
  const institutions = shown.length === 0 ? `<div class="empty">${escapeHtml(T.budgetNone)}</div>` : fixedTable(
    [31, 21, 18, 14, 16], [T.institution, T.regionScheme, T.deviation, T.since, amountHead],
    shown.map((r) => [
      td(escapeHtml(`${r.code} ${r.name}`)),
      td(escapeHtml(`${regionLabel({ name: r.regionName, nameEn: r.regionNameEn }, lang)} · ${schemeLabel(r.scheme, lang)}`)),
      td(`${escapeHtml(r.deviation === null ? '—' : signedPercent(r.deviation))} ${coloured(r.band, bandLabel(r.band, lang))}`),
      td(escapeHtml(periodLabel(r.since, lang))),
      td(wan(fen(r.overYuan)), 'num'),
    ]),
  ) + (b.overBudgetTotal > shown.length ? `<div class="note">${escapeHtml(fill(T.budgetMore, { n: b.overBudgetTotal - shown.length }))}</div>` : '');

  const plans = b.plans.slice(0, PLANS_ON_PAGE);
  const bands = BANDS.map((band) => bandLabel(band, lang)).join(' / ');
  const counts = (c: Record<Band, number>) => BANDS.map((band) => (c[band] > 0 ? coloured(band, String(c[band])) : '0')).join(' / ');
  const planTable = fixedTable(
    [28, 12, 10, 17, 18, 15], [T.plan, T.institutions, T.within, `${T.over} (${bands})`, `${T.under} (${bands})`, amountHead],
    plans.map((p) => [
      td(escapeHtml(`${regionLabel(p, lang)} · ${schemeLabel(p.scheme, lang)}`) + (p.throughPeriod === null ? ` <span class="muted">(${escapeHtml(T.budgetNotMonitored)})</span>` : '')),
      td(String(p.institutions), 'num'), td(String(p.within), 'num'), td(counts(p.over), 'num'), td(counts(p.under), 'num'), td(wan(fen(p.overYuan)), 'num'),
    ]),
  ) + (b.planTotal > plans.length ? `<div class="note">${escapeHtml(fill(T.plansMore, { n: b.planTotal - plans.length }))}</div>` : '');
  return `${heading}<div class="headline">${escapeHtml(headline)}</div><div class="cols"><div>${institutions}</div><div>${planTable}</div></div>`;
}

/** A decimal shown as a percent with one decimal: the exact value stays in the cell. */
export const PERCENT_FORMAT = '0.0%';
/** Yuan shown with separators and two decimals: the cell holds the amount exact to the fen. */
const YUAN_FORMAT = '#,##0.00';
/** Widest block of the sheet (the plans) and its column widths, in characters. */
const SHEET_COLUMNS = 15;
const NAME_COLUMN_CHARS = 24;
const NUMBER_COLUMN_CHARS = 16;
const formatCells = (row: ExcelJS.Row, columns: readonly number[], numFmt: string) => columns.forEach((c) => { row.getCell(c).numFmt = numFmt; });

/** The budget sheet of the risk report's workbook: the totals, every plan, every institution over budget. */
export function addBudgetSheet(book: ExcelJS.Workbook, b: DashboardBudget, lang: ReportLang): void {
  const T = TEXT[lang];
  const sheet = book.addWorksheet(T.budgetSheet);
  // names in the first two columns; the rest room for 1,234,567,890.12 (an over-budget sum in yuan)
  for (let c = 1; c <= SHEET_COLUMNS; c++) sheet.getColumn(c).width = c <= 2 ? NAME_COLUMN_CHARS : NUMBER_COLUMN_CHARS;
  sheet.addRow([budgetHeading(b, lang)]).font = { bold: true };
  const empty = budgetEmptyLine(b, lang);
  if (empty !== null) {
    sheet.addRow([empty]);
    return;
  }
  sheet.addRow([T.budgetYearLabel, b.year]);
  sheet.addRow([T.throughLabel, periodLabel(b.throughPeriod, lang)]);
  const bandHeads = (side: string) => BANDS.map((band) => `${side}: ${bandLabel(band, lang)}`);
  const yuanHead = (label: string) => `${label} (${T.unitYuan})`;
  const bandCells = (c: Record<Band, number>) => BANDS.map((band) => c[band]);

  sheet.addRow([]);
  sheet.addRow([T.totals, T.institutions, T.within, ...bandHeads(T.over), ...bandHeads(T.under), T.overInstitutions, yuanHead(T.amountOver)]).font = { bold: true };
  const t = b.totals;
  formatCells(sheet.addRow([T.allPlans, t.institutions, t.within, ...bandCells(t.over), ...bandCells(t.under), t.overInstitutions, t.overYuan]), [11], YUAN_FORMAT);

  sheet.addRow([]);
  sheet.addRow([T.plan, T.scheme, T.planId, T.planVersion, T.status, T.throughLabel, T.institutions, T.within, ...bandHeads(T.over), ...bandHeads(T.under), yuanHead(T.amountOver)]).font = { bold: true };
  for (const p of b.plans) {
    formatCells(sheet.addRow([regionLabel(p, lang), schemeLabel(p.scheme, lang), p.planId, p.version, planStatusLabel(p.status, lang),
      p.throughPeriod === null ? T.budgetNotMonitored : periodLabel(p.throughPeriod, lang), p.institutions, p.within, ...bandCells(p.over), ...bandCells(p.under), p.overYuan]), [15], YUAN_FORMAT);
  }

  sheet.addRow([]);
  sheet.addRow([T.institutionCode, T.institution, T.region, T.scheme, T.planId, T.deviation, T.band, T.since, yuanHead(T.amountOver), yuanHead(T.quota)]).font = { bold: true };
  if (b.overBudget.length === 0) sheet.addRow([T.budgetNone]);
  for (const r of b.overBudget) {
    const row = sheet.addRow([r.code, r.name, regionLabel({ name: r.regionName, nameEn: r.regionNameEn }, lang), schemeLabel(r.scheme, lang), r.planId,
      r.deviation ?? T.noExpectation, bandLabel(r.band, lang), periodLabel(r.since, lang), r.overYuan, r.quotaYuan]);
    formatCells(row, r.deviation === null ? [] : [6], PERCENT_FORMAT);
    formatCells(row, [9, 10], YUAN_FORMAT);
  }
  sheet.addRow([]);
  sheet.addRow([T.budgetNote]);
}
