/**
 * Columns of a fund_records file (domain.md §2) and the database column each numeric one fills.
 * Aggregates are in the import unit; the average contribution base is per head, so it is read in
 * 元 unless its header states a unit.
 */
import type { ColumnSpec, MoneyBasis } from '../header.ts';

export interface NumericField {
  name: string;
  /** Column of `fund_records`. */
  db: string;
  /** Money (integer fen) in the given basis, or a head count. */
  money: MoneyBasis | null;
}

export const INCOME_PARTS = ['income_employer', 'income_individual', 'income_subsidy', 'income_interest', 'income_other'] as const;
export const EXPENDITURE_PARTS = ['expenditure_inpatient', 'expenditure_outpatient', 'expenditure_pharmacy', 'expenditure_other'] as const;
export const REQUIRED_AMOUNTS = ['income', 'expenditure', 'balance'] as const;

const money = (name: string, basis: MoneyBasis = 'table'): NumericField => ({ name, db: `${name}_fen`, money: basis });
const count = (name: string): NumericField => ({ name, db: name, money: null });

export const NUMERIC_FIELDS: readonly NumericField[] = [
  ...REQUIRED_AMOUNTS.map((n) => money(n)),
  ...INCOME_PARTS.map((n) => money(n)),
  ...EXPENDITURE_PARTS.map((n) => money(n)),
  money('adjustment'),
  money('avg_contribution_base', 'yuan'),
  count('active_members'),
  count('retirees'),
  count('residents'),
];

/** Position of each numeric field in NUMERIC_FIELDS (hot loops index arrays, not maps). */
export const FIELD = Object.fromEntries(NUMERIC_FIELDS.map((f, k) => [f.name, k])) as Record<string, number>;
export const F_INCOME = 0;
export const F_EXPENDITURE = 1;
export const F_BALANCE = 2;
export const F_ADJUSTMENT = NUMERIC_FIELDS.findIndex((f) => f.name === 'adjustment');
export const INCOME_PART_FIELDS = INCOME_PARTS.map((n) => NUMERIC_FIELDS.findIndex((f) => f.name === n));
export const EXPENDITURE_PART_FIELDS = EXPENDITURE_PARTS.map((n) => NUMERIC_FIELDS.findIndex((f) => f.name === n));

export const DEFAULT_CALIBER = 'pooling_fund';
export const DEFAULT_ACCOUNT = 'pooling';

export const FUND_RECORD_COLUMNS: readonly ColumnSpec[] = [
  { name: 'region_code', required: true, aliases: ['统筹区编码', '统筹区代码', '区划代码', '行政区划代码', '地区编码', 'region'] },
  { name: 'scheme', required: true, aliases: ['险种', '险种类型'] },
  { name: 'account', aliases: ['账户', '账户类型', '基金账户'] },
  { name: 'period', required: true, aliases: ['期间', '统计期', '年月', '月份', '年度'] },
  { name: 'income', required: true, money: 'table', aliases: ['收入', '基金收入', '本期收入', '当期收入', '收入合计'] },
  { name: 'expenditure', required: true, money: 'table', aliases: ['支出', '基金支出', '本期支出', '当期支出', '支出合计'] },
  { name: 'balance', required: true, money: 'table', aliases: ['累计结余', '累计结存', '期末累计结余', '期末结余'] },
  { name: 'income_employer', money: 'table', aliases: ['单位缴费', '单位缴费收入'] },
  { name: 'income_individual', money: 'table', aliases: ['个人缴费', '个人缴费收入'] },
  { name: 'income_subsidy', money: 'table', aliases: ['财政补助', '财政补助收入', '财政补贴'] },
  { name: 'income_interest', money: 'table', aliases: ['利息', '利息收入'] },
  { name: 'income_other', money: 'table', aliases: ['其他收入'] },
  { name: 'expenditure_inpatient', money: 'table', aliases: ['住院', '住院支出', '住院费用'] },
  { name: 'expenditure_outpatient', money: 'table', aliases: ['门诊', '门诊支出', '门诊费用', '门急诊'] },
  { name: 'expenditure_pharmacy', money: 'table', aliases: ['药店', '药店支出', '定点药店'] },
  { name: 'expenditure_other', money: 'table', aliases: ['其他支出'] },
  { name: 'adjustment', money: 'table', aliases: ['调整', '调整金额', '账务调整'] },
  { name: 'adjustment_reason', aliases: ['调整原因', '调整说明'] },
  { name: 'active_members', aliases: ['在职职工', '在职人数', '在职参保人数', '参保职工'] },
  { name: 'retirees', aliases: ['退休人员', '退休人数', '退休参保人数'] },
  { name: 'residents', aliases: ['参保居民', '居民人数', '参保人数'] },
  { name: 'avg_contribution_base', money: 'yuan', aliases: ['平均缴费基数', '缴费基数'] },
  { name: 'caliber', aliases: ['口径', '统计口径'] },
  { name: 'vintage', aliases: ['版本', '数据版本', '发布日期'] },
];
