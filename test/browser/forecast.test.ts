/**
 * The forecast page in Debian's chromium: an actuary opens a demo fund's expenditure forecast,
 * sees the chart with its interval bands and the backtest of every method, adopts a method from
 * the table, exports the CSV and the server's XLSX, saves the forecast and finds it in the saved list; a leader may
 * read but not save. Screenshots (zh and en) go to test-results/screenshots.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { appInBrowser, login, SCREENSHOT_DIR } from './serve.ts';

const VIEWPORT = { width: 1440, height: 900 };
/** The backtest runs every method over six origins on the server: a few seconds, more on a busy machine. */
const BACKTEST_TIMEOUT_MS = 60_000;
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

async function loginToShell(page: Page, url: string, username: string, password: string) {
  await login(page, url, username, password);
  await page.getByTestId('workspace-menu').waitFor();
}

/** The id of the demo city's employee pooling fund, read from the overview as a user would find it. */
async function demoFundId(page: Page, url: string): Promise<string> {
  await page.goto(`${url}/actuarial/overview`);
  const row = page.getByTestId('overview-row').filter({ hasText: '北河市' }).filter({ hasText: '职工' });
  const id = await row.getByTestId('fund-row-link').getAttribute('data-fund-id');
  expect(id).toMatch(/^\d+$/);
  return id as string;
}

async function waitForForecast(page: Page) {
  await page.getByTestId('forecast-page').waitFor();
  await page.getByTestId('forecast-chart').locator('svg.recharts-surface[role="application"]').waitFor();
  await page.getByTestId('backtest-row').first().waitFor({ timeout: BACKTEST_TIMEOUT_MS });
}

describe('forecast page in chromium', () => {
  const app = appInBrowser();

  it('forecasts a fund, compares methods, exports, saves and lists the forecast', async () => {
    const context = await app.browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    const page = await context.newPage();
    await loginToShell(page, app.server.url, 'actuary', 'demo-actuary-2026');
    expect(await page.getByTestId('menu-actuarial-forecast').textContent()).toBe('收支预测');
    const fundId = await demoFundId(page, app.server.url);

    await page.goto(`${app.server.url}/actuarial/forecast?fundId=${fundId}&measure=expenditure`);
    await waitForForecast(page);

    // Controls reflect the URL and the monthly default horizon.
    expect(await page.getByTestId('forecast-fund').textContent()).toContain('北河市');
    expect(await page.getByTestId('forecast-measure').textContent()).toContain('支出');
    expect(await page.getByTestId('forecast-method').textContent()).toContain('自动');
    expect(await page.getByTestId('forecast-horizon').textContent()).toContain('12 个月');

    // The chart: history and mean lines, two interval bands with real paths, the origin line, a money unit on the axis.
    const chart = page.getByTestId('forecast-chart');
    const bands = chart.locator('path.recharts-area-area');
    expect(await bands.count()).toBe(2);
    for (const d of await bands.evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''))) expect(d.length).toBeGreaterThan(20);
    expect(await chart.locator('.recharts-line path.recharts-curve').count()).toBe(2);
    expect(await chart.locator('.recharts-reference-line').count()).toBe(1);
    expect(await chart.textContent()).toMatch(/金额（(亿元|万元)）/);
    expect(await chart.textContent()).toContain('95% 预测区间');

    // The model card names the fitted model, the data vintage and the model version.
    const model = (await page.getByTestId('forecast-model').textContent()) ?? '';
    expect(model).toContain('fundrisk-forecast');
    expect(model).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect((await page.getByTestId('forecast-model-text').textContent())?.trim().length).toBeGreaterThan(0);

    // The backtest lists the models side by side, with one best row.
    const methods = await page.getByTestId('backtest-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-method')));
    expect(methods).toEqual(expect.arrayContaining(['ets', 'arima', 'theta', 'naive', 'auto']));
    expect(await page.getByTestId('backtest-best').count()).toBe(1);
    expect(await page.getByTestId('backtest-table').textContent()).toMatch(/MAE（(亿元|万元)）/);

    // The forecast table: twelve months with units.
    const table = page.getByTestId('forecast-table');
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(12);
    expect(await table.textContent()).toMatch(/均值（(亿元|万元)）/);
    await shot(page, '06-forecast-zh');

    // A click on a backtest row adopts its method.
    await page.getByTestId('backtest-row').and(page.locator('[data-method="ets"]')).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('method')).toBe('ets');
    // The URL changes first (react-router navigates in a transition); then the select and the refitted model follow.
    await expect.poll(() => page.getByTestId('forecast-method').textContent()).toContain('ETS');
    await expect.poll(() => page.getByTestId('forecast-model-text').textContent(), { timeout: 30_000 }).toMatch(/^ETS\(/);

    // CSV export: built in the browser, UTF-8 with a BOM, one line per period plus the header.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('forecast-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^forecast-.+-expenditure\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toContain('均值（元）');
    expect(lines[1]).toMatch(/^2026-01,\d+\.\d{2},/);

    // XLSX export: the server refits the same forecast, so its twelve rows match the CSV (each is the
    // figure rounded to the fen, so they differ by one fen at most, at a half-fen tie).
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('forecast-export-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^forecast-.+-expenditure\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await xlsx.path());
    const sheet: unknown[][] = [];
    book.worksheets[0]?.eachRow((row) => sheet.push((row.values as unknown[]).slice(1)));
    expect(sheet.find((r) => r[0] === '方法')?.[1]).toBe('ets');
    const xlsxRows = sheet.slice(-12);
    lines.slice(1).forEach((line, i) => {
      const [period, ...csvYuan] = line.split(',');
      expect(xlsxRows[i]?.[0]).toBe(period);
      csvYuan.forEach((v, j) => expect(Math.abs((xlsxRows[i]?.[j + 2] as number) - Number(v))).toBeLessThanOrEqual(0.01 + 1e-9));
    });

    // Save: the message carries the id, and the saved list shows the row with its note.
    await page.getByTestId('forecast-note').fill('浏览器测试');
    await page.getByTestId('forecast-save').click();
    const notice = page.locator('.ant-message-notice').filter({ hasText: '预测已保存' });
    await notice.waitFor();
    const id = /编号\s*(\d+)/.exec((await notice.textContent()) ?? '')?.[1];
    expect(id).toBeDefined();
    const saved = page.getByTestId('saved-forecasts');
    await expect.poll(() => saved.getByTestId('saved-forecast-id').allTextContents()).toContain(id);
    const savedRow = saved.locator('tr.ant-table-row').filter({ has: page.getByTestId('saved-forecast-id').getByText(id as string, { exact: true }) });
    expect(await savedRow.textContent()).toContain('浏览器测试');
    expect(await savedRow.textContent()).toContain('ETS');
    await shot(page, '07-forecast-saved-zh');
    // Let the Chinese notice close so the English screenshot shows English only.
    await notice.waitFor({ state: 'detached', timeout: 15_000 });

    // English: the same page with English labels and the 10⁸ / 10⁴ yuan units.
    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => page.getByTestId('forecast-page').textContent()).toContain('Method comparison');
    expect(await chart.textContent()).toMatch(/Amount \(10[⁴⁸] yuan\)/);
    expect(await page.getByTestId('menu-actuarial-forecast').textContent()).toBe('Forecasts');
    await shot(page, '08-forecast-en');
    await context.close();
  });

  it('links from a fund to its forecast; a leader may read but not save', async () => {
    const page = await app.browser.newPage({ viewport: VIEWPORT });
    await loginToShell(page, app.server.url, 'leader', 'demo-leader-2026');
    const fundId = await demoFundId(page, app.server.url);
    await page.goto(`${app.server.url}/funds/${fundId}`);
    await page.getByTestId('fund-forecast-link').click();
    await page.getByTestId('forecast-page').waitFor();
    expect(new URL(page.url()).searchParams.get('fundId')).toBe(fundId);
    await page.getByTestId('forecast-chart').locator('svg.recharts-surface[role="application"]').waitFor();
    expect(await page.getByTestId('forecast-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('forecast-note').count()).toBe(0);
    expect(await page.getByTestId('forecast-export').isEnabled()).toBe(true);
    await page.close();
  });
});
