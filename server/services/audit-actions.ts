/**
 * Every `action` the server writes to the audit log, in one list: the audit page labels each
 * (client/src/locales/<lang>/admin.json, `action.<name with dots as underscores>`) and its
 * filter offers their prefixes. A new audit action belongs here, with its labels.
 */
import { AGREEMENT_ACTIONS } from '../db/schema.ts';
import { IMPORT_KINDS } from '../importer/types.ts';
import { REPORT_AUDIT_ACTION } from './warning-cache.ts';

export const AUDIT_ACTIONS = [
  // login.ts, routers/auth.ts
  'auth.login.success', 'auth.login.failure', 'auth.login.throttled', 'auth.login.totp_required', 'auth.logout',
  // users.ts (administrators), account.ts (oneself)
  'user.add', 'user.disable', 'user.enable', 'user.access', 'user.password.reset', 'user.totp.reset',
  'user.password.change', 'user.password.change.failure', 'user.totp.setup', 'user.totp.enable', 'user.totp.disable', 'user.totp.disable.failure',
  // importer/record-import.ts: `import.<kind>`
  ...IMPORT_KINDS.map((kind) => `import.${kind}` as const),
  // forecast-run.ts, scenario-store.ts, projection-runs.ts
  'forecast.save', 'scenario.create', 'scenario.revise', 'scenario.clone', 'projection.run', 'projection.cancel',
  // budget-plans.ts, budget-total.ts, budget-allocate.ts, budget-adjust.ts, budget-decisions.ts, budget-approve.ts,
  // budget-prepayment.ts, budget-actuals.ts, budget-settlement.ts
  'budget.create', 'budget.new_version', 'budget.total', 'budget.allocate', 'budget.adjust', 'budget.decide', 'budget.approve',
  'budget.prepayments', 'budget.actuals', 'budget.settle',
  // budget-decisions.ts: `agreement.<kind>`
  ...AGREEMENT_ACTIONS.map((kind) => `agreement.${kind}` as const),
  // parameter-edits.ts: a national version, a regional override version
  'parameters.version', 'parameters.override',
  // http/*-route.ts: downloads of tables, exports and reports
  'export', REPORT_AUDIT_ACTION,
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
