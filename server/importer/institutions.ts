/**
 * The designated institutions import (定点医药机构): institution_code, name, type (hospital /
 * primary_care / pharmacy, or 医院 / 基层 / 药店), level (三级 / 二级 / 一级 or 3 / 2 / 1; empty
 * for pharmacies), region_code and the schemes served (comma-, 、- or ;-separated).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { institutions, regions, SCHEMES } from '../db/schema.ts';
import type { RowSource } from './row-source.ts';
import { ChangeList } from './change-list.ts';
import { resolveColumns, type ColumnSpec } from './header.ts';
import { addKeyedChange, onlyPresent, readKeyedRows, type View } from './keyed-rows.ts';
import type { ImportContext, KindPlan } from './types.ts';
import { INSTITUTION_TYPE_VOCAB, lookup, parseInstitutionLevel, SCHEME_VOCAB, type InstitutionType } from './vocabulary.ts';

export const INSTITUTION_CODE_ALIASES = ['机构编码', '定点机构编码', '医药机构编码', '医疗机构编码'];
export const DEFAULT_SCHEMES = 'employee,resident';

export const INSTITUTION_COLUMNS: readonly ColumnSpec[] = [
  { name: 'institution_code', required: true, aliases: INSTITUTION_CODE_ALIASES },
  { name: 'name', required: true, aliases: ['机构名称', '名称', '定点机构名称'] },
  { name: 'type', required: true, aliases: ['类型', '机构类型'] },
  { name: 'level', aliases: ['等级', '机构等级', '医院等级'] },
  { name: 'region_code', required: true, aliases: ['统筹区编码', '统筹区代码', '区划代码'] },
  { name: 'schemes', aliases: ['险种', '服务险种'] },
];

interface InstitutionValue { name: string; type: InstitutionType; level: number | null; region_code: string; schemes: string }

/** Institution code → id, for the kinds that refer to institutions. */
export async function loadInstitutionIds(db: Db): Promise<Map<string, number>> {
  return new Map((await db.select({ id: institutions.id, code: institutions.code }).from(institutions)).map((r) => [r.code, r.id]));
}

export async function planInstitutions(db: Db, source: RowSource, ctx: ImportContext): Promise<KindPlan> {
  const changes = new ChangeList();
  const cols = resolveColumns(source.header, INSTITUTION_COLUMNS, 'institutions', ctx);
  if (ctx.issues.hasErrors) return { rowsRead: null, changes, write: async () => undefined };
  const regionIds = new Map((await db.select({ id: regions.id, code: regions.code }).from(regions)).map((r) => [r.code, r.id]));
  const { rows, rowsRead } = readKeyedRows<InstitutionValue>(source, cols, ctx, 'institution_code', (r) => {
    const code = r.text('institution_code', true);
    const regionCode = r.text('region_code', true);
    if (regionCode !== null && !regionIds.has(regionCode)) {
      r.fail('region_code', 'unknown_region', `region "${regionCode}" is not in the regions table; import it first (kind regions)`);
    }
    const levelText = r.raw('level');
    const level = levelText === '' ? null : parseInstitutionLevel(levelText);
    if (level === undefined) r.fail('level', 'bad_level', `level "${levelText}" is not 3, 2 or 1 (三级, 二级, 一级); leave it empty for pharmacies`);
    const value: InstitutionValue = {
      name: r.text('name', true) ?? '',
      type: r.coded('type', INSTITUTION_TYPE_VOCAB, 'unknown_institution_type', true) ?? 'hospital',
      level: level ?? null,
      region_code: regionCode ?? '',
      schemes: r.raw('schemes') === '' ? DEFAULT_SCHEMES : parseSchemes(r.raw('schemes'), (bad) =>
        r.fail('schemes', 'unknown_scheme', `scheme "${bad}" is not one of ${SCHEMES.join(', ')} (or 职工, 居民, …)`)),
    };
    return code === null ? null : { key: code, value };
  });
  const stored = await db.select({ i: institutions, regionCode: regions.code }).from(institutions)
    .innerJoin(regions, eq(regions.id, institutions.regionId));
  const storedByCode = new Map(stored.map((s) => [s.i.code, s]));
  const actions = new Map<string, 'insert' | 'update'>();
  for (const row of rows) {
    const s = storedByCode.get(row.key);
    const before: View | undefined = s && { name: s.i.name, type: s.i.type, level: s.i.level, region_code: s.regionCode, schemes: s.i.schemes };
    const action = addKeyedChange(changes, row.key, before, onlyPresent({ ...row.value }, cols), new Set());
    if (action !== 'unchanged') actions.set(row.key, action);
  }
  const write = async (wdb: Db) => {
    for (const row of rows) {
      const action = actions.get(row.key);
      if (!action) continue;
      const v = row.value;
      const regionId = regionIds.get(v.region_code) as number;
      if (action === 'insert') {
        await wdb.insert(institutions).values({ code: row.key, name: v.name, type: v.type, level: v.level, regionId, schemes: v.schemes });
      } else {
        await wdb.update(institutions).set({
          name: v.name, type: v.type, regionId,
          ...(cols.index.has('level') ? { level: v.level } : {}),
          ...(cols.index.has('schemes') ? { schemes: v.schemes } : {}),
        }).where(eq(institutions.code, row.key));
      }
    }
  };
  return { rowsRead, changes, write };
}

/** `职工、居民` → `employee,resident` (in the schema's order, without repeats). */
function parseSchemes(text: string, onUnknown: (bad: string) => void): string {
  const found = new Set<string>();
  for (const part of text.split(/[,，、;；/\s]+/).filter((p) => p !== '')) {
    const scheme = lookup(SCHEME_VOCAB, part);
    if (scheme) found.add(scheme);
    else onUnknown(part);
  }
  return SCHEMES.filter((s) => found.has(s)).join(',');
}
