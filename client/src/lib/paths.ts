/** URL paths shared by the shell and the features (features link to each other only through these). */
export const PATHS = {
  login: '/login',
  leadershipOverview: '/leadership/overview',
  leadershipDashboard: '/leadership/dashboard',
  actuarialOverview: '/actuarial/overview',
  actuarialImport: '/actuarial/import',
  actuarialForecast: '/actuarial/forecast',
  actuarialProjection: '/actuarial/projection',
  budgetImport: '/budget/import',
  budgetPlans: '/budget/plans',
  budgetPlan: (planId: number | string) => `/budget/plans/${planId}`,
  adminUsers: '/admin/users',
  adminAudit: '/admin/audit',
  adminParameters: '/admin/parameters',
  account: '/account',
  fund: (fundId: number | string) => `/funds/${fundId}`,
  /** The forecast page of one fund, optionally with a measure (`expenditure` when left out). */
  forecast: (fundId: number | string, measure?: string) =>
    `/actuarial/forecast?${new URLSearchParams({ fundId: String(fundId), ...(measure ? { measure } : {}) }).toString()}`,
} as const;

/** Router state carried to a fund detail page: the page it was opened from (for the menu and the back button). */
export interface FromState {
  from?: string;
}
