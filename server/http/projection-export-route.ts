/**
 * `GET /api/export/projection-runs/:runId?lang=zh-CN|en`: one finished projection run as an XLSX
 * workbook for a logged-in user who may read it (its scenario's region in scope). Sheets: the
 * yearly projection (money rounded to the fen, half away from zero, as `fundrisk project` prints
 * it), the deficit waterfall, for a Monte Carlo run its percentiles and probabilities, and what
 * reproduces the figures (scenario version, input hashes, data vintage, model version, seed, the
 * scenario JSON). A Monte Carlo run stores no deterministic path, so its yearly and waterfall
 * sheets hold the deterministic projection of the same version, computed at export and said so.
 */
import type { Request, Response } from 'express';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { projectScenario, PERCENTILE_LEVELS, roundYuanToFen, type ProjectionResult, type StochasticResult } from '../../models/index.ts';
import { can } from '../auth/permissions.ts';
import { appendAudit } from '../services/audit.ts';
import { DomainError } from '../services/errors.ts';
import { getRun, PROJECTION_MODEL_VERSION, type RunView } from '../services/projection-runs.ts';
import { canonicalJson, getScenario, type ScenarioVersion } from '../services/scenario-store.ts';
import { visibleRegionIds } from '../services/region-scope.ts';
import type { MakeContext } from '../trpc/context.ts';

const exportQuery = z.object({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') });
type Lang = z.infer<typeof exportQuery>['lang'];
const STATUS: Record<DomainError['code'], number> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 };
const TIERS = ['red', 'orange', 'green', 'blue', 'purple'] as const;
/** Excel keeps at most 32,767 characters in a cell; longer scenario JSON continues on the next rows. */
const CELL_TEXT_MAX = 32_000;
const FMT = { yuan: '#,##0.00', count: '#,##0.##', months: '0.00', share: '0.00%', rate: '0.0000%' } as const;

const L = {
  'zh-CN': {
    sheets: ['年度预测', '赤字弥补', '模拟分位数', '模拟概率', '可复现信息'],
    yuan: '元', people: '人', perHeadYear: '元/人·年', perHeadMonth: '元/人·月', months: '个月', share: '概率',
    year: '年份', tier: '预警等级', income: '收入', interest: '利息', expenditure: '支出', balance: '累计结余', surplus: '当期结余', payableMonths: '可支付月数',
    activeMembers: '在职人数', retirees: '退休人数', avgMonthlyWageYuan: '月平均缴费基数', costPerActiveYuan: '在职人均支出', costPerRetireeYuan: '退休人均支出',
    contributionIncomeYuan: '缴费收入', subsidyIncomeYuan: '财政补助收入', insured: '参保人数', premiumYuan: '人均个人缴费', subsidyPerHeadYuan: '人均财政补助',
    costPerHeadYuan: '人均支出', premiumIncomeYuan: '个人缴费收入',
    shortfall: '当期缺口', setAside: '提取调控金', fromReserve: '调控金弥补', fromSurplus: '历年结余弥补', fromFiscal: '财政补助弥补', fromOther: '其他来源弥补', reserveHeld: '年末调控金',
    runsOut: '首次不足年份', reserve: '调控金', accumulatedSurplus: '历年累计结余', fiscal: '同级财政补助', never: '期内充足',
    balancePct: '累计结余 P', monthsPct: '可支付月数 P', pDeficit: '当年收不抵支', pRed: '年末严重预警', pExhaustedBy: '截至当年耗尽', pRedBy: '截至当年进入严重预警',
    pTier: '年末等级', exhaustionYear: '耗尽年份分布', notExhausted: '期内未耗尽', item: '项目', value: '取值',
    deterministicNote: (v: string) => `本次为蒙特卡洛运行：年度预测与赤字弥补两表为同一情景版本的确定性预测，导出时以模型 ${v} 计算`,
  },
  en: {
    sheets: ['Projection', 'Waterfall', 'Percentiles', 'Probabilities', 'Reproducibility'],
    yuan: 'yuan', people: 'people', perHeadYear: 'yuan/head/year', perHeadMonth: 'yuan/head/month', months: 'months', share: 'share',
    year: 'Year', tier: 'Tier', income: 'Income', interest: 'Interest', expenditure: 'Expenditure', balance: 'Balance', surplus: 'Current surplus', payableMonths: 'Payable months',
    activeMembers: 'Active members', retirees: 'Retirees', avgMonthlyWageYuan: 'Average monthly wage', costPerActiveYuan: 'Cost per active member', costPerRetireeYuan: 'Cost per retiree',
    contributionIncomeYuan: 'Contribution income', subsidyIncomeYuan: 'Subsidy income', insured: 'Insured', premiumYuan: 'Premium per head', subsidyPerHeadYuan: 'Subsidy per head',
    costPerHeadYuan: 'Cost per head', premiumIncomeYuan: 'Premium income',
    shortfall: 'Shortfall', setAside: 'Set aside to reserve', fromReserve: 'From reserve', fromSurplus: 'From accumulated surplus', fromFiscal: 'From fiscal subsidy', fromOther: 'From other sources', reserveHeld: 'Reserve at year-end',
    runsOut: 'First year short', reserve: 'Reserve', accumulatedSurplus: 'Accumulated surplus', fiscal: 'Fiscal subsidy', never: 'enough throughout',
    balancePct: 'Balance P', monthsPct: 'Payable months P', pDeficit: 'Current deficit', pRed: 'Red at year-end', pExhaustedBy: 'Exhausted by year', pRedBy: 'Red by year',
    pTier: 'Tier at year-end', exhaustionYear: 'Exhaustion year distribution', notExhausted: 'not exhausted', item: 'Item', value: 'Value',
    deterministicNote: (v: string) => `Monte Carlo run: the Projection and Waterfall sheets hold the deterministic projection of the same scenario version, computed at export with model ${v}`,
  },
} as const;
type Labels = (typeof L)[Lang];

type Cell = string | number | null;
interface Column { header: string; fmt?: string; width?: number }

function addSheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: Cell[][]): ExcelJS.Worksheet {
  const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(12, c.header.length + 4), style: c.fmt ? { numFmt: c.fmt } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  return sheet;
}

const unit = (label: string, u: string) => ({ header: `${label} (${u})`, fmt: FMT.yuan });

function yearlySheet(wb: ExcelJS.Workbook, t: Labels, p: ProjectionResult): void {
  const driverUnits: Record<string, [string, string]> = {
    activeMembers: [t.people, FMT.count], retirees: [t.people, FMT.count], insured: [t.people, FMT.count],
    avgMonthlyWageYuan: [t.perHeadMonth, FMT.yuan], costPerActiveYuan: [t.perHeadYear, FMT.yuan], costPerRetireeYuan: [t.perHeadYear, FMT.yuan],
    premiumYuan: [t.perHeadYear, FMT.yuan], subsidyPerHeadYuan: [t.perHeadYear, FMT.yuan], costPerHeadYuan: [t.perHeadYear, FMT.yuan],
    contributionIncomeYuan: [t.yuan, FMT.yuan], subsidyIncomeYuan: [t.yuan, FMT.yuan], premiumIncomeYuan: [t.yuan, FMT.yuan],
  };
  const drivers = Object.keys(p.years[0] ?? {}).filter((k) => k in driverUnits);
  const columns: Column[] = [
    { header: t.year, width: 8 }, unit(t.income, t.yuan), unit(t.interest, t.yuan), unit(t.expenditure, t.yuan), unit(t.balance, t.yuan),
    unit(t.surplus, t.yuan), { header: `${t.payableMonths} (${t.months})`, fmt: FMT.months }, { header: t.tier, width: 10 },
    ...drivers.map((k) => ({ header: `${t[k as keyof Labels] as string} (${driverUnits[k]?.[0]})`, fmt: driverUnits[k]?.[1] })),
  ];
  const rows = p.years.map((y) => {
    const r = y as unknown as Record<string, number>;
    return [y.year, roundYuanToFen(y.incomeYuan), roundYuanToFen(y.interestYuan), roundYuanToFen(y.expenditureYuan), roundYuanToFen(y.balanceYuan), roundYuanToFen(y.currentSurplusYuan), y.payableMonths, y.tier,
      ...drivers.map((k) => (k.endsWith('Yuan') ? roundYuanToFen(r[k] as number) : (r[k] as number)))];
  });
  addSheet(wb, t.sheets[0], columns, rows);
}

function waterfallSheet(wb: ExcelJS.Workbook, t: Labels, p: ProjectionResult): void {
  const f = p.financing;
  const sheet = addSheet(wb, t.sheets[1], [
    { header: t.year, width: 8 }, unit(t.shortfall, t.yuan), unit(t.setAside, t.yuan), unit(t.fromReserve, t.yuan),
    unit(t.fromSurplus, t.yuan), unit(t.fromFiscal, t.yuan), unit(t.fromOther, t.yuan), unit(t.reserveHeld, t.yuan),
  ], f.years.map((y) => [y.year, roundYuanToFen(y.shortfallYuan), roundYuanToFen(y.reserveSetAsideYuan), roundYuanToFen(y.fromReserveYuan), roundYuanToFen(y.fromAccumulatedSurplusYuan),
    roundYuanToFen(y.fromFiscalYuan), roundYuanToFen(y.fromOtherYuan), roundYuanToFen(y.reserveYuan)]));
  sheet.addRow([]);
  sheet.addRow([t.runsOut]).font = { bold: true };
  for (const [label, year] of [[t.reserve, f.exhaustedYear.reserve], [t.accumulatedSurplus, f.exhaustedYear.accumulatedSurplus], [t.fiscal, f.exhaustedYear.fiscal]] as const) {
    sheet.addRow([label, year ?? t.never]);
  }
}

function stochasticSheets(wb: ExcelJS.Workbook, t: Labels, s: StochasticResult): void {
  addSheet(wb, t.sheets[2], [
    { header: t.year, width: 8 },
    ...PERCENTILE_LEVELS.map((q) => ({ header: `${t.balancePct}${q} (${t.yuan})`, fmt: FMT.yuan, width: 20 })),
    ...PERCENTILE_LEVELS.map((q) => ({ header: `${t.monthsPct}${q} (${t.months})`, fmt: FMT.months, width: 18 })),
  ], s.years.map((year, i) => [year, ...PERCENTILE_LEVELS.map((q) => roundYuanToFen(s.percentiles.balance[q][i] as number)), ...PERCENTILE_LEVELS.map((q) => s.percentiles.payableMonths[q][i] as number)]));
  const sheet = addSheet(wb, t.sheets[3], [
    { header: t.year, width: 8 },
    ...[t.pDeficit, t.pRed, t.pExhaustedBy, t.pRedBy].map((h) => ({ header: `${h} (${t.share})`, fmt: FMT.share, width: 18 })),
    ...TIERS.map((tier) => ({ header: `${t.pTier} ${tier} (${t.share})`, fmt: FMT.share, width: 18 })),
  ], s.years.map((year, i) => [year, s.probabilityDeficit[i] as number, s.probabilityRed[i] as number, s.probabilityExhaustedBy[i] as number,
    s.probabilityRedBy[i] as number, ...TIERS.map((tier) => s.tierProbabilities[tier][i] as number)]));
  sheet.addRow([]);
  sheet.addRow([t.exhaustionYear]).font = { bold: true };
  for (const d of s.exhaustionYearDistribution) sheet.addRow([d.year ?? t.notExhausted, d.probability]).getCell(2).numFmt = FMT.share;
}

function reproducibilitySheet(wb: ExcelJS.Workbook, t: Labels, run: RunView, v: ScenarioVersion, recomputed: boolean): void {
  const json = canonicalJson(v.scenario);
  const rows: Cell[][] = [
    ['scenario.id', v.id], ['scenario.name', v.name], ['scenario.lineage', v.lineage], ['scenario.version', v.version], ['scenario.scheme', v.scheme],
    ['scenario.preset', v.preset], ['scenario.basedOnId', v.basedOnId], ['scenario.inputHash', v.inputHash], ['scenario.dataVintage', v.dataVintage],
    ['scenario.createdAt', v.createdAt], ['scenario.note', v.note], ['run.id', run.id], ['run.kind', run.kind], ['run.paths', run.paths], ['run.seed', run.seed],
    ['run.inputHash', run.inputHash], ['run.modelVersion', run.modelVersion], ['run.createdAt', run.createdAt], ['run.finishedAt', run.finishedAt],
    ...(recomputed ? [['deterministic.modelVersion', PROJECTION_MODEL_VERSION], ['deterministic.note', t.deterministicNote(PROJECTION_MODEL_VERSION)]] as Cell[][] : []),
  ];
  for (let i = 0; i * CELL_TEXT_MAX < json.length; i++) rows.push([i === 0 ? 'scenario.json' : `scenario.json (${i + 1})`, json.slice(i * CELL_TEXT_MAX, (i + 1) * CELL_TEXT_MAX)]);
  addSheet(wb, t.sheets[4], [{ header: t.item, width: 28 }, { header: t.value, width: 80 }], rows);
}

/** The workbook of a finished run (pure apart from the deterministic projection of a Monte Carlo run's version). */
export async function projectionWorkbook(run: RunView, version: ScenarioVersion, lang: Lang): Promise<Buffer> {
  const t = L[lang];
  const projection = run.deterministic ?? projectScenario(version.scenario);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fundrisk';
  yearlySheet(wb, t, projection);
  waterfallSheet(wb, t, projection);
  if (run.stochastic) stochasticSheets(wb, t, run.stochastic);
  reproducibilitySheet(wb, t, run, version, run.deterministic === null);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function projectionExportHandler(makeContext: MakeContext) {
  return async (req: Request, res: Response) => {
    const ctx = await makeContext({ req, res });
    if (!ctx.user) return void res.status(401).json({ error: 'login required' });
    // reading the run (read) and taking a file away (exportData): both are needed
    if (!can(ctx.user.role, 'read') || !can(ctx.user.role, 'exportData')) return void res.status(403).json({ error: 'forbidden' });
    const runId = Number(req.params.runId);
    if (!Number.isInteger(runId) || runId < 1) return void res.status(400).json({ error: `run id must be a positive whole number, got "${String(req.params.runId)}"` });
    const query = exportQuery.safeParse(req.query);
    if (!query.success) return void res.status(400).json({ error: 'lang must be zh-CN or en' });
    const scope = await visibleRegionIds(ctx.db, ctx.user);
    let run: RunView;
    let version: ScenarioVersion;
    try {
      run = await getRun(ctx.db, scope, runId);
      version = await getScenario(ctx.db, scope, run.scenarioId);
    } catch (err) {
      if (err instanceof DomainError) return void res.status(STATUS[err.code]).json({ error: err.message });
      throw err;
    }
    if (run.status !== 'done') return void res.status(409).json({ error: `projection run ${runId} is ${run.status}: only a finished run can be exported` });
    const bytes = await projectionWorkbook(run, version, query.data.lang);
    await appendAudit(ctx.db, { userId: ctx.user.id, username: ctx.user.username, action: 'export', entity: 'projection_run', entityId: runId, after: query.data, ip: ctx.ip });
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="projection-run-${runId}.xlsx"`);
    res.send(bytes);
  };
}
