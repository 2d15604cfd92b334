/** Collects every problem found in a file, each naming the file, row, column and rule broken. */
import type { ImportIssue } from './types.ts';

export class IssueCollector {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];

  constructor(readonly file: string) {}

  error(row: number | null, column: string | null, rule: string, message: string): void {
    this.errors.push({ file: this.file, row, column, rule, message });
  }

  warn(row: number | null, column: string | null, rule: string, message: string): void {
    this.warnings.push({ file: this.file, row, column, rule, message });
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** Errors in row order (file-level first); the sort is stable, so a row keeps its column order. */
  sortedErrors(): ImportIssue[] {
    return [...this.errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  }
}

/** One line for a terminal: `FILE row R, column C: [rule] message`. */
export function formatIssue(issue: ImportIssue): string {
  const where = [issue.row === null ? null : `row ${issue.row}`, issue.column === null ? null : `column ${issue.column}`]
    .filter((p) => p !== null)
    .join(', ');
  return `${issue.file}${where ? ` ${where}` : ''}: [${issue.rule}] ${issue.message}`;
}
