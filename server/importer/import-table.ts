/**
 * The one entry point of every import (CLI, upload, demo loader). The whole file is validated
 * first and every problem is reported; a report with any error writes nothing. Otherwise the
 * validation against the stored data, the records, the `imports` row and one audit entry happen in
 * ONE write transaction (SQLite's BEGIN IMMEDIATE, PostgreSQL's write lock: nothing can change
 * between validation and write); any exception rolls all of it back. Inside a caller's
 * transaction (the demo loader) it is a savepoint. A dry run validates outside any transaction and
 * lists the changes without writing. Re-importing a file is idempotent.
 *
 * Rules (the `rule` of an issue):
 * - file and header: unreadable_file, unknown_kind, bad_date (the vintage option), missing_column,
 *   duplicate_column, too_many_errors; warnings: unknown_column (ignored), header_unit;
 * - cells: required, not_a_number, amount_too_large, not_an_integer, negative_count, bad_period,
 *   bad_date, bad_year, unknown_region, unknown_scheme, unknown_account, unknown_level,
 *   unknown_institution, unknown_institution_type, bad_level, bad_credit_rating,
 *   score_out_of_range, unknown_nature, unknown_status, not_a_boolean, negative_amount, bad_count,
 *   duplicate_key, parent_cycle;
 * - fund records: negative_expenditure (the total and every part; income and its parts may be
 *   negative, as refunds net of collections, and so may a balance, as a deficit),
 *   adjustment_without_reason, parts_do_not_sum, caliber_mismatch, duplicate_period,
 *   mixed_period_kind, missing_month / missing_year, roll_forward (all within 1 元);
 * - write_failed / internal_error: an exception; everything was rolled back.
 * Columns a file lacks keep their stored values on update; an empty cell of a present column is null.
 */
import { basename } from 'node:path';
import type { Db } from '../db/client.ts';
import { TableReadError, type RawTable } from './read-table.ts';
import { CsvSyntaxError } from './csv-records.ts';
import { openRowSource, tableSource, type RowSource } from './row-source.ts';
import { IssueCollector } from './issues.ts';
import { auditImport, recordImport } from './record-import.ts';
import { planFundRecords } from './fund-records/plan.ts';
import { isValidVintage } from './fund-records/parse-rows.ts';
import { planRegions } from './regions.ts';
import { planInstitutions } from './institutions.ts';
import { planInstitutionYears } from './institution-years.ts';
import { planViolations } from './violations.ts';
import { IMPORT_KINDS, type ImportContext, type ImportKind, type ImportOptions, type ImportReport, type KindPlan, type KindPlanner } from './types.ts';

export type { ImportKind, ImportOptions, ImportIssue, ImportReport, ImportSummary, ChangeEntry } from './types.ts';
export { IMPORT_KINDS } from './types.ts';
export { formatIssue } from './issues.ts';

const PLANNERS: Record<ImportKind, KindPlanner> = {
  regions: planRegions,
  fund_records: planFundRecords,
  institutions: planInstitutions,
  institution_years: planInstitutionYears,
  violations: planViolations,
};

export function importTable(db: Db, table: RawTable, options: ImportOptions): Promise<ImportReport> {
  return importRows(db, tableSource(table), options);
}

/** importTable over any row source (a streamed CSV file, or a table). */
export async function importRows(db: Db, source: RowSource, options: ImportOptions): Promise<ImportReport> {
  const issues = new IssueCollector(source.fileName);
  const ctx: ImportContext = { file: source.fileName, unit: options.unit, vintage: options.vintage, issues, exactNumbers: source.encoding === 'xlsx' };
  if (!(IMPORT_KINDS as readonly string[]).includes(options.kind)) {
    issues.error(null, null, 'unknown_kind', `unknown import kind "${options.kind}": use one of ${IMPORT_KINDS.join(', ')}`);
  }
  if (!isValidVintage(options.vintage)) {
    issues.error(null, null, 'bad_date', `vintage "${options.vintage}" is not a date (expected YYYY-MM-DD or YYYY-MM)`);
  }
  let plan: KindPlan | null = null;
  let importId: number | null = null;
  let phase = 'validating';
  let rowsRead = 0;
  const validate = async (conn: Db): Promise<KindPlan> => {
    const validated = await PLANNERS[options.kind](conn, source, ctx);
    plan = validated;
    rowsRead = validated.rowsRead ?? source.forEachRow(() => undefined);
    return validated;
  };
  try {
    if (!issues.hasErrors && options.dryRun) {
      await validate(db);
    } else if (!issues.hasErrors) {
      await db.transaction(async (tx) => {
        const validated = await validate(tx);
        if (issues.hasErrors) return;
        phase = 'writing';
        const id = await recordImport(tx, source.fileName, options, validated.changes.summary);
        await validated.write(tx, id);
        await auditImport(tx, id, source.fileName, options, validated.changes.summary, rowsRead);
        importId = id;
      });
    }
  } catch (err) {
    importId = null;
    if (err instanceof CsvSyntaxError) {
      issues.error(null, null, 'unreadable_file', `${source.fileName}: not a readable CSV file (${err.message})`);
    } else {
      const rule = phase === 'writing' ? 'write_failed' : 'internal_error';
      issues.error(null, null, rule, `nothing was imported: ${(err as Error).message ?? String(err)}`);
    }
  }
  return buildReport(source, rowsRead, options, issues, plan, importId);
}

function buildReport(source: RowSource, rowsRead: number, options: ImportOptions, issues: IssueCollector, plan: KindPlan | null, importId: number | null): ImportReport {
  const ok = !issues.hasErrors;
  const changes = ok && plan ? plan.changes : null;
  return {
    ok,
    dryRun: options.dryRun,
    kind: options.kind,
    fileName: source.fileName,
    encoding: source.encoding,
    unit: options.unit,
    rowsRead,
    errors: issues.sortedErrors(),
    errorCount: issues.errorCount,
    warnings: issues.warnings,
    summary: changes ? { ...changes.summary } : { inserted: 0, updated: 0, unchanged: 0 },
    changes: changes ? changes.entries : [],
    changesTruncated: changes ? changes.truncated : false,
    importId: ok ? importId : null,
  };
}

/** A report for a file that could not be read at all (one file-level issue, row null). */
export function unreadableFileReport(fileName: string, options: ImportOptions, message: string): ImportReport {
  return {
    ok: false, dryRun: options.dryRun, kind: options.kind, fileName, encoding: 'unknown', unit: options.unit, rowsRead: 0,
    errors: [{ file: fileName, row: null, column: null, rule: 'unreadable_file', message }], warnings: [],
    summary: { inserted: 0, updated: 0, unchanged: 0 }, changes: [], changesTruncated: false, importId: null,
  };
}

/**
 * Reads and imports a file. A CSV file is streamed (see row-source.ts), so a million-row file
 * never exists as a million string arrays; an XLSX file is read whole. A file that cannot be read
 * gives a report with one file-level issue (rule unreadable_file).
 */
export async function importFile(db: Db, path: string, options: ImportOptions): Promise<ImportReport> {
  let source: RowSource;
  try {
    source = await openRowSource(path);
  } catch (err) {
    if (err instanceof TableReadError) return unreadableFileReport(basename(path), options, err.message);
    throw err;
  }
  return importRows(db, source, options);
}
