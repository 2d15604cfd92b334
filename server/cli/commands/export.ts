/**
 * `npx fundrisk export TABLE [--format csv|xlsx] [--unit 元] --out FILE`: writes a table of the
 * database FUNDRISK_DB or DATABASE_URL names; money in the unit given, stated in each header.
 * Prints `{"table","format","unit","out","bytes"}` to stdout.
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { parseMoneyUnit, type MoneyUnit } from '../../../models/core/money.ts';
import { EXPORTABLE_TABLES, exportTable, type ExportableTable } from '../../services/export-table.ts';
import { withDatabase } from '../database.ts';
import { CliError, writeJson } from '../io.ts';

interface ExportCliOptions { format?: string; unit: string; out: string }

export function registerExport(program: Command): void {
  program.command('export')
    .description('export a table as CSV (UTF-8 with BOM) or XLSX; exports of imported kinds import back unchanged (导出)')
    .argument('<table>', EXPORTABLE_TABLES.join(' | '))
    .option('--format <format>', 'csv or xlsx (default: from the --out extension, else csv)')
    .option('--unit <unit>', 'money unit: 元, 万元 or 亿元', '元')
    .requiredOption('--out <file>', 'file to write')
    .action(async (table: string, opts: ExportCliOptions) => {
      if (!(EXPORTABLE_TABLES as readonly string[]).includes(table)) {
        throw new CliError(`unknown table "${table}": use one of ${EXPORTABLE_TABLES.join(', ')}`);
      }
      const format = opts.format ?? (extname(opts.out).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
      if (format !== 'csv' && format !== 'xlsx') throw new CliError(`--format: use csv or xlsx, not "${format}"`);
      let unit: MoneyUnit;
      try {
        unit = parseMoneyUnit(opts.unit);
      } catch (err) {
        throw new CliError(`--unit: ${(err as Error).message}`);
      }
      const file = await withDatabase((db) => exportTable(db, table as ExportableTable, format, { unit, regionIds: null }));
      writeFileSync(opts.out, file.bytes);
      writeJson({ table, format, unit, out: opts.out, bytes: file.bytes.length }, undefined);
    });
}
