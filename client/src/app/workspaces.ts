/**
 * The workspaces of the left menu and their pages. A role lands on the workspace it works in;
 * every role may open every read page (the server scopes the data); administration is for admins.
 */
import { PATHS } from '../lib/paths.ts';

export { PATHS };

export type WorkspaceKey = 'leadership' | 'actuarial' | 'budget' | 'admin';
export type Role = 'admin' | 'actuary' | 'budget' | 'leader' | 'viewer';

export interface WorkspacePage {
  path: string;
  labelKey: string;
}

export interface Workspace {
  key: WorkspaceKey;
  labelKey: string;
  pages: readonly WorkspacePage[];
  /** Only these roles see the workspace in the menu (the server enforces the same); all when absent. */
  roles?: readonly Role[];
}

export const WORKSPACES: readonly Workspace[] = [
  { key: 'leadership', labelKey: 'workspace.leadership', pages: [{ path: PATHS.leadershipDashboard, labelKey: 'dashboard:menu' }, { path: PATHS.leadershipOverview, labelKey: 'menu.overview' }] },
  {
    key: 'actuarial',
    labelKey: 'workspace.actuarial',
    pages: [
      { path: PATHS.actuarialOverview, labelKey: 'menu.overview' },
      { path: PATHS.actuarialForecast, labelKey: 'forecast:menu' },
      { path: PATHS.actuarialProjection, labelKey: 'projection:menu' },
      { path: PATHS.actuarialImport, labelKey: 'menu.import' },
    ],
  },
  { key: 'budget', labelKey: 'workspace.budget', pages: [{ path: PATHS.budgetPlans, labelKey: 'budget:menu' }, { path: PATHS.budgetImport, labelKey: 'menu.institutionImport' }] },
  {
    key: 'admin',
    labelKey: 'admin:workspace',
    roles: ['admin'],
    pages: [{ path: PATHS.adminUsers, labelKey: 'admin:menu.users' }, { path: PATHS.adminAudit, labelKey: 'admin:menu.audit' }, { path: PATHS.adminParameters, labelKey: 'parameters:menu' }],
  },
];

/** The workspaces a role sees in the menu. */
export function workspacesFor(role: Role | undefined): readonly Workspace[] {
  return WORKSPACES.filter((w) => !w.roles || (role !== undefined && w.roles.includes(role)));
}

/** Where a role lands after login. */
export function homePath(role: Role): string {
  switch (role) {
    case 'admin':
    case 'actuary':
      return PATHS.actuarialOverview;
    case 'budget':
      return PATHS.budgetPlans;
    default:
      return PATHS.leadershipDashboard;
  }
}

/** The menu entry of a page's path (a plan page belongs to the plans), if it has one. */
function pageKeyOf(pathname: string): string | undefined {
  for (const w of WORKSPACES) for (const p of w.pages) if (pathname.startsWith(p.path)) return p.path;
  return undefined;
}

/**
 * The menu entry a path belongs to; fund detail pages belong to the page they were opened from.
 * `openedFrom` is a location (the dashboard passes its period and region as a query), so only its
 * path picks the entry; a fund opened from elsewhere, or directly, belongs to the actuarial overview.
 */
export function menuKeyOf(pathname: string, openedFrom: string | undefined): string | undefined {
  const own = pageKeyOf(pathname);
  if (own !== undefined || !pathname.startsWith('/funds/')) return own;
  const fromPath = openedFrom?.split(/[?#]/, 1)[0];
  return (fromPath === undefined ? undefined : pageKeyOf(fromPath)) ?? PATHS.actuarialOverview;
}
