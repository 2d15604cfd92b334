/**
 * `npx fundrisk import FILE [--kind K] [--unit 元] [--dry-run] [--vintage YYYY-MM-DD] [--out FILE]`:
 * validates a CSV or XLSX file and imports it in one transaction into the database FUNDRISK_DB
 * or DATABASE_URL names. The report JSON goes to stdout (or --out); each problem is also printed
 * to stderr as `FILE row R, column C: [rule] message`, and the exit code is 1.
 */
import type { Command } from 'commander';
import { parseMoneyUnit, type MoneyUnit } from '../../../models/core/money.ts';
import { importRows, IMPORT_KINDS, unreadableFileReport, type ImportKind, type ImportReport } from '../../importer/import-table.ts';
import { inferKind } from '../../importer/infer-kind.ts';
import { formatIssue } from '../../importer/issues.ts';
import { TableReadError } from '../../importer/read-table.ts';
import { openRowSource, type RowSource } from '../../importer/row-source.ts';
import { isValidVintage } from '../../importer/fund-records/parse-rows.ts';
import { withDatabase } from '../database.ts';
import { CliError, writeJson } from '../io.ts';

interface ImportCliOptions { kind?: string; unit: string; dryRun?: boolean; vintage?: string; out?: string }

/** Today's local date as `YYYY-MM-DD`: the default vintage. */
function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function parseUnit(text: string): MoneyUnit {
  try {
    return parseMoneyUnit(text);
  } catch (err) {
    throw new CliError(`--unit: ${(err as Error).message}`);
  }
}

function chooseKind(file: string, given: string | undefined, source: RowSource | null): ImportKind {
  if (given !== undefined) {
    if (!(IMPORT_KINDS as readonly string[]).includes(given)) throw new CliError(`--kind: unknown kind "${given}"; use one of ${IMPORT_KINDS.join(', ')}`);
    return given as ImportKind;
  }
  if (source === null) return 'fund_records';
  const inferred = inferKind(source.header);
  if (inferred === null) {
    throw new CliError(`${file}: cannot tell what the file holds from its header (${source.header.join(', ')}); pass --kind (${IMPORT_KINDS.join(', ')})`);
  }
  return inferred;
}

export function registerImport(program: Command): void {
  program.command('import')
    .description('validate and import a CSV or XLSX file; a file with any error imports nothing (导入)')
    .argument('<file>', 'CSV (UTF-8 or GBK) or XLSX file')
    .option('--kind <kind>', `${IMPORT_KINDS.join(' | ')} (default: inferred from the header)`)
    .option('--unit <unit>', 'unit of money columns whose header states none: 元, 万元 or 亿元', '元')
    .option('--dry-run', 'validate and list the changes without writing anything')
    .option('--vintage <date>', 'vintage of records whose row gives none (default: today, YYYY-MM-DD)')
    .option('--out <file>', 'write the report JSON to this file instead of stdout')
    .action(async (file: string, opts: ImportCliOptions) => {
      const unit = parseUnit(opts.unit);
      const vintage = opts.vintage ?? today();
      if (!isValidVintage(vintage)) throw new CliError(`--vintage: not a date (expected YYYY-MM-DD): "${vintage}"`);
      let source: RowSource | null = null;
      let readError: string | null = null;
      try {
        source = await openRowSource(file);
      } catch (err) {
        if (!(err instanceof TableReadError)) throw err;
        readError = err.message;
      }
      const kind = chooseKind(file, opts.kind, source);
      const options = { kind, unit, dryRun: Boolean(opts.dryRun), vintage, username: `cli:${process.env.USER ?? 'unknown'}` };
      const readable = source;
      const report: ImportReport = readable === null
        ? unreadableFileReport(file, options, readError ?? 'unreadable')
        : await withDatabase((db) => importRows(db, readable, options));
      writeJson(report, opts.out);
      if (!report.ok) {
        for (const issue of report.errors) process.stderr.write(`${formatIssue(issue)}\n`);
        process.exitCode = 1;
      }
    });
}
