/**
 * Search, filter and sort of the allocation table's lines in the browser (the lines come whole
 * from `budget.plan`; nothing here computes a figure). Kept pure so a table of 10,000 lines can
 * be re-derived in one pass on every keystroke.
 */
import type { QuotaLine } from './types.ts';

export type LineFilter = 'all' | 'adjusted' | 'deduction' | 'pending' | 'needs_manual' | 'terminated' | 'suspended';

export const LINE_FILTERS: readonly LineFilter[] = ['all', 'adjusted', 'deduction', 'pending', 'needs_manual', 'terminated', 'suspended'];

const PREDICATES: Readonly<Record<LineFilter, (l: QuotaLine) => boolean>> = {
  all: () => true,
  adjusted: (l) => l.adjusted,
  deduction: (l) => l.deductionYuan > 0,
  pending: (l) => l.pendingDeductionYuan > 0,
  needs_manual: (l) => l.source === 'needs_manual',
  terminated: (l) => l.status === 'terminated',
  suspended: (l) => l.status === 'suspended',
};

/** Lines whose code or name contains the search text (case-insensitive) and that pass the filter. */
export function filterLines(lines: readonly QuotaLine[], search: string, filter: LineFilter): QuotaLine[] {
  const needle = search.trim().toLowerCase();
  const keep = PREDICATES[filter];
  return lines.filter((l) => keep(l) && (needle === '' || l.code.toLowerCase().includes(needle) || l.name.toLowerCase().includes(needle)));
}
