/**
 * Import of monthly actual fund payments to the institutions of a plan (domain.md §5.6): a CSV or
 * XLSX file with institution_code (机构编码), period (月份, YYYY-MM) and amount (基金支付, 元 unless
 * the header states 万元). Through the importer's readers, header resolution and cell checks, so a
 * problem names the file, row, column and rule; a file with any error writes nothing. Months of the
 * plan year and of the year before (for seasonal profiles) are accepted; re-importing a month revises it.
 */
import { and, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { budgetActualPayments, budgetQuotas, institutions, type Scheme } from '../db/schema.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { formatFenAsYuan } from '../../models/index.ts';
import { readTableFromBuffer, TableReadError } from '../importer/read-table.ts';
import { resolveColumns, type ColumnSpec } from '../importer/header.ts';
import { IssueCollector } from '../importer/issues.ts';
import { CellReader } from '../importer/cells.ts';
import { INSTITUTION_CODE_ALIASES } from '../importer/institutions.ts';
import type { ImportIssue } from '../importer/types.ts';
import { appendAudit } from './audit.ts';
import { loadPlan, planLabel } from './budget-plans.ts';
import { upsertRows } from './budget-bulk.ts';

export const ACTUAL_COLUMNS: readonly ColumnSpec[] = [
  { name: 'institution_code', required: true, aliases: INSTITUTION_CODE_ALIASES },
  { name: 'period', required: true, aliases: ['月份', '期间', '年月', '所属期'] },
  { name: 'amount', required: true, money: 'table', aliases: ['基金支付', '基金支付金额', '支付金额', '金额'] },
];

export interface ActualsReport {
  ok: boolean;
  fileName: string;
  rowsRead: number;
  errors: ImportIssue[];
  errorCount: number;
  warnings: ImportIssue[];
  summary: { inserted: number; updated: number; unchanged: number };
  periods: string[];
}

/**
 * Validates the whole file, then writes every row (upsert) with one audit row, or nothing. The
 * checks against stored data (institutions, the plan's institutions, the months already stored)
 * run in the transaction that writes.
 * Rules: missing_column, required, not_a_number, negative_amount, bad_period, period_outside_plan,
 * unknown_institution, not_in_plan, duplicate_key, unreadable_file.
 */
export async function importActuals(db: Db, user: SessionUser, scope: Set<number> | null, input: { planId: number; fileName: string; contentBase64: string }): Promise<ActualsReport> {
  const plan = await loadPlan(db, scope, input.planId);
  const issues = new IssueCollector(input.fileName);
  const report = (rowsRead: number, summary = { inserted: 0, updated: 0, unchanged: 0 }, periods: string[] = []): ActualsReport => ({
    ok: !issues.hasErrors, fileName: input.fileName, rowsRead, errors: issues.sortedErrors(), errorCount: issues.errorCount, warnings: issues.warnings, summary, periods,
  });
  let table;
  try {
    table = await readTableFromBuffer(Buffer.from(input.contentBase64, 'base64'), input.fileName);
  } catch (err) {
    if (!(err instanceof TableReadError)) throw err;
    issues.error(null, null, 'unreadable_file', err.message);
    return report(0);
  }
  const cols = resolveColumns(table.header, ACTUAL_COLUMNS, 'actual payments', { file: input.fileName, unit: 'yuan', vintage: '', issues, exactNumbers: table.encoding === 'xlsx' });
  if (issues.hasErrors) return report(0);
  const read = table;
  const [first, last] = [`${plan.year - 1}-01`, `${plan.year}-12`];
  const at = new Date().toISOString();
  return db.transaction(async (tx) => {
    const codes = new Map((await tx.select({ id: institutions.id, code: institutions.code }).from(institutions)).map((r) => [r.code, r.id]));
    const inPlan = new Set((await tx.select({ id: budgetQuotas.institutionId }).from(budgetQuotas).where(eq(budgetQuotas.planId, plan.id))).map((r) => r.id));
    const seen = new Map<string, number>();
    const rows: { institutionId: number; period: string; amountFen: number }[] = [];
    const r = new CellReader(cols, issues, read.encoding === 'xlsx');
    read.rows.forEach((cells, i) => {
      r.start(cells, read.rowNumbers[i] ?? i + 2);
      const code = r.text('institution_code', true);
      const period = r.period('period', true);
      const amountFen = r.money('amount', 'yuan', true);
      const id = code === null ? undefined : codes.get(code);
      if (code !== null && id === undefined) r.fail('institution_code', 'unknown_institution', `institution "${code}" is not in the institutions table; import it first (kind institutions)`);
      else if (id !== undefined && !inPlan.has(id)) r.fail('institution_code', 'not_in_plan', `institution "${code}" is not in ${planLabel(plan)}`);
      if (period !== null && period.kind !== 'month') r.fail('period', 'bad_period', `period must be a month YYYY-MM, got "${period.text}"`);
      else if (period !== null && (period.text < first || period.text > last)) {
        r.fail('period', 'period_outside_plan', `period ${period.text} is outside ${first} to ${last} (the plan year ${plan.year} and the year before it)`);
      }
      if (amountFen !== null && amountFen < 0) r.fail('amount', 'negative_amount', `amount cannot be negative: ${formatFenAsYuan(amountFen)} 元`);
      if (r.failed || id === undefined || period === null || amountFen === null) return;
      const key = `${id}/${period.text}`;
      const seenAt = seen.get(key);
      if (seenAt !== undefined) {
        r.fail('period', 'duplicate_key', `institution "${code}" has ${period.text} twice (also at row ${seenAt})`);
        return;
      }
      seen.set(key, r.rowNumber);
      rows.push({ institutionId: id, period: period.text, amountFen });
    });
    if (issues.hasErrors) return report(read.rows.length);

    // every accepted month lies in [first, last]: the months stored outside it cannot match
    const stored = new Map((await tx.select().from(budgetActualPayments)
      .where(and(eq(budgetActualPayments.scheme, plan.scheme), gte(budgetActualPayments.period, first), lte(budgetActualPayments.period, last))))
      .map((s) => [`${s.institutionId}/${s.period}`, s.amountFen]));
    const summary = { inserted: 0, updated: 0, unchanged: 0 };
    const changed = rows.filter((row) => {
      const before = stored.get(`${row.institutionId}/${row.period}`);
      if (before === row.amountFen) summary.unchanged++;
      else if (before === undefined) summary.inserted++;
      else summary.updated++;
      return before !== row.amountFen;
    });
    const periods = [...new Set(rows.map((row) => row.period))].sort();
    const stamp = { scheme: plan.scheme, fileName: input.fileName, importedBy: user.id, importedAt: at };
    await upsertRows(tx, budgetActualPayments, changed.map((row) => ({ ...row, ...stamp })), {
      target: ['institutionId', 'scheme', 'period'], update: ['amountFen', 'fileName', 'importedBy', 'importedAt'],
    });
    await appendAudit(tx, { userId: user.id, username: user.username, action: 'budget.actuals', entity: 'budget_plan', entityId: plan.id, after: { fileName: input.fileName, rows: rows.length, ...summary, periods } });
    return report(read.rows.length, summary, periods);
  });
}

/** Institution id → actual payments (fen) of months 1–12 of `year` in the plan's scheme (undefined = not imported). */
export async function actualsOfYear(db: Db, planId: number, scheme: Scheme, year: number): Promise<Map<number, (number | undefined)[]>> {
  const rows = await db.select({ id: budgetActualPayments.institutionId, period: budgetActualPayments.period, fen: budgetActualPayments.amountFen })
    .from(budgetActualPayments).innerJoin(budgetQuotas, and(eq(budgetQuotas.institutionId, budgetActualPayments.institutionId), eq(budgetQuotas.planId, planId)))
    .where(and(eq(budgetActualPayments.scheme, scheme), gte(budgetActualPayments.period, `${year}-01`), lte(budgetActualPayments.period, `${year}-12`)));
  const out = new Map<number, (number | undefined)[]>();
  for (const row of rows) {
    const months = out.get(row.id) ?? new Array<number | undefined>(12).fill(undefined);
    months[Number(row.period.slice(5, 7)) - 1] = row.fen;
    out.set(row.id, months);
  }
  return out;
}
