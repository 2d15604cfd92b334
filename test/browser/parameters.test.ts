/**
 * The policy parameter page in Debian's chromium: the admin reads the national set (values with
 * units, provenance and source), is refused an out-of-order threshold with the reason in Chinese,
 * saves a new version (the overview then shows its cut points and version), adds a regional
 * override, asks which rules were in force in a past month, and reads it all in English.
 * Screenshots (zh and en) go to test-results/screenshots.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { appInBrowser, login, SCREENSHOT_DIR } from './serve.ts';

const VIEWPORT = { width: 1440, height: 900 };
const POLL = { timeout: 15_000 };
const shot = async (page: Page, name: string) => {
  await page.mouse.move(1, 1);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
};

/** The value cell of one parameter row of a values table. */
const valueOf = (page: Page, key: string) => page.locator(`[data-testid="national-values"] [data-key="${key}"] [data-testid="parameter-value"]`).textContent();

/** Types a month into an antd month picker and confirms it. */
async function pickMonth(page: Page, picker: Locator, month: string) {
  const input = (await picker.evaluate((el) => el.tagName)) === 'INPUT' ? picker : picker.locator('input');
  await input.click();
  await input.fill(month);
  await input.press('Enter');
  await page.keyboard.press('Escape');
}

/** Picks an option of the antd Select with this test id (the dropdown renders in a portal) and waits until it shows. */
async function choose(page: Page, scope: Locator, testId: string, optionText: string) {
  const select = scope.getByTestId(testId);
  await select.click();
  // a click while the dropdown still slides in can be lost: wait for the animation to end
  const settled = page.locator('.ant-select-dropdown:visible:not(.ant-slide-up-appear):not(.ant-slide-up-enter)');
  await settled.locator('.ant-select-item-option').filter({ hasText: optionText }).first().click();
  await expect.poll(() => select.textContent(), POLL).toContain(optionText);
}

async function waitForToasts(page: Page) {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
}

describe('policy parameters in chromium', () => {
  const app = appInBrowser();

  it('shows, versions and overrides the parameter set, audited, in Chinese and English', async () => {
    const page = await (await app.browser.newContext({ viewport: VIEWPORT })).newPage();
    await login(page, app.server.url, 'admin', 'demo-admin-2026');
    await page.getByTestId('workspace-menu').waitFor();
    expect(await page.getByTestId('menu-admin-parameters').textContent()).toBe('政策参数');
    await page.getByTestId('menu-admin-parameters').click();
    await page.getByTestId('parameters-page').waitFor();
    await expect.poll(() => page.locator('[data-testid="national-values"] [data-testid="parameter-row"]').count(), POLL).toBe(10);
    expect(await valueOf(page, 'thresholds.redBelow')).toBe('3 个月');
    expect(await valueOf(page, 'thresholds.blueUpTo')).toBe('15 个月');
    expect(await valueOf(page, 'resident.surplusRateMax')).toBe('15%');
    expect(await valueOf(page, 'reserveRate')).toBe('9%');
    expect(await valueOf(page, 'denominator')).toBe('近12个月支出（默认）');
    const reserveRow = page.locator('[data-testid="national-values"] [data-key="reserveRate"]');
    expect(await reserveRow.getByTestId('provenance-tag').textContent()).toBe('种子法规');
    expect(await reserveRow.textContent()).toContain('第十条');
    expect(await page.getByTestId('version-meta').textContent()).toContain('现行版本');
    await shot(page, '50-parameters-zh');

    // An out-of-order threshold: refused, the reason in Chinese, nothing saved.
    await page.getByTestId('version-edit').click();
    const modal = page.getByTestId('version-modal');
    await modal.getByTestId('value-input-thresholds.orangeBelow').fill('2');
    await pickMonth(page, modal.getByTestId('version-effective-from'), '2025-01');
    await modal.getByTestId('version-note').fill('按省医保局通知调整橙色预警线');
    expect(await modal.getByTestId('changed-mark').count()).toBe(1);
    await page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => modal.getByTestId('version-refusal').textContent(), POLL)
      .toBe('橙色预警线（低于即预警）须大于红色预警线（低于即严重预警）（3），填写的是 2');
    await shot(page, '51-parameters-refused-zh');

    // A valid edit with its provenance and source: saved as version 2.
    await modal.getByTestId('value-input-thresholds.orangeBelow').fill('5');
    await modal.getByTestId('value-input-thresholds.orangeBelow').press('Tab'); // the number is formatted on blur: let that render settle first
    await choose(page, modal, 'provenance-input-thresholds.orangeBelow', '地方实践');
    await modal.getByTestId('source-input-thresholds.orangeBelow').fill('省医保局 2025 年 1 号通知：橙色预警线 5 个月');
    await page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-message-notice').filter({ hasText: '已保存全国参数 v2，2025-01 起生效' }).waitFor();
    await expect.poll(() => valueOf(page, 'thresholds.orangeBelow'), POLL).toBe('5 个月');
    const orangeRow = page.locator('[data-testid="national-values"] [data-key="thresholds.orangeBelow"]');
    expect(await orangeRow.getByTestId('provenance-tag').textContent()).toBe('地方实践');
    expect(await page.getByTestId('history-row').count()).toBe(2);
    expect(await page.getByTestId('version-meta').textContent()).toContain('按省医保局通知调整橙色预警线');
    await waitForToasts(page);

    // The overview reads the new version at once.
    await page.getByTestId('menu-actuarial-overview').click();
    await expect.poll(() => page.getByTestId('parameter-note').first().textContent(), POLL).toContain('参数版本 v2');
    expect(await page.getByTestId('parameter-note').first().textContent()).toContain('3 / 5 / 9 / 15');

    // A regional override for one city's employee fund.
    await page.getByTestId('menu-admin-parameters').click();
    await page.getByTestId('override-edit').click();
    const override = page.getByTestId('override-modal');
    await choose(page, override, 'override-region', '东川市');
    await pickMonth(page, override.getByTestId('override-effective-from'), '2025-06');
    await override.getByTestId('value-input-thresholds.redBelow').fill('4');
    await override.getByTestId('source-input-thresholds.redBelow').fill('东川市医保局 2025 年 6 号文');
    await override.getByTestId('override-note').fill('东川市职工医保支出增长快，提高红色预警线');
    await shot(page, '52-parameters-override-form-zh');
    await page.locator('.ant-modal:visible .ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-message-notice').filter({ hasText: '已保存地区调整 v1，2025-06 起生效' }).waitFor();
    const row = page.locator('[data-testid="override-row"][data-region="DEMO01"][data-scheme="employee"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('红色预警线（低于即严重预警）4 个月');

    // The rules in force in a past month: version 1, no override yet.
    await pickMonth(page, page.getByTestId('in-force-period'), '2024-12');
    await expect.poll(() => page.getByTestId('in-force-national').textContent(), POLL).toBe('全国参数 v1（2009-01 起）');
    expect(await page.getByTestId('in-force-override').count()).toBe(0);
    await pickMonth(page, page.getByTestId('in-force-period'), '2025-07');
    await expect.poll(() => page.getByTestId('in-force-override').count(), POLL).toBe(1);
    expect(await page.getByTestId('in-force-national').textContent()).toBe('全国参数 v2（2025-01 起）');
    await waitForToasts(page);
    await shot(page, '53-parameters-zh');

    // The audit log has both edits.
    await page.getByTestId('menu-admin-audit').click();
    await page.getByTestId('audit-filter-action').locator('input').fill('parameters.');
    await page.keyboard.press('Escape');
    await page.getByTestId('audit-search').click();
    await expect.poll(() => page.getByTestId('audit-action').allTextContents(), POLL).toEqual(['parameters.override', 'parameters.version']);

    // English.
    await page.getByTestId('menu-admin-parameters').click();
    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => page.getByTestId('parameters-page').textContent(), POLL).toContain('National default set');
    expect(await valueOf(page, 'thresholds.orangeBelow')).toBe('5 months');
    expect(await valueOf(page, 'resident.accumulatedRatioMax')).toBe('25%');
    expect(await page.getByTestId('menu-admin-parameters').textContent()).toBe('Policy parameters');
    expect(await row.textContent()).toContain('Red below (severe warning)4 months');
    expect(await row.textContent()).toContain('Dongchuan City (synthetic) (DEMO01)Employee schemev1 (1 version)2025-06');
    await shot(page, '54-parameters-en');
    await page.close();
  });
});
