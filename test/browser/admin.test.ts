/**
 * Administration and the account page in Debian's chromium: the admin creates a user limited to
 * one city, finds the change in the audit log with an intact chain and exports it; the new user
 * sees no administration menu, sets up TOTP from the QR page and then logs in with a code.
 * Screenshots (zh and en) go to test-results/screenshots.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { appInBrowser, login, SCREENSHOT_DIR } from './serve.ts';

const VIEWPORT = { width: 1440, height: 900 };
const NEW_USER = 'zhang.wei';
const NEW_PASSWORD = 'river-lantern-orchard-42';
const TOTP_STEP_MS = 30_000;
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

async function loginToShell(page: Page, url: string, username: string, password: string) {
  await login(page, url, username, password);
  await page.getByTestId('workspace-menu').waitFor();
}

/** Picks an option of the antd Select with this test id in the open modal (the dropdown renders in a portal). */
async function choose(page: Page, testId: string, optionText: string) {
  await page.locator('.ant-modal:visible').getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: optionText }).first().click();
}

/** Closes the open toasts so a screenshot in the other language shows that language only. */
async function waitForToasts(page: Page) {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
}

describe('administration in chromium', () => {
  const app = appInBrowser();

  it('creates a user scoped to a city and finds the change in the audit log', async () => {
    const context = await app.browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    const page = await context.newPage();
    await loginToShell(page, app.server.url, 'admin', 'demo-admin-2026');
    expect(await page.getByTestId('menu-admin-users').textContent()).toBe('用户管理');
    expect(await page.getByTestId('menu-admin-audit').textContent()).toBe('审计日志');

    await page.getByTestId('menu-admin-users').click();
    await page.getByTestId('admin-users-page').waitFor();
    await expect.poll(() => page.getByTestId('user-row').count()).toBe(5);
    const adminRow = page.locator('[data-testid="user-row"][data-username="admin"]');
    expect(await adminRow.textContent()).toContain('当前账户');
    expect(await adminRow.textContent()).toContain('系统管理员');

    // Create: a budget officer who sees only 东川市.
    await page.getByTestId('user-create').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByTestId('user-form-username').fill(NEW_USER);
    await modal.getByTestId('user-form-password').fill(NEW_PASSWORD);
    await choose(page, 'user-form-role', '预算管理人员');
    await modal.getByTestId('user-form-all-regions').click();
    await choose(page, 'user-form-regions', '东川市');
    await page.keyboard.press('Escape'); // close the region dropdown, not the modal
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.locator('.ant-message-notice').filter({ hasText: `已新建用户 ${NEW_USER}` }).waitFor();
    const row = page.locator(`[data-testid="user-row"][data-username="${NEW_USER}"]`);
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('预算管理人员');
    expect(rowText).toContain('东川市');
    expect(rowText).toContain('启用');
    expect(rowText).toContain('未开启');
    await waitForToasts(page);
    await shot(page, '20-admin-users-zh');

    // The last admin cannot be disabled: the server refuses, the reason shows in Chinese.
    await adminRow.getByTestId('user-disable').click();
    await page.locator('.ant-popover:visible .ant-btn-primary').click();
    await page.locator('.ant-message-notice').filter({ hasText: '不能停用或降级最后一个启用的系统管理员' }).waitFor();
    await waitForToasts(page);

    // The audit log: chain intact, the creation on top with who, what, before → after and from where.
    await page.getByTestId('menu-admin-audit').click();
    await page.getByTestId('admin-audit-page').waitFor();
    const chain = page.getByTestId('audit-chain');
    await chain.waitFor();
    expect(await chain.getAttribute('data-ok')).toBe('true');
    expect(await chain.textContent()).toMatch(/审计链完整：共 \d+ 条记录/);
    await page.getByTestId('audit-filter-action').locator('input').fill('user.');
    await page.keyboard.press('Escape');
    await page.getByTestId('audit-search').click();
    await expect.poll(() => page.getByTestId('audit-action').first().textContent()).toBe('user.add');
    const first = page.locator('[data-testid="audit-table"] tbody tr.ant-table-row').first();
    const firstText = (await first.textContent()) ?? '';
    expect(firstText).toContain('新建用户');
    expect(firstText).toContain('admin');
    expect(firstText).toContain(NEW_USER);
    expect(firstText).toContain('127.0.0.1');
    expect(firstText).not.toContain(NEW_PASSWORD);
    expect(await page.getByTestId('audit-at').first().textContent()).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
    await shot(page, '21-admin-audit-zh');

    // Export what the filter shows: CSV with a BOM, the user rows only, no password.
    expect(await page.getByTestId('audit-export-csv').getAttribute('href')).toBe('/api/audit/export?format=csv&actionPrefix=user.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-csv').click()]);
    expect(download.suggestedFilename()).toBe('audit_log.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.trim().split(/\r?\n/); // trim() also drops the BOM
    expect(lines[0]).toBe('id,at,user_id,username,action,entity,entity_id,before_json,after_json,ip,prev_hash,hash');
    expect(lines.slice(1).every((l) => l.split(',')[4]?.startsWith('user.'))).toBe(true);
    expect(csv).toContain(NEW_USER);
    expect(csv).not.toContain(NEW_PASSWORD);

    // English.
    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => page.getByTestId('admin-audit-page').textContent()).toContain('Audit chain intact');
    expect(await page.getByTestId('menu-admin-audit').textContent()).toBe('Audit log');
    await shot(page, '22-admin-audit-en');
    await page.getByTestId('menu-admin-users').click();
    await expect.poll(() => page.getByTestId('admin-users-page').textContent()).toContain('Budget officer');
    await shot(page, '23-admin-users-en');
    await context.close();
  });

  it('the new user has no administration menu, sets up TOTP and logs in with a code', async () => {
    const context = await app.browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await loginToShell(page, app.server.url, NEW_USER, NEW_PASSWORD);
    expect(await page.getByTestId('menu-admin-users').count()).toBe(0);
    expect((await page.request.get(`${app.server.url}/api/audit/export?format=csv`)).status()).toBe(403);

    await page.getByTestId('account-link').click();
    await page.getByTestId('account-page').waitFor();
    expect(await page.getByTestId('totp-status').textContent()).toBe('未开启');
    await page.getByTestId('totp-start').click();
    await page.getByTestId('totp-qr').waitFor();
    expect(await page.getByTestId('totp-qr').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    const uri = (await page.getByTestId('totp-uri').textContent()) ?? '';
    const secret = new URL(uri).searchParams.get('secret') ?? '';
    expect(uri).toBe(`otpauth://totp/fundrisk:${NEW_USER}?issuer=fundrisk&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
    expect((await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '')).toBe(secret);
    await shot(page, '24-account-totp-zh');

    const codeAt = (ms: number) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: ms });
    await page.getByTestId('totp-enable-code').fill(codeAt(Date.now()));
    await page.getByTestId('totp-enable-submit').click();
    await expect.poll(() => page.getByTestId('totp-status').textContent()).toBe('已开启');
    await waitForToasts(page);
    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => page.getByTestId('totp-status').textContent()).toBe('On');
    expect(await page.getByTestId('account-totp').textContent()).toContain('Turn off two-factor authentication');
    await shot(page, '26-account-totp-on-en');
    await page.getByTestId('lang-switch').getByText('中文').click();

    // Logging in now asks for the code; the code of the next step is within the ±1 window and not yet used.
    await page.getByTestId('logout').click();
    // the session ends when the answer arrives: navigating before it would cancel the request
    await page.getByTestId('login-username').waitFor();
    await login(page, app.server.url, NEW_USER, NEW_PASSWORD);
    await page.getByTestId('login-totp-needed').waitFor();
    await page.getByTestId('login-totp').fill('000000');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('验证码错误');
    await shot(page, '25-login-totp-zh');
    await page.getByTestId('login-totp').fill(codeAt(Date.now() + TOTP_STEP_MS));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('workspace-menu').waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain(NEW_USER);
    await context.close();
  });
});
