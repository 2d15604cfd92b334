/**
 * Where an import's rows come from: an in-memory `RawTable` (uploads, XLSX, the demo loader), or
 * a CSV file streamed from its decoded text, one record at a time. Streaming keeps a million-row
 * import within memory: the text plus the compact parsed batch, never a million string arrays.
 * Both give the header, data rows in order (empty rows skipped), and spreadsheet row numbers
 * (header = row 1, as in read-table.ts).
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { readTable, TableReadError, type RawTable } from './read-table.ts';
import { CsvSyntaxError, forEachCsvRecord } from './csv-records.ts';

export interface RowSource {
  fileName: string;
  encoding: string;
  header: string[];
  /** At least the number of data rows (typed arrays are sized by it). */
  capacity: number;
  /**
   * Visits the data rows in order; returns how many it visited.
   * @throws CsvSyntaxError when a streamed CSV turns out to be malformed past its header.
   */
  forEachRow(visit: (row: readonly string[], rowNumber: number) => void): number;
}

export function tableSource(table: RawTable): RowSource {
  return {
    fileName: table.fileName,
    encoding: table.encoding,
    header: table.header,
    capacity: table.rows.length,
    forEachRow(visit) {
      table.rows.forEach((row, i) => visit(row, table.rowNumbers[i] ?? i + 2));
      return table.rows.length;
    },
  };
}

const isEmpty = (fields: readonly string[]) => fields.every((c) => c === '');
const isHeader = (fields: readonly string[]) => fields.some((c) => c !== '' && !c.startsWith('#'));

/** A CSV file streamed from its text; any other file read whole through readTable. */
export async function openRowSource(path: string): Promise<RowSource> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx' || ext === '.xls') return tableSource(await readTable(path));
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new TableReadError(`${path}: cannot read file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const fileName = basename(path);
  const { text, encoding } = decodeBytes(bytes);
  return csvTextSource(text, fileName, encoding);
}

/**
 * Strict UTF-8 with or without BOM, else GB18030 (what Chinese Excel writes), but
 * UTF-8 goes through `Buffer.toString`, which builds a one-byte string directly: TextDecoder
 * passes through a UTF-16 copy, tripling the peak memory of a 100 MB file.
 */
export function decodeBytes(bytes: Buffer): { text: string; encoding: string } {
  if (!isUtf8(bytes)) return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: bytes.toString('utf8', hasBom ? 3 : 0), encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
}

/** @throws TableReadError when there is no header row or the CSV is malformed before it. */
export function csvTextSource(text: string, fileName: string, encoding: string): RowSource {
  const found = { header: null as string[] | null, record: 0 };
  try {
    forEachCsvRecord(text, (fields, n) => {
      if (!isHeader(fields)) return true;
      found.header = fields.map((h) => h.replace(/^\uFEFF/, '').trim());
      found.record = n;
      return false;
    });
  } catch (err) {
    if (err instanceof CsvSyntaxError) throw new TableReadError(`${fileName}: not a readable CSV file (${err.message})`);
    throw err;
  }
  const { header, record: headerRecord } = found;
  if (header === null) throw new TableReadError(`${fileName}: the file is empty (no header row)`);
  return {
    fileName,
    encoding,
    header,
    capacity: countLines(text),
    forEachRow(visit) {
      let count = 0;
      forEachCsvRecord(text, (fields, n) => {
        if (n <= headerRecord || isEmpty(fields)) return;
        count++;
        visit(fields, n);
      });
      return count;
    },
  };
}

/** Upper bound of the records in a text: one more than its line breaks. */
function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) lines++;
  return lines;
}
