/**
 * Puts one fund's file rows in period order and enforces the shape of the series:
 * mixed_period_kind (a fund's periods are all months or all years, including what is stored) and
 * duplicate_period (a period given twice in the file; the first one is kept for later checks).
 */
import { monthIndexToText } from '../../../models/core/period.ts';
import type { IssueCollector } from '../issues.ts';
import { PERIOD_MONTH, type FundRecordBatch } from './parse-rows.ts';

export interface SeriesContext {
  batch: FundRecordBatch;
  issues: IssueCollector;
  label: (name: string) => string;
}

export function periodText(kind: number, index: number): string {
  return kind === PERIOD_MONTH ? monthIndexToText(index) : String(index);
}

const kindWord = (kind: number, plural = false) => (kind === PERIOD_MONTH ? (plural ? 'months' : 'a month') : (plural ? 'years' : 'a year'));

/**
 * @param rows the fund's row indices in file order
 * @param storedKind the stored fund's period kind (it wins over the file's first row)
 * @returns row indices sorted by period, one per period, all of the fund's kind; and that kind
 */
export function orderSeries(ctx: SeriesContext, rows: Int32Array, key: string, storedKind: 'month' | 'year' | undefined): { rows: number[]; kind: number } {
  const { batch, issues } = ctx;
  const firstValid = rows.find((i) => batch.periodKind[i] !== 0);
  const kind = storedKind ? (storedKind === 'month' ? PERIOD_MONTH : 2) : firstValid === undefined ? PERIOD_MONTH : (batch.periodKind[firstValid] as number);
  const kept: number[] = [];
  for (const i of rows) {
    const k = batch.periodKind[i] as number;
    if (k === 0) continue;
    if (k !== kind) {
      const text = periodText(k, batch.periodIndex[i] as number);
      const where = storedKind
        ? 'in the database'
        : `in this file (row ${batch.rowNumbers[firstValid as number]}: ${periodText(kind, batch.periodIndex[firstValid as number] as number)})`;
      issues.error(batch.rowNumbers[i] ?? null, ctx.label('period'), 'mixed_period_kind',
        `period ${text} is ${kindWord(k)} but ${key} holds ${kindWord(kind, true)} ${where}; a fund's periods are all months or all years`);
      continue;
    }
    kept.push(i);
  }
  // Stable sort: among equal periods, file order is kept, so the first occurrence comes first.
  kept.sort((a, b) => (batch.periodIndex[a] as number) - (batch.periodIndex[b] as number));
  const unique: number[] = [];
  for (const i of kept) {
    const prev = unique[unique.length - 1];
    if (prev !== undefined && batch.periodIndex[prev] === batch.periodIndex[i]) {
      issues.error(batch.rowNumbers[i] ?? null, ctx.label('period'), 'duplicate_period',
        `period ${periodText(kind, batch.periodIndex[i] as number)} of ${key} already appears in row ${batch.rowNumbers[prev]}`);
      continue;
    }
    unique.push(i);
  }
  return { rows: unique, kind };
}
