/**
 * What the audit filters offer: the prefixes of the actions the server writes and the entities it
 * names (server/services/audit-actions.ts; test/client/audit-action-labels.test.ts keeps both in
 * step with the server). Any other prefix or entity may still be typed.
 */
export const ACTION_PREFIXES = [
  'auth.', 'auth.login', 'user.', 'user.password', 'user.totp', 'import.', 'export', 'report', 'forecast.', 'scenario.',
  'projection.', 'budget.', 'agreement.', 'parameters.',
] as const;

export const AUDIT_ENTITIES = [
  'user', 'imports', 'audit_log', 'saved_forecast', 'scenario', 'projection_run', 'institution', 'budget_plan', 'budget_quota',
  'parameter_set',
] as const;
