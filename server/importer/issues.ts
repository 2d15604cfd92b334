/**
 * Collects every problem found in a file, each naming the file, row, column and rule broken.
 * Past MAX_LISTED_ISSUES errors the rest are counted, not kept: a million-row file in the wrong
 * layout must not produce a gigabyte report. Validation still runs to the end.
 */
import type { ImportIssue } from './types.ts';

export const MAX_LISTED_ISSUES = 10_000;

export class IssueCollector {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  /** All errors found, listed or not. */
  errorCount = 0;

  constructor(readonly file: string) {}

  error(row: number | null, column: string | null, rule: string, message: string): void {
    this.errorCount++;
    if (this.errors.length < MAX_LISTED_ISSUES) this.errors.push({ file: this.file, row, column, rule, message });
  }

  warn(row: number | null, column: string | null, rule: string, message: string): void {
    if (this.warnings.length < MAX_LISTED_ISSUES) this.warnings.push({ file: this.file, row, column, rule, message });
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }

  /** Errors in row order (file-level first; the sort is stable), plus a note of any left unlisted. */
  sortedErrors(): ImportIssue[] {
    const sorted = [...this.errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    const unlisted = this.errorCount - this.errors.length;
    if (unlisted > 0) {
      sorted.push({ file: this.file, row: null, column: null, rule: 'too_many_errors',
        message: `${unlisted} more problems are not listed (${this.errorCount} in all); fix the ones above and validate again` });
    }
    return sorted;
  }
}

/** One line for a terminal: `FILE row R, column C: [rule] message`. */
export function formatIssue(issue: ImportIssue): string {
  const where = [issue.row === null ? null : `row ${issue.row}`, issue.column === null ? null : `column ${issue.column}`]
    .filter((p) => p !== null)
    .join(', ');
  return `${issue.file}${where ? ` ${where}` : ''}: [${issue.rule}] ${issue.message}`;
}
