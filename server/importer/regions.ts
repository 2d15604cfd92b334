/**
 * The regions import: code, name, name_en, level (province / city / county or 省 / 市 / 县),
 * parent_code, and optionally source and synthetic. Parents may come later in the same file;
 * a parent that is nowhere (unknown_region) or a loop of parents (parent_cycle) is refused.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { regions, type RegionLevel } from '../db/schema.ts';
import type { RowSource } from './row-source.ts';
import { ChangeList } from './change-list.ts';
import { resolveColumns, type ColumnSpec } from './header.ts';
import { addKeyedChange, onlyPresent, readKeyedRows, type View } from './keyed-rows.ts';
import type { ImportContext, KindPlan } from './types.ts';
import { BOOLEAN_VOCAB, REGION_LEVEL_VOCAB } from './vocabulary.ts';

export const REGION_COLUMNS: readonly ColumnSpec[] = [
  { name: 'code', required: true, aliases: ['编码', '区划代码', '行政区划代码', '统筹区编码', 'region_code'] },
  { name: 'name', required: true, aliases: ['名称', '统筹区名称', '地区名称', 'region_name'] },
  { name: 'name_en', aliases: ['英文名称', 'english_name'] },
  { name: 'level', required: true, aliases: ['级别', '层级'] },
  { name: 'parent_code', aliases: ['上级编码', '上级区划代码', '上级统筹区编码'] },
  { name: 'source', aliases: ['来源', '数据来源'] },
  { name: 'synthetic', aliases: ['模拟数据', '合成数据'] },
];

interface RegionValue { name: string; name_en: string | null; level: RegionLevel; parent_code: string | null; source: string | null; synthetic: boolean }

export async function planRegions(db: Db, source: RowSource, ctx: ImportContext): Promise<KindPlan> {
  const changes = new ChangeList();
  const cols = resolveColumns(source.header, REGION_COLUMNS, 'regions', ctx);
  if (ctx.issues.hasErrors) return { rowsRead: null, changes, write: async () => undefined };
  const { rows, rowsRead } = readKeyedRows<RegionValue>(source, cols, ctx, 'code', (r) => {
    const code = r.text('code', true);
    const value: RegionValue = {
      name: r.text('name', true) ?? '',
      name_en: r.text('name_en'),
      level: r.coded('level', REGION_LEVEL_VOCAB, 'unknown_level', true) ?? 'city',
      parent_code: r.text('parent_code'),
      source: r.text('source'),
      synthetic: (r.coded('synthetic', BOOLEAN_VOCAB, 'not_a_boolean') ?? 'false') === 'true',
    };
    if (code !== null && value.parent_code === code) r.fail('parent_code', 'parent_cycle', `region ${code} cannot be its own parent`);
    return code === null ? null : { key: code, value };
  });
  const stored = await db.select().from(regions);
  const codeById = new Map(stored.map((s) => [s.id, s.code]));
  const storedByCode = new Map(stored.map((s) => [s.code, s]));
  const parentOf = new Map(stored.map((s) => [s.code, s.parentId === null ? null : codeById.get(s.parentId) ?? null]));
  if (cols.index.has('parent_code')) for (const row of rows) parentOf.set(row.key, row.value.parent_code);
  const fileCodes = new Set(rows.map((row) => row.key));
  const label = (name: string) => cols.label.get(name) ?? name;

  const actions = new Map<string, 'insert' | 'update'>();
  for (const row of rows) {
    const parent = row.value.parent_code;
    if (parent !== null && parent !== row.key && !fileCodes.has(parent) && !storedByCode.has(parent)) {
      ctx.issues.error(row.rowNumber, label('parent_code'), 'unknown_region', `parent region "${parent}" is neither in this file nor in the regions table`);
    } else if (hasCycle(row.key, parentOf)) {
      ctx.issues.error(row.rowNumber, label('parent_code'), 'parent_cycle', `region ${row.key} would be its own ancestor through parent ${parent}`);
    }
    const s = storedByCode.get(row.key);
    const before: View | undefined = s && {
      name: s.name, name_en: s.nameEn, level: s.level, parent_code: s.parentId === null ? null : codeById.get(s.parentId) ?? null,
      source: s.source, synthetic: s.synthetic,
    };
    const action = addKeyedChange(changes, row.key, before, onlyPresent({ ...row.value }, cols), new Set());
    if (action !== 'unchanged') actions.set(row.key, action);
  }

  const write = async (wdb: Db) => {
    const idByCode = new Map(stored.map((s) => [s.code, s.id]));
    const byCode = new Map(rows.map((row) => [row.key, row]));
    const parentId = async (code: string | null): Promise<number | null> => (code === null ? null : ensure(code));
    /** The id of a region, inserting it (after its parent) when it is new. */
    const ensure = async (code: string): Promise<number> => {
      const known = idByCode.get(code);
      if (known !== undefined) return known;
      const row = byCode.get(code) as (typeof rows)[number];
      const v = row.value;
      const [inserted] = await wdb.insert(regions).values({
        code, name: v.name, nameEn: v.name_en, level: v.level, parentId: await parentId(v.parent_code), source: v.source, synthetic: v.synthetic,
      }).returning({ id: regions.id });
      const id = (inserted as { id: number }).id;
      idByCode.set(code, id);
      return id;
    };
    for (const [code, action] of actions) if (action === 'insert') await ensure(code);
    for (const [code, action] of actions) {
      if (action !== 'update') continue;
      const v = (byCode.get(code) as (typeof rows)[number]).value;
      const set = {
        name: v.name, level: v.level,
        ...(cols.index.has('name_en') ? { nameEn: v.name_en } : {}),
        ...(cols.index.has('parent_code') ? { parentId: await parentId(v.parent_code) } : {}),
        ...(cols.index.has('source') ? { source: v.source } : {}),
        ...(cols.index.has('synthetic') ? { synthetic: v.synthetic } : {}),
      };
      await wdb.update(regions).set(set).where(eq(regions.code, code));
    }
  };
  return { rowsRead, changes, write };
}

/** Whether following parents up from `code` comes back to it. */
function hasCycle(code: string, parentOf: ReadonlyMap<string, string | null>): boolean {
  let current = parentOf.get(code) ?? null;
  for (let steps = 0; current !== null && steps <= parentOf.size; steps++) {
    if (current === code) return true;
    current = parentOf.get(current) ?? null;
  }
  return false;
}
