/**
 * Maps a file's header to the canonical columns of an import kind. Headers are matched without
 * case, with spaces or hyphens read as `_`, in English or by their Chinese aliases. A trailing
 * unit in brackets (`income (万元)`, `收入（元）`) sets the unit of that money column: the file
 * describes itself, so a stated unit wins over the import's default unit (with a warning when
 * they differ).
 */
import { parseMoneyUnit, MONEY_UNITS, type MoneyUnit } from '../../models/core/money.ts';
import type { ImportContext } from './types.ts';

/** `table`: in the import unit (aggregates); `yuan`: in 元 unless the header says otherwise (per-head amounts). */
export type MoneyBasis = 'table' | 'yuan';

export interface ColumnSpec {
  name: string;
  aliases?: readonly string[];
  required?: boolean;
  money?: MoneyBasis;
}

export interface ResolvedColumns {
  /** Canonical name → index of the column in each row. */
  index: ReadonlyMap<string, number>;
  /** Canonical name → the header as written in the file (used in issues). */
  label: ReadonlyMap<string, string>;
  /** Canonical name → unit, for the money columns present. */
  unit: ReadonlyMap<string, MoneyUnit>;
}

const UNIT_SUFFIX = /\s*[(（[【]([^)）\]】]*)[)）\]】]\s*$/;

/** `Income (万元)` → key `income`, unit `wan`; a bracket that is not a money unit is dropped. */
export function normalizeHeader(text: string): { key: string; unit: MoneyUnit | null } {
  let t = text.replace(/^\uFEFF/, '').trim();
  let unit: MoneyUnit | null = null;
  const m = UNIT_SUFFIX.exec(t);
  if (m) {
    try {
      unit = parseMoneyUnit(m[1] ?? '');
    } catch {
      unit = null;
    }
    t = t.slice(0, m.index);
  }
  return { key: t.trim().toLowerCase().replace(/[\s-]+/g, '_'), unit };
}

/** Canonical name of every key a spec list accepts. */
function aliasMap(specs: readonly ColumnSpec[]): Map<string, ColumnSpec> {
  const map = new Map<string, ColumnSpec>();
  for (const spec of specs) {
    map.set(spec.name, spec);
    for (const alias of spec.aliases ?? []) map.set(normalizeHeader(alias).key, spec);
  }
  return map;
}

/** Reports missing_column and duplicate_column errors (row 1) and ignored columns as warnings. */
export function resolveColumns(header: readonly string[], specs: readonly ColumnSpec[], kind: string, ctx: ImportContext): ResolvedColumns {
  const byKey = aliasMap(specs);
  const index = new Map<string, number>();
  const label = new Map<string, string>();
  const unit = new Map<string, MoneyUnit>();
  header.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const { key, unit: stated } = normalizeHeader(raw);
    const spec = byKey.get(key);
    if (!spec) {
      ctx.issues.warn(1, raw, 'unknown_column', `column "${raw}" is not part of a ${kind} import and is ignored`);
      return;
    }
    const previous = label.get(spec.name);
    if (previous !== undefined) {
      ctx.issues.error(1, raw, 'duplicate_column', `column "${raw}" and column "${previous}" both give ${spec.name}; keep one`);
      return;
    }
    index.set(spec.name, i);
    label.set(spec.name, raw);
    if (spec.money) {
      const fallback: MoneyUnit = spec.money === 'yuan' ? 'yuan' : ctx.unit;
      unit.set(spec.name, stated ?? fallback);
      if (stated && spec.money === 'table' && stated !== ctx.unit) {
        ctx.issues.warn(1, raw, 'header_unit',
          `column "${raw}" is read in ${MONEY_UNITS[stated].zh} as its header states, not in the import unit ${MONEY_UNITS[ctx.unit].zh}`);
      }
    }
  });
  for (const spec of specs) {
    if (spec.required && !index.has(spec.name)) {
      const aliases = spec.aliases?.length ? ` (or ${spec.aliases.slice(0, 3).join(', ')})` : '';
      ctx.issues.error(1, spec.name, 'missing_column', `the header has no column ${spec.name}${aliases}`);
    }
  }
  return { index, label, unit };
}
