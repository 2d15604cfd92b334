/**
 * Reads a CSV or XLSX file into a header + rows table of strings, whatever encoding Chinese
 * Excel wrote it in: UTF-8 with or without BOM is tried strictly first, then GB18030 (a superset
 * of GBK). CSV goes through the importer's own RFC 4180 tokenizer (csv-records.ts), about 3× faster
 * than csv-parse's sync API on a 115 MB file. Row numbers are the 1-based line of the spreadsheet (the header is row 1).
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseCsvRecords } from './csv-records.ts';
import { decodeBytes } from './row-source.ts';
import type ExcelJS from 'exceljs';

export interface RawTable {
  fileName: string;
  /** 'utf-8', 'utf-8-bom', 'gb18030' or 'xlsx'. */
  encoding: string;
  header: string[];
  /** Data rows; `rowNumbers[i]` is the spreadsheet row of `rows[i]`. */
  rows: string[][];
  rowNumbers: number[];
}

/** Columns read from a sheet: far more than any import kind has, and a bound on what a small file can cost. */
export const MAX_XLSX_COLUMNS = 1000;

/** An error about a whole file (unreadable, empty, wrong format), naming the file. */
export class TableReadError extends Error {}

export function parseCsvText(text: string, fileName: string, encoding: string): RawTable {
  let records: string[][];
  try {
    records = parseCsvRecords(text).map((r) => r.map((c) => c.trim()));
  } catch (err) {
    throw new TableReadError(`${fileName}: not a readable CSV file (${(err as Error).message})`);
  }
  return toTable(records, fileName, encoding);
}

export async function readTableFromBuffer(bytes: Uint8Array, fileName: string): Promise<RawTable> {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.xlsx') return readXlsx(bytes, fileName);
  if (ext === '.xls') throw new TableReadError(`${fileName}: old .xls workbooks are not supported; save as .xlsx or CSV`);
  const { text, encoding } = decodeBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return parseCsvText(text, fileName, encoding);
}

export async function readTable(path: string): Promise<RawTable> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new TableReadError(`${path}: cannot read file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  return readTableFromBuffer(bytes, basename(path));
}

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<RawTable> {
  // exceljs is loaded only for workbooks: it is a quarter of a second of start-up that CSV never needs.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw new TableReadError(`${fileName}: not a readable XLSX workbook (${(err as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableReadError(`${fileName}: the workbook has no sheet`);
  // Only the cells that hold a value are visited: a padded rows × columns walk let a 6 KB file with
  // one cell in column XFD and one in row 20,000 run for minutes (the sheet's extent, not its content).
  const records: string[][] = [];
  sheet.eachRow((row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell((cell, column) => {
      if (column > MAX_XLSX_COLUMNS) {
        throw new TableReadError(`${fileName}: cell ${cell.address} lies beyond column ${MAX_XLSX_COLUMNS}; at most ${MAX_XLSX_COLUMNS} columns are read`);
      }
      cells[column - 1] = cellText(cell.value);
    });
    records[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return toTable(records, fileName, 'xlsx');
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value) return String(value.text).trim();
    return '';
  }
  return String(value).trim();
}

/** `records` may have holes (sheet rows without a value). */
function toTable(records: (string[] | undefined)[], fileName: string, encoding: string): RawTable {
  const headerIndex = records.findIndex((r) => r !== undefined && r.some((c) => c !== '' && !c.startsWith('#')));
  if (headerIndex < 0) throw new TableReadError(`${fileName}: the file is empty (no header row)`);
  const header = (records[headerIndex] ?? []).map((h) => h.replace(/^\uFEFF/, '').trim());
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const r = records[i] ?? [];
    if (r.every((c) => c === '')) continue;
    rows.push(r);
    rowNumbers.push(i + 1);
  }
  return { fileName, encoding, header, rows, rowNumbers };
}
