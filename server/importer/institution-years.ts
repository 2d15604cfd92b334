/**
 * An institution's year (domain.md §2): fund payments, budget, assessment score (0–100) and credit
 * rating (A–D), keyed by institution_code and year. Money is in the import unit.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { institutionYears } from '../db/schema.ts';
import type { RowSource } from './row-source.ts';
import { ChangeList } from './change-list.ts';
import type { CellReader } from './cells.ts';
import { resolveColumns, type ColumnSpec } from './header.ts';
import { loadInstitutionIds, INSTITUTION_CODE_ALIASES } from './institutions.ts';
import { addKeyedChange, onlyPresent, readKeyedRows, type View } from './keyed-rows.ts';
import { yuanText } from './format.ts';
import type { ImportContext, KindPlan } from './types.ts';
import { CREDIT_VOCAB, type CreditRating } from './vocabulary.ts';

export const SCORE_MIN = 0;
export const SCORE_MAX = 100;
const YEAR = /^\d{4}$/;
const MONEY_KEYS = new Set(['payments', 'budget']);

export const INSTITUTION_YEAR_COLUMNS: readonly ColumnSpec[] = [
  { name: 'institution_code', required: true, aliases: INSTITUTION_CODE_ALIASES },
  { name: 'year', required: true, aliases: ['年度', '年份'] },
  { name: 'payments', required: true, money: 'table', aliases: ['基金支付', '基金支付金额', '医保基金支付', '支付金额'] },
  { name: 'budget', money: 'table', aliases: ['预算', '总额预算', '年度预算'] },
  { name: 'assessment_score', aliases: ['考核得分', '考核分数', '考核评分'] },
  { name: 'credit_rating', aliases: ['信用等级', '信用评级'] },
];

interface YearValue { institutionId: number; year: number; payments: number; budget: number | null; assessment_score: number | null; credit_rating: CreditRating | null }

/** A non-negative amount in fen, or null; negative_amount otherwise. */
export function nonNegativeMoney(r: CellReader, name: string, ctx: ImportContext, required = false): number | null {
  const v = r.money(name, ctx.unit, required);
  if (v !== null && v < 0) r.fail(name, 'negative_amount', `${name} cannot be negative: ${yuanText(v)} 元`);
  return v;
}

export function planInstitutionYears(db: Db, source: RowSource, ctx: ImportContext): KindPlan {
  const changes = new ChangeList();
  const cols = resolveColumns(source.header, INSTITUTION_YEAR_COLUMNS, 'institution_years', ctx);
  if (ctx.issues.hasErrors) return { rowsRead: null, changes, write: () => undefined };
  const institutionIds = loadInstitutionIds(db);
  const { rows, rowsRead } = readKeyedRows<YearValue>(source, cols, ctx, 'year', (r) => {
    const code = r.text('institution_code', true);
    const institutionId = code === null ? undefined : institutionIds.get(code);
    if (code !== null && institutionId === undefined) {
      r.fail('institution_code', 'unknown_institution', `institution "${code}" is not in the institutions table; import it first (kind institutions)`);
    }
    const yearText = r.text('year', true);
    if (yearText !== null && !YEAR.test(yearText)) r.fail('year', 'bad_year', `year: not a year (expected YYYY): "${yearText}"`);
    const score = r.decimal('assessment_score');
    if (score !== null && (score < SCORE_MIN || score > SCORE_MAX)) {
      r.fail('assessment_score', 'score_out_of_range', `assessment_score ${score} is outside ${SCORE_MIN}–${SCORE_MAX}`);
    }
    const ratingText = r.raw('credit_rating');
    const rating = ratingText === '' ? null : r.coded('credit_rating', CREDIT_VOCAB, 'bad_credit_rating');
    const value: YearValue = {
      institutionId: institutionId ?? 0, year: Number(yearText),
      payments: nonNegativeMoney(r, 'payments', ctx, true) ?? 0, budget: nonNegativeMoney(r, 'budget', ctx),
      assessment_score: score, credit_rating: rating,
    };
    return code === null || yearText === null ? null : { key: `${code}/${yearText}`, value };
  });
  const stored = db.select().from(institutionYears).all();
  const storedByKey = new Map(stored.map((s) => [`${s.institutionId}/${s.year}`, s]));
  const actions = new Map<string, 'insert' | 'update'>();
  for (const row of rows) {
    const v = row.value;
    const s = storedByKey.get(`${v.institutionId}/${v.year}`);
    const before: View | undefined = s && { payments: s.paymentsFen, budget: s.budgetFen, assessment_score: s.assessmentScore, credit_rating: s.creditRating };
    const after = onlyPresent({ payments: v.payments, budget: v.budget, assessment_score: v.assessment_score, credit_rating: v.credit_rating }, cols);
    const action = addKeyedChange(changes, row.key, before, after, MONEY_KEYS);
    if (action !== 'unchanged') actions.set(row.key, action);
  }
  const write = (wdb: Db, importId: number) => {
    for (const row of rows) {
      const action = actions.get(row.key);
      if (!action) continue;
      const v = row.value;
      if (action === 'insert') {
        wdb.insert(institutionYears).values({
          institutionId: v.institutionId, year: v.year, paymentsFen: v.payments, budgetFen: v.budget,
          assessmentScore: v.assessment_score, creditRating: v.credit_rating, importId,
        }).run();
      } else {
        wdb.update(institutionYears).set({
          paymentsFen: v.payments, importId,
          ...(cols.index.has('budget') ? { budgetFen: v.budget } : {}),
          ...(cols.index.has('assessment_score') ? { assessmentScore: v.assessment_score } : {}),
          ...(cols.index.has('credit_rating') ? { creditRating: v.credit_rating } : {}),
        }).where(and(eq(institutionYears.institutionId, v.institutionId), eq(institutionYears.year, v.year))).run();
      }
    }
  };
  return { rowsRead, changes, write };
}
