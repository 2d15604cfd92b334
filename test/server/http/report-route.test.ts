/**
 * `GET /api/report/:kind` over HTTP on the warning fixture (test/server/routers/warning-fixture.ts
 * works out every figure): session, permission and scoping, the disclosure figures to the fen,
 * the risk report's sheets, and a one-page PDF from chromium.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Server } from 'node:http';
import ExcelJS from 'exceljs';
import { desc } from 'drizzle-orm';
import { auditLog } from '../../../server/db/schema.ts';
import { closePdfBrowser } from '../../../server/services/pdf.ts';
import { wanText } from '../../../server/services/warning-report-html.ts';
import { warningSnapshot } from '../../../server/services/warning-snapshot.ts';
import { TEST_PASSWORD, listenApp } from '../harness.ts';
import { makeWarningDb, regionId } from '../routers/warning-fixture.ts';
import type { Db } from '../../../server/db/client.ts';

let db: Db;
let server: Server;
let base: string;

beforeAll(async () => {
  db = await makeWarningDb();
  ({ server, base } = await listenApp(db));
});
afterAll(async () => {
  await closePdfBrowser();
  await new Promise<void>((done) => server.close(() => done()));
});

async function login(username: string): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { username, password: TEST_PASSWORD } }) });
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function sheetRows(bytes: ArrayBuffer, sheet: number): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const rows: unknown[][] = [];
  book.worksheets[sheet]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('GET /api/report/:kind', () => {
  it('needs a session, a known kind and a valid query', async () => {
    expect((await fetch(`${base}/api/report/risk`)).status).toBe(401);
    const cookie = await login('viewer');
    expect((await fetch(`${base}/api/report/budget`, { headers: { cookie } })).status).toBe(404);
    const bad = await fetch(`${base}/api/report/risk?asOf=2025-13`, { headers: { cookie } });
    expect([bad.status, await bad.json()]).toEqual([400, { error: 'asOf: asOf must be a month YYYY-MM' }]);
    expect((await fetch(`${base}/api/report/risk?format=docx`, { headers: { cookie } })).status).toBe(400);
    expect((await fetch(`${base}/api/report/risk?regionId=4242&format=xlsx`, { headers: { cookie } })).status).toBe(404);
  });

  it('disclosure XLSX: income, expenditure, surplus and closing balance of 2025 per fund in 万元, exact', async () => {
    const res = await fetch(`${base}/api/report/disclosure?format=xlsx`, { headers: { cookie: await login('leader') } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="disclosure-report-P-2025.xlsx"');
    const rows = await sheetRows(await res.arrayBuffer(), 0);
    expect(rows[0]).toEqual(['统筹区', '险种', '账户', '期间', '月数', '收入 (万元)', '支出 (万元)', '当期结余 (万元)', '期末累计结余 (万元)']);
    expect(rows.slice(1)).toEqual([
      ['甲市', '职工医保', '统筹基金', '2025年1月 – 2025年12月', 12, 0.12, 0.12, 0, 0.05],
      ['甲市', '居民医保', '统筹基金', '2025年1月 – 2025年12月', 12, 0.156, 0.12, 0.036, 0.248],
      ['乙市', '职工医保', '统筹基金', '2025年1月 – 2025年12月', 12, 0.12, 0.18, -0.06, 0.12],
      ['丙县', '职工医保', '统筹基金', '2025年1月 – 2025年12月', 12, 0.12, 0.12, 0, 0.01],
    ]);
    const half = await fetch(`${base}/api/report/disclosure?format=xlsx&asOf=2025-06&lang=en`, { headers: { cookie: await login('leader') } });
    const halfRows = await sheetRows(await half.arrayBuffer(), 0);
    expect(halfRows[1]).toEqual(['City A', 'Employee scheme', 'pooling fund', '2025-01 – 2025-06', 6, 0.06, 0.06, 0, 0.05]);
  });

  it('risk XLSX: the summary, every grid row and every alert with its reasons', async () => {
    const res = await fetch(`${base}/api/report/risk?format=xlsx&regionId=${await regionId(db, 'P')}`, { headers: { cookie: await login('leader') } });
    const bytes = await res.arrayBuffer();
    const summary = await sheetRows(bytes, 0);
    // eachRow skips the empty spacer row: [region], [as of], header, then one row per scheme
    expect(summary[2]?.[1]).toBe('统筹基金累计结余 (元)');
    expect(summary[3]).toEqual(['职工医保', 1700, 6.8, '合理', 0, 0]);
    expect(summary[4]).toEqual(['居民医保', 2480, 24.8, '结余过多', 18.18, 0]);
    const grid = await sheetRows(bytes, 1);
    expect(grid.slice(1).map((r) => [r[0], r[1], r[3], r[5], r[7]])).toEqual([
      ['甲市', '职工医保', '预警', '预警', '预警'], ['甲市', '居民医保', '结余过多', '结余过多', '结余过多'], ['乙市', '职工医保', '合理', '预警', '严重预警'],
    ]);
    const alerts = await sheetRows(bytes, 2);
    expect(alerts.slice(1).map((r) => r[0])).toEqual(['严重', '高', '关注', '关注']);
    expect(alerts[1]?.[6]).toBe('可支付月数 1.0 个月 < 3：红色严重预警');
  });

  it('risk PDF: one A4 page from chromium; the download is audited without moving the warning memo', async () => {
    const before = await warningSnapshot(db, undefined);
    const res = await fetch(`${base}/api/report/risk?format=pdf&lang=en`, { headers: { cookie: await login('leader') } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(/\/Count (\d+)/.exec(pdf)?.[1]).toBe('1');
    const [audit] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect([audit?.action, audit?.entity, audit?.username]).toEqual(['report', 'risk', 'leader']);
    expect(await warningSnapshot(db, undefined)).toBe(before);
  });

  it('scopes a user assigned one city: their city by default, another region FORBIDDEN', async () => {
    const cookie = await login('cityone');
    expect((await fetch(`${base}/api/report/risk?format=xlsx&regionId=${await regionId(db, 'P')}`, { headers: { cookie } })).status).toBe(403);
    expect((await fetch(`${base}/api/report/disclosure?format=xlsx&regionId=${await regionId(db, 'K1')}`, { headers: { cookie } })).status).toBe(403);
    const own = await sheetRows(await (await fetch(`${base}/api/report/disclosure?format=xlsx`, { headers: { cookie } })).arrayBuffer(), 0);
    expect(own.slice(1).map((r) => [r[0], r[1]])).toEqual([['甲市', '职工医保'], ['甲市', '居民医保']]);
  });
});

describe('wanText', () => {
  it('rounds fen to 0.01 万元 half away from zero, with separators', () => {
    expect(wanText(1_234_567_890_000)).toBe('1,234,567.89');
    expect(wanText(5_000)).toBe('0.01');
    expect(wanText(-5_000)).toBe('-0.01');
    expect(wanText(-4_999)).toBe('0.00');
    expect(wanText(null)).toBe('—');
  });
});
