/**
 * Table writers for exports: CSV (UTF-8 with BOM, so Excel opens Chinese text; csv-stringify in
 * chunks) and XLSX (exceljs streaming writer, so a large table is never a whole workbook in
 * memory). Money arrives as exact decimal text: XLSX stores it as a number when the number
 * prints back to the same text (≤ 15 significant digits), otherwise as text, so re-import is exact.
 */
import { PassThrough } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export type Cell = string | number | null;

export interface TableWriter {
  row(cells: readonly Cell[]): void;
  finish(): Promise<Buffer>;
}

/** Cells that a spreadsheet would run as a formula get a leading quote (cells.ts strips it on import). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMERIC = /^-?\d+(\.\d+)?$/;
const CSV_CHUNK_ROWS = 10_000;
/** Rows an XLSX sheet holds, header included. */
export const XLSX_MAX_ROWS = 1_048_576;

function safeText(cell: Cell, numericColumn: boolean): Cell {
  if (typeof cell !== 'string' || numericColumn) return cell;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function csvWriter(header: readonly string[], numericColumns: ReadonlySet<number>): TableWriter {
  const chunks: Buffer[] = [Buffer.from('\uFEFF', 'utf8')];
  let pending: Cell[][] = [header.slice()];
  const flush = () => {
    chunks.push(Buffer.from(stringify(pending.map((r) => r.map((c) => (c === null ? '' : c)))), 'utf8'));
    pending = [];
  };
  return {
    row(cells) {
      pending.push(cells.map((c, i) => safeText(c, numericColumns.has(i))));
      if (pending.length >= CSV_CHUNK_ROWS) flush();
    },
    async finish() {
      flush();
      return Buffer.concat(chunks);
    },
  };
}

export function xlsxWriter(sheetName: string, header: readonly string[], numericColumns: ReadonlySet<number>): TableWriter {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headerRow = sheet.addRow(header.slice());
  headerRow.font = { bold: true };
  headerRow.commit();
  let rows = 1;
  return {
    row(cells) {
      if (++rows > XLSX_MAX_ROWS) throw new Error(`too many rows for one XLSX sheet (${XLSX_MAX_ROWS}); export as CSV`);
      sheet.addRow(cells.map((c, i) => (numericColumns.has(i) ? asNumber(c) : c))).commit();
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
      return Buffer.concat(chunks);
    },
  };
}

/**
 * Decimal text → number when the number prints back as the same decimal (so reading the cell
 * gives the exact amount again); otherwise, e.g. beyond 15 significant digits or where
 * JavaScript would print `5e-7`, the cell stays text.
 */
function asNumber(cell: Cell): Cell {
  if (typeof cell !== 'string' || !NUMERIC.test(cell)) return cell;
  const value = Number(cell);
  const canonical = cell.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  return String(value) === canonical ? value : cell;
}
