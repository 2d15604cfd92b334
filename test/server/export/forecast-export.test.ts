/**
 * `GET /api/forecast/export` over real HTTP (issue 3 item 5): the forecast page's table as XLSX,
 * read back with exceljs. Hand-worked series:
 * - fund A's monthly expenditure alternates 1,000 / 1,100 元 over 2023-01 … 2024-12, so the naive
 *   forecast is the last value, 1,100 元, with one-step changes ±100: σ² = Σ100²/23 = 100², σ_h = 100√h
 *   and bounds 1,100 ± z·100√h (z₈₀ = 1.2815515655, z₉₅ = 1.9599639845), rounded to the fen;
 * - institution H1 paid 100,000 … 140,000 元 in 2021 … 2025, a straight line: drift b = 10,000 元 a
 *   year with zero residuals, so the forecast is 150,000 and 160,000 元 and every bound equals the mean.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Server } from 'node:http';
import ExcelJS from 'exceljs';
import { desc } from 'drizzle-orm';
import { auditLog, institutions } from '../../../server/db/schema.ts';
import type { Db } from '../../../server/db/client.ts';
import { importTable } from '../../../server/importer/import-table.ts';
import { parseCsvText } from '../../../server/importer/read-table.ts';
import { MODEL_VERSION } from '../../../server/services/forecast-run.ts';
import { addUser } from '../../../server/services/users.ts';
import { callerFor, makeTestDb, TEST_PASSWORD, listenApp } from '../harness.ts';

let db: Db;
let server: Server;
let base: string;
let fundA = 0;
let fundB = 0;
let institutionH1 = 0;

/** 24 months of expenditure alternating 1,000 / 1,100 元, income 1,100 元, the balance rolled forward. */
function alternatingFund(region: string): string {
  const rows = ['region_code,scheme,period,income,expenditure,balance'];
  let balance = 10_000;
  for (let t = 0; t < 24; t++) {
    const expenditure = t % 2 === 0 ? 1000 : 1100;
    balance += 1100 - expenditure;
    rows.push(`${region},employee,${2023 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')},1100,${expenditure},${balance}`);
  }
  return rows.join('\n');
}

async function load(text: string, kind: 'regions' | 'fund_records' | 'institutions' | 'institution_years') {
  const report = await importTable(db, parseCsvText(text, `${kind}.csv`, 'utf-8'), { kind, unit: 'yuan', dryRun: false, vintage: '2025-02-01' });
  if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
}

async function login(username: string): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { username, password: TEST_PASSWORD } }) });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** The first sheet's rows as arrays of cell values (empty rows kept, exceljs's slot 0 dropped). */
async function sheetRows(res: Response): Promise<unknown[][]> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0]?.eachRow({ includeEmpty: true }, (row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

const url = (query: string) => `${base}/api/forecast/export?${query}`;

beforeAll(async () => {
  db = await makeTestDb();
  await load('code,name,name_en,level\nA,甲市,City A,city\nB,乙市,City B,city', 'regions');
  await load(alternatingFund('A'), 'fund_records');
  await load(alternatingFund('B'), 'fund_records');
  await load('institution_code,name,type,level,region_code,schemes\nH1,甲市第一医院,hospital,3,A,employee', 'institutions');
  await load(`institution_code,year,payments\n${[2021, 2022, 2023, 2024, 2025].map((y, i) => `H1,${y},${100_000 + 10_000 * i}`).join('\n')}`, 'institution_years');
  await addUser(db, { username: 'onlyb', password: TEST_PASSWORD, role: 'actuary', regionCodes: ['B'] }, null);
  const { rows } = await (await callerFor(db, 'leader')).fund.overview({});
  fundA = rows.find((r) => r.regionCode === 'A')?.fundId ?? 0;
  fundB = rows.find((r) => r.regionCode === 'B')?.fundId ?? 0;
  institutionH1 = (await db.select({ id: institutions.id }).from(institutions).limit(1))[0]?.id ?? 0;
  ({ server, base } = await listenApp(db));
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

describe('GET /api/forecast/export', () => {
  it('writes the header block, every history period and the naive forecast with its bounds to the fen', async () => {
    const res = await fetch(url(`fundId=${fundA}&measure=expenditure&method=naive&horizon=3&levels=80,95`), { headers: { cookie: await login('viewer') } });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="forecast-A-employee-pooling-expenditure.xlsx"');
    const rows = await sheetRows(res);
    expect(rows.slice(0, 10)).toEqual([
      ['收支预测'], ['序列', '甲市 · 职工医保 · 统筹基金 · 支出'], ['方法', 'naive'], ['模型', 'naive (random walk)'], ['数据频率', '月度'],
      ['历史数据', '2023-01 至 2024-12，共 24 期'], ['数据版本', '2025-02-01'], ['模型版本', MODEL_VERSION], ['预测区间', '80%, 95%'], ['金额单位', '元'],
    ]);
    expect(rows[10]?.[0]).toBe('生成时间');
    expect(rows[10]?.[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
    expect(rows[11]).toEqual([]);
    expect(rows[12]).toEqual(['期间', '历史值（元）', '预测均值（元）', '80%下限（元）', '80%上限（元）', '95%下限（元）', '95%上限（元）']);
    const history = rows.slice(13, 37);
    expect(history).toHaveLength(24);
    expect(history[0]).toEqual(['2023-01', 1000]);
    expect(history[23]).toEqual(['2024-12', 1100]);
    // a forecast row has no history cell (exceljs reads it back as a hole)
    expect(rows.slice(37)).toEqual([
      ['2025-01', undefined, 1100, 971.84, 1228.16, 904, 1296],
      ['2025-02', undefined, 1100, 918.76, 1281.24, 822.82, 1377.18],
      ['2025-03', undefined, 1100, 878.03, 1321.97, 760.52, 1439.48],
    ]);
    const [audit] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect([audit?.action, audit?.entity, audit?.entityId, audit?.username]).toEqual(['export', 'forecast_fund', String(fundA), 'viewer']);
    expect(JSON.parse(audit?.afterJson ?? 'null')).toEqual({ target: { kind: 'fund', fundId: fundA, measure: 'expenditure' }, method: 'naive', horizon: 3, levels: [80, 95], lang: 'zh-CN' });
  });

  it('takes the schema defaults (auto, 80/95) and an institution series, in English', async () => {
    const res = await fetch(url(`institutionId=${institutionH1}&method=drift&horizon=2&lang=en`), { headers: { cookie: await login('actuary') } });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="forecast-institution-H1-payments.xlsx"');
    const rows = await sheetRows(res);
    expect(rows[1]).toEqual(['Series', 'H1 甲市第一医院 · fund payments']);
    expect(rows[4]).toEqual(['Frequency', 'yearly']);
    expect(rows[8]).toEqual(['Interval levels', '80%, 95%']);
    expect(rows[12]).toEqual(['Period', 'History (yuan)', 'Mean (yuan)', 'Lower 80% (yuan)', 'Upper 80% (yuan)', 'Lower 95% (yuan)', 'Upper 95% (yuan)']);
    expect(rows.slice(18)).toEqual([['2026', undefined, 150_000, 150_000, 150_000, 150_000, 150_000], ['2027', undefined, 160_000, 160_000, 160_000, 160_000, 160_000]]);
    const auto = await sheetRows(await fetch(url(`fundId=${fundA}&measure=income&horizon=1`), { headers: { cookie: await login('actuary') } }));
    expect(auto[2]).toEqual(['方法', 'auto']);
  });

  it('needs a session (401) and the series region (403); unknown series 404', async () => {
    expect((await fetch(url(`fundId=${fundA}&measure=expenditure&horizon=3`))).status).toBe(401);
    const onlyB = await login('onlyb');
    const other = await fetch(url(`fundId=${fundA}&measure=expenditure&horizon=3`), { headers: { cookie: onlyB } });
    expect(other.status).toBe(403);
    expect((await fetch(url(`fundId=${fundB}&measure=expenditure&method=naive&horizon=3`), { headers: { cookie: onlyB } })).status).toBe(200);
    const missing = await fetch(url('fundId=9999&measure=expenditure&horizon=3'), { headers: { cookie: onlyB } });
    expect([missing.status, await missing.json()]).toEqual([404, { error: 'no fund 9999' }]);
  });

  it('refuses bad input with the field and the reason (400), and writes no audit row', async () => {
    const cookie = await login('viewer');
    const before = (await db.select().from(auditLog)).length;
    const error = async (query: string) => {
      const res = await fetch(url(query), { headers: { cookie } });
      return [res.status, ((await res.json()) as { error: string }).error];
    };
    expect(await error(`fundId=${fundA}&measure=expenditure`)).toEqual([400, 'horizon: Invalid input: expected number, received undefined']);
    expect(await error(`fundId=${fundA}&measure=expenditure&horizon=61`)).toEqual([400, 'horizon: Too big: expected number to be <=60']);
    expect(await error(`fundId=${fundA}&measure=balance&horizon=3`)).toEqual([400, expect.stringMatching(/^target\.measure: Invalid option: expected one of "income"\|"expenditure"/)]);
    expect(await error(`fundId=${fundA}&measure=expenditure&horizon=3&method=magic`)).toEqual([400, expect.stringMatching(/^method: Invalid option: expected one of "naive"/)]);
    expect(await error(`fundId=${fundA}&measure=expenditure&horizon=3&levels=80,abc`)).toEqual([400, 'levels.1: Invalid input: expected number, received NaN']);
    expect(await error(`fundId=${fundA}&measure=expenditure&horizon=3&lang=fr`)).toEqual([400, 'lang must be zh-CN or en']);
    expect(await error(`fundId=${fundA}&measure=income_subsidy&horizon=3`)).toEqual([400, `fund ${fundA} has no income_subsidy figure for 2023-01: choose another measure`]);
    expect((await db.select().from(auditLog)).length).toBe(before);
  });
});
