/**
 * Shapes shared by the importer: options, issues, the report, and the plan each kind returns.
 * `import-table.ts` re-exports the public ones; callers import them from there.
 */
import type { MoneyUnit } from '../../models/core/money.ts';
import type { Db } from '../db/client.ts';
import type { ChangeList } from './change-list.ts';
import type { IssueCollector } from './issues.ts';
import type { RowSource } from './row-source.ts';

export const IMPORT_KINDS = ['regions', 'fund_records', 'institutions', 'institution_years', 'violations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportOptions {
  kind: ImportKind;
  /** Unit of money columns whose header does not state one (a header such as `income (万元)` wins). */
  unit: MoneyUnit;
  dryRun: boolean;
  /** Vintage given to records whose row has none: the import date `YYYY-MM-DD` (or a bulletin month `YYYY-MM`). */
  vintage: string;
  userId?: number | null;
  username?: string | null;
}

export interface ImportIssue {
  file: string;
  /** Spreadsheet row (header = 1); null for a problem with the whole file. */
  row: number | null;
  /** The column as written in the file's header (or the expected name when it is missing). */
  column: string | null;
  rule: string;
  message: string;
}

export type ChangeAction = 'insert' | 'update' | 'unchanged';

export interface ChangeEntry {
  key: string;
  action: ChangeAction;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export interface ImportSummary {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  kind: ImportKind;
  fileName: string;
  encoding: string;
  unit: MoneyUnit;
  rowsRead: number;
  errors: ImportIssue[];
  /** Extra: how many errors were found (the list stops at 10,000; see issues.ts). */
  errorCount?: number;
  /** Extra: things worth knowing that do not stop the import (ignored columns, header units). */
  warnings?: ImportIssue[];
  summary: ImportSummary;
  changes: ChangeEntry[];
  changesTruncated: boolean;
  importId: number | null;
}

/** What a kind's planner needs besides the database and the table. */
export interface ImportContext {
  file: string;
  unit: MoneyUnit;
  vintage: string;
  issues: IssueCollector;
  /** The cells come from XLSX number cells (exponent notation is exact there, unlike in a CSV). */
  exactNumbers: boolean;
}

/** A validated import: what would change, and how to write it (inside the caller's transaction). */
export interface KindPlan {
  /** Data rows read, or null when the planner stopped at the header. */
  rowsRead: number | null;
  changes: ChangeList;
  write(db: Db, importId: number): Promise<void>;
}

/** Reads what the database holds for a kind and validates the rows against it (awaits queries only). */
export type KindPlanner = (db: Db, source: RowSource, ctx: ImportContext) => Promise<KindPlan>;
