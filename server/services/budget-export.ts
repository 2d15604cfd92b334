/**
 * Exports of a plan's tables as XLSX or CSV (UTF-8 with BOM): the allocation table, the prepayment
 * schedule, the deviation list, the settlement and the published list. The rows are the same views
 * the router serves; money is written as exact decimal text in 元 (or 万元) with the unit in the
 * header, headers in Chinese or English. The published list also prints as a PDF notice
 * (budget-published-pdf.ts); the other tables are working files and have no PDF.
 */
import type { Db } from '../db/client.ts';
import { csvWriter, xlsxWriter, type Cell } from '../importer/export-writers.ts';
import { fenToUnitText } from './export-table.ts';
import { getPlanDetail, publishedList } from './budget-detail.ts';
import { getPrepayments } from './budget-prepayment.ts';
import { planDeviation } from './budget-deviation.ts';
import { getSettlement } from './budget-settlement.ts';
import { loadPlan } from './budget-plans.ts';
import { publishedListPdf } from './budget-published-pdf.ts';
import { DomainError } from './errors.ts';
import type { ExportedFile } from './export-table.ts';

export const BUDGET_EXPORT_TABLES = ['quotas', 'prepayments', 'deviation', 'settlement', 'published'] as const;
export type BudgetExportTable = (typeof BUDGET_EXPORT_TABLES)[number];
export type ExportLanguage = 'zh' | 'en';
type Unit = 'yuan' | 'wan';
export type BudgetExportFormat = 'xlsx' | 'csv' | 'pdf';

/** A column: its header in both languages, and whether it holds money (yuan in the view). */
interface Column { zh: string; en: string; money?: boolean }
const UNIT_LABEL: Record<Unit, Record<ExportLanguage, string>> = { yuan: { zh: '元', en: 'yuan' }, wan: { zh: '万元', en: '10⁴ yuan' } };

const c = (zh: string, en: string, money = false): Column => ({ zh, en, money });
const CODE = c('机构编码', 'institution code');
const NAME = c('机构名称', 'institution');
const MONTH_COLUMNS = Array.from({ length: 12 }, (_, i) => c(`${i + 1}月预拨`, `prepaid month ${i + 1}`, true));

async function table(db: Db, scope: Set<number> | null, planId: number, name: BudgetExportTable): Promise<{ columns: Column[]; rows: Cell[][] }> {
  switch (name) {
    case 'quotas': {
      const d = await getPlanDetail(db, scope, planId);
      return {
        columns: [CODE, NAME, c('类型', 'type'), c('等级', 'level'), c('统筹区', 'region'), c('协议状态', 'agreement'), c('来源', 'source'),
          c('基数', 'base', true), c('考核得分', 'score'), c('考核系数', 'assessment factor'), c('信用等级', 'credit rating'), c('信用系数', 'credit factor'),
          c('违规扣减', 'deduction', true), c('待决策扣减', 'deduction awaiting decision', true), c('调整前额度', 'raw quota', true), c('预算额度', 'quota', true), c('未分配', 'unallocated', true)],
        rows: d.lines.map((l) => [l.code, l.name, l.type, l.level, l.regionName, l.status, l.source, l.baseYuan, l.assessmentScore, l.assessmentFactor, l.creditRating,
          l.creditFactor, l.deductionYuan, l.pendingDeductionYuan, l.rawYuan, l.quotaYuan, l.unallocatedYuan]),
      };
    }
    case 'prepayments': {
      const p = await getPrepayments(db, scope, planId);
      return {
        columns: [CODE, NAME, c('预算额度', 'quota', true), c('预留', 'withheld', true), c('分配方式', 'profile'), ...MONTH_COLUMNS, c('预拨合计', 'prepaid', true), c('中止暂缓', 'held for suspension', true)],
        rows: p.institutions.map((i) => [i.code, i.name, i.quotaYuan, i.withheldYuan, i.profile, ...i.monthsYuan, i.prepaidYuan, i.heldForSuspensionYuan]),
      };
    }
    case 'deviation': {
      const d = await planDeviation(db, scope, { planId });
      return {
        columns: [CODE, NAME, c('预算额度', 'quota', true), c('累计实际', 'actual to date', true), c('累计应支', 'expected to date', true), c('偏离率', 'deviation'),
          c('偏离程度', 'band'), c('方向', 'direction'), c('起始月份', 'since'), c('缺报月份', 'months missing')],
        rows: d.rows.map((r) => [r.code, r.name, r.quotaYuan, r.actualToDateYuan, r.expectedToDateYuan, r.deviation, r.band, r.direction, r.since, r.missingMonths.join(' ')]),
      };
    }
    case 'settlement': {
      const s = await getSettlement(db, scope, planId);
      return {
        columns: [CODE, NAME, c('结算区间', 'band'), c('预算额度', 'quota', true), c('实际发生', 'actual', true), c('基金支付', 'fund pays', true), c('结余留用', 'reward', true),
          c('机构分担', 'institution bears', true), c('违规追回', 'violation recovery', true), c('已预拨', 'prepaid', true), c('清算结果', 'final', true)],
        rows: s.rows.map((r) => [r.code, r.name, r.band, r.quotaYuan, r.actualYuan, r.fundPaysYuan, r.rewardYuan, r.institutionBearsYuan, r.violationRecoveryYuan, r.prepaidYuan, r.finalYuan]),
      };
    }
    case 'published': {
      const p = await publishedList(db, scope, planId);
      return {
        columns: [CODE, NAME, c('类型', 'type'), c('等级', 'level'), c('统筹区', 'region'), c('年度预算额度', 'budget', true)],
        rows: p.rows.map((r) => [r.code, r.name, r.type, r.level, r.regionName, r.quotaYuan]),
      };
    }
  }
}

/**
 * @throws DomainError BAD_REQUEST `only the published list prints as PDF, not <table>: download it as xlsx or csv`.
 * @throws DomainError from the views (NOT_FOUND, FORBIDDEN, CONFLICT when the table does not exist yet for the plan's status).
 */
export async function exportBudgetTable(db: Db, scope: Set<number> | null, planId: number, name: BudgetExportTable, options: { format: BudgetExportFormat; unit: Unit; lang: ExportLanguage }): Promise<ExportedFile> {
  if (options.format === 'pdf' && name !== 'published') throw new DomainError('BAD_REQUEST', `only the published list prints as PDF, not ${name}: download it as xlsx or csv`);
  const plan = await loadPlan(db, scope, planId);
  const fileName = `budget-${plan.year}-${plan.scheme}-v${plan.version}-${name}.${options.format}`;
  if (options.format === 'pdf') return { fileName, contentType: 'application/pdf', bytes: await publishedListPdf(db, scope, planId, options) };
  const { columns, rows } = await table(db, scope, planId, name);
  const unit = UNIT_LABEL[options.unit][options.lang];
  const header = columns.map((col) => (!col.money ? col[options.lang] : options.lang === 'zh' ? `${col.zh}（${unit}）` : `${col.en} (${unit})`));
  const numeric = new Set(columns.flatMap((col, i) => (col.money ? [i] : [])));
  const writer = options.format === 'xlsx' ? xlsxWriter(name, header, numeric) : csvWriter(header, numeric);
  for (const row of rows) {
    writer.row(row.map((cell, i) => (numeric.has(i) && typeof cell === 'number' ? fenToUnitText(Math.round(cell * 100), options.unit) : cell)));
  }
  return {
    fileName, bytes: await writer.finish(),
    contentType: options.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
  };
}
