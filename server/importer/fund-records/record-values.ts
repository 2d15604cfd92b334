/**
 * The values a file row will have once written: a column the file has wins (an empty cell is
 * null); a column the file lacks keeps the stored record's value. Also the two value rules that
 * work on one record: parts_do_not_sum and the roll-forward identity (domain.md §2).
 */
import { yuanText } from '../format.ts';
import { EXPENDITURE_PARTS, INCOME_PARTS, NUMERIC_FIELDS } from './columns.ts';
import type { FundRecordBatch } from './parse-rows.ts';
import type { StoredRecord } from './stored.ts';

/** 1 元: differences up to this many fen are rounding in published tables (domain.md §2). */
export const TOLERANCE_FEN = 100;

const DB_COLUMN = new Map(NUMERIC_FIELDS.map((f) => [f.name, f.db]));

export function dbColumn(name: string): string {
  return DB_COLUMN.get(name) ?? name;
}

export function valueOf(batch: FundRecordBatch, name: string, i: number, stored: StoredRecord | undefined): number | null {
  const col = batch.values.get(name);
  if (col) {
    const v = col[i] as number;
    return Number.isNaN(v) ? (name === 'adjustment' ? 0 : null) : v;
  }
  const s = stored?.[dbColumn(name)];
  return typeof s === 'number' ? s : name === 'adjustment' ? 0 : null;
}

/** Flows of a period as the roll-forward needs them; null when a value is unusable. */
export interface Flows {
  balance: number;
  income: number;
  expenditure: number;
  adjustment: number;
}

export function fileFlows(batch: FundRecordBatch, i: number, stored: StoredRecord | undefined): Flows | null {
  if (batch.failed[i]) return null;
  const balance = valueOf(batch, 'balance', i, stored);
  const income = valueOf(batch, 'income', i, stored);
  const expenditure = valueOf(batch, 'expenditure', i, stored);
  if (balance === null || income === null || expenditure === null) return null;
  return { balance, income, expenditure, adjustment: valueOf(batch, 'adjustment', i, stored) ?? 0 };
}

export function storedFlows(s: StoredRecord): Flows {
  return {
    balance: s.balance_fen as number, income: s.income_fen as number,
    expenditure: s.expenditure_fen as number, adjustment: (s.adjustment_fen as number | null) ?? 0,
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

/**
 * Income parts (单位缴费, 个人缴费, 财政补助, 利息, 其他) must sum to income, and expenditure parts
 * (住院, 门诊, 药店, 其他) to expenditure, within 1 元, whenever any part is given.
 */
export function partsProblems(batch: FundRecordBatch, i: number, stored: StoredRecord | undefined): Array<{ column: string; message: string }> {
  const problems: Array<{ column: string; message: string }> = [];
  for (const [total, parts] of [['income', INCOME_PARTS], ['expenditure', EXPENDITURE_PARTS]] as const) {
    const totalFen = valueOf(batch, total, i, stored);
    if (totalFen === null) continue;
    const given: string[] = [];
    let sum = 0;
    for (const part of parts) {
      const v = valueOf(batch, part, i, stored);
      if (v === null) continue;
      sum += v;
      given.push(`${part.slice(total.length + 1)} ${yuanText(v)}`);
    }
    if (given.length === 0 || Math.abs(sum - totalFen) <= TOLERANCE_FEN) continue;
    const fromStore = parts.every((p) => !batch.has(p)) ? ' (the parts are those already stored: give them in the file too)' : '';
    problems.push({
      column: total,
      message: `${total} parts sum to ${yuanText(sum)} (${given.join(' + ')}) but ${total} is ${yuanText(totalFen)} (difference ${yuanText(sum - totalFen)} 元)${fromStore}`,
    });
  }
  return problems;
}
