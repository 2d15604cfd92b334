/**
 * The one entry point of every import (CLI, upload, demo loader). The whole file is validated
 * first and every problem is reported; a report with any error writes nothing. Otherwise the
 * records, the `imports` row and one audit entry are written in ONE transaction (BEGIN IMMEDIATE,
 * so nothing can change between validation and write); any exception rolls all of it back.
 * A dry run validates and lists the changes without writing. Re-importing a file is idempotent.
 */
import { basename } from 'node:path';
import type { Db } from '../db/client.ts';
import { readTable, TableReadError, type RawTable } from './read-table.ts';
import { IssueCollector } from './issues.ts';
import { auditImport, recordImport } from './record-import.ts';
import { planFundRecords } from './fund-records/plan.ts';
import { isValidVintage } from './fund-records/parse-rows.ts';
import { planRegions } from './regions.ts';
import { planInstitutions } from './institutions.ts';
import { planInstitutionYears } from './institution-years.ts';
import { planViolations } from './violations.ts';
import { IMPORT_KINDS, type ImportContext, type ImportKind, type ImportOptions, type ImportReport, type KindPlan } from './types.ts';

export type { ImportKind, ImportOptions, ImportIssue, ImportReport, ImportSummary, ChangeEntry } from './types.ts';
export { IMPORT_KINDS } from './types.ts';
export { formatIssue } from './issues.ts';

const PLANNERS: Record<ImportKind, (db: Db, table: RawTable, ctx: ImportContext) => KindPlan> = {
  regions: planRegions,
  fund_records: planFundRecords,
  institutions: planInstitutions,
  institution_years: planInstitutionYears,
  violations: planViolations,
};

export function importTable(db: Db, table: RawTable, options: ImportOptions): ImportReport {
  const issues = new IssueCollector(table.fileName);
  const ctx: ImportContext = { file: table.fileName, unit: options.unit, vintage: options.vintage, issues };
  if (!(IMPORT_KINDS as readonly string[]).includes(options.kind)) {
    issues.error(null, null, 'unknown_kind', `unknown import kind "${options.kind}": use one of ${IMPORT_KINDS.join(', ')}`);
  }
  if (!isValidVintage(options.vintage)) {
    issues.error(null, null, 'bad_date', `vintage "${options.vintage}" is not a date (expected YYYY-MM-DD or YYYY-MM)`);
  }
  let plan: KindPlan | null = null;
  let importId: number | null = null;
  let phase = 'validating';
  try {
    const run = () => {
      if (issues.hasErrors) return;
      plan = PLANNERS[options.kind](db, table, ctx);
      if (issues.hasErrors || options.dryRun) return;
      phase = 'writing';
      const id = recordImport(db, table.fileName, options, plan.changes.summary);
      plan.write(db, id);
      auditImport(db, id, table.fileName, options, plan.changes.summary, table.rows.length);
      importId = id;
    };
    const tx = db.$client.transaction(run);
    if (options.dryRun) tx.deferred();
    else tx.immediate();
  } catch (err) {
    importId = null;
    const rule = phase === 'writing' ? 'write_failed' : 'internal_error';
    issues.error(null, null, rule, `nothing was imported: ${(err as Error).message ?? String(err)}`);
  }
  return buildReport(table, options, issues, plan, importId);
}

function buildReport(table: RawTable, options: ImportOptions, issues: IssueCollector, plan: KindPlan | null, importId: number | null): ImportReport {
  const ok = !issues.hasErrors;
  const changes = ok && plan ? plan.changes : null;
  return {
    ok,
    dryRun: options.dryRun,
    kind: options.kind,
    fileName: table.fileName,
    encoding: table.encoding,
    unit: options.unit,
    rowsRead: table.rows.length,
    errors: issues.sortedErrors(),
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

export async function importFile(db: Db, path: string, options: ImportOptions): Promise<ImportReport> {
  let table: RawTable;
  try {
    table = await readTable(path);
  } catch (err) {
    if (err instanceof TableReadError) return unreadableFileReport(basename(path), options, err.message);
    throw err;
  }
  return importTable(db, table, options);
}
