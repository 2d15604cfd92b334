/**
 * Helpers for the data tests: read an import-format CSV (leading `#` lines skipped, as the
 * importer does), parse amounts to integer fen exactly, group fund records into series, and
 * payable months by domain.md §3.1 (`current_year` denominator: the trailing 12 months).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export type Row = Record<string, string>;

export function readCsv(path: string): { comments: string[]; header: string[]; rows: Row[] } {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const comments = lines.filter((l) => l.startsWith('#'));
  const body = lines.filter((l) => !l.startsWith('#')).join('\n');
  const records = parse(body, { skip_empty_lines: true }) as string[][];
  const header = records[0] ?? [];
  const rows = records.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  return { comments, header, rows };
}

/** Exact integer fen of a yuan text with at most 2 decimals; throws on anything else. */
export function fen(text: string | undefined): number {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text ?? '');
  if (!m) throw new Error(`not an amount in yuan with ≤ 2 decimals: "${text}"`);
  const value = BigInt(m[2] ?? '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  const n = Number(m[1] ? -value : value);
  if (!Number.isSafeInteger(n)) throw new Error(`amount out of exact range: ${text}`);
  return n;
}

/** Fund records grouped by region × scheme × account, each sorted by period. */
export function seriesOf(rows: readonly Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.region_code}|${r.scheme}|${r.account}`;
    const list = out.get(key) ?? [];
    list.push(r);
    out.set(key, list);
  }
  for (const list of out.values()) list.sort((a, b) => ((a.period ?? '') < (b.period ?? '') ? -1 : 1));
  return out;
}

/** Month index (year × 12 + month − 1) of `YYYY-MM`, or the year of `YYYY`. */
export function periodIndex(period: string): number {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(period);
  if (!m) throw new Error(`bad period ${period}`);
  return m[2] === undefined ? Number(m[1]) : Number(m[1]) * 12 + Number(m[2]) - 1;
}

/**
 * Payable months at index t of a monthly series: balance ÷ (trailing-12-month expenditure ÷ 12);
 * with fewer than 12 months of history, the mean of the months available × 12 (short_history).
 */
export function payableMonths(series: readonly Row[], t: number): number {
  const window = series.slice(Math.max(0, t - 11), t + 1);
  const annual = (window.reduce((s, r) => s + fen(r.expenditure), 0) / window.length) * 12;
  return fen(series[t]?.balance) / (annual / 12);
}

/** Income minus expenditure over the 12 months ending at index t (fen). */
export function trailingSurplus(series: readonly Row[], t: number): number {
  return series.slice(Math.max(0, t - 11), t + 1).reduce((s, r) => s + fen(r.income) - fen(r.expenditure), 0);
}

export const INCOME_PARTS = ['income_employer', 'income_individual', 'income_subsidy', 'income_interest', 'income_other'];
export const EXPENDITURE_PARTS = ['expenditure_inpatient', 'expenditure_outpatient', 'expenditure_pharmacy', 'expenditure_other'];

/**
 * Everything the importer refuses in a fund_records file, as messages (empty when clean):
 * roll-forward off by even one fen, parts that do not sum, gaps, duplicate periods, mixed
 * calibers, adjustments without a reason, more than 2 decimals.
 */
export function ledgerProblems(rows: readonly Row[]): string[] {
  const problems: string[] = [];
  for (const [key, series] of seriesOf(rows)) {
    const calibers = new Set(series.map((r) => r.caliber));
    if (calibers.size !== 1) problems.push(`${key}: calibers ${[...calibers].join('/')}`);
    series.forEach((r, i) => {
      const where = `${key} ${r.period}`;
      for (const [total, parts] of [['income', INCOME_PARTS], ['expenditure', EXPENDITURE_PARTS]] as const) {
        if (parts.every((p) => r[p] === '')) continue;
        const sum = parts.reduce((s, p) => s + fen(r[p]), 0);
        if (sum !== fen(r[total])) problems.push(`${where}: ${total} parts sum to ${sum}, not ${fen(r[total])}`);
      }
      if ((fen(r.adjustment) !== 0) !== (r.adjustment_reason !== '')) problems.push(`${where}: adjustment and reason disagree`);
      const prev = series[i - 1];
      if (!prev) return;
      const step = periodIndex(r.period ?? '') - periodIndex(prev.period ?? '');
      if (step !== 1) problems.push(`${where}: ${step === 0 ? 'duplicate period' : `gap of ${step - 1}`}`);
      const expected = fen(prev.balance) + fen(r.income) - fen(r.expenditure) + fen(r.adjustment);
      if (expected !== fen(r.balance)) problems.push(`${where}: balance ${fen(r.balance)} ≠ roll-forward ${expected} fen`);
    });
  }
  return problems;
}
