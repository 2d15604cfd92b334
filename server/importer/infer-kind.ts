/**
 * Guesses what a file holds from its header: the kinds whose required columns are all present,
 * and among them the one that recognises the most columns (an institutions file also has the
 * columns a regions file needs: region_code, name, level). Null when nothing fits or two tie.
 */
import { normalizeHeader, type ColumnSpec } from './header.ts';
import { FUND_RECORD_COLUMNS } from './fund-records/columns.ts';
import { INSTITUTION_COLUMNS } from './institutions.ts';
import { INSTITUTION_YEAR_COLUMNS } from './institution-years.ts';
import { REGION_COLUMNS } from './regions.ts';
import type { ImportKind } from './types.ts';
import { VIOLATION_COLUMNS } from './violations.ts';

const SPECS: Record<ImportKind, readonly ColumnSpec[]> = {
  regions: REGION_COLUMNS,
  fund_records: FUND_RECORD_COLUMNS,
  institutions: INSTITUTION_COLUMNS,
  institution_years: INSTITUTION_YEAR_COLUMNS,
  violations: VIOLATION_COLUMNS,
};

/** @example inferKind(['region_code', 'scheme', 'period', 'income', 'expenditure', 'balance']) // => 'fund_records' */
export function inferKind(header: readonly string[]): ImportKind | null {
  const keys = new Set(header.map((h) => normalizeHeader(h).key));
  let best: { kind: ImportKind; score: number } | null = null;
  let tie = false;
  for (const [kind, specs] of Object.entries(SPECS) as Array<[ImportKind, readonly ColumnSpec[]]>) {
    const matched = specs.filter((s) => [s.name, ...(s.aliases ?? [])].some((a) => keys.has(normalizeHeader(a).key)));
    if (!specs.filter((s) => s.required).every((s) => matched.includes(s))) continue;
    if (best === null || matched.length > best.score) {
      best = { kind, score: matched.length };
      tie = false;
    } else if (matched.length === best.score) {
      tie = true;
    }
  }
  return best === null || tie ? null : best.kind;
}
