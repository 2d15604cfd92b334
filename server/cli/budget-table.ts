/**
 * Input plumbing shared by `fundrisk allocate` and `fundrisk settle`: the institution table
 * (CSV in UTF-8/BOM/GB18030, or XLSX, via readTable), cell parsers that record a problem naming
 * file, row, column and rule instead of stopping at the first, and the `--params` file. A command
 * collects every problem, then refuses the whole input if there is any: nothing is output.
 */
import { DEFAULT_BUDGET_PARAMS, type BudgetParams } from '../../models/index.ts';
import { amountToFen } from '../importer/fast-amount.ts';
import { TableReadError, readTable } from '../importer/read-table.ts';
import { parseBudgetParams } from '../schemas/budget-params.ts';
import { readJsonFile } from './io.ts';

const SCORE_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const MAX_SCORE = 100;

/** One data row: its spreadsheet row number and its cells. */
export interface TableRow { rowNumber: number; cells: readonly string[] }

export interface BudgetTable {
  file: string;
  rows: TableRow[];
  /** The trimmed cell of a column ('' when the row is short or the column absent). */
  cell: (row: TableRow, column: string) => string;
  /** Records `<file> row <r>, column <c>: <rule>`. */
  fail: (row: number, column: string, rule: string) => void;
}

/**
 * Reads a table and checks its header; columns are matched case-insensitively. Returns undefined
 * (with the problem recorded) when the file cannot be read or a required column is missing.
 */
export async function readBudgetTable(path: string, required: readonly string[], problems: string[]): Promise<BudgetTable | undefined> {
  let table;
  try {
    table = await readTable(path);
  } catch (err) {
    if (err instanceof TableReadError) {
      problems.push(err.message);
      return undefined;
    }
    throw err;
  }
  const file = table.fileName;
  const header = table.header.map((h) => h.trim().toLowerCase());
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    problems.push(`${file}: missing column ${missing.join(', ')} (header must be ${required.join(',')})`);
    return undefined;
  }
  const index = new Map(header.map((h, i) => [h, i] as const).reverse());
  const rows = table.rows.map((cells, i): TableRow => ({ rowNumber: table.rowNumbers[i] ?? i + 2, cells }));
  const cell = (row: TableRow, column: string) => {
    const at = index.get(column);
    return at === undefined ? '' : (row.cells[at] ?? '').trim();
  };
  return { file, rows, cell, fail: (row, column, rule) => problems.push(`${file} row ${row}, column ${column}: ${rule}`) };
}

/**
 * A yuan amount ≥ 0 in fen; '' gives `empty` (undefined = the cell is required). Records
 * `not a number: "<text>"` or `must not be negative, got <text>`.
 */
export function moneyCell<E extends number | null = never>(t: BudgetTable, row: TableRow, column: string, empty?: E): number | E | undefined {
  const text = t.cell(row, column);
  if (text === '') {
    if (empty === undefined) t.fail(row.rowNumber, column, 'empty cell');
    return empty;
  }
  let fen: number;
  try {
    fen = amountToFen(text, 'yuan');
  } catch (err) {
    t.fail(row.rowNumber, column, (err as Error).message);
    return undefined;
  }
  if (fen < 0) {
    t.fail(row.rowNumber, column, `must not be negative, got ${text}`);
    return undefined;
  }
  return fen;
}

/** An assessment score 0–100, null when empty; records `not a number` or `score must be from 0 to 100`. */
export function scoreCell(t: BudgetTable, row: TableRow, column: string): number | null | undefined {
  const text = t.cell(row, column);
  if (text === '') return null;
  if (!SCORE_TEXT.test(text)) {
    t.fail(row.rowNumber, column, `not a number: "${text}"`);
    return undefined;
  }
  const score = Number(text);
  if (score < 0 || score > MAX_SCORE) {
    t.fail(row.rowNumber, column, `score must be from 0 to ${MAX_SCORE}, got ${text}`);
    return undefined;
  }
  return score;
}

/** The institution id, required and unique in the file; records `empty cell` or `duplicate institution_id "<id>" (also at row <r>)`. */
export function idCell(t: BudgetTable, row: TableRow, seen: Map<string, number>): string | undefined {
  const id = t.cell(row, 'institution_id');
  if (id === '') {
    t.fail(row.rowNumber, 'institution_id', 'empty cell');
    return undefined;
  }
  const first = seen.get(id);
  if (first !== undefined) {
    t.fail(row.rowNumber, 'institution_id', `duplicate institution_id "${id}" (also at row ${first})`);
    return undefined;
  }
  seen.set(id, row.rowNumber);
  return id;
}

/** Reads `--params`; records `<file>: <problem>` for each problem. Undefined path: the defaults. */
export function loadBudgetParams(path: string | undefined, problems: string[]): BudgetParams | undefined {
  if (path === undefined) return DEFAULT_BUDGET_PARAMS;
  let file: { json: unknown; name: string };
  try {
    file = readJsonFile(path);
  } catch (err) {
    problems.push((err as Error).message);
    return undefined;
  }
  const { json, name } = file;
  try {
    return parseBudgetParams(json);
  } catch (err) {
    for (const line of (err as Error).message.split('\n')) problems.push(`${name}: ${line}`);
    return undefined;
  }
}
