/**
 * The values a file row will have once written: a column the file has wins (an empty cell is
 * null); a column the file lacks keeps the stored record's value. Also the two value rules that
 * work on one record: parts_do_not_sum and the roll-forward identity (domain.md §2).
 */
import { yuanText } from '../format.ts';
import {
  EXPENDITURE_PART_FIELDS, F_ADJUSTMENT, F_BALANCE, F_EXPENDITURE, F_INCOME, INCOME_PART_FIELDS, NUMERIC_FIELDS,
} from './columns.ts';
import type { FundRecordBatch } from './parse-rows.ts';
import { storedNumber, type StoredRecord } from './stored.ts';

/** 1 元: differences up to this many fen are rounding in published tables (domain.md §2). */
export const TOLERANCE_FEN = 100;

/** Value of numeric field `k` for row `i`; the adjustment is 0 when none is recorded. */
export function valueOf(batch: FundRecordBatch, k: number, i: number, stored: StoredRecord | undefined): number | null {
  const col = batch.numeric[k];
  let v: number | null;
  if (col !== undefined) {
    const x = col[i] as number;
    v = x === x ? x : null; // NaN marks an empty cell
  } else {
    v = stored === undefined ? null : storedNumber(stored, k);
  }
  return v === null && k === F_ADJUSTMENT ? 0 : v;
}

/** Flows of a period as the roll-forward needs them. */
export interface Flows {
  balance: number;
  income: number;
  expenditure: number;
  adjustment: number;
}

/** Null when the row failed (its values are not to be trusted). */
export function fileFlows(batch: FundRecordBatch, i: number, stored: StoredRecord | undefined): Flows | null {
  if (batch.failed[i]) return null;
  const balance = valueOf(batch, F_BALANCE, i, stored);
  const income = valueOf(batch, F_INCOME, i, stored);
  const expenditure = valueOf(batch, F_EXPENDITURE, i, stored);
  if (balance === null || income === null || expenditure === null) return null;
  return { balance, income, expenditure, adjustment: valueOf(batch, F_ADJUSTMENT, i, stored) ?? 0 };
}

export function storedFlows(s: StoredRecord): Flows {
  return {
    balance: storedNumber(s, F_BALANCE) ?? 0,
    income: storedNumber(s, F_INCOME) ?? 0,
    expenditure: storedNumber(s, F_EXPENDITURE) ?? 0,
    adjustment: storedNumber(s, F_ADJUSTMENT) ?? 0,
  };
}

/**
 * `balance[t] = balance[t−1] + income[t] − expenditure[t] + adjustment[t]` within 1 元.
 * @returns null when it holds, else the message, e.g.
 * `balance 1200.00 does not roll forward: previous 1000.00 + income 300.00 − expenditure 50.00 = 1250.00 (difference −50.00 元)`
 */
export function rollForwardProblem(previousBalance: number, f: Flows): string | null {
  const expected = previousBalance + f.income - f.expenditure + f.adjustment;
  const difference = f.balance - expected;
  if (Math.abs(difference) <= TOLERANCE_FEN) return null;
  const adjustment = f.adjustment !== 0 ? ` + adjustment ${yuanText(f.adjustment)}` : '';
  return `balance ${yuanText(f.balance)} does not roll forward: previous ${yuanText(previousBalance)} + income ${yuanText(f.income)}`
    + ` − expenditure ${yuanText(f.expenditure)}${adjustment} = ${yuanText(expected)} (difference ${yuanText(difference)} 元)`;
}

const PART_RULES = [
  { total: F_INCOME, parts: INCOME_PART_FIELDS },
  { total: F_EXPENDITURE, parts: EXPENDITURE_PART_FIELDS },
] as const;

/**
 * Income parts (单位缴费, 个人缴费, 财政补助, 利息, 其他) must sum to income, and expenditure parts
 * (住院, 门诊, 药店, 其他) to expenditure, within 1 元, whenever any part is given.
 */
export function partsProblems(batch: FundRecordBatch, i: number, stored: StoredRecord | undefined): Array<{ column: string; message: string }> | null {
  let problems: Array<{ column: string; message: string }> | null = null;
  for (const { total, parts } of PART_RULES) {
    const totalFen = valueOf(batch, total, i, stored);
    if (totalFen === null) continue;
    let sum = 0;
    let given = 0;
    for (const k of parts) {
      const v = valueOf(batch, k, i, stored);
      if (v === null) continue;
      sum += v;
      given++;
    }
    if (given === 0 || Math.abs(sum - totalFen) <= TOLERANCE_FEN) continue;
    const name = (NUMERIC_FIELDS[total] as { name: string }).name;
    const terms = parts.flatMap((k) => {
      const v = valueOf(batch, k, i, stored);
      return v === null ? [] : [`${(NUMERIC_FIELDS[k] as { name: string }).name.slice(name.length + 1)} ${yuanText(v)}`];
    });
    const fromStore = parts.every((k) => batch.numeric[k] === undefined) ? ' (the parts are those already stored: give them in the file too)' : '';
    (problems ??= []).push({
      column: name,
      message: `${name} parts sum to ${yuanText(sum)} (${terms.join(' + ')}) but ${name} is ${yuanText(totalFen)} (difference ${yuanText(sum - totalFen)} 元)${fromStore}`,
    });
  }
  return problems;
}
