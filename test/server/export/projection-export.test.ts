/**
 * `GET /api/export/projection-runs/:runId` over real HTTP: the workbook of a deterministic and of a
 * Monte Carlo run read back with exceljs (hand-worked figures of the interfaces.md example, money
 * to the fen, units in headers, reproducibility sheet), the status codes of the session, role and
 * region checks, and the progress subscription's server-sent events through helmet and the write guard.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Server } from 'node:http';
import ExcelJS from 'exceljs';
import { regions, projectionRuns } from '../../../server/db/schema.ts';
import type { Db } from '../../../server/db/client.ts';
import { importTable } from '../../../server/importer/import-table.ts';
import { parseCsvText } from '../../../server/importer/read-table.ts';
import { addUser } from '../../../server/services/users.ts';
import { PROJECTION_MODEL_VERSION } from '../../../server/services/projection-runs.ts';
import { roundYuanToFen as fen } from '../../../models/index.ts';
import { closeProjectionPool } from '../../../server/workers/projection-pool.ts';
import { projectScenario, PERCENTILE_LEVELS, type EmployeeScenario } from '../../../models/index.ts';
import { callerFor, makeTestDb, TEST_PASSWORD, listenApp } from '../harness.ts';

/** The interfaces.md example scenario. */
const BASE: EmployeeScenario = {
  name: 'base', scheme: 'employee', startYear: 2026, horizonYears: 10,
  opening: { balanceYuan: 2.0e9, activeMembers: 1.0e6, retirees: 3.0e5, avgMonthlyWageYuan: 6000, costPerActiveYuan: 2000, costPerRetireeYuan: 7000 },
  assumptions: {
    wageGrowth: 0.05, poolingRate: 0.06, collectionRate: 0.97, activeGrowth: 0.0, retireeGrowth: 0.04,
    medicalInflation: 0.03, utilisationGrowth: 0.02, interestRate: 0.015, subsidyYuan: 0,
  },
};

let db: Db;
let server: Server;
let base: string;
let regionA = 0;

async function login(username: string): Promise<string> {
  const res = await fetch(`${base}/trpc/auth.login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { username, password: TEST_PASSWORD } }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function workbookOf(res: Response): Promise<ExcelJS.Workbook> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  return wb;
}

/** Rows of a sheet as arrays of cell values (exceljs rows are 1-based with an empty slot 0). */
function rowsOf(sheet: ExcelJS.Worksheet | undefined): unknown[][] {
  if (!sheet) throw new Error('missing sheet');
  const out: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

/** The item → value pairs of the reproducibility sheet. */
function pairs(sheet: ExcelJS.Worksheet | undefined): Map<string, unknown> {
  return new Map(rowsOf(sheet).slice(1).map((r) => [String(r[0]), r[1]]));
}

beforeAll(async () => {
  db = await makeTestDb();
  const report = await importTable(db, parseCsvText('code,name,level\nA,甲市,city\nB,乙市,city', 'regions.csv', 'utf-8'), { kind: 'regions', unit: 'yuan', dryRun: false, vintage: '2025-03-01' });
  expect(report.ok).toBe(true);
  regionA = (await db.select().from(regions)).find((r) => r.code === 'A')?.id ?? 0;
  await addUser(db, { username: 'onlyb', password: TEST_PASSWORD, role: 'actuary', regionCodes: ['B'] }, null);
  ({ server, base } = await listenApp(db));
});
afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
  await closeProjectionPool();
});

describe('fen', () => {
  it.each([[0.005, 0.01], [-0.005, -0.01], [-0.004, 0], [1234.5678, 1234.57], [2_034_209_600, 2_034_209_600]])('%d yuan is %d to the fen', (yuan, expected) => {
    expect(Object.is(fen(yuan), expected)).toBe(true);
  });
});

describe('projection run export', () => {
  it('writes the yearly projection, the waterfall and the reproducibility sheet of a deterministic run, to the fen', async () => {
    const actuary = await callerFor(db, 'actuary');
    const saved = await actuary.projection.createScenario({ scenario: BASE, regionId: regionA, dataVintage: '2025-03-01', note: 'export test' });
    const run = await actuary.projection.run({ kind: 'deterministic', scenarioId: saved.id });
    const cookie = await login('viewer');
    const res = await fetch(`${base}/api/export/projection-runs/${run.id}`, { headers: { cookie } });
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="projection-run-${run.id}.xlsx"`);
    const wb = await workbookOf(res);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['年度预测', '赤字弥补', '可复现信息']);

    const yearly = rowsOf(wb.getWorksheet('年度预测'));
    expect(yearly[0]?.slice(0, 8)).toEqual(['年份', '收入 (元)', '利息 (元)', '支出 (元)', '累计结余 (元)', '当期结余 (元)', '可支付月数 (个月)', '预警等级']);
    expect(yearly[0]).toContain('在职人数 (人)');
    expect(yearly[0]).toContain('月平均缴费基数 (元/人·月)');
    expect(yearly).toHaveLength(11);
    // 2026 and 2027 by hand from interfaces.md's convention (income = active × wage × 12 × rate × collection, interest on the opening balance).
    expect(yearly[1]?.slice(0, 6)).toEqual([2026, 4_399_920_000, 30_000_000, 4_395_710_400, 2_034_209_600, 34_209_600]);
    expect(yearly[1]?.[6]).toBeCloseTo(5.553258285623184, 12);
    expect(yearly[1]?.[7]).toBe('orange');
    expect(yearly[2]?.slice(0, 5)).toEqual([2027, 4_619_916_000, 30_513_144, 4_714_557_851.29, 1_970_080_892.71]);
    // Every year equals the model's projection rounded to the fen.
    const p = projectScenario(BASE);
    p.years.forEach((y, i) => {
      expect(yearly[i + 1]?.slice(0, 5)).toEqual([y.year, fen(y.incomeYuan), fen(y.interestYuan), fen(y.expenditureYuan), fen(y.balanceYuan)]);
    });
    expect(wb.getWorksheet('年度预测')?.getCell('B2').numFmt).toBe('#,##0.00');

    const waterfall = rowsOf(wb.getWorksheet('赤字弥补'));
    expect(waterfall[0]).toEqual(['年份', '当期缺口 (元)', '提取调控金 (元)', '调控金弥补 (元)', '历年结余弥补 (元)', '财政补助弥补 (元)', '其他来源弥补 (元)', '年末调控金 (元)']);
    // 2026: no shortfall, 9 % of the income set aside; 2027: the shortfall comes out of that reserve.
    expect(waterfall[1]).toEqual([2026, 0, 395_992_800, 0, 0, 0, 0, 395_992_800]);
    expect(waterfall[2]).toEqual([2027, 64_128_707.29, 0, 64_128_707.29, 0, 0, 0, 331_864_092.71]);
    for (const row of waterfall.slice(1, 11)) {
      const [, shortfall, , ...cover] = row as number[];
      expect(Math.abs((cover.slice(0, 4).reduce((a, b) => a + b, 0)) - (shortfall as number))).toBeLessThanOrEqual(0.02); // four sums of fen-rounded parts
    }
    // The reserve (395,992,800 set aside in 2026) covers 2027 and 2028, not all of 2029's shortfall;
    // the accumulated surplus lasts until 2032; with no cap the fiscal subsidy never runs short.
    const runsOut = waterfall.slice(12).map((r) => r.slice(0, 2));
    expect(runsOut).toEqual([['首次不足年份'], ['调控金', 2029], ['历年累计结余', 2032], ['同级财政补助', '期内充足']]);

    const repro = pairs(wb.getWorksheet('可复现信息'));
    expect(repro.get('scenario.version')).toBe(1);
    expect(repro.get('scenario.inputHash')).toBe(saved.inputHash);
    expect(repro.get('scenario.dataVintage')).toBe('2025-03-01');
    expect(repro.get('run.inputHash')).toBe(run.inputHash);
    expect(repro.get('run.modelVersion')).toBe(PROJECTION_MODEL_VERSION);
    expect(repro.has('deterministic.note')).toBe(false);
    expect(JSON.parse(String(repro.get('scenario.json')))).toEqual(BASE);
  });

  it('adds the percentiles and probabilities of a Monte Carlo run, in English on request', async () => {
    const actuary = await callerFor(db, 'actuary');
    const saved = await actuary.projection.createScenario({ scenario: { ...BASE, name: 'mc export' } });
    const run = await actuary.projection.run({ kind: 'stochastic', scenarioId: saved.id, paths: 400, seed: 11 });
    expect(run.status).toBe('done');
    const s = run.stochastic;
    if (!s) throw new Error('no stochastic result');
    const wb = await workbookOf(await fetch(`${base}/api/export/projection-runs/${run.id}?lang=en`, { headers: { cookie: await login('actuary') } }));
    expect(wb.worksheets.map((x) => x.name)).toEqual(['Projection', 'Waterfall', 'Percentiles', 'Probabilities', 'Reproducibility']);

    const pct = rowsOf(wb.getWorksheet('Percentiles'));
    expect(pct[0]?.slice(0, 2)).toEqual(['Year', 'Balance P2.5 (yuan)']);
    expect(pct[0]?.at(-1)).toBe('Payable months P97.5 (months)');
    s.years.forEach((year, i) => {
      const row = pct[i + 1] as number[];
      expect(row[0]).toBe(year);
      expect(row.slice(1, 8)).toEqual(PERCENTILE_LEVELS.map((q) => fen(s.percentiles.balance[q][i] as number)));
      for (let k = 2; k < 8; k++) expect(row[k]).toBeGreaterThanOrEqual(row[k - 1] as number);
      expect(row.slice(8)).toEqual(PERCENTILE_LEVELS.map((q) => s.percentiles.payableMonths[q][i]));
    });

    const prob = rowsOf(wb.getWorksheet('Probabilities'));
    expect(prob[0]?.slice(0, 5)).toEqual(['Year', 'Current deficit (share)', 'Red at year-end (share)', 'Exhausted by year (share)', 'Red by year (share)']);
    for (const row of prob.slice(1, 11) as number[][]) {
      // the five tier shares are counts / 400 and add up to one path set
      expect(row.slice(5, 10).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      for (const v of row.slice(1)) expect(v >= 0 && v <= 1).toBe(true);
    }
    expect(prob.slice(1, 11).map((r) => r[3])).toEqual(s.probabilityExhaustedBy);
    const distribution = prob.slice(13).map((r) => r[1] as number);
    expect(distribution.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);

    // A Monte Carlo run stores no deterministic path: the yearly sheet is the version's projection, and says so.
    const yearly = rowsOf(wb.getWorksheet('Projection'));
    expect(yearly[1]?.slice(0, 5)).toEqual([2026, 4_399_920_000, 30_000_000, 4_395_710_400, 2_034_209_600]);
    const repro = pairs(wb.getWorksheet('Reproducibility'));
    expect(repro.get('run.paths')).toBe(400);
    expect(repro.get('run.seed')).toBe(11);
    expect(String(repro.get('deterministic.note'))).toContain('computed at export');
  });

  it('answers 401 without a session, 403 outside the region, 404 for an unknown run, 400 for bad input, 409 while running', async () => {
    const actuary = await callerFor(db, 'actuary');
    const inA = await actuary.projection.createScenario({ scenario: { ...BASE, name: 'region A' }, regionId: regionA });
    const run = await actuary.projection.run({ kind: 'deterministic', scenarioId: inA.id });
    const url = `${base}/api/export/projection-runs/${run.id}`;
    expect((await fetch(url)).status).toBe(401);
    const onlyB = await login('onlyb');
    const forbidden = await fetch(url, { headers: { cookie: onlyB } });
    expect(forbidden.status).toBe(403);
    const viewer = await login('viewer');
    const missing = await fetch(`${base}/api/export/projection-runs/999999`, { headers: { cookie: viewer } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'projection run 999999 not found' });
    const badId = await fetch(`${base}/api/export/projection-runs/x1`, { headers: { cookie: viewer } });
    expect(await badId.json()).toEqual({ error: 'run id must be a positive whole number, got "x1"' });
    expect((await fetch(`${url}?lang=fr`, { headers: { cookie: viewer } })).status).toBe(400);
    // a row left running (as a worker run is until it finishes) cannot be exported yet
    const [running] = await db.insert(projectionRuns).values({
      scenarioId: inA.id, kind: 'stochastic', paths: 10, seed: 1, status: 'running', inputHash: 'x', modelVersion: PROJECTION_MODEL_VERSION,
    }).returning();
    if (!running) throw new Error('no run row written');
    const conflict = await fetch(`${base}/api/export/projection-runs/${running.id}`, { headers: { cookie: viewer } });
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({ error: `projection run ${running.id} is running: only a finished run can be exported` });
  });

  it('streams a run\'s progress as server-sent events through helmet and the write guard (the client\'s subscription transport)', async () => {
    const actuary = await callerFor(db, 'actuary');
    const saved = await actuary.projection.createScenario({ scenario: { ...BASE, name: 'sse' } });
    const run = await actuary.projection.run({ kind: 'stochastic', scenarioId: saved.id, paths: 3000, seed: 3 });
    expect(run.status).toBe('running');
    const input = encodeURIComponent(JSON.stringify({ json: { runId: run.id } }));
    const res = await fetch(`${base}/trpc/projection.progress?input=${input}`, { headers: { cookie: await login('viewer'), accept: 'text/event-stream' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('content-encoding')).toBeNull();
    const text = await res.text();
    const updates = [...text.matchAll(/^data: (.+)$/gm)].map((m) => JSON.parse(m[1] as string) as { json?: { status?: string; progress?: number } })
      .map((d) => d.json).filter((d): d is { status: string; progress: number } => typeof d?.status === 'string');
    expect(updates.at(-1)).toEqual({ runId: run.id, status: 'done', progress: 1 });
    expect(updates.map((u) => u.progress)).toEqual([...updates.map((u) => u.progress)].sort((a, b) => a - b));
  }, 60_000);
});
