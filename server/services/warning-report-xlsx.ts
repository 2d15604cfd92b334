/**
 * The reports as XLSX, with the same figures as the PDF: the risk report as four sheets (summary,
 * every grid row, every alert with its probability of red and the stochastic run behind it, the
 * institutions over budget: warning-report-budget.ts), the disclosure table as one (through the export writer, so money
 * goes in as exact decimals of 万元, as `GET /api/export` writes it). Units are in the headers.
 */
import ExcelJS from 'exceljs';
import type { DashboardSummary } from './dashboard-summary.ts';
import type { DisclosureData } from './warning-report-data.ts';
import { fenToUnitText } from './export-table.ts';
import { xlsxWriter } from '../importer/export-writers.ts';
import { TEXT, accountLabel, alertLevelLabel, periodLabel, regionLabel, schemeLabel, staleLabel, tierLabel, type ReportLang } from './warning-report-labels.ts';
import { addBudgetSheet, PERCENT_FORMAT } from './warning-report-budget.ts';

const round = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)));
/** Columns (1-based) of the alerts sheet holding the probabilities of red (exact values, shown as percents). */
const PROBABILITY_COLUMNS = [8, 9];

export async function riskReportXlsx(s: DashboardSummary, lang: ReportLang): Promise<Buffer> {
  const T = TEXT[lang];
  const book = new ExcelJS.Workbook();
  const summary = book.addWorksheet(T.summary);
  summary.addRow([T.region, s.focus ? regionLabel(s.focus, lang) : '—']);
  summary.addRow([T.asOf, s.asOf ? periodLabel(s.asOf, lang) : periodLabel(s.latestPeriod, lang)]);
  summary.addRow([]);
  summary.addRow([T.scheme, `${T.balance} (${T.unitYuan})`, `${T.payableMonths} (${T.months})`, T.tier, `${T.growthIncome} (${T.percent})`, `${T.growthExpenditure} (${T.percent})`]).font = { bold: true };
  for (const x of s.kpis.schemes) {
    summary.addRow([schemeLabel(x.scheme, lang), round(x.balanceYuan, 2), round(x.payableMonths, 2), tierLabel(x.tier, lang),
      round(x.incomeYoY === null ? null : x.incomeYoY * 100, 2), round(x.expenditureYoY === null ? null : x.expenditureYoY * 100, 2)]);
  }
  summary.addRow([]);
  summary.addRow([T.fundsPerTier, ...(['red', 'orange', 'green', 'blue', 'purple'] as const).map((t) => tierLabel(t, lang))]).font = { bold: true };
  for (const h of ['now', 'in12', 'in24'] as const) summary.addRow([T[h], ...(['red', 'orange', 'green', 'blue', 'purple'] as const).map((t) => s.kpis.tiers[h][t])]);

  const grid = book.addWorksheet(T.grid.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  grid.addRow([T.region, T.scheme, `${T.now} (${T.months})`, `${T.now}: ${T.tier}`, `${T.in12} (${T.months})`, `${T.in12}: ${T.tier}`, `${T.in24} (${T.months})`, `${T.in24}: ${T.tier}`]).font = { bold: true };
  for (const r of s.grid) {
    for (const scheme of s.schemes) {
      const c = r.cells[scheme];
      if (!c) continue;
      grid.addRow([regionLabel(r, lang), schemeLabel(scheme, lang), round(c.payableMonths, 2), tierLabel(c.tier, lang),
        round(c.months12, 2), tierLabel(c.tier12, lang), round(c.months24, 2), tierLabel(c.tier24, lang)]);
    }
  }

  const alerts = book.addWorksheet(T.alerts, { views: [{ state: 'frozen', ySplit: 1 }] });
  alerts.addRow([T.level, T.region, T.scheme, T.period, T.tier, `${T.payableMonths} (${T.months})`, T.reasons,
    T.probabilityRed12, T.probabilityRed24, T.run, T.runFinished, T.paths, T.stale]).font = { bold: true };
  for (const a of s.alerts) {
    const run = a.stochastic;
    const row = alerts.addRow([alertLevelLabel(a.level, lang), regionLabel({ name: a.regionName, nameEn: a.regionNameEn }, lang), schemeLabel(a.scheme, lang),
      periodLabel(a.period, lang), tierLabel(a.tier, lang), round(a.payableMonths, 2), lang === 'en' ? a.reasonEn : a.reasonZh,
      a.probabilityRed12, a.probabilityRed24, run?.runId ?? null, run?.finishedOn ?? null, run?.paths ?? null,
      run && run.stale.length > 0 ? run.stale.map((r) => staleLabel(r, run.ageMonths, lang)).join(lang === 'en' ? '; ' : '；') : null]);
    for (const c of PROBABILITY_COLUMNS) row.getCell(c).numFmt = PERCENT_FORMAT;
  }
  addBudgetSheet(book, s.budget, lang);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function disclosureXlsx(d: DisclosureData, lang: ReportLang): Promise<Buffer> {
  const T = TEXT[lang];
  const header = [T.region, T.scheme, T.account, T.period, T.monthsCovered, `${T.income} (${T.unitWan})`, `${T.expenditure} (${T.unitWan})`, `${T.surplus} (${T.unitWan})`, `${T.closingBalance} (${T.unitWan})`];
  const writer = xlsxWriter(`${d.year ?? ''}`.slice(0, 31) || T.disclosureTitle.slice(0, 31), header, new Set([4, 5, 6, 7, 8]));
  const wan = (fen: number | null) => (fen === null ? null : fenToUnitText(fen, 'wan'));
  for (const r of d.rows) {
    const period = r.months === 0 ? T.noData : r.firstPeriod === r.lastPeriod ? periodLabel(r.lastPeriod, lang) : `${periodLabel(r.firstPeriod, lang)} – ${periodLabel(r.lastPeriod, lang)}`;
    writer.row([regionLabel(r, lang), schemeLabel(r.scheme, lang), accountLabel(r.account, lang), period, r.months, wan(r.incomeFen), wan(r.expenditureFen), wan(r.surplusFen), wan(r.balanceFen)]);
  }
  return writer.finish();
}
