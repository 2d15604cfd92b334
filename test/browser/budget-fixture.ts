/**
 * Shared by the budget browser test and the table benchmark: a demo database with a projection
 * scenario for 东川市 (DEMO01) and a synthetic region of 10,000 institutions whose 2026 plan is
 * already allocated; and the measurement of the allocation table's sort and scroll in chromium.
 */
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { closeDatabase, openDatabase } from '../../server/db/client.ts';
import { funds, regions, users } from '../../server/db/schema.ts';
import { ensureNationalParameterSet } from '../../server/services/parameters.ts';
import { loadDemoData } from '../../server/services/load-demo.ts';
import { importTable } from '../../server/importer/import-table.ts';
import { parseCsvText } from '../../server/importer/read-table.ts';
import { loadSessionUser } from '../../server/auth/sessions.ts';
import { scenarioFromFund } from '../../server/services/scenario-from-fund.ts';
import { createScenario } from '../../server/services/scenario-store.ts';
import { createPlan } from '../../server/services/budget-plans.ts';
import { computePlanTotal } from '../../server/services/budget-total.ts';
import { allocatePlan } from '../../server/services/budget-allocate.ts';

export const SYNTHETIC_INSTITUTIONS = 10_000;
export const SYNTHETIC_REGION = 'SYN10K';

/** Payments of a synthetic institution in a year, yuan: a spread of sizes like a real region's, deterministic. */
function paid(i: number, year: number): string {
  const size = 50_000 + ((i * 7919) % 9_950_000);
  return ((size * (1 + ((i + year) % 7) / 100)) + (i % 100) / 100).toFixed(2);
}

/**
 * Builds the database at `path` (demo data, demo users, the two scenarios and the synthetic plan).
 * @returns the id of the synthetic region's allocated 2026 plan
 */
export async function seedBudgetDatabase(path: string): Promise<{ syntheticPlanId: number }> {
  const db = await openDatabase(path);
  await ensureNationalParameterSet(db);
  await loadDemoData(db);
  const user = async (name: string) => loadSessionUser(db, (await db.select().from(users).where(eq(users.username, name)).limit(1))[0] as typeof users.$inferSelect);
  const load = async (text: string, kind: 'regions' | 'institutions' | 'institution_years') => {
    const report = await importTable(db, parseCsvText(text, `${kind}.csv`, 'utf-8'), { kind, unit: 'yuan', dryRun: false, vintage: '2026-01-15' });
    if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
  };
  const regionId = async (code: string) => (await db.select({ id: regions.id }).from(regions).where(eq(regions.code, code)).limit(1))[0]?.id as number;
  // An actuary's saved projection of 东川市's employee fund from 2026: the budget officer's "chosen projection".
  const fundId = (await db.select({ id: funds.id }).from(funds).where(and(eq(funds.regionId, await regionId('DEMO01')), eq(funds.scheme, 'employee'), eq(funds.account, 'pooling'))).limit(1))[0]?.id as number;
  const calibrated = await scenarioFromFund(db, null, fundId, 2026);
  const actuary = await user('actuary');
  await createScenario(db, actuary, null, { scenario: { ...calibrated.scenario, name: '东川市职工医保 2026 基准' }, regionId: calibrated.regionId, fundId, dataVintage: calibrated.dataVintage });

  await load(`code,name,name_en,level,parent_code,synthetic\n${SYNTHETIC_REGION},万家市（合成测试）,Wanjia (synthetic test),city,DEMO,true`, 'regions');
  const insts = ['institution_code,name,type,level,region_code,schemes'];
  const years = ['institution_code,year,payments,budget,assessment_score,credit_rating'];
  for (let i = 0; i < SYNTHETIC_INSTITUTIONS; i++) {
    const code = `W${String(i).padStart(5, '0')}`;
    insts.push(`${code},万家市定点机构${i},${i % 10 === 0 ? 'hospital' : i % 3 === 0 ? 'pharmacy' : 'primary_care'},${i % 3 === 0 && i % 10 !== 0 ? '' : 1 + (i % 3)},${SYNTHETIC_REGION},employee`);
    for (let y = 2023; y <= 2025; y++) years.push(`${code},${y},${paid(i, y)},,${y === 2025 ? 60 + (i % 400) / 10 : ''},${y === 2025 ? 'ABCD'[i % 4] : ''}`);
  }
  await load(insts.join('\n'), 'institutions');
  await load(years.join('\n'), 'institution_years');
  const budget = await user('budget');
  const syntheticRegionId = await regionId(SYNTHETIC_REGION);
  const synthetic = await createScenario(db, actuary, null, {
    regionId: syntheticRegionId,
    scenario: {
      name: '万家市合成情景', scheme: 'employee', startYear: 2026, horizonYears: 3,
      opening: { balanceYuan: 4e10, activeMembers: 5e6, retirees: 1.5e6, avgMonthlyWageYuan: 8000, costPerActiveYuan: 3000, costPerRetireeYuan: 9000 },
      assumptions: { wageGrowth: 0.04, poolingRate: 0.065, collectionRate: 0.97, activeGrowth: 0, retireeGrowth: 0.03, medicalInflation: 0.03, utilisationGrowth: 0.01, interestRate: 0.015, subsidyYuan: 0 },
    },
  });
  const plan = await createPlan(db, budget, null, { year: 2026, scheme: 'employee', regionId: syntheticRegionId });
  await computePlanTotal(db, budget, null, { planId: plan.id, source: { kind: 'scenario', scenarioId: synthetic.id }, earmarks: [] });
  await allocatePlan(db, budget, null, { planId: plan.id });
  await closeDatabase(db);
  return { syntheticPlanId: plan.id };
}

export interface TableTimings {
  /**
   * Click on the quota column header until the rows on screen show the new order, ms, each try: the
   * header announces the new `aria-sort`, the body is at its top, the rows that intersect the body's
   * viewport are a screenful in that order by their displayed quota (the original order when the
   * sort is cleared), and one more frame has been drawn.
   */
  sortMs: number[];
  /** Frame times while scrolling the table body, ms. */
  scrollFrameMs: number[];
  /** Scroll frames whose rows did not cover the body's viewport when the frame was drawn (blank strips). */
  blankFrames: number;
  /** Rows in the DOM while 10,000 lines are in the table (virtualised: a screenful). */
  renderedRows: number;
}

/** A click on a sortable header moves none → ascending → descending → none (antd's cycle, kept by the table). */
const NEXT_SORT: Readonly<Record<string, string>> = { none: 'ascending', ascending: 'descending', descending: 'none' };
/** Fewer rows than this in the viewport is not a screenful (the body is 560 px, rows about 39 px). */
const MIN_VISIBLE_ROWS = 10;
const SORT_DEADLINE_MS = 30_000;
const QUOTA_HEADER = '预算额度|Quota';
/** The element that scrolls the table's body, and the column headers (sticky inside it: the body's viewport starts under them). */
const BODY_SCROLLER = '[data-testid="budget-allocation-scroll"]';
const COLUMN_HEADER = '[role="columnheader"]';

/**
 * Sorts by the quota column `tries` times and scrolls the body in steps, timing each in the page.
 * The table must start unsorted and at its top (its first screenful is what a cleared sort must
 * show again).
 */
export async function measureAllocationTable(page: Page, tries = 6, scrollSteps = 60): Promise<TableTimings> {
  const table = page.getByTestId('budget-allocation-table');
  await table.getByTestId('budget-quota-row').first().waitFor();
  const header = table.locator(COLUMN_HEADER).filter({ hasText: new RegExp(QUOTA_HEADER) }).first();
  if (await header.getAttribute('aria-sort') !== null) throw new Error('measureAllocationTable: the quota column is already sorted');
  // no named functions inside evaluate: tsx (esbuild keepNames) would wrap them in a __name the page lacks
  const initial = await page.evaluate(({ holderSel, headSel }) => {
    const root = document.querySelector('[data-testid="budget-allocation-table"]') as HTMLElement;
    const holder = root.querySelector(holderSel) as HTMLElement;
    const box = holder.getBoundingClientRect();
    // the body's viewport: under the header, above a horizontal scrollbar
    const top = Math.max(box.top + holder.clientTop, ...[...root.querySelectorAll(headSel)].map((h) => h.getBoundingClientRect().bottom));
    const bottom = box.top + holder.clientTop + holder.clientHeight;
    return [...root.querySelectorAll('[data-testid="budget-quota-row"]')]
      .map((r) => ({ code: r.getAttribute('data-code') ?? '', b: r.getBoundingClientRect() }))
      .filter(({ b }) => b.bottom > top + 1 && b.top < bottom - 1)
      .sort((x, y) => x.b.top - y.b.top)
      .map(({ code }) => code);
  }, { holderSel: BODY_SCROLLER, headSel: COLUMN_HEADER });
  if (initial.length < MIN_VISIBLE_ROWS) throw new Error(`measureAllocationTable: ${initial.length} rows on screen, not a screenful`);
  const sortMs: number[] = [];
  for (let i = 0; i < tries; i++) {
    const expected = NEXT_SORT[(await header.getAttribute('aria-sort')) ?? 'none'] as string;
    const started = await page.evaluate(() => performance.now());
    await header.click();
    const seen = await page.evaluate(async ({ t0, expected, initial, pattern, minRows, deadline, holderSel, headSel }) => {
      const re = new RegExp(pattern);
      for (;;) {
        const root = document.querySelector('[data-testid="budget-allocation-table"]') as HTMLElement;
        const heads = [...root.querySelectorAll(headSel)];
        const th = heads.find((h) => re.test(h.textContent ?? ''));
        const holder = root.querySelector(holderSel) as HTMLElement;
        const box = holder.getBoundingClientRect();
        const top = Math.max(box.top + holder.clientTop, ...heads.map((h) => h.getBoundingClientRect().bottom));
        const bottom = box.top + holder.clientTop + holder.clientHeight;
        const rows = [...root.querySelectorAll('[data-testid="budget-quota-row"]')]
          .map((r) => ({ r, b: r.getBoundingClientRect() }))
          .filter(({ b }) => b.bottom > top + 1 && b.top < bottom - 1)
          .sort((x, y) => x.b.top - y.b.top);
        const codes = rows.map(({ r }) => r.getAttribute('data-code') ?? '');
        // the displayed quota (万元, grouped digits) is the row's first number; a held amount follows it
        const quotas = rows.map(({ r }) => Number(/^-?[\d,]+(\.\d+)?/.exec(r.querySelector('[data-testid="budget-quota-value"]')?.textContent ?? '')?.[0].replaceAll(',', '') ?? Number.NaN));
        const ariaSort = th?.getAttribute('aria-sort') ?? 'none';
        let ok = ariaSort === expected && holder.scrollTop === 0 && rows.length >= minRows && quotas.every(Number.isFinite);
        if (ok && expected === 'none') ok = codes.join() === initial.join();
        for (let k = 1; ok && expected !== 'none' && k < quotas.length; k++) {
          const a = quotas[k - 1] as number;
          const b = quotas[k] as number;
          if (expected === 'ascending' ? b < a : b > a) ok = false;
        }
        if (ok) break;
        if (performance.now() - t0 > deadline) {
          return { ms: Number.NaN, detail: `aria-sort ${ariaSort} (expected ${expected}), scrollTop ${holder.scrollTop}, rows ${codes.join(' ')}, quotas ${quotas.join(' ')}` };
        }
        await new Promise((r) => requestAnimationFrame(r));
      }
      // the frame with the new rows is drawn once the next frame starts
      await new Promise((r) => requestAnimationFrame(r));
      return { ms: performance.now() - t0, detail: '' };
    }, { t0: started, expected, initial, pattern: QUOTA_HEADER, minRows: MIN_VISIBLE_ROWS, deadline: SORT_DEADLINE_MS, holderSel: BODY_SCROLLER, headSel: COLUMN_HEADER });
    if (!Number.isFinite(seen.ms)) throw new Error(`measureAllocationTable: sort ${i + 1} did not show sorted rows within ${SORT_DEADLINE_MS} ms: ${seen.detail}`);
    sortMs.push(seen.ms);
  }
  const scroll = await page.evaluate(async ({ steps, holderSel, headSel }) => {
    const root = document.querySelector('[data-testid="budget-allocation-table"]') as HTMLElement;
    const holder = root.querySelector(holderSel) as HTMLElement;
    // settle the frames of the last sort before timing
    for (let w = 0; w < 5; w++) await new Promise((r) => requestAnimationFrame(r));
    const frames: number[] = [];
    let blank = 0;
    let last = performance.now();
    for (let s = 0; s < steps; s++) {
      // a brisk wheel: about 10 rows a frame, each frame a fresh set of rows to render
      holder.scrollTop += 400;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
      // what this frame will draw: do the rows reach from the top of the body's viewport to its bottom?
      const box = holder.getBoundingClientRect();
      const viewTop = Math.max(box.top + holder.clientTop, ...[...root.querySelectorAll(headSel)].map((h) => h.getBoundingClientRect().bottom));
      const viewBottom = box.top + holder.clientTop + holder.clientHeight;
      let top = Number.POSITIVE_INFINITY;
      let bottom = Number.NEGATIVE_INFINITY;
      for (const r of holder.querySelectorAll('[data-testid="budget-quota-row"]')) {
        const b = r.getBoundingClientRect();
        if (b.bottom > viewTop && b.top < viewBottom) {
          top = Math.min(top, b.top);
          bottom = Math.max(bottom, b.bottom);
        }
      }
      if (top > viewTop + 1 || bottom < viewBottom - 1) blank += 1;
    }
    return { frames, blank };
  }, { steps: scrollSteps, holderSel: BODY_SCROLLER, headSel: COLUMN_HEADER });
  const renderedRows = await table.getByTestId('budget-quota-row').count();
  return { sortMs, scrollFrameMs: scroll.frames, blankFrames: scroll.blank, renderedRows };
}

/** The p-quantile of a sample (nearest rank). */
export function quantile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}
