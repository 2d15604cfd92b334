/**
 * An institution's year (domain.md §2), keyed by institution_code, year and scheme: the fund
 * payments and budget of that scheme (institution_scheme_years: 分别建账, a plan for scheme S uses
 * only S's payments), plus the assessment score (0–100) and credit rating (A–D), which belong to
 * the institution's year whatever the scheme (institution_years). Money is in the import unit.
 *
 * The scheme of a row is its `scheme` cell (employee / resident / …, or 职工 / 居民 / …, as fund
 * records). Without a scheme (no column, or an empty cell) the row is stored under the
 * institution's only scheme when it serves exactly one; when it serves several the row is refused
 * (scheme_required): the payments of both funds in one figure cannot be split, and attributing the
 * total to each plan would count it twice. Rows of one institution and year on several schemes
 * must give the same score and rating (conflicting_year_value). Payments for a scheme the
 * institution does not serve are stored with a warning (scheme_not_served): no plan uses them.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { institutionSchemeYears, institutionYears, institutions, type Scheme } from '../db/schema.ts';
import type { RowSource } from './row-source.ts';
import { ChangeList } from './change-list.ts';
import type { CellReader } from './cells.ts';
import { resolveColumns, type ColumnSpec, type ResolvedColumns } from './header.ts';
import { INSTITUTION_CODE_ALIASES } from './institutions.ts';
import { FUND_RECORD_COLUMNS } from './fund-records/columns.ts';
import { addKeyedChange, onlyPresent, readKeyedRows, type KeyedRow, type View } from './keyed-rows.ts';
import { yuanText } from './format.ts';
import type { ImportContext, KindPlan } from './types.ts';
import { CREDIT_VOCAB, SCHEME_VOCAB, type CreditRating } from './vocabulary.ts';

export const SCORE_MIN = 0;
export const SCORE_MAX = 100;
const YEAR = /^\d{4}$/;
const MONEY_KEYS = new Set(['payments', 'budget']);
/** The columns that belong to the institution's year, not to one scheme. */
const YEAR_COLUMNS = ['assessment_score', 'credit_rating'] as const;
const SCHEME_HINT = 'employee / resident, or 职工 / 居民';

export const INSTITUTION_YEAR_COLUMNS: readonly ColumnSpec[] = [
  { name: 'institution_code', required: true, aliases: INSTITUTION_CODE_ALIASES },
  { name: 'year', required: true, aliases: ['年度', '年份'] },
  { name: 'scheme', aliases: FUND_RECORD_COLUMNS.find((c) => c.name === 'scheme')?.aliases ?? [] },
  { name: 'payments', required: true, money: 'table', aliases: ['基金支付', '基金支付金额', '医保基金支付', '支付金额'] },
  { name: 'budget', money: 'table', aliases: ['预算', '总额预算', '年度预算'] },
  { name: 'assessment_score', aliases: ['考核得分', '考核分数', '考核评分'] },
  { name: 'credit_rating', aliases: ['信用等级', '信用评级'] },
];

interface YearValue {
  institutionId: number; code: string; year: number; scheme: Scheme;
  payments: number; budget: number | null; assessment_score: number | null; credit_rating: CreditRating | null;
}

interface InstitutionInfo { id: number; schemes: Scheme[] }

/** A non-negative amount in fen, or null; negative_amount otherwise. */
export function nonNegativeMoney(r: CellReader, name: string, ctx: ImportContext, required = false): number | null {
  const v = r.money(name, ctx.unit, required);
  if (v !== null && v < 0) r.fail(name, 'negative_amount', `${name} cannot be negative: ${yuanText(v)} 元`);
  return v;
}

async function loadInstitutions(db: Db): Promise<Map<string, InstitutionInfo>> {
  return new Map((await db.select({ id: institutions.id, code: institutions.code, schemes: institutions.schemes }).from(institutions))
    .map((r) => [r.code, { id: r.id, schemes: r.schemes.split(',').map((s) => s.trim()).filter((s) => s !== '') as Scheme[] }]));
}

/** The row's scheme: its cell, else the institution's only scheme; scheme_required when it serves several. */
function readScheme(r: CellReader, code: string, inst: InstitutionInfo | undefined, ctx: ImportContext): Scheme | null {
  if (r.raw('scheme') !== '') {
    const scheme = r.coded('scheme', SCHEME_VOCAB, 'unknown_scheme');
    if (scheme !== null && inst && !inst.schemes.includes(scheme)) {
      ctx.issues.warn(r.rowNumber, r.label('scheme'), 'scheme_not_served',
        `institution "${code}" does not serve ${scheme} (its schemes: ${inst.schemes.join(', ')}): the payments are stored, but no ${scheme} plan uses them until the institutions import adds ${scheme}`);
    }
    return scheme;
  }
  if (!inst) return null;
  if (inst.schemes.length === 1) return inst.schemes[0] as Scheme;
  const why = r.has('scheme')
    ? `the scheme cell is empty and institution "${code}" serves ${inst.schemes.join(' and ')}`
    : `the file has no scheme column and institution "${code}" serves ${inst.schemes.join(' and ')}`;
  return r.fail('scheme', 'scheme_required',
    `${why}: one payments figure for several schemes cannot be split between their budget plans; give one row per scheme with a scheme column (${SCHEME_HINT})`);
}

/** conflicting_year_value: rows of one institution and year must agree on the columns that are per year. */
function checkYearValues(rows: readonly KeyedRow<YearValue>[], cols: ResolvedColumns, ctx: ImportContext): void {
  const first = new Map<string, KeyedRow<YearValue>>();
  for (const row of rows) {
    const key = `${row.value.code}/${row.value.year}`;
    const seen = first.get(key);
    if (!seen) {
      first.set(key, row);
      continue;
    }
    for (const name of YEAR_COLUMNS) {
      if (!cols.index.has(name) || seen.value[name] === row.value[name]) continue;
      const show = (v: number | string | null) => (v === null ? 'empty' : String(v));
      ctx.issues.error(row.rowNumber, cols.label.get(name) ?? name, 'conflicting_year_value',
        `${name} ${show(row.value[name])} differs from ${show(seen.value[name])} in row ${seen.rowNumber} for ${key}: it belongs to the institution's year, not to one scheme; give the same value on every scheme row`);
    }
  }
}

export async function planInstitutionYears(db: Db, source: RowSource, ctx: ImportContext): Promise<KindPlan> {
  const changes = new ChangeList();
  const cols = resolveColumns(source.header, INSTITUTION_YEAR_COLUMNS, 'institution_years', ctx);
  if (ctx.issues.hasErrors) return { rowsRead: null, changes, write: async () => undefined };
  const byCode = await loadInstitutions(db);
  const { rows, rowsRead } = readKeyedRows<YearValue>(source, cols, ctx, 'year', (r) => {
    const code = r.text('institution_code', true);
    const inst = code === null ? undefined : byCode.get(code);
    if (code !== null && inst === undefined) {
      r.fail('institution_code', 'unknown_institution', `institution "${code}" is not in the institutions table; import it first (kind institutions)`);
    }
    const yearText = r.text('year', true);
    if (yearText !== null && !YEAR.test(yearText)) r.fail('year', 'bad_year', `year: not a year (expected YYYY): "${yearText}"`);
    const scheme = code === null ? null : readScheme(r, code, inst, ctx);
    const score = r.decimal('assessment_score');
    if (score !== null && (score < SCORE_MIN || score > SCORE_MAX)) {
      r.fail('assessment_score', 'score_out_of_range', `assessment_score ${score} is outside ${SCORE_MIN}–${SCORE_MAX}`);
    }
    const ratingText = r.raw('credit_rating');
    const rating = ratingText === '' ? null : r.coded('credit_rating', CREDIT_VOCAB, 'bad_credit_rating');
    const payments = nonNegativeMoney(r, 'payments', ctx, true) ?? 0;
    const budget = nonNegativeMoney(r, 'budget', ctx);
    if (code === null || yearText === null || scheme === null) return null;
    const value: YearValue = {
      institutionId: inst?.id ?? 0, code, year: Number(yearText), scheme, payments, budget, assessment_score: score, credit_rating: rating,
    };
    return { key: `${code}/${yearText}/${scheme}`, value };
  });
  checkYearValues(rows, cols, ctx);

  const storedYears = new Map((await db.select().from(institutionYears)).map((s) => [`${s.institutionId}/${s.year}`, s]));
  const storedSchemeYears = new Map((await db.select().from(institutionSchemeYears)).map((s) => [`${s.institutionId}/${s.year}/${s.scheme}`, s]));
  const actions = new Map<string, 'insert' | 'update'>();
  /** Institution years to insert (none stored) or update (a per-year column differs), keyed `<id>/<year>`. */
  const yearActions = new Map<string, { action: 'insert' | 'update'; value: YearValue }>();
  for (const row of rows) {
    const v = row.value;
    const y = storedYears.get(`${v.institutionId}/${v.year}`);
    const s = storedSchemeYears.get(`${v.institutionId}/${v.year}/${v.scheme}`);
    const before: View | undefined = s && { payments: s.paymentsFen, budget: s.budgetFen, assessment_score: y?.assessmentScore ?? null, credit_rating: y?.creditRating ?? null };
    const after = onlyPresent({ payments: v.payments, budget: v.budget, assessment_score: v.assessment_score, credit_rating: v.credit_rating }, cols);
    const action = addKeyedChange(changes, row.key, before, after, MONEY_KEYS);
    if (action !== 'unchanged') actions.set(row.key, action);
    const yearKey = `${v.institutionId}/${v.year}`;
    const yearChanged = YEAR_COLUMNS.some((name) => cols.index.has(name) && (name === 'assessment_score' ? y?.assessmentScore : y?.creditRating) !== v[name]);
    if (!y) yearActions.set(yearKey, { action: 'insert', value: v });
    else if (yearChanged) yearActions.set(yearKey, { action: 'update', value: v });
  }

  const write = async (wdb: Db, importId: number) => {
    for (const { action, value: v } of yearActions.values()) {
      if (action === 'insert') {
        await wdb.insert(institutionYears).values({ institutionId: v.institutionId, year: v.year, assessmentScore: v.assessment_score, creditRating: v.credit_rating, importId });
      } else {
        await wdb.update(institutionYears).set({
          importId,
          ...(cols.index.has('assessment_score') ? { assessmentScore: v.assessment_score } : {}),
          ...(cols.index.has('credit_rating') ? { creditRating: v.credit_rating } : {}),
        }).where(and(eq(institutionYears.institutionId, v.institutionId), eq(institutionYears.year, v.year)));
      }
    }
    for (const row of rows) {
      const action = actions.get(row.key);
      const v = row.value;
      if (action === 'insert') {
        await wdb.insert(institutionSchemeYears).values({ institutionId: v.institutionId, year: v.year, scheme: v.scheme, paymentsFen: v.payments, budgetFen: v.budget, importId });
      } else if (action === 'update') {
        await wdb.update(institutionSchemeYears).set({ paymentsFen: v.payments, importId, ...(cols.index.has('budget') ? { budgetFen: v.budget } : {}) })
          .where(and(eq(institutionSchemeYears.institutionId, v.institutionId), eq(institutionSchemeYears.year, v.year), eq(institutionSchemeYears.scheme, v.scheme)));
      }
    }
  };
  return { rowsRead, changes, write };
}
