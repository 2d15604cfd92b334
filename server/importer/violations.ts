/**
 * Confirmed violations of designated institutions (seed 001 第十一条): institution_code, date,
 * amount, count (default 1), nature (general / serious / severe, or 一般 / 较重 / 严重), kind
 * (分解住院, 挂床住院, …) and status (default confirmed). A violation has no code of its own, so
 * institution + date + kind + amount identify it: re-importing a file changes nothing, and the
 * same key twice in one file is refused (record it once with its count).
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { institutions, violations } from '../db/schema.ts';
import type { RowSource } from './row-source.ts';
import { ChangeList } from './change-list.ts';
import { resolveColumns, type ColumnSpec } from './header.ts';
import { INSTITUTION_CODE_ALIASES, loadInstitutionIds } from './institutions.ts';
import { nonNegativeMoney } from './institution-years.ts';
import { addKeyedChange, onlyPresent, readKeyedRows, type View } from './keyed-rows.ts';
import { formatFenAsYuan } from '../../models/core/money.ts';
import type { ImportContext, KindPlan } from './types.ts';
import { NATURE_VOCAB, STATUS_VOCAB, type ViolationNature, type ViolationStatus } from './vocabulary.ts';

export const VIOLATION_COLUMNS: readonly ColumnSpec[] = [
  { name: 'institution_code', required: true, aliases: INSTITUTION_CODE_ALIASES },
  { name: 'date', required: true, aliases: ['日期', '违规日期', '发现日期', '处理日期'] },
  { name: 'amount', required: true, money: 'table', aliases: ['违规金额', '金额'] },
  { name: 'count', aliases: ['违规次数', '次数'] },
  { name: 'nature', required: true, aliases: ['违规性质', '性质'] },
  { name: 'kind', required: true, aliases: ['违规类型', '违规行为', '类型'] },
  { name: 'status', aliases: ['状态', '处理状态'] },
];

interface ViolationValue { institutionId: number; date: string; amount: number; kind: string; count: number; nature: ViolationNature; status: ViolationStatus }

const violationKey = (code: string, date: string, kind: string, amountFen: number) => `${code}/${date}/${kind}/${formatFenAsYuan(amountFen)}`;

export async function planViolations(db: Db, source: RowSource, ctx: ImportContext): Promise<KindPlan> {
  const changes = new ChangeList();
  const cols = resolveColumns(source.header, VIOLATION_COLUMNS, 'violations', ctx);
  if (ctx.issues.hasErrors) return { rowsRead: null, changes, write: async () => undefined };
  const institutionIds = await loadInstitutionIds(db);
  const { rows, rowsRead } = readKeyedRows<ViolationValue>(source, cols, ctx, 'kind', (r) => {
    const code = r.text('institution_code', true);
    const institutionId = code === null ? undefined : institutionIds.get(code);
    if (code !== null && institutionId === undefined) {
      r.fail('institution_code', 'unknown_institution', `institution "${code}" is not in the institutions table; import it first (kind institutions)`);
    }
    const date = r.date('date', true);
    const amount = nonNegativeMoney(r, 'amount', ctx, true);
    const count = r.count('count') ?? 1;
    if (count < 1) r.fail('count', 'bad_count', `count must be at least 1, not ${count}`);
    const kind = r.text('kind', true);
    const value: ViolationValue = {
      institutionId: institutionId ?? 0, date: date ?? '', amount: amount ?? 0, kind: kind ?? '', count,
      nature: r.coded('nature', NATURE_VOCAB, 'unknown_nature', true) ?? 'general',
      status: r.raw('status') === '' ? 'confirmed' : r.coded('status', STATUS_VOCAB, 'unknown_status') ?? 'confirmed',
    };
    if (code === null || date === null || amount === null || kind === null) return null;
    return { key: violationKey(code, date, kind, amount), value };
  });
  const stored = await db.select({ v: violations, code: institutions.code }).from(violations)
    .innerJoin(institutions, eq(institutions.id, violations.institutionId)).orderBy(asc(violations.id));
  const storedByKey = new Map<string, (typeof stored)[number]['v']>();
  for (const s of stored) {
    const key = violationKey(s.code, s.v.date, s.v.kind, s.v.amountFen);
    if (!storedByKey.has(key)) storedByKey.set(key, s.v);
  }
  const actions = new Map<string, { action: 'insert' | 'update'; id: number | null }>();
  for (const row of rows) {
    const s = storedByKey.get(row.key);
    const before: View | undefined = s && { count: s.count, nature: s.nature, status: s.status };
    const after = onlyPresent({ count: row.value.count, nature: row.value.nature, status: row.value.status }, cols);
    const action = addKeyedChange(changes, row.key, before, after, new Set());
    if (action !== 'unchanged') actions.set(row.key, { action, id: s?.id ?? null });
  }
  const write = async (wdb: Db, importId: number) => {
    for (const row of rows) {
      const planned = actions.get(row.key);
      if (!planned) continue;
      const v = row.value;
      if (planned.action === 'insert' || planned.id === null) {
        await wdb.insert(violations).values({
          institutionId: v.institutionId, date: v.date, amountFen: v.amount, count: v.count, nature: v.nature, kind: v.kind, status: v.status, importId,
        });
      } else {
        await wdb.update(violations).set({
          nature: v.nature, importId,
          ...(cols.index.has('count') ? { count: v.count } : {}),
          ...(cols.index.has('status') ? { status: v.status } : {}),
        }).where(eq(violations.id, planned.id));
      }
    }
  };
  return { rowsRead, changes, write };
}
