/**
 * The built app in Debian's chromium, as a user meets it: log in, read the overview, open a fund,
 * switch to English, import a bad file and see every error with nothing imported.
 * Screenshots go to test-results/screenshots (git-ignored) for a person to look at.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { appInBrowser, login, SCREENSHOT_DIR } from './serve.ts';

const VIEWPORT = { width: 1440, height: 900 };
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });


describe('fundrisk in chromium', () => {
  const app = appInBrowser();

  it('refuses a wrong password and shows why', async () => {
    const page = await app.browser.newPage({ viewport: VIEWPORT });
    await login(page, app.server.url, 'leader', 'not-the-password');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码');
    await shot(page, '01-login-error');
    await page.close();
  });

  it('logs in, shows the overview with tiers and units, opens a fund, switches to English', async () => {
    const page = await app.browser.newPage({ viewport: VIEWPORT });
    await login(page, app.server.url, 'actuary', 'demo-actuary-2026');
    await page.getByTestId('overview-table').waitFor();
    await expect.poll(() => page.getByTestId('demo-banner').isVisible()).toBe(true);
    const table = page.getByTestId('overview-table');
    await expect.poll(() => table.textContent()).toContain('北河市');
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('严重预警');
    expect(text).toContain('结余过多');
    expect(text).toMatch(/亿元|万元/);
    expect(text).toContain('个月');
    await shot(page, '02-overview-zh');

    const redRow = page.getByTestId('overview-row').filter({ hasText: '北河市' }).filter({ hasText: '职工' });
    await redRow.getByTestId('fund-row-link').click();
    await page.getByTestId('fund-detail-page').waitFor();
    await page.getByTestId('chart-payable-months').locator('svg').first().waitFor();
    await expect.poll(() => page.getByTestId('fund-header').textContent()).toContain('严重预警');
    await shot(page, '03-fund-detail-zh');

    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => page.getByTestId('fund-header').textContent()).toMatch(/months|Severe|red/i);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot(page, '04-fund-detail-en');
    await page.close();
  });

  it('validates a bad import file, lists every error and imports nothing', async () => {
    const page = await app.browser.newPage({ viewport: VIEWPORT });
    await login(page, app.server.url, 'actuary', 'demo-actuary-2026');
    await page.getByTestId('overview-table').waitFor();
    await page.goto(`${app.server.url}/actuarial/import`);
    const dir = mkdtempSync(join(tmpdir(), 'fundrisk-bad-'));
    const bad = join(dir, 'bad-funds.csv');
    writeFileSync(bad, [
      'region_code,scheme,period,income,expenditure,balance',
      'DEMO01,employee,2026-01,100,50,999999999999',
      'DEMO01,employee,2026-02,12a,50,1000',
      'NOPE,employee,2026-01,100,-5,100',
    ].join('\n'));
    await page.getByTestId('import-file').setInputFiles(bad);
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-errors').waitFor();
    const alert = (await page.getByTestId('import-error-alert').textContent()) ?? '';
    expect(alert).toMatch(/未导入任何数据/);
    const errors = (await page.getByTestId('import-errors').textContent()) ?? '';
    expect(errors).toContain('not_a_number');
    expect(errors).toContain('unknown_region');
    expect(errors).toContain('bad-funds.csv');
    expect(await page.getByTestId('import-commit').count()).toBe(0);
    await shot(page, '05-import-errors');
    await page.close();
  });
});
