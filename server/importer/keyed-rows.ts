/**
 * Shared by the small kinds (regions, institutions, institution years, violations): read each row
 * into a keyed value, reject a key given twice (duplicate_key), and classify each row against the
 * stored record with the same key, comparing only the columns the file has.
 */
import { fenToYuan } from '../../models/core/money.ts';
import type { ChangeList } from './change-list.ts';
import { CellReader } from './cells.ts';
import type { ResolvedColumns } from './header.ts';
import type { RowSource } from './row-source.ts';
import type { ChangeAction, ImportContext } from './types.ts';

export interface KeyedRow<T> {
  rowNumber: number;
  key: string;
  value: T;
}

/** Rows whose cells all read; a row with any problem is reported and left out. */
export function readKeyedRows<T>(
  source: RowSource, cols: ResolvedColumns, ctx: ImportContext, keyColumn: string,
  read: (r: CellReader) => { key: string; value: T } | null,
): { rows: KeyedRow<T>[]; rowsRead: number } {
  const r = new CellReader(cols, ctx.issues, ctx.exactNumbers);
  const out: KeyedRow<T>[] = [];
  const seen = new Map<string, number>();
  const rowsRead = source.forEachRow((row, rowNumber) => {
    const result = read(r.start(row, rowNumber));
    if (!result) return;
    const first = seen.get(result.key);
    if (first !== undefined) {
      r.fail(keyColumn, 'duplicate_key', `${result.key} already appears in row ${first}`);
      return;
    }
    seen.set(result.key, rowNumber);
    if (!r.failed) out.push({ rowNumber, key: result.key, value: result.value });
  });
  return { rows: out, rowsRead };
}

export type View = Record<string, string | number | boolean | null>;

/**
 * Compares `after` (the file's values, integer fen for money) with `before` (stored) on the keys
 * of `after`, adds the change, and returns the action.
 */
export function addKeyedChange(changes: ChangeList, key: string, before: View | undefined, after: View, moneyKeys: ReadonlySet<string>): ChangeAction {
  const changed = before === undefined ? null : Object.keys(after).filter((k) => (before[k] ?? null) !== (after[k] ?? null));
  const action: ChangeAction = before === undefined ? 'insert' : changed && changed.length > 0 ? 'update' : 'unchanged';
  const show = (view: View, keys: string[]) => Object.fromEntries(keys.map((k) => {
    const v = view[k] ?? null;
    return [k, moneyKeys.has(k) && typeof v === 'number' ? fenToYuan(v) : v];
  }));
  changes.add(action, key, () => {
    if (action === 'insert') return { after: show(after, Object.keys(after)) };
    if (action === 'update' && before && changed) return { before: show(before, changed), after: show(after, changed) };
    return {};
  });
  return action;
}

/** `view` without the keys of columns the file does not have (so stored values stay). */
export function onlyPresent(view: View, cols: ResolvedColumns, columnOf: Record<string, string> = {}): View {
  return Object.fromEntries(Object.entries(view).filter(([k]) => cols.index.has(columnOf[k] ?? k)));
}
