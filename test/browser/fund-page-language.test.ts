/**
 * The fund page and the shell in Debian's chromium across a language switch: the menu keeps the
 * current page highlighted (also for a fund opened from a dashboard showing a past month), the
 * zh-CN fund page shows no English tier labels or other English words, and a change of the
 * warning rules within the fund's periods is shown (each period is judged under the rules then).
 * Screenshots go to test-results/screenshots for a person to look at.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { appInBrowser, login, SCREENSHOT_DIR } from './serve.ts';

const VIEWPORT = { width: 1440, height: 900 };
const POLL = { timeout: 15_000 };
/** The national version the test publishes: orange below 6.5 months from January 2024 (v1 has 6). */
const RULES_FROM = '2024-01';

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

/** The test ids of the highlighted menu entries. */
const selectedMenu = (page: Page) => page.evaluate(() => [...document.querySelectorAll('[data-testid=workspace-menu] .ant-menu-item-selected')]
  .map((e) => e.getAttribute('data-testid') ?? e.querySelector('[data-testid^="menu-"]')?.getAttribute('data-testid') ?? '?'));

async function switchLanguage(page: Page, to: 'EN' | '中文'): Promise<void> {
  await page.getByTestId('lang-switch').getByText(to).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang), POLL).toBe(to === 'EN' ? 'en' : 'zh-CN');
}

/** Publishes a national version through the API as the logged-in admin (same origin, so the write guard lets it through). */
async function publishRules(page: Page): Promise<number> {
  return page.evaluate(async (effectiveFrom) => {
    const list = await (await fetch('/trpc/parameters.list')).json() as { result: { data: { json: { national: { setId: number }[] } } } };
    const fromSetId = list.result.data.json.national[0]?.setId;
    const values = [{ key: 'thresholds.orangeBelow', value: 6.5, provenance: 'practice', source: '浏览器测试：调整橙色预警线' }];
    const res = await fetch('/trpc/parameters.createVersion', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { fromSetId, effectiveFrom, note: '浏览器测试', values } }),
    });
    return res.status;
  }, RULES_FROM);
}

/** Latin-script words in the page's text, leaving out the stored source citation and the export format buttons. */
const latinWords = (page: Page) => page.getByTestId('fund-detail-page').evaluate((root) => {
  const copy = root.cloneNode(true) as HTMLElement;
  for (const e of copy.querySelectorAll('[data-testid=fund-source], [data-testid=export-xlsx], [data-testid=export-csv]')) e.remove();
  return [...new Set(copy.innerText.match(/[A-Za-z]{2,}/g) ?? [])];
});

describe('fund page and shell across a language switch', () => {
  const app = appInBrowser();

  it('keeps the current page highlighted in the menu when the language is switched', async () => {
    const page = await app.browser.newPage({ viewport: VIEWPORT });
    await login(page, app.server.url, 'admin', 'demo-admin-2026');
    await page.getByTestId('workspace-menu').waitFor();
    for (const id of ['menu-leadership-overview', 'menu-actuarial-forecast', 'menu-admin-parameters']) {
      await page.getByTestId(id).click();
      await expect.poll(() => selectedMenu(page), POLL).toEqual([id]);
      await switchLanguage(page, 'EN');
      expect(await selectedMenu(page)).toEqual([id]);
      await switchLanguage(page, '中文');
      expect(await selectedMenu(page)).toEqual([id]);
    }

    // a fund opened from the dashboard of a past month belongs to the dashboard, in either language
    await page.goto(`${app.server.url}/leadership/dashboard?asOf=2025-06`);
    await page.getByTestId('alert-fund-link').first().click();
    await page.getByTestId('fund-detail-page').waitFor();
    await expect.poll(() => selectedMenu(page), POLL).toEqual(['menu-leadership-dashboard']);
    await switchLanguage(page, 'EN');
    expect(await selectedMenu(page)).toEqual(['menu-leadership-dashboard']);
    await page.getByTestId('chart-payable-months').locator('svg').first().waitFor();
    await page.mouse.move(1, 1);
    await shot(page, 'shell-after-switch-en');
    await switchLanguage(page, '中文');
    expect(await selectedMenu(page)).toEqual(['menu-leadership-dashboard']);
    await shot(page, 'shell-after-switch-zh');
    await page.close();
  });

  it('shows the zh-CN fund page without English tier labels, and where the rules changed', async () => {
    const page = await app.browser.newPage({ viewport: VIEWPORT });
    await login(page, app.server.url, 'admin', 'demo-admin-2026');
    await page.getByTestId('workspace-menu').waitFor();
    expect(await publishRules(page)).toBe(200);
    await page.getByTestId('menu-actuarial-overview').click();
    await page.getByTestId('overview-row').filter({ hasText: '北河市' }).filter({ hasText: '职工' }).getByTestId('fund-row-link').click();
    await page.getByTestId('fund-detail-page').waitFor();
    await page.getByTestId('chart-payable-months').locator('svg').first().waitFor();
    expect(await selectedMenu(page)).toEqual(['menu-actuarial-overview']);

    const text = await page.getByTestId('fund-detail-page').innerText();
    expect(text).not.toMatch(/months|\(\d+(\.\d+)?–\d+(\.\d+)? ?m/i);
    // what is left in Latin script: the region code (DEMO..) and nothing else
    expect((await latinWords(page)).filter((w) => !/^DEMO$/.test(w))).toEqual([]);
    const note = page.getByTestId('rules-note');
    await expect.poll(() => note.innerText(), POLL).toContain('国家参数 v2（2024年1月 起施行），分级阈值 3 / 6.5 / 9 / 15 个月');
    expect(await note.innerText()).toContain('国家参数 v1（2009年1月 起施行），分级阈值 3 / 6 / 9 / 15 个月');
    // newest first, 12 a page: January 2024 is the last row of page 2, marked as the first period under v2
    await page.getByTestId('fund-detail-page').locator('.ant-pagination-item-2').click();
    const marked = page.getByTestId('records-table').locator('tr', { has: page.getByTestId('rules-change-tag') });
    await expect.poll(() => marked.innerText(), POLL).toContain('2024年1月');
    await page.mouse.move(1, 1);
    await shot(page, 'fund-detail-rules-zh');

    await switchLanguage(page, 'EN');
    await expect.poll(() => note.innerText(), POLL).toContain('national parameters v2 (in force from');
    expect(await note.innerText()).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await page.getByTestId('records-table').innerText()).not.toMatch(/[\u4e00-\u9fff]/);
    await page.mouse.move(1, 1);
    await shot(page, 'fund-detail-rules-en');
    await page.close();
  });
});
