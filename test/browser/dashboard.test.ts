/**
 * The leadership dashboard in Debian's chromium on a large screen: a leader lands on it, reads the
 * KPI cards, the regions × schemes grid and the alerts, drills down province → city → fund,
 * switches to English, looks at a past month and downloads the reports. Time to interactive is
 * measured; screenshots go to test-results/screenshots for a person to look at.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { appInBrowser, login, SCREENSHOT_DIR } from './serve.ts';

const LARGE_SCREEN = { width: 1920, height: 1080 };
const POLL = { timeout: 15_000 };
async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 1);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

describe('leadership dashboard in chromium', () => {
  const app = appInBrowser();

  it('is the leader\'s landing page: KPI cards with units, the grid by tier now / +12 / +24, alerts with reasons', async () => {
    const page = await app.browser.newPage({ viewport: LARGE_SCREEN });
    const started = Date.now();
    await login(page, app.server.url, 'leader', 'demo-leader-2026');
    await page.getByTestId('dashboard-ready').waitFor();
    const afterLogin = Date.now() - started;
    expect(new URL(page.url()).pathname).toBe('/leadership/dashboard');

    const kpis = (await page.getByTestId('dashboard-kpis').textContent()) ?? '';
    expect(kpis).toContain('亿元');
    expect(kpis).toContain('个月');
    expect(kpis).toContain('12个月后');
    const grid = page.getByTestId('dashboard-grid');
    expect(await grid.textContent()).toContain('北河市');
    expect(await page.getByTestId('grid-row').count()).toBe(12);
    expect(await grid.locator('[data-testid="grid-cell"][data-horizon="in24"]').count()).toBeGreaterThan(0);
    // the demo story: Beihe's employee fund slides into red
    const beihe = page.getByTestId('grid-row').filter({ hasText: '北河市' });
    expect(await beihe.locator('[data-horizon="now"]').first().getAttribute('data-tier')).toBe('red');
    const alerts = page.getByTestId('alert-item');
    expect(await alerts.count()).toBeGreaterThan(0);
    expect(await alerts.first().getAttribute('data-level')).toBe('critical');
    expect(await alerts.first().getByTestId('alert-reason').textContent()).toMatch(/可支付月数 [\d.]+ 个月 < 3：红色严重预警|累计结余 .* ≤ 0/);
    await shot(page, '10-dashboard-zh');

    // A reload comes back interactive (server memo warm, assets cached as on a leader's screen). The 2 s target is a
    // benchmark (test/bench/dashboard.ts on 400 regions), never a test gate; the times are printed for the log only.
    const t = Date.now();
    await page.reload();
    await page.getByTestId('dashboard-ready').waitFor();
    console.info(`dashboard interactive: ${afterLogin} ms from login, ${Date.now() - t} ms on reload`);
    await page.close();
  });

  it('drills down province → city → fund detail, and back', async () => {
    const page = await app.browser.newPage({ viewport: LARGE_SCREEN });
    await login(page, app.server.url, 'leader', 'demo-leader-2026');
    await page.getByTestId('dashboard-ready').waitFor();
    await page.getByTestId('grid-row').filter({ hasText: '西江市' }).getByTestId('grid-drill').click();
    await expect.poll(() => page.getByTestId('dashboard-breadcrumb').textContent(), POLL).toContain('西江市');
    await page.getByTestId('dashboard-ready').waitFor();
    const codes = await page.getByTestId('grid-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-region-code')));
    expect(codes).toEqual(['DEMO02', 'DEMO0201', 'DEMO0202']);
    await shot(page, '11-dashboard-drill-zh');

    await page.getByTestId('grid-row').filter({ hasText: '望山县' }).locator('[data-testid="grid-cell"][data-horizon="now"]').first().click();
    await page.getByTestId('fund-detail-page').waitFor();
    expect(await page.getByTestId('fund-title').textContent()).toContain('望山县');
    await page.getByTestId('fund-back').click();
    await expect.poll(() => page.getByTestId('dashboard-breadcrumb').textContent(), POLL).toContain('西江市');
    await page.getByTestId('breadcrumb-link').first().click();
    await expect.poll(() => page.getByTestId('grid-row').count(), POLL).toBe(12);
    await page.close();
  });

  it('downloads the province\'s risk report as PDF and its disclosure table as XLSX', async () => {
    const page = await app.browser.newPage({ viewport: LARGE_SCREEN, acceptDownloads: true });
    await login(page, app.server.url, 'leader', 'demo-leader-2026');
    await page.getByTestId('dashboard-ready').waitFor();
    const download = async (kind: string, format: string) => {
      await page.getByTestId(`report-${kind}`).click();
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`report-${kind}-${format}`).click()]);
      return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
    };
    const pdf = await download('risk', 'pdf');
    expect(pdf.name).toBe('risk-report-DEMO.pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await download('disclosure', 'xlsx');
    expect(xlsx.name).toBe('disclosure-report-DEMO-2025.xlsx');
    // an XLSX is a zip archive
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');
    await page.close();
  });

  it('reads in English and shows a past month as it was', async () => {
    const page = await app.browser.newPage({ viewport: LARGE_SCREEN });
    await login(page, app.server.url, 'leader', 'demo-leader-2026');
    await page.getByTestId('dashboard-ready').waitFor();
    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => page.getByTestId('dashboard-alerts').textContent(), POLL).toContain('Alerts');
    expect(await page.getByTestId('dashboard-kpis').textContent()).toMatch(/months/);
    expect(await page.getByTestId('alert-reason').first().textContent()).toMatch(/payable months|balance/);
    await shot(page, '12-dashboard-en');

    await page.goto(`${app.server.url}/leadership/dashboard?asOf=2022-06`);
    await page.getByTestId('dashboard-ready').waitFor();
    expect(await page.getByTestId('dashboard-data-as-of').textContent()).toContain('2022');
    await shot(page, '13-dashboard-past-en');
    await page.close();
  });
});
