/** client/src/app/workspaces.ts: which menu entry the shell highlights for a page. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { menuKeyOf, PATHS, WORKSPACES } from '../../client/src/app/workspaces.ts';

const MENU_KEYS = WORKSPACES.flatMap((w) => w.pages.map((p) => p.path));

describe('menuKeyOf', () => {
  it('highlights a page\'s own entry, with or without a query, and a plan under the plans', () => {
    for (const key of MENU_KEYS) expect(menuKeyOf(key, undefined)).toBe(key);
    expect(menuKeyOf('/actuarial/forecast', '/leadership/dashboard')).toBe(PATHS.actuarialForecast);
    expect(menuKeyOf(PATHS.budgetPlan(7), undefined)).toBe(PATHS.budgetPlans);
    expect(menuKeyOf(PATHS.account, undefined)).toBeUndefined();
  });

  it('puts a fund page under the page it was opened from, query and all', () => {
    expect(menuKeyOf(PATHS.fund(11), '/leadership/dashboard?asOf=2025-06&region=3')).toBe(PATHS.leadershipDashboard);
    expect(menuKeyOf(PATHS.fund(11), '/leadership/overview#top')).toBe(PATHS.leadershipOverview);
    expect(menuKeyOf(PATHS.fund(11), undefined)).toBe(PATHS.actuarialOverview);
    expect(menuKeyOf(PATHS.fund(11), PATHS.account)).toBe(PATHS.actuarialOverview);
  });

  it('always names a menu entry for a fund page, whatever it was opened from', () => {
    fc.assert(fc.property(fc.constantFrom(...MENU_KEYS, '/account', '/funds/3', ''), fc.webQueryParameters(), (from, query) => {
      const key = menuKeyOf(PATHS.fund(5), query ? `${from}?${query}` : from);
      expect(MENU_KEYS).toContain(key);
      if (MENU_KEYS.includes(from)) expect(key).toBe(from);
    }), { seed: 20260115, numRuns: 100 });
  });
});
