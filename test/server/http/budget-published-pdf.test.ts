/**
 * The published list of institution budgets as a PDF notice (issue 6 item 3):
 * `GET /api/budget/:planId/export/published?format=pdf` over real HTTP, and the notice's HTML.
 * Fixture worked by hand: the projection gives income 1,200,000 元, so the total is
 * 1,200,000 × (1 − 0.09) − 92,000 earmarks = 1,000,000 元; the 1:2:7 bases are H1 (100k, 200k,
 * 300k) → 260,000, H2 190,000, P1 50,000, Σ 500,000, so every quota is doubled: 520,000, 380,000,
 * 100,000 元. B1 lies in region B and is in no plan of A.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Server } from 'node:http';
import { desc } from 'drizzle-orm';
import { auditLog } from '../../../server/db/schema.ts';
import type { Db } from '../../../server/db/client.ts';
import { importTable } from '../../../server/importer/import-table.ts';
import { parseCsvText } from '../../../server/importer/read-table.ts';
import { publishedList } from '../../../server/services/budget-detail.ts';
import { beijingMinute, groupedUnitText, publishedListHtml, type PublishedData } from '../../../server/services/budget-published-pdf.ts';
import { closePdfBrowser, htmlToPdf } from '../../../server/services/pdf.ts';
import { addUser } from '../../../server/services/users.ts';
import type { EmployeeScenario } from '../../../models/index.ts';
import { callerFor, makeTestDb, TEST_PASSWORD, listenApp } from '../harness.ts';

const INSTITUTIONS = `institution_code,name,type,level,region_code,schemes
H1,甲市第一医院,hospital,3,A,employee
H2,甲市第二医院,hospital,2,A,employee
P1,甲市大药房,pharmacy,,A,employee
B1,乙市医院,hospital,3,B,employee`;

const YEARS = `institution_code,year,payments
H1,2023,100000
H1,2024,200000
H1,2025,300000
H2,2023,190000
H2,2024,190000
H2,2025,190000
P1,2023,50000
P1,2024,50000
P1,2025,50000
B1,2025,500000`;

/** Income 1,000 members × 1,000 元 × 12 × 10% = 1,200,000 元 a year; no interest, no growth. */
const SCENARIO: EmployeeScenario = {
  name: '甲市 2026', scheme: 'employee', startYear: 2026, horizonYears: 3,
  opening: { balanceYuan: 600_000, activeMembers: 1000, retirees: 100, avgMonthlyWageYuan: 1000, costPerActiveYuan: 900, costPerRetireeYuan: 1000 },
  assumptions: { wageGrowth: 0, poolingRate: 0.1, collectionRate: 1, activeGrowth: 0, retireeGrowth: 0, medicalInflation: 0, utilisationGrowth: 0, interestRate: 0, subsidyYuan: 0 },
};
const EARMARKS = [{ label: '异地就医', amountYuan: 92_000 }];

let db: Db;
let server: Server;
let base: string;
let approvedId = 0;
let draftId = 0;

async function load(text: string, kind: 'regions' | 'institutions' | 'institution_years') {
  const report = await importTable(db, parseCsvText(text, `${kind}.csv`, 'utf-8'), { kind, unit: 'yuan', dryRun: false, vintage: '2026-01-15' });
  if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
}

async function login(username: string): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { username, password: TEST_PASSWORD } }) });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** The page count of a chromium PDF: the `/Count` of its single page tree (no outline is written). */
function pageCount(pdf: Buffer): number {
  return Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]);
}

/** Every page's size in points (1 pt = 1/72 in). */
function pageSizes(pdf: Buffer): number[][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

const pdfUrl = (planId: number, query = 'format=pdf') => `${base}/api/budget/${planId}/export/published?${query}`;

beforeAll(async () => {
  db = await makeTestDb();
  await load('code,name,name_en,level\nA,甲市,City A,city\nB,乙市,City B,city', 'regions');
  await load(INSTITUTIONS, 'institutions');
  await load(YEARS, 'institution_years');
  await addUser(db, { username: 'onlyb', password: TEST_PASSWORD, role: 'budget', regionCodes: ['B'] }, null);
  const officer = await callerFor(db, 'budget');
  const budget = officer.budget;
  const tree = await officer.region.tree() as { id: number; code: string }[];
  const regionA = tree.find((r) => r.code === 'A')?.id ?? 0;
  const scenarioId = (await (await callerFor(db, 'actuary')).projection.createScenario({ scenario: SCENARIO, regionId: regionA })).id;
  approvedId = (await budget.create({ year: 2026, scheme: 'employee', regionId: regionA })).id;
  await budget.computeTotal({ planId: approvedId, source: { kind: 'scenario', scenarioId }, earmarks: EARMARKS });
  await budget.allocate({ planId: approvedId });
  await budget.approve({ planId: approvedId });
  draftId = (await budget.create({ year: 2027, scheme: 'employee', regionId: regionA })).id;
  ({ server, base } = await listenApp(db));
});

afterAll(async () => {
  await closePdfBrowser();
  await new Promise<void>((done) => server.close(() => done()));
});

describe('published list as PDF over HTTP', () => {
  it('prints an approved plan on one A4 page, audited like the other exports', async () => {
    const res = await fetch(pdfUrl(approvedId, 'format=pdf&unit=wan&lang=zh'), { headers: { cookie: await login('viewer') } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="budget-2026-employee-v1-published.pdf"');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBe(1);
    // A4 portrait is 210 × 297 mm = 595.28 × 841.89 pt; chromium rounds the page to whole CSS pixels
    // (793 × 1122.5 px × 0.75 pt/px = 594.96 × 841.92 pt), hence 0.5 pt.
    const [size] = pageSizes(pdf);
    expect(size?.[0]).toBeCloseTo(595.28, 0);
    expect(size?.[1]).toBeCloseTo(841.89, 0);
    const [audit] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect([audit?.action, audit?.entity, audit?.entityId, audit?.username]).toEqual(['export', 'budget_published', String(approvedId), 'viewer']);
    expect(JSON.parse(audit?.afterJson ?? 'null')).toEqual({ format: 'pdf', unit: 'wan', lang: 'zh' });
  });

  it('refuses a draft plan and a superseded version with the exact reason, and a PDF of any other table', async () => {
    const cookie = await login('viewer');
    const draft = await fetch(pdfUrl(draftId), { headers: { cookie } });
    expect([draft.status, await draft.json()]).toEqual([409, { error: `budget plan ${draftId} (2027 employee, version 1) is draft: the published PDF needs a plan that is approved or settled` }]);
    const quotas = await fetch(`${base}/api/budget/${approvedId}/export/quotas?format=pdf`, { headers: { cookie } });
    expect([quotas.status, await quotas.json()]).toEqual([400, { error: 'only the published list prints as PDF, not quotas: download it as xlsx or csv' }]);
    const bad = await fetch(pdfUrl(approvedId, 'format=docx'), { headers: { cookie } });
    expect([bad.status, await bad.json()]).toEqual([400, { error: 'plan id must be a number; format csv, xlsx or pdf; unit yuan or wan; lang zh or en' }]);

    const budget = (await callerFor(db, 'budget')).budget;
    const next = await budget.newVersion({ planId: approvedId });
    await budget.approve({ planId: next.id });
    const superseded = await fetch(pdfUrl(approvedId), { headers: { cookie } });
    expect([superseded.status, await superseded.json()]).toEqual([409, { error: `budget plan ${approvedId} (2026 employee, version 1) is superseded: the published PDF needs a plan that is approved or settled` }]);
    // the working XLSX of the old version stays available
    expect((await fetch(pdfUrl(approvedId, 'format=xlsx'), { headers: { cookie } })).status).toBe(200);
    const current = await fetch(pdfUrl(next.id, 'format=pdf&lang=en'), { headers: { cookie } });
    expect(current.status).toBe(200);
    expect(current.headers.get('content-disposition')).toBe('attachment; filename="budget-2026-employee-v2-published.pdf"');
  });

  it('needs a session and the plan region: 401, 403, 404', async () => {
    expect((await fetch(pdfUrl(approvedId))).status).toBe(401);
    const other = await fetch(pdfUrl(approvedId), { headers: { cookie: await login('onlyb') } });
    expect(other.status).toBe(403);
    expect((await fetch(pdfUrl(9999), { headers: { cookie: await login('leader') } })).status).toBe(404);
  });
});

describe('the notice HTML', () => {
  const data = (): Promise<PublishedData> => publishedList(db, null, approvedId);

  it('has the title, the plan in the header, every institution to the fen and the total', async () => {
    const html = publishedListHtml(await data(), { unit: 'yuan', lang: 'zh' });
    expect(html).toContain('<h1>2026年度 定点医药机构医保基金预算公示</h1>');
    expect(html).toContain('<span>统筹区：甲市</span><span>险种：职工医保</span><span>预算年度：2026</span>');
    expect(html).toContain(`<span>版本：第 1 版（预算方案 ${approvedId}）</span>`);
    expect(html).toContain('<span>金额单位：元</span>');
    expect(html).toContain('<th class="num">年度预算额度（元）</th>');
    const rows = [...html.matchAll(/<tr><td class="num">(\d+)<\/td><td class="nowrap">(\w+)<\/td><td>([^<]*)<\/td><td class="nowrap">([^<]*)<\/td><td class="nowrap">([^<]*)<\/td><td class="num">([^<]*)<\/td>/g)].map((m) => m.slice(1));
    expect(rows).toEqual([
      ['1', 'H1', '甲市第一医院', '医院 三级', '甲市', '520,000.00'],
      ['2', 'H2', '甲市第二医院', '医院 二级', '甲市', '380,000.00'],
      ['3', 'P1', '甲市大药房', '定点药店', '甲市', '100,000.00'],
    ]);
    expect(html).toContain('<tr class="total"><td colspan="5">合计（3 家机构）</td><td class="num">1,000,000.00</td>');
    expect(html).toContain('预算总额 1,000,000.00 元，其中分配至机构 1,000,000.00 元，未分配 0.00 元。');
    expect(html).not.toContain('B1');
  });

  it('writes 万元 exactly, English labels, the approval in Beijing time, remarks, and escapes every text', async () => {
    const d = await data();
    const first = d.rows[0] as PublishedData['rows'][number];
    const odd: PublishedData = {
      plan: { ...d.plan, approvedAt: '2026-01-20T17:45:10.000Z' },
      rows: [{ ...first, quotaYuan: 0.01 }, { ...first, code: 'X2', name: 'A <b>&</b> "B"', quotaYuan: 0, status: 'terminated' }, { ...first, code: 'X3', quotaYuan: 12_345.67, status: 'suspended' }],
    };
    const html = publishedListHtml(odd, { unit: 'wan', lang: 'en' });
    expect(html).toContain('<h1>2026 fund budgets of designated medical institutions: public notice</h1>');
    expect(html).toContain('<span>Region: City A</span>');
    expect(html).toContain('<span>Approved: 2026-01-21 01:45 (UTC+8)</span><span>Amounts in: 10⁴ yuan</span>');
    expect(html).toContain('<td class="num">0.000001</td><td class="nowrap"></td>');
    expect(html).toContain('<th class="num">Annual budget (10⁴ yuan)</th>');
    expect(html).toContain('<td>A &lt;b&gt;&amp;&lt;/b&gt; &quot;B&quot;</td>');
    expect(html).toContain('<td class="num">0.00</td><td class="nowrap">terminated</td>');
    expect(html).toContain('<td class="num">1.234567</td><td class="nowrap">suspended</td>');
    // 1 fen + 0 + 1,234,567 fen = 1,234,568 fen = 1.234568 万元, summed in fen (0.01 + 12345.67 is not exact in binary)
    expect(html).toContain('<td colspan="5">Total (3 institutions)</td><td class="num">1.234568</td>');
  });

  it('spreads a long list over several A4 pages', async () => {
    const d = await data();
    const first = d.rows[0] as PublishedData['rows'][number];
    const rows = Array.from({ length: 200 }, (_, i) => ({ ...first, institutionId: i + 1, code: `H${String(i).padStart(4, '0')}` }));
    const pdf = await htmlToPdf(publishedListHtml({ ...d, rows }, { unit: 'yuan', lang: 'zh' }), { footer: '甲市 · 2026年度 定点医药机构医保基金预算公示' });
    // 273 mm of printable height holds about 50 rows of 10 px text (≈ 20 px each with padding and
    // border): 200 rows need 4 or 5 pages; the bounds catch a row per page or a clipped single page.
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(4);
    expect(pageCount(pdf)).toBeLessThanOrEqual(6);
  });
});

describe('notice formatting helpers', () => {
  it('groups exact decimal text of fen in either unit', () => {
    expect(groupedUnitText(50_960_000, 'yuan')).toBe('509,600.00');
    expect(groupedUnitText(123_456_789_012, 'yuan')).toBe('1,234,567,890.12');
    expect(groupedUnitText(5, 'yuan')).toBe('0.05');
    expect(groupedUnitText(50_960_000, 'wan')).toBe('50.96');
    expect(groupedUnitText(123_456_789_012, 'wan')).toBe('123,456.789012');
    expect(groupedUnitText(-100_000_000, 'yuan')).toBe('-1,000,000.00');
  });

  it('shows an instant in Beijing time (UTC+8, no daylight saving) across a date line', () => {
    expect(beijingMinute('2026-01-20T08:30:00.000Z')).toBe('2026-01-20 16:30');
    expect(beijingMinute('2026-12-31T16:00:59.999Z')).toBe('2027-01-01 00:00');
    expect(beijingMinute('2026-07-01T03:05:00Z')).toBe('2026-07-01 11:05');
  });
});
