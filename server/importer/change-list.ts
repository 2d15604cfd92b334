/**
 * The change list of an import: counts every insert / update / unchanged row, keeps the first
 * `MAX_CHANGES` entries in detail (the report of a million-row file must stay small).
 */
import type { ChangeAction, ChangeEntry, ImportSummary } from './types.ts';

export const MAX_CHANGES = 500;

export class ChangeList {
  readonly summary: ImportSummary = { inserted: 0, updated: 0, unchanged: 0 };
  readonly entries: ChangeEntry[] = [];
  truncated = false;

  /** True while details are still kept: callers skip building before/after objects otherwise. */
  get wantsDetail(): boolean {
    return this.entries.length < MAX_CHANGES;
  }

  add(action: ChangeAction, key: string, detail?: () => { before?: Record<string, unknown>; after?: Record<string, unknown> }): void {
    if (action === 'insert') this.summary.inserted++;
    else if (action === 'update') this.summary.updated++;
    else this.summary.unchanged++;
    if (!this.wantsDetail) {
      this.truncated = true;
      return;
    }
    this.entries.push({ key, action, ...(detail ? detail() : {}) });
  }
}

/** The fields of `after` that differ from `before`, as a before/after pair (for updates). */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    if (before[k] !== v) {
      b[k] = before[k] ?? null;
      a[k] = v;
    }
  }
  return { before: b, after: a };
}
