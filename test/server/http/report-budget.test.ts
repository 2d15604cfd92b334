/**
 * The risk report's budget part and probabilities of red (warning-report-budget.ts, -html.ts, -xlsx.ts)
 * over HTTP: the XLSX read back equals `dashboard.summary` to the fen, the PDF stays one A4 page.
 * On top of warning-fixture.ts (P → C1, C2 → K1; Q), approved 2026 employee plans with a flat
 * profile, payments imported for January to March (expected to date = quota × 3 / 12):
 * - C1: G01 … G13, quota 120,000 元 each → expected 30,000. Gk (k ≤ 12) pays 10,000 · 10,000 ·
 *   (10,000 + 600 k) → +2k %: G01, G02 within band; G03–G07 over, general (6–14 %); G08–G12 over, major
 *   (16–24 %); G12 pays 0.01 元 more (+24.00003 %, 7,200.01 over). G13 pays 10,000 · 10,000 · 1,000 →
 *   21,000, −30 %, under, severe. Over: 600 × (3 + … + 12) + 0.01 = 45,000.01 元.
 * - C2: B1, quota 120,000, 12,000 a month → 36,000 against 30,000: +20 %, major, 6,000 over.
 * Totals: 14 institutions, 2 within, over 5 general + 6 major, 1 under severe; 11 over, 51,000.01 元.
 * The dashboard lists 10 of the 11; the XLSX all. Monte Carlo runs: C2's (current) and K1's
 * (stale: calibrated on older data, finished 14 months before the data period), as in
 * test/server/routers/warning-stochastic.test.ts.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { budgetPlans, budgetQuotas, institutions, projectionRuns } from '../../../server/db/schema.ts';
import { importTable } from '../../../server/importer/import-table.ts';
import { parseCsvText } from '../../../server/importer/read-table.ts';
import { closePdfBrowser, htmlToPdf } from '../../../server/services/pdf.ts';
import { riskReportData } from '../../../server/services/warning-report-data.ts';
import { riskReportHtml } from '../../../server/services/warning-report-html.ts';
import type { DashboardSummary } from '../../../server/services/dashboard-summary.ts';
import { callerFor, TEST_PASSWORD, listenApp } from '../harness.ts';
import { fundId, makeWarningDb, regionId } from '../routers/warning-fixture.ts';
import type { EmployeeScenario } from '../../../models/index.ts';
import type { Db } from '../../../server/db/client.ts';

/** PDFs for a person to look at (git-ignored). */
const OUT_DIR = join(import.meta.dirname, '../../../test-results/reports');
const G = Array.from({ length: 13 }, (_, i) => `G${String(i + 1).padStart(2, '0')}`);
const csv = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8').toString('base64');

let db: Db;
let server: Server;
let base: string;
const runs: { c2: number; k1: number } = { c2: 0, k1: 0 };

async function approvedPlan(region: string, quotas: Record<string, number>): Promise<number> {
  const [row] = await db.insert(budgetPlans).values({ year: 2026, scheme: 'employee', regionId: await regionId(db, region), version: 1, status: 'allocated' }).returning({ id: budgetPlans.id }) as [{ id: number }];
  for (const [code, yuan] of Object.entries(quotas)) {
    const [inst] = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.code, code)).limit(1);
    await db.insert(budgetQuotas).values({
      planId: row.id, institutionId: inst?.id as number, quotaFen: yuan * 100, source: 'manual', agreementStatus: 'active',
      assessmentFactor: 1, creditFactor: 1, violationDeductionFen: 0, explanationJson: '{}',
    });
  }
  await db.update(budgetPlans).set({ status: 'approved', approvedAt: '2026-01-05T00:00:00.000Z' }).where(eq(budgetPlans.id, row.id));
  return row.id;
}

async function importActuals(planId: number, rows: string[]): Promise<void> {
  const report = await (await callerFor(db, 'budget')).budget.importActuals({ planId, fileName: 'actuals.csv', contentBase64: csv(['institution_code,period,amount', ...rows]) });
  expect(report.errors).toEqual([]);
}

/** A 200-path run of a scenario on the fund (as warning-stochastic.test.ts), finished at `finishedAt`. */
async function stochasticRun(fund: number, o: { startYear: number; dataVintage: string; finishedAt: string }): Promise<number> {
  const scenario: EmployeeScenario = {
    name: `report ${o.startYear}`, scheme: 'employee', startYear: o.startYear, horizonYears: 3,
    opening: { balanceYuan: 300_000, activeMembers: 1000, retirees: 100, avgMonthlyWageYuan: 1000, costPerActiveYuan: 900, costPerRetireeYuan: 1000 },
    assumptions: { wageGrowth: 0.03, poolingRate: 0.083, collectionRate: 1, activeGrowth: 0, retireeGrowth: 0, medicalInflation: 0.03, utilisationGrowth: 0, interestRate: 0, subsidyYuan: 0 },
  };
  const actuary = (await callerFor(db, 'actuary')).projection;
  const saved = await actuary.createScenario({ scenario, fundId: fund, dataVintage: o.dataVintage });
  const run = await actuary.run({ kind: 'stochastic', scenarioId: saved.id, paths: 200, seed: 11 });
  await db.update(projectionRuns).set({ finishedAt: o.finishedAt }).where(eq(projectionRuns.id, run.id));
  return run.id;
}

beforeAll(async () => {
  db = await makeWarningDb();
  const inst = ['institution_code,name,type,level,region_code,schemes', ...G.map((c) => `${c},甲市第${c.slice(1)}医院,hospital,2,C1,employee`), 'B1,乙市医院,hospital,3,C2,employee'];
  expect((await importTable(db, parseCsvText(inst.join('\n'), 'institutions.csv', 'utf-8'), { kind: 'institutions', unit: 'yuan', dryRun: false, vintage: '2026-01-01' })).ok).toBe(true);
  const c1 = await approvedPlan('C1', Object.fromEntries(G.map((c) => [c, 120_000])));
  const march = (k: number) => (k === 13 ? '1000.00' : k === 12 ? '17200.01' : (10_000 + 600 * k).toFixed(2));
  await importActuals(c1, G.flatMap((c, i) => [`${c},2026-01,10000`, `${c},2026-02,10000`, `${c},2026-03,${march(i + 1)}`]));
  await importActuals(await approvedPlan('C2', { B1: 120_000 }), ['B1,2026-01,12000', 'B1,2026-02,12000', 'B1,2026-03,12000']);
  runs.c2 = await stochasticRun(await fundId(db, 'C2', 'employee'), { startYear: 2026, dataVintage: '2026-01-01', finishedAt: '2026-01-20T08:00:00.000Z' });
  runs.k1 = await stochasticRun(await fundId(db, 'K1', 'employee'), { startYear: 2025, dataVintage: '2024-09-30', finishedAt: '2024-10-15T08:00:00.000Z' });
  ({ server, base } = await listenApp(db));
  mkdirSync(OUT_DIR, { recursive: true });
});
afterAll(async () => {
  await closePdfBrowser();
  await new Promise<void>((done) => server.close(() => done()));
});

async function download(query: string): Promise<ArrayBuffer> {
  const login = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { username: 'leader', password: TEST_PASSWORD } }) });
  const res = await fetch(`${base}/api/report/risk?${query}`, { headers: { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '' } });
  expect(res.status).toBe(200);
  return res.arrayBuffer();
}

async function sheets(bytes: ArrayBuffer): Promise<{ names: string[]; rows: (i: number) => unknown[][] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  return {
    names: book.worksheets.map((w) => w.name),
    rows: (i) => {
      const out: unknown[][] = [];
      book.worksheets[i]?.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    },
  };
}

/** The `length` rows after the (first) row whose first cell is `head`. */
function block(rows: unknown[][], head: string, length: number): unknown[][] {
  const at = rows.findIndex((r) => r[0] === head);
  expect(at).toBeGreaterThanOrEqual(0);
  return rows.slice(at + 1, at + 1 + length);
}

/** Pages of a chromium PDF: the `/Count` of its single page tree. */
const pageCount = (pdf: Buffer) => Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]);

describe('risk report: institutions over budget', () => {
  it('the dashboard summary holds the hand-worked figures', async () => {
    const { budget } = await (await callerFor(db, 'leader')).dashboard.summary({});
    expect(budget.totals).toEqual({ institutions: 14, within: 2, over: { general: 5, major: 6, severe: 0 }, under: { general: 0, major: 0, severe: 1 }, overInstitutions: 11, overYuan: 51_000.01 });
    expect([budget.overBudget.length, budget.overBudgetTotal, budget.overBudget[0]?.code, budget.overBudget[0]?.overYuan]).toEqual([10, 11, 'G12', 7_200.01]);
    expect(budget.plans.map((p) => [p.code, p.institutions, p.within, p.overYuan])).toEqual([['C1', 13, 2, 45_000.01], ['C2', 1, 0, 6_000]]);
  });

  it('XLSX: totals, every plan and every institution over budget equal dashboard.summary to the fen, in yuan', async () => {
    const { budget } = await (await callerFor(db, 'leader')).dashboard.summary({});
    const book = await sheets(await download('format=xlsx'));
    expect(book.names).toEqual(['概况', '统筹区 × 险种 预警矩阵', '预警提示', '超预算机构']);
    const rows = book.rows(3);
    expect(rows.slice(0, 3)).toEqual([['超预算定点机构（2026 年预算，截至 2026年3月）'], ['预算年度', 2026], ['监测至', '2026年3月']]);
    const totalsHead = rows.find((r) => r[0] === '合计') as unknown[];
    expect(totalsHead).toEqual(['合计', '机构数', '正常', '超支: 一般', '超支: 较大', '超支: 严重', '低于预算: 一般', '低于预算: 较大', '低于预算: 严重', '超预算机构数', '超支金额 (元)']);
    const t = budget.totals;
    expect(block(rows, '合计', 1)[0]).toEqual(['全部方案', t.institutions, t.within, t.over.general, t.over.major, t.over.severe, t.under.general, t.under.major, t.under.severe, t.overInstitutions, t.overYuan]);
    expect(block(rows, '预算方案', budget.planTotal)).toEqual(budget.plans.map((p) => [
      p.name, '职工医保', p.planId, 1, '已批准', '2026年3月', p.institutions, p.within, p.over.general, p.over.major, p.over.severe, p.under.general, p.under.major, p.under.severe, p.overYuan,
    ]));
    const listed = block(rows, '机构编码', budget.overBudgetTotal);
    // the dashboard's ten first, in its order, then the eleventh (G03, +6 %, 1,800 元 over)
    expect(listed.slice(0, 10)).toEqual(budget.overBudget.map((r) => [r.code, r.name, r.regionName, '职工医保', r.planId, r.deviation, r.band === 'major' ? '较大' : '一般', `2026年${Number(r.since?.slice(5))}月`, r.overYuan, r.quotaYuan]));
    expect(listed[10]?.slice(0, 1).concat(listed[10]?.slice(8) ?? [])).toEqual(['G03', 1_800, 120_000]);
    const sumFen = listed.reduce((s, r) => s + Math.round((r[8] as number) * 100), 0);
    expect(sumFen).toBe(Math.round(t.overYuan * 100));
    expect(rows.at(-1)?.[0]).toContain('严重 ≥ 30%');
  });

  it('XLSX alerts: the probability of red at 12 / 24 months and the run, with stale marks, as dashboard.summary has them', async () => {
    const s = await (await callerFor(db, 'leader')).dashboard.summary({});
    const rows = (await sheets(await download('format=xlsx&lang=en'))).rows(2);
    expect(rows[0]?.slice(7)).toEqual(['P(red) within 12 months', 'P(red) within 24 months', 'Monte Carlo run', 'Run finished', 'Paths', 'Stale']);
    // read back, a row ends at its last value: an alert without a run has no cells after its reasons
    expect(rows.slice(1).map((r) => r.slice(7, 12))).toEqual(s.alerts.map((a) => (a.stochastic
      ? [a.probabilityRed12, a.probabilityRed24, a.stochastic.runId, a.stochastic.finishedOn, a.stochastic.paths]
      : [])));
    expect(s.alerts.flatMap((a) => (a.stochastic ? [a.stochastic.runId] : [])).sort((a, b) => a - b)).toEqual([runs.c2, runs.k1].sort((a, b) => a - b));
    const k1 = rows.find((r) => r[9] === runs.k1);
    expect(k1?.[12]).toBe("calibrated on data older than the fund's; finished 14 months before the data period");
    // a current run: no stale mark, so the row ends at the paths
    expect(rows.find((r) => r[9] === runs.c2)).toHaveLength(12);
  });

  it('PDF: one A4 page in both languages, printed from HTML with the budget heading, headline and probabilities', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const pdf = Buffer.from(await download(`format=pdf&lang=${lang}`));
      writeFileSync(join(OUT_DIR, `risk-report-budget-${lang}.pdf`), pdf);
      expect(pageCount(pdf)).toBe(1);
    }
    const data = await riskReportData(db, { regionIds: null }, {});
    const zh = riskReportHtml(data, 'zh-CN', '2026-04-01 08:00 UTC');
    expect(zh).toContain('<h2>超预算定点机构（2026 年预算，截至 2026年3月）</h2>');
    expect(zh).toContain('超预算 11 家（一般 5 · 较大 6 · 严重 0），合计超支 5.10 万元；监测 14 家，正常 2 家，低于预算 1 家。');
    expect(zh).toContain('另有 6 家超预算机构见 XLSX');
    expect(zh).toContain(`运行 #${runs.k1}，2024-10-15，200 条路径`);
    expect(zh).toContain('已过时：有新数据，运行早 14 个月');
    const en = riskReportHtml(data, 'en', '2026-04-01 08:00 UTC');
    expect(en).toContain('<h2>Institutions over budget (2026 budget, through 2026-03)</h2>');
    expect(en).toContain('11 institutions over budget (general 5 · major 6 · severe 0), 5.10 × 10⁴ yuan over in all');
    expect(en).toContain('by the end of the calendar year containing P+12 / P+24');
  });

  it('without an approved plan: one empty-state line in the PDF\'s HTML and the XLSX', async () => {
    const q = await sheets(await download(`format=xlsx&regionId=${await regionId(db, 'Q')}`));
    expect(q.rows(3)).toEqual([['超预算定点机构'], ['暂无已批准的预算方案']]);
    const past = await riskReportData(db, { regionIds: null }, { asOf: '2024-06' });
    expect(riskReportHtml(past, 'en', 'now')).toContain('<h2>Institutions over budget (2024 budget)</h2><div class="empty">No approved budget plan for 2024</div>');
    const pdf = await htmlToPdf(riskReportHtml(past, 'zh-CN', 'now'), { landscape: true });
    writeFileSync(join(OUT_DIR, 'risk-report-no-plan-zh-CN.pdf'), pdf);
    expect(pageCount(pdf)).toBe(1);
  });
});

describe('risk report PDF at its limits', () => {
  it('stays one page with the most rows it prints: 12 grid rows, 5 alerts with long reasons, 5 institutions, 4 plans', async () => {
    const data = await riskReportData(db, { regionIds: null }, {});
    const longest = [...data.alerts].sort((a, b) => b.reasonZh.length - a.reasonZh.length)[0] as DashboardSummary['alerts'][number];
    const stale = data.alerts.find((a) => a.stochastic?.stale.length) as DashboardSummary['alerts'][number];
    const row = data.grid[1] as DashboardSummary['grid'][number];
    const full: DashboardSummary = {
      ...data,
      grid: Array.from({ length: 14 }, (_, i) => ({ ...row, code: `X${i}`, name: `新疆生产建设兵团第十${i}师市`, nameEn: `Xinjiang Production and Construction Corps Division ${i}` })),
      gridTotal: 14,
      alerts: Array.from({ length: 7 }, () => ({ ...longest, stochastic: stale.stochastic, probabilityRed12: 0.123, probabilityRed24: 0.456 })),
      alertTotal: 7,
      budget: {
        ...data.budget,
        plans: Array.from({ length: 6 }, (_, i) => ({ ...(data.budget.plans[0] as DashboardSummary['budget']['plans'][number]), name: `新疆生产建设兵团第十${i}师市`, nameEn: `Xinjiang Production and Construction Corps Division ${i}`, throughPeriod: i === 3 ? null : '2026-03' })),
        planTotal: 6,
        overBudget: data.budget.overBudget.map((r) => ({ ...r, name: `${r.name}（北京大学第一医院分院暨区域医疗中心）` })),
      },
    };
    for (const lang of ['zh-CN', 'en'] as const) {
      const pdf = await htmlToPdf(riskReportHtml(full, lang, '2026-04-01 08:00 UTC'), { landscape: true });
      writeFileSync(join(OUT_DIR, `risk-report-full-${lang}.pdf`), pdf);
      expect(pageCount(pdf)).toBe(1);
    }
  });
});
