/**
 * `fundrisk warn --input funds.csv [--params params.json] [--out FILE]`: payable months, tier and
 * flags for every row of a fund table (interfaces.md, domain.md §3). Amounts are yuan; periods
 * `YYYY` or `YYYY-MM`; one fund per region × scheme. Every bad cell is reported (one per line,
 * naming file, row, column and rule) before anything is evaluated; nothing goes to stdout then.
 */
import type { Command } from 'commander';
import {
  DEFAULT_WARNING_PARAMS,
  evaluateFundSeries,
  fenToYuan,
  parseAmountToFen,
  parsePeriod,
  parseWarningParams,
  resolveParams,
  type FundWarning,
  type ParsedPeriod,
  type WarningParams,
} from '../../../models/index.ts';
import { TableReadError, readTable } from '../../importer/read-table.ts';
import { CliError, readJsonFile, writeJson } from '../io.ts';

const REQUIRED_COLUMNS = ['region', 'scheme', 'period', 'income', 'expenditure', 'balance'] as const;
const PROJECTED_COLUMN = 'projected_expenditure_next_12';
const AMOUNT_COLUMNS = ['income', 'expenditure', 'balance'] as const;
const SCHEME_ALIASES: Record<string, 'employee' | 'resident'> = {
  employee: 'employee', 职工: 'employee', 职工医保: 'employee', resident: 'resident', 居民: 'resident', 居民医保: 'resident',
};

interface FundRow {
  rowNumber: number;
  region: string;
  scheme: 'employee' | 'resident';
  period: ParsedPeriod;
  fen: Record<(typeof AMOUNT_COLUMNS)[number], number>;
  projectedFen?: number;
}

/** One output row: the interfaces.md fields plus extras; `annualExpenditure` is the denominator as a year, yuan. */
export type WarnOutputRow = { region: string; scheme: string; annualExpenditure: number } & Pick<FundWarning,
  'period' | 'payableMonths' | 'tier' | 'flags' | 'consecutiveDeficits' | 'denominator' | 'windowMonths' | 'resident'>;

export function registerWarn(program: Command): void {
  program
    .command('warn')
    .description('payable months (可支付月数), warning tier and flags for every row of a fund table (domain.md §3)')
    .requiredOption('--input <file>', `CSV or XLSX with header ${REQUIRED_COLUMNS.join(',')} (amounts in yuan; optional ${PROJECTED_COLUMN})`)
    .option('--params <file>', 'warning parameter JSON: denominator, thresholds, resident, schemes, regions (README)')
    .option('--out <file>', 'write the JSON here instead of stdout')
    .action(async (opts: { input: string; params?: string; out?: string }) => {
      writeJson(await runWarn(opts), opts.out);
    });
}

/** Reads, checks and evaluates; throws CliError listing every problem found. */
export async function runWarn(opts: { input: string; params?: string }): Promise<{ warnings: WarnOutputRow[] }> {
  const params = opts.params ? loadParams(opts.params) : DEFAULT_WARNING_PARAMS;
  const table = await readTable(opts.input).catch((err: unknown) => {
    throw err instanceof TableReadError ? new CliError(err.message) : err;
  });
  const file = table.fileName;
  const header = table.header.map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw new CliError(`${file}: missing column ${missing.join(', ')} (header must be ${REQUIRED_COLUMNS.join(',')})`);
  }
  const errors: { row: number; text: string }[] = [];
  const fail = (row: number, column: string, rule: string) => errors.push({ row, text: `${file} row ${row}, column ${column}: ${rule}` });
  const cell = (cells: string[], column: string) => (cells[header.indexOf(column)] ?? '').trim();
  const hasProjected = header.includes(PROJECTED_COLUMN);

  const rows: (FundRow | undefined)[] = table.rows.map((cells, i) => {
    const rowNumber = table.rowNumbers[i] ?? i + 2;
    const before = errors.length;
    const region = cell(cells, 'region');
    if (region === '') fail(rowNumber, 'region', 'empty cell');
    const schemeText = cell(cells, 'scheme');
    const scheme = SCHEME_ALIASES[schemeText.toLowerCase()];
    if (!scheme) fail(rowNumber, 'scheme', `unknown scheme "${schemeText}" (expected employee or resident)`);
    const periodText = cell(cells, 'period');
    const period = periodText === ''
      ? void fail(rowNumber, 'period', 'empty cell')
      // Excel turns a typed 2024-01 into a date, which readTable gives back as 2024-01-01
      : attempt(() => parsePeriod(periodText.replace(/^(\d{4}-\d{2})-01$/, '$1')), (m) => fail(rowNumber, 'period', m));
    const fen = {} as FundRow['fen'];
    for (const column of AMOUNT_COLUMNS) {
      const text = cell(cells, column);
      if (text === '') fail(rowNumber, column, 'empty cell');
      else fen[column] = attempt(() => parseAmountToFen(text, 'yuan'), (m) => fail(rowNumber, column, m)) ?? 0;
    }
    const projectedText = hasProjected ? cell(cells, PROJECTED_COLUMN) : '';
    const projectedFen = projectedText === ''
      ? undefined
      : attempt(() => parseAmountToFen(projectedText, 'yuan'), (m) => fail(rowNumber, PROJECTED_COLUMN, m));
    if (errors.length > before || !scheme || !period) return undefined;
    return { rowNumber, region, scheme, period, fen, projectedFen };
  });

  const funds = new Map<string, FundRow[]>();
  const seen = new Map<string, FundRow>();
  for (const row of rows) {
    if (!row) continue;
    const key = `${row.region}\u0000${row.scheme}`;
    const fund = funds.get(key) ?? [];
    const first = fund[0];
    const same = seen.get(`${key}\u0000${row.period.text}`);
    const name = `fund ${row.region}/${row.scheme}`;
    if (first && first.period.kind !== row.period.kind) {
      fail(row.rowNumber, 'period', `mixed yearly and monthly periods in ${name}: ${row.period.text} here, ${first.period.text} at row ${first.rowNumber}`);
    } else if (same) {
      fail(row.rowNumber, 'period', `duplicate period ${row.period.text} in ${name} (also at row ${same.rowNumber})`);
    } else {
      fund.push(row);
      funds.set(key, fund);
      seen.set(`${key}\u0000${row.period.text}`, row);
    }
  }
  for (const fund of funds.values()) {
    const first = fund[0] as FundRow;
    if (resolveParams(params, first.region, first.scheme).denominator !== 'projected_next_12') continue;
    for (const r of fund) {
      if (r.projectedFen === undefined) {
        fail(r.rowNumber, PROJECTED_COLUMN, `${hasProjected ? 'empty cell' : 'missing column'}: the projected_next_12 denominator needs the projected expenditure of the next 12 months`);
      }
    }
  }
  if (errors.length > 0) throw new CliError(errors.sort((a, b) => a.row - b.row).map((e) => e.text).join('\n'));

  const byRow = new Map<number, WarnOutputRow>();
  for (const fund of funds.values()) evaluateFund(fund, params, file).forEach((w, r) => byRow.set(r, w));
  const warnings = rows.flatMap((r) => (r ? [byRow.get(r.rowNumber) as WarnOutputRow] : []));
  return { warnings };
}

function evaluateFund(fund: FundRow[], params: WarningParams, file: string): Map<number, WarnOutputRow> {
  const first = fund[0] as FundRow;
  const resolved = resolveParams(params, first.region, first.scheme);
  const byPeriod = new Map(fund.map((r) => [r.period.text, r]));
  let warnings: FundWarning[];
  try {
    warnings = evaluateFundSeries(
      fund.map((r) => ({ period: r.period.text, incomeFen: r.fen.income, expenditureFen: r.fen.expenditure, balanceFen: r.fen.balance })),
      { scheme: first.scheme, params: resolved, projectedNext12ExpenditureFen: (p) => byPeriod.get(p)?.projectedFen },
    );
  } catch (err) {
    throw new CliError(`${file}: fund ${first.region}/${first.scheme}: ${(err as Error).message}`);
  }
  const out = new Map<number, WarnOutputRow>();
  for (const w of warnings) {
    const row = byPeriod.get(w.period) as FundRow;
    out.set(row.rowNumber, {
      region: row.region,
      scheme: row.scheme,
      period: w.period,
      payableMonths: w.payableMonths,
      tier: w.tier,
      flags: w.flags,
      consecutiveDeficits: w.consecutiveDeficits,
      denominator: w.denominator,
      annualExpenditure: fenToYuan(w.annualExpenditureFen),
      windowMonths: w.windowMonths,
      ...(w.resident ? { resident: w.resident } : {}),
    });
  }
  return out;
}

function loadParams(path: string): WarningParams {
  const { json, name } = readJsonFile(path);
  try {
    return parseWarningParams(json);
  } catch (err) {
    throw new CliError(`${name}: ${(err as Error).message}`);
  }
}

function attempt<T>(fn: () => T, onError: (message: string) => void): T | undefined {
  try {
    return fn();
  } catch (err) {
    onError((err as Error).message);
    return undefined;
  }
}
