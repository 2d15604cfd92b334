/**
 * `GET /api/forecast/export?fundId=&measure=&method=&horizon=&levels=80,95&lang=zh-CN|en` (or
 * `institutionId=` in place of fundId and measure): the forecast page's table as an XLSX workbook
 * for a logged-in user who may read the series (its region in scope) and take files away. The
 * query is the page's `forecast.run` input, checked by the same zod schema, and the same
 * `runForecast` fits it, so the file holds the figures on screen: a header block (series, method,
 * fitted model, data vintage, model version, interval levels, unit) above one row per period —
 * history, then the forecast mean and its bounds — in yuan rounded to the fen.
 */
import type { Request, Response } from 'express';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { roundYuanToFen } from '../../models/index.ts';
import { can } from '../auth/permissions.ts';
import type { Db } from '../db/client.ts';
import { funds, institutions, regions } from '../db/schema.ts';
import { forecastRunInput } from '../schemas/forecast.ts';
import { appendAudit } from '../services/audit.ts';
import { DomainError } from '../services/errors.ts';
import { runForecast, type ForecastRunInput } from '../services/forecast-run.ts';
import { visibleRegionIds } from '../services/region-scope.ts';
import { accountLabel, regionLabel, schemeLabel, type ReportLang } from '../services/warning-report-labels.ts';
import type { MakeContext } from '../trpc/context.ts';

const STATUS: Record<DomainError['code'], number> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 };
const langQuery = z.enum(['zh-CN', 'en']).default('zh-CN');
const YUAN_FORMAT = '#,##0.00';

const L = {
  'zh-CN': {
    sheet: '预测', title: '收支预测', series: '序列', method: '方法', model: '模型', frequency: '数据频率', history: '历史数据',
    dataVintage: '数据版本', modelVersion: '模型版本', levels: '预测区间', unit: '金额单位', generated: '生成时间', yuan: '元', inUnit: '（元）',
    freq: { 1: '年度', 12: '月度' }, range: (from: string, to: string, n: number) => `${from} 至 ${to}，共 ${n} 期`,
    period: '期间', actual: '历史值', mean: '预测均值', lower: (l: number) => `${l}%下限`, upper: (l: number) => `${l}%上限`, payments: '基金支付',
    measures: { income: '收入', expenditure: '支出', income_employer: '单位缴费', income_individual: '个人缴费', income_subsidy: '财政补助', expenditure_inpatient: '住院支出', expenditure_outpatient: '门诊支出', expenditure_pharmacy: '药店支出' },
  },
  en: {
    sheet: 'Forecast', title: 'Forecast', series: 'Series', method: 'Method', model: 'Model', frequency: 'Frequency', history: 'History',
    dataVintage: 'Data vintage', modelVersion: 'Model version', levels: 'Interval levels', unit: 'Unit', generated: 'Generated', yuan: 'yuan', inUnit: ' (yuan)',
    freq: { 1: 'yearly', 12: 'monthly' }, range: (from: string, to: string, n: number) => `${from} to ${to}, ${n} periods`,
    period: 'Period', actual: 'History', mean: 'Mean', lower: (l: number) => `Lower ${l}%`, upper: (l: number) => `Upper ${l}%`, payments: 'fund payments',
    measures: { income: 'income', expenditure: 'expenditure', income_employer: 'employer contributions', income_individual: 'individual contributions', income_subsidy: 'fiscal subsidy', expenditure_inpatient: 'inpatient', expenditure_outpatient: 'outpatient', expenditure_pharmacy: 'pharmacy' },
  },
} as const;

type Forecast = Awaited<ReturnType<typeof runForecast>>;

/** The query string as a `forecast.run` input (numbers and the comma list parsed; zod judges the rest). */
function runInputFromQuery(query: Request['query']): unknown {
  const text = (key: string) => (typeof query[key] === 'string' ? query[key] : undefined);
  const num = (key: string) => (text(key) === undefined ? undefined : Number(text(key)));
  const target = text('institutionId') !== undefined
    ? { kind: 'institution', institutionId: num('institutionId') }
    : { kind: 'fund', fundId: num('fundId'), measure: text('measure') };
  return { target, method: text('method'), horizon: num('horizon'), levels: text('levels')?.split(',').map(Number) };
}

/** The series in words and a file-name slug, looked up after runForecast has checked it exists and is in scope. */
async function describeTarget(db: Db, target: ForecastRunInput['target'], lang: ReportLang): Promise<{ label: string; slug: string }> {
  const t = L[lang];
  if (target.kind === 'institution') {
    const [inst] = await db.select({ code: institutions.code, name: institutions.name }).from(institutions).where(eq(institutions.id, target.institutionId)).limit(1);
    return { label: `${inst?.code ?? target.institutionId} ${inst?.name ?? ''} · ${t.payments}`, slug: `institution-${inst?.code ?? target.institutionId}-payments` };
  }
  const [row] = await db.select({ scheme: funds.scheme, account: funds.account, code: regions.code, name: regions.name, nameEn: regions.nameEn })
    .from(funds).innerJoin(regions, eq(regions.id, funds.regionId)).where(eq(funds.id, target.fundId)).limit(1);
  if (!row) return { label: `${target.fundId} · ${t.measures[target.measure]}`, slug: `${target.fundId}-${target.measure}` };
  return {
    label: `${regionLabel(row, lang)} · ${schemeLabel(row.scheme, lang)} · ${accountLabel(row.account, lang)} · ${t.measures[target.measure]}`,
    slug: `${row.code}-${row.scheme}-${row.account}-${target.measure}`,
  };
}

/** The workbook: header block, then one row per history and forecast period (yuan rounded to the fen). */
export async function forecastWorkbook(run: Forecast, levels: readonly number[], series: string, lang: ReportLang, generatedAt: string): Promise<Buffer> {
  const t = L[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fundrisk';
  const sheet = wb.addWorksheet(t.sheet);
  sheet.addRow([t.title]).font = { bold: true, size: 14 };
  const first = run.history[0]?.period ?? '';
  const last = run.history.at(-1)?.period ?? '';
  const block: [string, string][] = [
    [t.series, series], [t.method, run.method], [t.model, run.model], [t.frequency, t.freq[run.frequency]],
    [t.history, t.range(first, last, run.history.length)], [t.dataVintage, run.dataVintage], [t.modelVersion, run.modelVersion],
    [t.levels, levels.map((l) => `${l}%`).join(', ')], [t.unit, t.yuan], [t.generated, generatedAt],
  ];
  for (const [label, value] of block) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { horizontal: 'left' };
  }
  sheet.addRow([]);
  const header = sheet.addRow([t.period, ...[t.actual, t.mean, ...levels.flatMap((l) => [t.lower(l), t.upper(l)])].map((h) => `${h}${t.inUnit}`)]);
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  const addPeriod = (period: string, yuan: (number | undefined)[]) => {
    const row = sheet.addRow([period, ...yuan.map((v) => (v === undefined ? null : roundYuanToFen(v)))]);
    row.eachCell((cell, col) => { if (col > 1) cell.numFmt = YUAN_FORMAT; });
  };
  for (const h of run.history) addPeriod(h.period, [h.valueYuan]);
  const f = run.forecast;
  f.periods.forEach((period, i) => addPeriod(period, [undefined, f.mean[i], ...levels.flatMap((l) => [f.lower[String(l)]?.[i], f.upper[String(l)]?.[i]])]));
  sheet.getColumn(1).width = 16;
  for (let c = 2; c <= 3 + 2 * levels.length; c++) sheet.getColumn(c).width = 20;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function forecastExportHandler(makeContext: MakeContext) {
  return async (req: Request, res: Response) => {
    const ctx = await makeContext({ req, res });
    if (!ctx.user) return void res.status(401).json({ error: 'login required' });
    // reading the series (read) and taking a file away (exportData): both are needed
    if (!can(ctx.user.role, 'read') || !can(ctx.user.role, 'exportData')) return void res.status(403).json({ error: 'forbidden' });
    const lang = langQuery.safeParse(req.query.lang);
    const input = forecastRunInput.safeParse(runInputFromQuery(req.query));
    if (!lang.success) return void res.status(400).json({ error: 'lang must be zh-CN or en' });
    if (!input.success) {
      const issue = input.error.issues[0];
      return void res.status(400).json({ error: `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'invalid'}` });
    }
    let run: Forecast;
    try {
      run = await runForecast(ctx.db, await visibleRegionIds(ctx.db, ctx.user), input.data);
    } catch (err) {
      if (err instanceof DomainError) return void res.status(STATUS[err.code]).json({ error: err.message });
      throw err;
    }
    const target = await describeTarget(ctx.db, input.data.target, lang.data);
    const generatedAt = `${new Date(ctx.now()).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const bytes = await forecastWorkbook(run, input.data.levels, target.label, lang.data, generatedAt);
    const entityId = input.data.target.kind === 'fund' ? input.data.target.fundId : input.data.target.institutionId;
    await appendAudit(ctx.db, { userId: ctx.user.id, username: ctx.user.username, action: 'export', entity: `forecast_${input.data.target.kind}`, entityId, after: { ...input.data, lang: lang.data }, ip: ctx.ip });
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${`forecast-${target.slug}.xlsx`.replace(/[^\w.-]+/g, '_')}"`);
    res.send(bytes);
  };
}
