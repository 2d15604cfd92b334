/**
 * Converts the national annual NHSA figures (shared/data/china/china_bmi_national_annual_2018_2025.csv,
 * 亿元) into the import format (元) as data/china/regions.csv and data/china/fund_records.csv.
 *
 * Per scheme it keeps ONE caliber: the one with the longest run of consecutive years that
 * publish income, expenditure and balance (ties: the final `bulletin` over the preliminary
 * `express`). Amounts are multiplied by 10^8 on the decimal text with BigInt, never floats.
 * A published balance that does not roll forward from the year before goes into `adjustment`.
 *
 *   npx tsx data/china/convert.ts [source.csv] [outDir]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { FUND_RECORD_HEADER } from '../demo/generate.ts';
import { toCsv, type Cell } from '../demo/csv.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
export const SOURCE_FILE = 'china_bmi_national_annual_2018_2025.csv';
/** A verbatim copy of shared/data/china/${SOURCE_FILE} (its `#` source line kept), so the conversion is reproducible from the repo. */
export const DEFAULT_SOURCE = resolve(HERE, 'source', SOURCE_FILE);
/** 1 亿元 = 10^8 元 = 10^10 分: the exponent that turns 亿元 digits into fen. */
const FEN_EXPONENT_PER_YI = 10;
const CALIBER_PREFERENCE = ['bulletin', 'express'];
const ADJUSTMENT_REASON = 'published balance; differs from roll-forward (revisions/caliber)';

/** Columns of the source per scheme, and the account the figures cover. */
export const SCHEME_COLUMNS = {
  employee: { income: 'employee_income', expenditure: 'employee_expenditure', balance: 'employee_cumulative_balance',
    account: 'combined' }, // 职工医保 figures include personal accounts (统筹基金 + 个人账户)
  resident: { income: 'resident_income', expenditure: 'resident_expenditure', balance: 'resident_cumulative_balance',
    account: 'pooling' }, // 居民医保 has no personal accounts
} as const;

/** Exact fen of a decimal text in 亿元 (up to 10 decimals). @example yiToFen('1.5') // => 15000000000n */
export function yiToFen(text: string): bigint {
  const m = /^(\d+)(?:\.(\d{1,10}))?$/.exec(text.trim());
  if (!m) throw new Error(`not a plain decimal amount in 亿元: "${text}"`);
  const frac = m[2] ?? '';
  return BigInt((m[1] ?? '0') + frac) * 10n ** BigInt(FEN_EXPONENT_PER_YI - frac.length);
}

export function fenBigText(fen: bigint): string {
  const abs = fen < 0n ? -fen : fen;
  return `${fen < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export type SourceRow = Record<string, string>;

export function readSource(path = DEFAULT_SOURCE): { sourceLine: string; rows: SourceRow[] } {
  const lines = readFileSync(path, 'utf8').split('\n');
  const sourceLine = lines.filter((l) => l.startsWith('#')).join(' ').replace(/^#\s*(source:\s*)?/, '');
  const rows = parse(lines.filter((l) => !l.startsWith('#')).join('\n'), { columns: true, skip_empty_lines: true }) as SourceRow[];
  return { sourceLine, rows };
}

/** The longest run of consecutive complete years of one caliber for a scheme. */
export function pickSeries(rows: readonly SourceRow[], scheme: keyof typeof SCHEME_COLUMNS): { caliber: string; rows: SourceRow[] } {
  const cols = SCHEME_COLUMNS[scheme];
  let best = { caliber: '', rows: [] as SourceRow[] };
  for (const caliber of CALIBER_PREFERENCE) {
    const complete = rows
      .filter((r) => r.caliber === caliber && r[cols.income] && r[cols.expenditure] && r[cols.balance])
      .sort((a, b) => Number(a.year) - Number(b.year));
    let run: SourceRow[] = [];
    for (const r of complete) {
      const last = run[run.length - 1];
      run = last && Number(r.year) === Number(last.year) + 1 ? [...run, r] : [r];
      if (run.length > best.rows.length) best = { caliber, rows: run };
    }
  }
  return best;
}

/** Publication date from the note (YYYY-MM-DD) when given, else the year after the data year. */
export function vintageOf(row: SourceRow): string {
  return /\b(20\d\d-\d\d-\d\d)\b/.exec(row.source_note ?? '')?.[1] ?? String(Number(row.year) + 1);
}

const noCommas = (text: string) => text.replace(/"/g, "'").replace(/,/g, ';');

export function convert(sourcePath = DEFAULT_SOURCE): { regions: string; fundRecords: string } {
  const { sourceLine, rows } = readSource(sourcePath);
  const cells: Cell[][] = [];
  const picked: string[] = [];
  for (const scheme of ['employee', 'resident'] as const) {
    const cols = SCHEME_COLUMNS[scheme];
    const series = pickSeries(rows, scheme);
    let previous: bigint | undefined;
    for (const r of series.rows) {
      const income = yiToFen(r[cols.income] ?? '');
      const expenditure = yiToFen(r[cols.expenditure] ?? '');
      const balance = yiToFen(r[cols.balance] ?? '');
      const adjustment = previous === undefined ? 0n : balance - (previous + income - expenditure);
      previous = balance;
      cells.push([
        'CN', scheme, cols.account, r.year, fenBigText(income), fenBigText(expenditure), fenBigText(balance),
        '', '', '', '', '', '', '', '', '',
        fenBigText(adjustment), adjustment === 0n ? '' : ADJUSTMENT_REASON, '', '', '', '', series.caliber, vintageOf(r),
      ]);
      picked.push(`${scheme} ${r.year} ${series.caliber} from ${r.source_url ?? ''}`);
    }
  }
  const provenance = [
    `source: ${noCommas(sourceLine)}`,
    `converted by data/china/convert.ts from shared/data/china/${SOURCE_FILE}: amounts in 亿元 multiplied by 100000000 to yuan (元) exactly; rows used: ${noCommas(picked.join('; '))}`,
  ];
  const regions = toCsv(['code', 'name', 'name_en', 'level', 'parent_code', 'source', 'synthetic'],
    [['CN', '全国（国家医保局公布）', 'China (NHSA published)', 'province', '', 'NHSA published national figures; see data/README.md', 'false']], provenance);
  return { regions, fundRecords: toCsv(FUND_RECORD_HEADER, cells, provenance) };
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  const out = convert(process.argv[2] ?? DEFAULT_SOURCE);
  const outDir = process.argv[3] ?? HERE;
  writeFileSync(join(outDir, 'regions.csv'), out.regions, 'utf8');
  writeFileSync(join(outDir, 'fund_records.csv'), out.fundRecords, 'utf8');
  console.log(`wrote ${join(outDir, 'regions.csv')} and ${join(outDir, 'fund_records.csv')}`);
}
