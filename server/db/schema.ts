/**
 * The fundrisk data model (SQLite dialect). Money columns end in `Fen` and hold integer fen;
 * periods are `YYYY` or `YYYY-MM` text. Every fund is one ledger (分别建账、分别核算).
 */
import { sql } from 'drizzle-orm';
import {
  sqliteTable, integer, text, real, uniqueIndex, index, primaryKey, type AnySQLiteColumn,
} from 'drizzle-orm/sqlite-core';

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const REGION_LEVELS = ['province', 'city', 'county'] as const;
export const SCHEMES = ['employee', 'resident', 'assistance', 'maternity', 'critical_illness', 'long_term_care'] as const;
export const ACCOUNTS = ['pooling', 'personal', 'combined'] as const;
export const ROLES = ['admin', 'actuary', 'budget', 'leader', 'viewer'] as const;
export const PROVENANCES = ['seed', 'official', 'practice', 'assumption'] as const;
export const CREDIT_RATINGS = ['A', 'B', 'C', 'D'] as const;
export const VIOLATION_NATURES = ['general', 'serious', 'severe'] as const;

export type Scheme = (typeof SCHEMES)[number];
export type Account = (typeof ACCOUNTS)[number];
export type Role = (typeof ROLES)[number];
export type RegionLevel = (typeof REGION_LEVELS)[number];
export type Provenance = (typeof PROVENANCES)[number];

export const regions = sqliteTable('regions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  level: text('level', { enum: REGION_LEVELS }).notNull(),
  parentId: integer('parent_id').references((): AnySQLiteColumn => regions.id, { onDelete: 'restrict' }),
  /** Free text on where the region's data comes from (e.g. "synthetic demo" or an NHSA bulletin). */
  source: text('source'),
  synthetic: integer('synthetic', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('regions_code_uq').on(t.code), index('regions_parent_idx').on(t.parentId)]);

export const funds = sqliteTable('funds', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  regionId: integer('region_id').notNull().references(() => regions.id, { onDelete: 'restrict' }),
  scheme: text('scheme', { enum: SCHEMES }).notNull(),
  account: text('account', { enum: ACCOUNTS }).notNull().default('pooling'),
  /** Statistical caliber of every record in this ledger (e.g. pooled_only, bulletin); never mixed. */
  caliber: text('caliber').notNull().default('pooling_fund'),
  periodKind: text('period_kind', { enum: ['month', 'year'] }).notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('funds_region_scheme_account_uq').on(t.regionId, t.scheme, t.account)]);

export const imports = sqliteTable('imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['regions', 'fund_records', 'institutions', 'institution_years', 'violations'] }).notNull(),
  fileName: text('file_name').notNull(),
  unit: text('unit').notNull(),
  rowsInserted: integer('rows_inserted').notNull(),
  rowsUpdated: integer('rows_updated').notNull(),
  userId: integer('user_id').references(() => users.id),
  createdAt: createdAt(),
});

export const fundRecords = sqliteTable('fund_records', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fundId: integer('fund_id').notNull().references(() => funds.id, { onDelete: 'cascade' }),
  period: text('period').notNull(),
  /** Month index (year × 12 + month − 1) or the year, for range queries in order. */
  periodIndex: integer('period_index').notNull(),
  incomeEmployerFen: integer('income_employer_fen'),
  incomeIndividualFen: integer('income_individual_fen'),
  incomeSubsidyFen: integer('income_subsidy_fen'),
  incomeInterestFen: integer('income_interest_fen'),
  incomeOtherFen: integer('income_other_fen'),
  incomeFen: integer('income_fen').notNull(),
  expenditureInpatientFen: integer('expenditure_inpatient_fen'),
  expenditureOutpatientFen: integer('expenditure_outpatient_fen'),
  expenditurePharmacyFen: integer('expenditure_pharmacy_fen'),
  expenditureOtherFen: integer('expenditure_other_fen'),
  expenditureFen: integer('expenditure_fen').notNull(),
  balanceFen: integer('balance_fen').notNull(),
  /** A recorded adjustment to the roll-forward (domain.md §2) and its reason. */
  adjustmentFen: integer('adjustment_fen').notNull().default(0),
  adjustmentReason: text('adjustment_reason'),
  activeMembers: integer('active_members'),
  retirees: integer('retirees'),
  residents: integer('residents'),
  avgContributionBaseFen: integer('avg_contribution_base_fen'),
  vintage: text('vintage').notNull(),
  importId: integer('import_id').references(() => imports.id),
}, (t) => [uniqueIndex('fund_records_fund_period_uq').on(t.fundId, t.periodIndex)]);

export const institutions = sqliteTable('institutions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull(),
  name: text('name').notNull(),
  /** hospital, primary_care, pharmacy */
  type: text('type').notNull(),
  /** 三级 / 二级 / 一级 as 3 / 2 / 1; null for pharmacies. */
  level: integer('level'),
  regionId: integer('region_id').notNull().references(() => regions.id, { onDelete: 'restrict' }),
  /** Comma-separated schemes served. */
  schemes: text('schemes').notNull().default('employee,resident'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('institutions_code_uq').on(t.code), index('institutions_region_idx').on(t.regionId)]);

export const institutionYears = sqliteTable('institution_years', {
  institutionId: integer('institution_id').notNull().references(() => institutions.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  paymentsFen: integer('payments_fen').notNull(),
  budgetFen: integer('budget_fen'),
  assessmentScore: real('assessment_score'),
  creditRating: text('credit_rating', { enum: CREDIT_RATINGS }),
  importId: integer('import_id').references(() => imports.id),
}, (t) => [primaryKey({ columns: [t.institutionId, t.year] })]);

export const violations = sqliteTable('violations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  institutionId: integer('institution_id').notNull().references(() => institutions.id, { onDelete: 'cascade' }),
  date: text('date').notNull(),
  amountFen: integer('amount_fen').notNull(),
  count: integer('count').notNull().default(1),
  nature: text('nature', { enum: VIOLATION_NATURES }).notNull(),
  /** 分解住院, 挂床住院, 过度诊疗, 重复收费, 串换项目, … */
  kind: text('kind').notNull(),
  status: text('status', { enum: ['proposed', 'notified', 'confirmed', 'withdrawn'] }).notNull().default('confirmed'),
  importId: integer('import_id').references(() => imports.id),
}, (t) => [index('violations_institution_idx').on(t.institutionId)]);

export const parameterSets = sqliteTable('parameter_sets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  version: integer('version').notNull(),
  /** null: the national default; otherwise a regional override set. */
  regionId: integer('region_id').references(() => regions.id, { onDelete: 'restrict' }),
  scheme: text('scheme', { enum: SCHEMES }),
  effectiveFrom: text('effective_from').notNull(),
  effectiveTo: text('effective_to'),
  note: text('note'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('parameter_sets_name_version_uq').on(t.name, t.version)]);

export const parameterValues = sqliteTable('parameter_values', {
  setId: integer('set_id').notNull().references(() => parameterSets.id, { onDelete: 'cascade' }),
  key: text('key').notNull(),
  /** JSON text of the value (number, string or array). */
  valueJson: text('value_json').notNull(),
  provenance: text('provenance', { enum: PROVENANCES }).notNull(),
  source: text('source').notNull(),
}, (t) => [primaryKey({ columns: [t.setId, t.key] })]);

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  /** All regions (true) or only those in user_regions. */
  allRegions: integer('all_regions', { mode: 'boolean' }).notNull().default(false),
  passwordChangedAt: text('password_changed_at'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('users_username_uq').on(t.username)]);

export const userRegions = sqliteTable('user_regions', {
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  regionId: integer('region_id').notNull().references(() => regions.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.userId, t.regionId] })]);

export const sessions = sqliteTable('sessions', {
  /** SHA-256 of the session token; the token itself is only in the user's cookie. */
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAtMs: integer('created_at_ms').notNull(),
  lastSeenAtMs: integer('last_seen_at_ms').notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/** Append-only; each row's hash covers the previous row's hash, so tampering is detectable. */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  userId: integer('user_id'),
  username: text('username'),
  action: text('action').notNull(),
  entity: text('entity'),
  entityId: text('entity_id'),
  beforeJson: text('before_json'),
  afterJson: text('after_json'),
  ip: text('ip'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/** A forecast an actuary chose to keep, with what it was made from (data vintage, model version). */
export const savedForecasts = sqliteTable('saved_forecasts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fundId: integer('fund_id').references(() => funds.id, { onDelete: 'restrict' }),
  institutionId: integer('institution_id').references(() => institutions.id, { onDelete: 'restrict' }),
  /** income, expenditure, an income source or expenditure use, or institution payments. */
  measure: text('measure').notNull(),
  method: text('method').notNull(),
  model: text('model').notNull(),
  horizon: integer('horizon').notNull(),
  /** JSON: { periods, mean, lower, upper } in yuan. */
  resultJson: text('result_json').notNull(),
  /** Newest vintage among the records the forecast was fitted on. */
  dataVintage: text('data_vintage').notNull(),
  lastPeriod: text('last_period').notNull(),
  modelVersion: text('model_version').notNull(),
  note: text('note'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('saved_forecasts_fund_idx').on(t.fundId)]);
