/**
 * Exports a table as CSV (UTF-8 with BOM) or XLSX. Money is converted from fen to the chosen
 * unit exactly (decimal text, never a float sum) and the unit is printed in the header, e.g.
 * `income (元)`. Column names are the importer's, so an export of regions, fund_records,
 * institutions, institution_years or violations imports back unchanged. `regionIds` limits the
 * rows to those regions (null: all); the audit log belongs to no region and needs all of them.
 * institution_years: one row per institution, year and scheme, the year's score and rating repeated
 * on each; a year that holds only a total for all schemes (before migration 0010) is written with an
 * empty scheme, which the importer accepts only for an institution serving one scheme.
 */
import { asc, eq } from 'drizzle-orm';
import { MONEY_UNITS, formatFenAsYuan, type MoneyUnit } from '../../models/core/money.ts';
import type { Db } from '../db/client.ts';
import { auditLog, fundRecords, funds, institutionSchemeYears, institutionYears, institutions, regions, violations } from '../db/schema.ts';
import { csvWriter, xlsxWriter, type Cell, type TableWriter } from '../importer/export-writers.ts';
import { NUMERIC_FIELDS } from '../importer/fund-records/columns.ts';

export const EXPORTABLE_TABLES = ['regions', 'funds', 'fund_records', 'institutions', 'institution_years', 'violations', 'audit_log'] as const;
export type ExportableTable = (typeof EXPORTABLE_TABLES)[number];

export interface ExportOptions {
  unit?: MoneyUnit;
  regionIds?: number[] | null;
}

export interface ExportedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** `table`: aggregates in the export unit; `yuan`: per-head amounts, always in 元. */
interface Column { name: string; money?: 'table' | 'yuan' }
type RowVisitor = (cells: Cell[]) => void;
type InScope = (regionId: number) => boolean;

const col = (name: string): Column => ({ name });
const NUMERIC_EXPORT_ORDER = [
  'income', 'expenditure', 'balance', 'income_employer', 'income_individual', 'income_subsidy', 'income_interest', 'income_other',
  'expenditure_inpatient', 'expenditure_outpatient', 'expenditure_pharmacy', 'expenditure_other', 'adjustment',
  'adjustment_reason', 'active_members', 'retirees', 'residents', 'avg_contribution_base',
].map((name) => NUMERIC_FIELDS.find((f) => f.name === name) ?? { name, db: name, money: null });
const FUND_RECORD_EXPORT: Column[] = [
  col('region_code'), col('scheme'), col('account'), col('period'),
  ...NUMERIC_EXPORT_ORDER.map((f) => ({ name: f.name, ...(f.money ? { money: f.money } : {}) })),
  col('caliber'), col('vintage'),
];

/** Exact decimal text of fen in a unit: 1234560 fen in 万元 → "1.23456" (at least two decimals). */
export function fenToUnitText(fen: number, unit: MoneyUnit): string {
  if (unit === 'yuan') return formatFenAsYuan(fen);
  const perUnit = Number(MONEY_UNITS[unit].factorYuan) * 100;
  const decimals = Math.log10(perUnit);
  const abs = Math.abs(fen);
  const remainder = abs % perUnit;
  const whole = (abs - remainder) / perUnit;
  const fraction = String(remainder).padStart(decimals, '0').replace(/0+$/, '').padEnd(2, '0');
  return `${fen < 0 ? '-' : ''}${whole}.${fraction}`;
}

const TABLES: Record<ExportableTable, { columns: Column[]; rows: (db: Db, inScope: InScope, visit: RowVisitor) => Promise<void> }> = {
  regions: {
    columns: ['code', 'name', 'name_en', 'level', 'parent_code', 'source', 'synthetic'].map(col),
    async rows(db, inScope, visit) {
      const all = await db.select().from(regions).orderBy(asc(regions.code));
      const codeById = new Map(all.map((r) => [r.id, r.code]));
      for (const r of all) {
        if (!inScope(r.id)) continue;
        visit([r.code, r.name, r.nameEn, r.level, r.parentId === null ? null : codeById.get(r.parentId) ?? null, r.source, r.synthetic ? 'true' : 'false']);
      }
    },
  },
  funds: {
    columns: ['region_code', 'scheme', 'account', 'caliber', 'period_kind', 'created_at'].map(col),
    async rows(db, inScope, visit) {
      for (const f of await listFunds(db)) if (inScope(f.regionId)) visit([f.code, f.scheme, f.account, f.caliber, f.periodKind, f.createdAt]);
    },
  },
  fund_records: {
    columns: FUND_RECORD_EXPORT,
    async rows(db, inScope, visit) {
      for (const f of await listFunds(db)) {
        if (!inScope(f.regionId)) continue;
        const records = await db.select().from(fundRecords).where(eq(fundRecords.fundId, f.id)).orderBy(asc(fundRecords.periodIndex));
        for (const r of records) {
          const values = r as unknown as Record<string, number | null>;
          visit([f.code, f.scheme, f.account, r.period, ...NUMERIC_EXPORT_ORDER.map((n) => values[camel(n.db)] ?? null), f.caliber, r.vintage]);
        }
      }
    },
  },
  institutions: {
    columns: ['institution_code', 'name', 'type', 'level', 'region_code', 'schemes'].map(col),
    async rows(db, inScope, visit) {
      const all = await db.select({ i: institutions, regionCode: regions.code }).from(institutions)
        .innerJoin(regions, eq(regions.id, institutions.regionId)).orderBy(asc(institutions.code));
      for (const { i, regionCode } of all) if (inScope(i.regionId)) visit([i.code, i.name, i.type, i.level, regionCode, i.schemes]);
    },
  },
  institution_years: {
    columns: [col('institution_code'), col('year'), col('scheme'), { name: 'payments', money: 'table' }, { name: 'budget', money: 'table' }, col('assessment_score'), col('credit_rating')],
    async rows(db, inScope, visit) {
      const all = await db.select({ y: institutionYears, code: institutions.code, regionId: institutions.regionId }).from(institutionYears)
        .innerJoin(institutions, eq(institutions.id, institutionYears.institutionId)).orderBy(asc(institutions.code), asc(institutionYears.year));
      const bySchemeYear = new Map<string, (typeof institutionSchemeYears.$inferSelect)[]>();
      for (const s of await db.select().from(institutionSchemeYears).orderBy(asc(institutionSchemeYears.scheme))) {
        const key = `${s.institutionId}/${s.year}`;
        const list = bySchemeYear.get(key);
        if (list) list.push(s);
        else bySchemeYear.set(key, [s]);
      }
      for (const { y, code, regionId } of all) {
        if (!inScope(regionId)) continue;
        if (y.unsplitPaymentsFen !== null) visit([code, y.year, null, y.unsplitPaymentsFen, y.unsplitBudgetFen, y.assessmentScore, y.creditRating]);
        for (const s of bySchemeYear.get(`${y.institutionId}/${y.year}`) ?? []) visit([code, y.year, s.scheme, s.paymentsFen, s.budgetFen, y.assessmentScore, y.creditRating]);
      }
    },
  },
  violations: {
    columns: [col('institution_code'), col('date'), { name: 'amount', money: 'table' }, col('count'), col('nature'), col('kind'), col('status')],
    async rows(db, inScope, visit) {
      const all = await db.select({ v: violations, code: institutions.code, regionId: institutions.regionId }).from(violations)
        .innerJoin(institutions, eq(institutions.id, violations.institutionId)).orderBy(asc(institutions.code), asc(violations.date), asc(violations.id));
      for (const { v, code, regionId } of all) if (inScope(regionId)) visit([code, v.date, v.amountFen, v.count, v.nature, v.kind, v.status]);
    },
  },
  audit_log: {
    columns: ['id', 'at', 'user_id', 'username', 'action', 'entity', 'entity_id', 'before_json', 'after_json', 'ip', 'prev_hash', 'hash'].map(col),
    async rows(db, _inScope, visit) {
      for (const a of await db.select().from(auditLog).orderBy(asc(auditLog.id))) {
        visit([a.id, a.at, a.userId, a.username, a.action, a.entity, a.entityId, a.beforeJson, a.afterJson, a.ip, a.prevHash, a.hash]);
      }
    },
  },
};

async function listFunds(db: Db) {
  return db.select({
    id: funds.id, regionId: funds.regionId, code: regions.code, scheme: funds.scheme, account: funds.account,
    caliber: funds.caliber, periodKind: funds.periodKind, createdAt: funds.createdAt,
  }).from(funds).innerJoin(regions, eq(regions.id, funds.regionId)).orderBy(asc(regions.code), asc(funds.scheme), asc(funds.account));
}

/** `income_employer_fen` → `incomeEmployerFen` (drizzle's property names in schema.ts). */
function camel(sqlName: string): string {
  return sqlName.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * @throws Error `unknown table "<name>"` and, with a region scope, `the audit log can only be exported with access to all regions`.
 */
export async function exportTable(db: Db, table: ExportableTable, format: 'csv' | 'xlsx', options: ExportOptions = {}): Promise<ExportedFile> {
  const def = TABLES[table];
  if (!def) throw new Error(`unknown table "${table}": use one of ${EXPORTABLE_TABLES.join(', ')}`);
  const unit = options.unit ?? 'yuan';
  const scope = options.regionIds ? new Set(options.regionIds) : null;
  if (scope && table === 'audit_log') throw new Error('the audit log can only be exported with access to all regions');
  const header = def.columns.map((c) => (c.money ? `${c.name} (${MONEY_UNITS[c.money === 'yuan' ? 'yuan' : unit].zh})` : c.name));
  const moneyColumns = new Set(def.columns.flatMap((c, i) => (c.money ? [i] : [])));
  const writer: TableWriter = format === 'csv' ? csvWriter(header, moneyColumns) : xlsxWriter(table, header, moneyColumns);
  await def.rows(db, (regionId) => scope === null || scope.has(regionId), (cells) => {
    writer.row(cells.map((c, i) => {
      const money = def.columns[i]?.money;
      return money && typeof c === 'number' ? fenToUnitText(c, money === 'yuan' ? 'yuan' : unit) : c;
    }));
  });
  const suffix = unit === 'yuan' ? '' : `-${unit}`;
  return {
    fileName: `${table}${suffix}.${format}`,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: await writer.finish(),
  };
}
