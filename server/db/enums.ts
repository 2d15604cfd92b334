/** The closed vocabularies of the data model, shared by the SQLite and PostgreSQL schemas. */
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

export const SCENARIO_PRESETS = ['low', 'intermediate', 'high'] as const;
export const PROJECTION_RUN_KINDS = ['deterministic', 'stochastic'] as const;
export const PROJECTION_RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const BUDGET_PLAN_STATUSES = ['draft', 'allocated', 'approved', 'settled', 'superseded'] as const;
export const BUDGET_TOTAL_SOURCES = ['projection_run', 'scenario'] as const;
export const QUOTA_SOURCES = ['computed', 'manual', 'needs_manual', 'terminated'] as const;
export const AGREEMENT_STATUSES = ['active', 'suspended', 'terminated'] as const;
export const AGREEMENT_ACTIONS = ['suspended', 'terminated'] as const;
export const BUDGET_ADJUSTMENT_KINDS = ['quota', 'score', 'credit'] as const;
export const BUDGET_DECISION_KINDS = ['deduction', 'recovery', 'unallocated'] as const;
export const BUDGET_DECISION_OUTCOMES = ['apply', 'waive', 'hold', 'redistribute'] as const;
export const SETTLEMENT_BANDS = ['savings', 'shared', 'beyond'] as const;
export type BudgetPlanStatus = (typeof BUDGET_PLAN_STATUSES)[number];
