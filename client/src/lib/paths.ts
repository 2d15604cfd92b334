/** URL paths shared by the shell and the features (features link to each other only through these). */
export const PATHS = {
  login: '/login',
  leadershipOverview: '/leadership/overview',
  actuarialOverview: '/actuarial/overview',
  actuarialImport: '/actuarial/import',
  budgetImport: '/budget/import',
  fund: (fundId: number | string) => `/funds/${fundId}`,
} as const;

/** Router state carried to a fund detail page: the page it was opened from (for the menu and the back button). */
export interface FromState {
  from?: string;
}
