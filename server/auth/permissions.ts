/**
 * Who may do what. The README's permission matrix is this table; a router test walks every
 * procedure × role against it.
 */
import type { Role } from '../db/schema.ts';

export const ALL_ROLES: readonly Role[] = ['admin', 'actuary', 'budget', 'leader', 'viewer'];

export const PERMISSIONS = {
  /** See regions, funds, records, warnings (scoped to the user's regions). */
  read: ALL_ROLES,
  /** Import and correct fund records (income, expenditure, balances). */
  importFundData: ['admin', 'actuary'],
  /** Import institutions, their yearly figures and violations. */
  importInstitutionData: ['admin', 'actuary', 'budget'],
  /** Save forecasts (and, later, scenarios) for others to use. */
  forecast: ['admin', 'actuary'],
  /** Create and version projection scenarios, run and cancel projections. */
  project: ['admin', 'actuary'],
  /** Draft, total, allocate, adjust, decide, approve, prepay, import actual payments and settle institution budgets. */
  budget: ['admin', 'budget'],
  /** Download tables as CSV/XLSX (scoped to the user's regions). */
  exportData: ALL_ROLES,
  /** Create, disable and assign users; read and export the audit log. */
  administer: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
