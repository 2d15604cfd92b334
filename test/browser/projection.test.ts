/**
 * The projection workbench in Debian's chromium: an actuary calibrates a scenario on a demo fund,
 * sees a range error before saving, sets one assumption per year, saves version 1, runs the
 * deterministic projection and a Monte Carlo run in the worker (the progress bar fed by the SSE
 * subscription reaches done), exports the run as XLSX, opens the tornado, clones the high-cost
 * preset and compares the two, then switches to English. Screenshots (zh and en) go to
 * test-results/screenshots.
 */
import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { appInBrowser, login, SCREENSHOT_DIR } from './serve.ts';

const VIEWPORT = { width: 1440, height: 900 };
/** Paths × 10 years above the server's worker threshold (20,000 path-years), so the run reports progress. */
const MC_PATHS = '20000';
const RUN_TIMEOUT_MS = 60_000;
/** A server round trip on a machine busy with other test runs: longer than expect.poll's one-second default. */
const POLL = { timeout: 15_000 } as const;
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

/** An antd select: open it, type to search, pick the option holding every text. */
async function pick(page: Page, select: Locator, search: string, ...texts: (string | RegExp)[]) {
  await select.click();
  await page.locator('.ant-select-dropdown:visible').waitFor();
  await page.keyboard.type(search);
  let option = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  for (const text of texts) option = option.filter({ hasText: text });
  await option.first().waitFor();
  await option.first().click();
}

/** Replaces the text of an input (antd InputNumber keeps the test id on its input or its wrapper). */
async function retype(field: Locator, value: string) {
  const input = (await field.evaluate((el) => el.tagName)) === 'INPUT' ? field : field.locator('input');
  await input.fill(value);
  await input.blur();
}

describe('projection workbench in chromium', () => {
  const app = appInBrowser();

  it('calibrates, saves, runs deterministic and Monte Carlo, exports, opens the tornado and a comparison, in zh and en', async () => {
    const context = await app.browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    const page = await context.newPage();
    await login(page, app.server.url, 'actuary', 'demo-actuary-2026');
    await page.getByTestId('workspace-menu').waitFor();
    expect(await page.getByTestId('menu-actuarial-projection').textContent()).toBe('精算预测');
    await page.getByTestId('menu-actuarial-projection').click();
    await page.getByTestId('projection-page').waitFor();

    // New from a fund: the calibrated draft opens unsaved, with its provenance and calibration notes.
    await page.getByTestId('new-from-fund').click();
    await pick(page, page.getByTestId('calibrate-fund'), '西江', '西江市', '职工');
    await page.getByTestId('calibrate-ok').click();
    const editor = page.getByTestId('scenario-editor');
    await editor.waitFor();
    await expect.poll(() => page.getByTestId('provenance-note').textContent(), POLL).toContain('西江市');
    expect(await page.getByTestId('calibration-note').count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('provenance-note').textContent()).toMatch(/数据版本 \d{4}-\d{2}-\d{2}/);
    const table = page.getByTestId('assumption-table');
    expect(await table.textContent()).toContain('校准值');
    expect(await table.textContent()).toContain('0% ≤ x < 100%');

    // A pooling rate of 120 % is refused in place, before saving; back to 7 % it is fine and marked as edited.
    const rate = page.getByTestId('field-assumptions.poolingRate');
    await retype(rate, '120');
    await expect.poll(() => table.locator('[data-key="poolingRate"]').textContent(), POLL).toContain('超出允许范围：0% ≤ x < 100%');
    expect(await page.getByTestId('editor-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('save-blocked').textContent()).toContain('1 处超出范围');
    await retype(rate, '7');
    await expect.poll(() => page.getByTestId('range-error').count(), POLL).toBe(0);
    expect(await table.locator('[data-key="poolingRate"]').textContent()).toContain('已修改');

    // Wage growth per year: the grid gets a column; the third year is set to 7 %.
    await page.getByTestId('yearly-switch-wageGrowth').click();
    const grid = page.getByTestId('yearly-grid');
    await grid.waitFor();
    expect(await grid.locator('tbody tr.ant-table-row').count()).toBe(10);
    await retype(page.getByTestId('grid-wageGrowth-2028'), '7');
    await page.getByTestId('editor-note').fill('浏览器测试：校准后调整费率');
    await page.getByTestId('editor-save').click();
    await page.locator('.ant-message-notice').filter({ hasText: '已保存为版本 v1' }).waitFor();
    await expect.poll(() => page.getByTestId('workbench').textContent(), POLL).toContain('v1');
    await expect.poll(() => page.getByTestId('version-history').getByTestId('version-row').count(), POLL).toBe(1);
    await shot(page, '09-projection-editor-zh');

    // Results: deterministic first.
    await page.getByTestId('tab-results').click();
    await page.getByTestId('run-deterministic').click();
    const cards = page.getByTestId('headline-cards');
    await cards.waitFor();
    expect(await page.getByTestId('headline-deficit').textContent()).toContain('当期赤字年');
    expect(await page.getByTestId('headline-months-value').textContent()).toContain('个月');
    await expect.poll(() => page.getByTestId('headline-solver-value').textContent(), POLL).toMatch(/^\d+\.\d{5,}%$/);
    expect(await page.getByTestId('headline-solver').textContent()).toContain('精度 ±');
    await page.getByTestId('fan-balance').locator('svg.recharts-surface[role="application"]').waitFor();
    expect(await page.getByTestId('fan-balance').textContent()).toMatch(/累计结余（(亿元|万元)）/);

    // Monte Carlo in the worker: the progress bar (SSE subscription) reaches done, the fan and the heatmap appear.
    await retype(page.getByTestId('mc-paths'), MC_PATHS);
    await retype(page.getByTestId('mc-seed'), '42');
    await page.getByTestId('run-stochastic').click();
    const progress = page.getByTestId('mc-progress');
    await progress.waitFor();
    await expect.poll(() => progress.getAttribute('data-status'), { timeout: RUN_TIMEOUT_MS }).toBe('done');
    expect(await progress.textContent()).toContain('已完成');
    await page.getByTestId('tier-heatmap').waitFor({ timeout: RUN_TIMEOUT_MS });
    expect(await page.getByTestId('run-info-stochastic').textContent()).toContain('20,000 条路径，种子 42');
    for (const id of ['fan-balance', 'fan-months']) {
      const bands = page.getByTestId(id).locator('path.recharts-area-area');
      expect(await bands.count()).toBe(3);
      for (const d of await bands.evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''))) expect(d.length).toBeGreaterThan(20);
      expect(await page.getByTestId(id).locator('.recharts-line path.recharts-curve').count()).toBe(2);
    }
    expect(await page.getByTestId('fan-months').locator('.recharts-reference-area').count()).toBe(5);
    expect(await page.getByTestId('fan-months').textContent()).toContain('严重预警');
    expect(await page.getByTestId('tier-heatmap').locator('tr[data-row]').count()).toBe(8);
    expect(await page.getByTestId('headline-probability').textContent()).toContain('%');
    const waterfall = page.getByTestId('waterfall');
    expect(await waterfall.getByTestId('waterfall-exhausted').textContent()).toContain('调控金');
    await page.getByTestId('waterfall-chart').locator('.recharts-bar-rectangle').first().waitFor();
    await shot(page, '10-projection-results-zh');

    // The run's XLSX: a workbook with the yearly sheet and the reproducibility sheet.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx-stochastic').click()]);
    expect(download.suggestedFilename()).toMatch(/^projection-run-\d+\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download.path());
    expect(wb.worksheets.map((s) => s.name)).toEqual(['年度预测', '赤字弥补', '模拟分位数', '模拟概率', '可复现信息']);

    // Sensitivity: the tornado ranks the assumptions.
    await page.getByTestId('tab-sensitivity').click();
    const tornado = page.getByTestId('tornado-chart');
    await tornado.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await page.getByTestId('tornado-table').locator('tbody tr.ant-table-row').count()).toBe(9);
    expect(await tornado.textContent()).toContain('可支付月数（个月）');
    await shot(page, '11-projection-tornado-zh');

    // Clone the high-cost preset from the list and compare it with the base version.
    const baseName = ((await page.getByTestId('workbench-title').textContent()) ?? '').trim();
    const baseId = new URL(page.url()).searchParams.get('id');
    expect(baseId).toMatch(/^\d+$/);
    const row = page.locator(`[data-testid="scenario-row"][data-id="${baseId}"]`);
    await row.getByTestId('clone-high').click();
    await page.locator('.ant-message-notice').filter({ hasText: '高' }).or(page.locator('.ant-message-notice').filter({ hasText: 'high cost' })).first().waitFor();
    await expect.poll(() => page.getByTestId('workbench-title').textContent(), POLL).toContain('high cost');
    await page.getByTestId('tab-compare').click();
    const exactly = new RegExp(`^${`${baseName} v1`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    await pick(page, page.getByTestId('compare-select'), baseName.slice(0, 6), exactly);
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.get('compare')?.split(',').length, POLL).toBe(2);
    const compare = page.getByTestId('comparison-view');
    await expect.poll(() => compare.getByTestId('compare-table').locator('tbody tr.ant-table-row').count(), POLL).toBe(2);
    await expect.poll(() => page.getByTestId('compare-balance').locator('.recharts-line path.recharts-curve').count(), POLL).toBe(2);
    expect(await compare.getByTestId('compare-table').textContent()).toContain('高成本');
    await shot(page, '12-projection-compare-zh');

    // English: labels, units and tiers switch; the comparison and the results read in English.
    await page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => page.getByTestId('projection-page').textContent(), POLL).toContain('Comparison');
    expect(await page.getByTestId('menu-actuarial-projection').textContent()).toBe('Projections');
    expect(await page.getByTestId('compare-balance').textContent()).toMatch(/Balance \(10[⁴⁸] yuan\)/);
    await shot(page, '13-projection-compare-en');
    await row.getByTestId('open-scenario').click();
    await expect.poll(() => page.getByTestId('workbench-title').textContent(), POLL).toBe(baseName);
    await page.getByTestId('tab-results').click();
    await page.getByTestId('tier-heatmap').waitFor({ timeout: RUN_TIMEOUT_MS });
    await expect.poll(() => page.getByTestId('headline-cards').textContent(), POLL).toContain('First deficit year');
    expect(await page.getByTestId('fan-months').textContent()).toContain('Payable months');
    await shot(page, '14-projection-results-en');
    await context.close();
  });

  it('lets a leader read the scenarios but not save or run', async () => {
    const page = await app.browser.newPage({ viewport: VIEWPORT });
    await login(page, app.server.url, 'leader', 'demo-leader-2026');
    await page.getByTestId('workspace-menu').waitFor();
    await page.goto(`${app.server.url}/actuarial/projection`);
    await page.getByTestId('projection-page').waitFor();
    expect(await page.getByTestId('new-from-fund').isDisabled()).toBe(true);
    expect(await page.getByTestId('new-blank').isDisabled()).toBe(true);
    await page.close();
  });
});
