/**
 * The fundrisk data model, PostgreSQL dialect: the twin of schema-sqlite.ts, column for column with the same
 * TypeScript row types (test/server/db/schema-parity.test.ts). Money and millisecond columns are
 * `bigint` read as numbers (fen below 2^53). Money columns end in `Fen` and hold integer fen;
 * periods are `YYYY` or `YYYY-MM` text. Every fund is one ledger (分别建账、分别核算).
 */
import { sql } from 'drizzle-orm';
import {
  pgTable, integer, bigint, text, doublePrecision, boolean, uniqueIndex, index, primaryKey, type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import {
  REGION_LEVELS, SCHEMES, ACCOUNTS, ROLES, PROVENANCES, CREDIT_RATINGS, VIOLATION_NATURES, SCENARIO_PRESETS, PROJECTION_RUN_KINDS, PROJECTION_RUN_STATUSES, BUDGET_PLAN_STATUSES, BUDGET_TOTAL_SOURCES, QUOTA_SOURCES, AGREEMENT_STATUSES, AGREEMENT_ACTIONS, BUDGET_ADJUSTMENT_KINDS, BUDGET_DECISION_KINDS, BUDGET_DECISION_OUTCOMES, SETTLEMENT_BANDS,
} from './enums.ts';


const createdAt = () => text('created_at').notNull().default(sql`to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

export const regions = pgTable('regions', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  level: text('level', { enum: REGION_LEVELS }).notNull(),
  parentId: integer('parent_id').references((): AnyPgColumn => regions.id, { onDelete: 'restrict' }),
  /** Free text on where the region's data comes from (e.g. "synthetic demo" or an NHSA bulletin). */
  source: text('source'),
  synthetic: boolean('synthetic').notNull().default(false),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('regions_code_uq').on(t.code), index('regions_parent_idx').on(t.parentId)]);

export const funds = pgTable('funds', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  regionId: integer('region_id').notNull().references(() => regions.id, { onDelete: 'restrict' }),
  scheme: text('scheme', { enum: SCHEMES }).notNull(),
  account: text('account', { enum: ACCOUNTS }).notNull().default('pooling'),
  /** Statistical caliber of every record in this ledger (e.g. pooled_only, bulletin); never mixed. */
  caliber: text('caliber').notNull().default('pooling_fund'),
  periodKind: text('period_kind', { enum: ['month', 'year'] }).notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('funds_region_scheme_account_uq').on(t.regionId, t.scheme, t.account)]);

export const imports = pgTable('imports', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  kind: text('kind', { enum: ['regions', 'fund_records', 'institutions', 'institution_years', 'violations'] }).notNull(),
  fileName: text('file_name').notNull(),
  unit: text('unit').notNull(),
  rowsInserted: integer('rows_inserted').notNull(),
  rowsUpdated: integer('rows_updated').notNull(),
  userId: integer('user_id').references(() => users.id),
  createdAt: createdAt(),
});

export const fundRecords = pgTable('fund_records', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  fundId: integer('fund_id').notNull().references(() => funds.id, { onDelete: 'cascade' }),
  period: text('period').notNull(),
  /** Month index (year × 12 + month − 1) or the year, for range queries in order. */
  periodIndex: integer('period_index').notNull(),
  incomeEmployerFen: bigint('income_employer_fen', { mode: 'number' }),
  incomeIndividualFen: bigint('income_individual_fen', { mode: 'number' }),
  incomeSubsidyFen: bigint('income_subsidy_fen', { mode: 'number' }),
  incomeInterestFen: bigint('income_interest_fen', { mode: 'number' }),
  incomeOtherFen: bigint('income_other_fen', { mode: 'number' }),
  incomeFen: bigint('income_fen', { mode: 'number' }).notNull(),
  expenditureInpatientFen: bigint('expenditure_inpatient_fen', { mode: 'number' }),
  expenditureOutpatientFen: bigint('expenditure_outpatient_fen', { mode: 'number' }),
  expenditurePharmacyFen: bigint('expenditure_pharmacy_fen', { mode: 'number' }),
  expenditureOtherFen: bigint('expenditure_other_fen', { mode: 'number' }),
  expenditureFen: bigint('expenditure_fen', { mode: 'number' }).notNull(),
  balanceFen: bigint('balance_fen', { mode: 'number' }).notNull(),
  /** A recorded adjustment to the roll-forward (domain.md §2) and its reason. */
  adjustmentFen: bigint('adjustment_fen', { mode: 'number' }).notNull().default(0),
  adjustmentReason: text('adjustment_reason'),
  activeMembers: integer('active_members'),
  retirees: integer('retirees'),
  residents: integer('residents'),
  avgContributionBaseFen: bigint('avg_contribution_base_fen', { mode: 'number' }),
  vintage: text('vintage').notNull(),
  importId: integer('import_id').references(() => imports.id),
}, (t) => [uniqueIndex('fund_records_fund_period_uq').on(t.fundId, t.periodIndex)]);

export const institutions = pgTable('institutions', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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

/**
 * What belongs to an institution's year whatever the scheme (domain.md §2): assessment score and
 * credit rating. `unsplit*` hold payments and budget recorded for all schemes together before
 * payments were kept per scheme (migration 0010): kept for the record, never used by a plan, which
 * refuses to allocate while a base year of its scheme has only such a total.
 */
export const institutionYears = pgTable('institution_years', {
  institutionId: integer('institution_id').notNull().references(() => institutions.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  assessmentScore: doublePrecision('assessment_score'),
  creditRating: text('credit_rating', { enum: CREDIT_RATINGS }),
  unsplitPaymentsFen: bigint('unsplit_payments_fen', { mode: 'number' }),
  unsplitBudgetFen: bigint('unsplit_budget_fen', { mode: 'number' }),
  importId: integer('import_id').references(() => imports.id),
}, (t) => [primaryKey({ columns: [t.institutionId, t.year] })]);

/** Fund payments and budget of an institution's year in one scheme (分别建账: a plan for scheme S uses S's payments). */
export const institutionSchemeYears = pgTable('institution_scheme_years', {
  institutionId: integer('institution_id').notNull().references(() => institutions.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  scheme: text('scheme', { enum: SCHEMES }).notNull(),
  paymentsFen: bigint('payments_fen', { mode: 'number' }).notNull(),
  budgetFen: bigint('budget_fen', { mode: 'number' }),
  importId: integer('import_id').references(() => imports.id),
}, (t) => [primaryKey({ columns: [t.institutionId, t.year, t.scheme] })]);

export const violations = pgTable('violations', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  institutionId: integer('institution_id').notNull().references(() => institutions.id, { onDelete: 'cascade' }),
  date: text('date').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  count: integer('count').notNull().default(1),
  nature: text('nature', { enum: VIOLATION_NATURES }).notNull(),
  /** 分解住院, 挂床住院, 过度诊疗, 重复收费, 串换项目, … */
  kind: text('kind').notNull(),
  status: text('status', { enum: ['proposed', 'notified', 'confirmed', 'withdrawn'] }).notNull().default('confirmed'),
  importId: integer('import_id').references(() => imports.id),
}, (t) => [index('violations_institution_idx').on(t.institutionId)]);

export const parameterSets = pgTable('parameter_sets', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  version: integer('version').notNull(),
  /** null: the national default; otherwise a regional override set. */
  regionId: integer('region_id').references(() => regions.id, { onDelete: 'restrict' }),
  scheme: text('scheme', { enum: SCHEMES }),
  effectiveFrom: text('effective_from').notNull(),
  effectiveTo: text('effective_to'),
  note: text('note'),
  /**
   * `draft` only inside the transaction that writes a version's values; a `published` version and
   * its values are immutable (triggers of migration parameter_values_immutable): a change is a new version.
   */
  status: text('status', { enum: ['draft', 'published'] }).notNull().default('published'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('parameter_sets_name_version_uq').on(t.name, t.version)]);

export const parameterValues = pgTable('parameter_values', {
  setId: integer('set_id').notNull().references(() => parameterSets.id, { onDelete: 'cascade' }),
  key: text('key').notNull(),
  /** JSON text of the value (number, string or array). */
  valueJson: text('value_json').notNull(),
  provenance: text('provenance', { enum: PROVENANCES }).notNull(),
  source: text('source').notNull(),
}, (t) => [primaryKey({ columns: [t.setId, t.key] })]);

export const users = pgTable('users', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  username: text('username').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  disabled: boolean('disabled').notNull().default(false),
  /** All regions (true) or only those in user_regions. */
  allRegions: boolean('all_regions').notNull().default(false),
  passwordChangedAt: text('password_changed_at'),
  /** Base32 TOTP secret once confirmed (second factor on); null when off. */
  totpSecret: text('totp_secret'),
  /** A TOTP secret set up but not yet confirmed with a code. */
  totpPendingSecret: text('totp_pending_secret'),
  /** Last TOTP time step accepted: its code and older ones are refused (no replay). */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('users_username_uq').on(t.username)]);

export const userRegions = pgTable('user_regions', {
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  regionId: integer('region_id').notNull().references(() => regions.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.userId, t.regionId] })]);

export const sessions = pgTable('sessions', {
  /** SHA-256 of the session token; the token itself is only in the user's cookie. */
  tokenHash: text('token_hash').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAtMs: bigint('created_at_ms', { mode: 'number' }).notNull(),
  lastSeenAtMs: bigint('last_seen_at_ms', { mode: 'number' }).notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/**
 * Failed logins inside the throttle window (server/auth/login-throttle.ts), one row per key
 * (`u:<username>`, `ip:<address>`): in the database, so every app server counts every attempt.
 */
export const loginFailures = pgTable('login_failures', {
  key: text('key').notNull(),
  atMs: bigint('at_ms', { mode: 'number' }).notNull(),
}, (t) => [index('login_failures_key_at_idx').on(t.key, t.atMs)]);

/** Append-only; each row's hash covers the previous row's hash, so tampering is detectable. */
export const auditLog = pgTable('audit_log', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
export const savedForecasts = pgTable('saved_forecasts', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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


/**
 * Projection scenarios (domain.md §6.4): named, versioned, immutable assumption sets. A change is
 * a new version in the same lineage; triggers refuse UPDATE and DELETE.
 */
export const scenarios = pgTable('scenarios', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  /** Stable id shared by every version of one scenario. */
  lineage: text('lineage').notNull(),
  version: integer('version').notNull(),
  name: text('name').notNull(),
  scheme: text('scheme', { enum: ['employee', 'resident'] }).notNull(),
  /** The region whose fund the scenario describes; null for a hypothetical fund. */
  regionId: integer('region_id').references(() => regions.id, { onDelete: 'restrict' }),
  /** The fund whose records gave the opening position, if any. */
  fundId: integer('fund_id').references(() => funds.id, { onDelete: 'restrict' }),
  preset: text('preset', { enum: SCENARIO_PRESETS }),
  /** The scenario (or version) this one was cloned or revised from. */
  basedOnId: integer('based_on_id').references((): AnyPgColumn => scenarios.id, { onDelete: 'restrict' }),
  parameterSetId: integer('parameter_set_id').references(() => parameterSets.id, { onDelete: 'restrict' }),
  /** The interfaces.md scenario JSON (yuan, decimals). */
  scenarioJson: text('scenario_json').notNull(),
  /** SHA-256 of the canonical scenario JSON. */
  inputHash: text('input_hash').notNull(),
  /** Newest vintage of the fund records the opening came from, or `manual`. */
  dataVintage: text('data_vintage').notNull(),
  note: text('note'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('scenarios_lineage_version_uq').on(t.lineage, t.version), index('scenarios_region_idx').on(t.regionId)]);

/** One deterministic or Monte Carlo run of a scenario version, with what reproduces it. */
export const projectionRuns = pgTable('projection_runs', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  scenarioId: integer('scenario_id').notNull().references(() => scenarios.id, { onDelete: 'restrict' }),
  kind: text('kind', { enum: PROJECTION_RUN_KINDS }).notNull(),
  paths: integer('paths'),
  seed: bigint('seed', { mode: 'number' }),
  status: text('status', { enum: PROJECTION_RUN_STATUSES }).notNull(),
  /** Share of paths done, 0–1. */
  progress: doublePrecision('progress').notNull().default(0),
  resultJson: text('result_json'),
  error: text('error'),
  /** SHA-256 over the scenario hash, kind, paths, seed and model version. */
  inputHash: text('input_hash').notNull(),
  modelVersion: text('model_version').notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: createdAt(),
  finishedAt: text('finished_at'),
  /**
   * While a worker computes the run, the server running it writes the time here every
   * RUN_HEARTBEAT_MS (projection-runs.ts): a run left `running` without a recent beat lost its server.
   */
  heartbeatAtMs: bigint('heartbeat_at_ms', { mode: 'number' }),
}, (t) => [index('projection_runs_scenario_idx').on(t.scenarioId)]);


/**
 * Institution budget plans (domain.md §5): one version of the year × scheme × region budget.
 * draft → allocated → approved → settled; a new version of an approved plan supersedes it once
 * approved. Approved, settled and superseded rows are immutable except for those status moves
 * (triggers of migration budget_plans_immutable).
 */
export const budgetPlans = pgTable('budget_plans', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  year: integer('year').notNull(),
  scheme: text('scheme', { enum: SCHEMES }).notNull(),
  regionId: integer('region_id').notNull().references(() => regions.id, { onDelete: 'restrict' }),
  version: integer('version').notNull(),
  basedOnId: integer('based_on_id').references((): AnyPgColumn => budgetPlans.id, { onDelete: 'restrict' }),
  status: text('status', { enum: BUDGET_PLAN_STATUSES }).notNull().default('draft'),
  /** The budget parameter override (README "Budget parameters"), JSON; `{}` = the defaults. */
  paramsJson: text('params_json').notNull().default('{}'),
  totalSource: text('total_source', { enum: BUDGET_TOTAL_SOURCES }),
  projectionRunId: integer('projection_run_id').references(() => projectionRuns.id, { onDelete: 'restrict' }),
  scenarioId: integer('scenario_id').references(() => scenarios.id, { onDelete: 'restrict' }),
  /** The year's total (§5.1) and how it was derived: income, reserve rate, earmarks, balance change, payable months (JSON). */
  totalJson: text('total_json'),
  totalFen: bigint('total_fen', { mode: 'number' }),
  allocatedFen: bigint('allocated_fen', { mode: 'number' }),
  /** Shares of terminated institutions held back (§5.7). */
  unallocatedFen: bigint('unallocated_fen', { mode: 'number' }),
  note: text('note'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: createdAt(),
  approvedBy: integer('approved_by').references(() => users.id),
  approvedAt: text('approved_at'),
  settledBy: integer('settled_by').references(() => users.id),
  settledAt: text('settled_at'),
  supersededById: integer('superseded_by_id').references((): AnyPgColumn => budgetPlans.id, { onDelete: 'restrict' }),
}, (t) => [uniqueIndex('budget_plans_version_uq').on(t.year, t.scheme, t.regionId, t.version), index('budget_plans_region_idx').on(t.regionId)]);

/** One institution's quota in a plan with the inputs and explanation that produced it (§5.2). */
export const budgetQuotas = pgTable('budget_quotas', {
  planId: integer('plan_id').notNull().references(() => budgetPlans.id, { onDelete: 'restrict' }),
  institutionId: integer('institution_id').notNull().references(() => institutions.id, { onDelete: 'restrict' }),
  quotaFen: bigint('quota_fen', { mode: 'number' }).notNull(),
  unallocatedFen: bigint('unallocated_fen', { mode: 'number' }).notNull().default(0),
  source: text('source', { enum: QUOTA_SOURCES }).notNull(),
  agreementStatus: text('agreement_status', { enum: AGREEMENT_STATUSES }).notNull(),
  baseFen: bigint('base_fen', { mode: 'number' }),
  rawFen: bigint('raw_fen', { mode: 'number' }),
  assessmentScore: doublePrecision('assessment_score'),
  assessmentFactor: doublePrecision('assessment_factor').notNull(),
  creditRating: text('credit_rating', { enum: CREDIT_RATINGS }),
  creditFactor: doublePrecision('credit_factor').notNull(),
  violationDeductionFen: bigint('violation_deduction_fen', { mode: 'number' }).notNull(),
  /** A deduction of 50,000 元 or more awaiting a collective decision (§5.7): not applied yet. */
  pendingDeductionFen: bigint('pending_deduction_fen', { mode: 'number' }).notNull().default(0),
  /** Officer overrides kept across re-allocation: a quota set by hand, a corrected score or rating. */
  manualQuotaFen: bigint('manual_quota_fen', { mode: 'number' }),
  scoreOverride: doublePrecision('score_override'),
  creditOverride: text('credit_override', { enum: CREDIT_RATINGS }),
  explanationJson: text('explanation_json').notNull(),
}, (t) => [primaryKey({ columns: [t.planId, t.institutionId] })]);

/** Manual adjustments of one quota (append-only): before, after, the mandatory reason, who and when. */
export const budgetAdjustments = pgTable('budget_adjustments', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  planId: integer('plan_id').notNull().references(() => budgetPlans.id, { onDelete: 'restrict' }),
  institutionId: integer('institution_id').notNull().references(() => institutions.id, { onDelete: 'restrict' }),
  kind: text('kind', { enum: BUDGET_ADJUSTMENT_KINDS }).notNull(),
  /** The overridden input before and after (quota fen, score or rating), JSON. */
  beforeJson: text('before_json').notNull(),
  afterJson: text('after_json').notNull(),
  quotaBeforeFen: bigint('quota_before_fen', { mode: 'number' }).notNull(),
  quotaAfterFen: bigint('quota_after_fen', { mode: 'number' }).notNull(),
  reason: text('reason').notNull(),
  userId: integer('user_id').references(() => users.id),
  username: text('username'),
  at: text('at').notNull(),
}, (t) => [index('budget_adjustments_plan_idx').on(t.planId)]);

/** Recorded collective decisions (seed 001 第二十一条) on large deductions and on held-back shares (append-only; the newest counts). */
export const budgetDecisions = pgTable('budget_decisions', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  planId: integer('plan_id').notNull().references(() => budgetPlans.id, { onDelete: 'restrict' }),
  /** null for a plan-wide decision (the unallocated shares). */
  institutionId: integer('institution_id').references(() => institutions.id, { onDelete: 'restrict' }),
  kind: text('kind', { enum: BUDGET_DECISION_KINDS }).notNull(),
  outcome: text('outcome', { enum: BUDGET_DECISION_OUTCOMES }).notNull(),
  decisionRef: text('decision_ref').notNull(),
  note: text('note'),
  userId: integer('user_id').references(() => users.id),
  at: text('at').notNull(),
}, (t) => [index('budget_decisions_plan_idx').on(t.planId)]);

/** Suspensions (中止) and terminations (解除) of service agreements (seed 001 第十九、二十条), each with its decision. */
export const agreementActions = pgTable('agreement_actions', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  institutionId: integer('institution_id').notNull().references(() => institutions.id, { onDelete: 'restrict' }),
  kind: text('kind', { enum: AGREEMENT_ACTIONS }).notNull(),
  /** First month, `YYYY-MM`. */
  fromPeriod: text('from_period').notNull(),
  /** Last month of a suspension, `YYYY-MM`; null for a termination. */
  toPeriod: text('to_period'),
  decisionRef: text('decision_ref').notNull(),
  reason: text('reason').notNull(),
  userId: integer('user_id').references(() => users.id),
  at: text('at').notNull(),
}, (t) => [index('agreement_actions_institution_idx').on(t.institutionId)]);

/** The monthly prepayment schedule of an approved plan (§5.3), written once. */
export const budgetPrepayments = pgTable('budget_prepayments', {
  planId: integer('plan_id').notNull().references(() => budgetPlans.id, { onDelete: 'restrict' }),
  institutionId: integer('institution_id').notNull().references(() => institutions.id, { onDelete: 'restrict' }),
  month: integer('month').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  scheduledFen: bigint('scheduled_fen', { mode: 'number' }).notNull(),
  suspended: boolean('suspended').notNull(),
  withheldFen: bigint('withheld_fen', { mode: 'number' }).notNull(),
  profile: text('profile', { enum: ['flat', 'seasonal'] }).notNull(),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.planId, t.institutionId, t.month] })]);

/** Imported monthly fund payments to each institution (actual spending, §5.6); a re-import revises a month. */
export const budgetActualPayments = pgTable('budget_actual_payments', {
  institutionId: integer('institution_id').notNull().references(() => institutions.id, { onDelete: 'restrict' }),
  scheme: text('scheme', { enum: SCHEMES }).notNull(),
  period: text('period').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  fileName: text('file_name').notNull(),
  importedBy: integer('imported_by').references(() => users.id),
  importedAt: text('imported_at').notNull(),
}, (t) => [primaryKey({ columns: [t.institutionId, t.scheme, t.period] })]);

/** Year-end settlement of each institution of a plan (§5.4), written once. */
export const budgetSettlements = pgTable('budget_settlements', {
  planId: integer('plan_id').notNull().references(() => budgetPlans.id, { onDelete: 'restrict' }),
  institutionId: integer('institution_id').notNull().references(() => institutions.id, { onDelete: 'restrict' }),
  quotaFen: bigint('quota_fen', { mode: 'number' }).notNull(),
  actualFen: bigint('actual_fen', { mode: 'number' }).notNull(),
  prepaidFen: bigint('prepaid_fen', { mode: 'number' }).notNull(),
  violationRecoveryFen: bigint('violation_recovery_fen', { mode: 'number' }).notNull(),
  band: text('band', { enum: SETTLEMENT_BANDS }).notNull(),
  fundPaysFen: bigint('fund_pays_fen', { mode: 'number' }).notNull(),
  institutionBearsFen: bigint('institution_bears_fen', { mode: 'number' }).notNull(),
  rewardFen: bigint('reward_fen', { mode: 'number' }).notNull(),
  finalFen: bigint('final_fen', { mode: 'number' }).notNull(),
  /** The model's full settlement (withholding, release share, reward cap), JSON. */
  detailJson: text('detail_json').notNull(),
}, (t) => [primaryKey({ columns: [t.planId, t.institutionId] })]);
