/** CSV writing and money formatting for the demo and national data files (UTF-8, `\n`). */

export type Cell = string | number | null | undefined;

/** Quotes a cell when it holds a comma, a quote or a line break (RFC 4180). */
function quoteCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of a header and rows, optionally preceded by `#` comment lines. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[], comments: readonly string[] = []): string {
  // the importer skips leading `#` lines, but only when the whole line parses as one cell
  for (const c of comments) if (/[",\r\n]/.test(c)) throw new Error(`comment lines may not hold commas, quotes or line breaks: ${c}`);
  const lines = comments.map((c) => `# ${c}`);
  lines.push(header.join(','));
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`row has ${row.length} cells, header ${header.length}`);
    lines.push(row.map(quoteCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Integer fen as yuan text with exactly two decimals, e.g. 12345 → "123.45". */
export function fenText(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`fen must be a safe integer: ${fen}`);
  const abs = Math.abs(fen);
  const cents = String(abs % 100).padStart(2, '0');
  return `${fen < 0 ? '-' : ''}${Math.trunc(abs / 100)}.${cents}`;
}

/** A yuan amount computed in floating point, rounded to whole fen (the only rounding step). */
export function toFen(yuan: number): number {
  if (!Number.isFinite(yuan)) throw new Error(`not a finite amount: ${yuan}`);
  return Math.round(yuan * 100);
}
