/**
 * Reports for download: the one-page risk report of a region and the disclosure table, as PDF
 * or XLSX. Load (warning-report-data.ts) → render (HTML for chromium, or exceljs) → file.
 */
import type { Db } from '../db/client.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { disclosureData, riskReportData, type ReportInput } from './warning-report-data.ts';
import { disclosureHtml, riskReportHtml } from './warning-report-html.ts';
import { disclosureXlsx, riskReportXlsx } from './warning-report-xlsx.ts';
import { htmlToPdf } from './pdf.ts';
import type { ReportLang } from './warning-report-labels.ts';

export const REPORT_KINDS = ['risk', 'disclosure'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export interface ReportRequest extends ReportInput {
  kind: ReportKind;
  format: 'pdf' | 'xlsx';
  lang: ReportLang;
  /** When the report is made, as printed on it (the caller's clock: services keep none). */
  generatedAt: string;
}

export interface ReportFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

const CONTENT_TYPES = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** @throws DomainError NOT_FOUND / FORBIDDEN for a region that does not exist or is not the user's. */
export async function buildReport(db: Db, user: Pick<SessionUser, 'regionIds'>, req: ReportRequest): Promise<ReportFile> {
  const input = { regionId: req.regionId, asOf: req.asOf };
  let bytes: Buffer;
  let code: string;
  if (req.kind === 'risk') {
    const data = await riskReportData(db, user, input);
    code = data.focus?.code ?? 'none';
    bytes = req.format === 'pdf' ? await htmlToPdf(riskReportHtml(data, req.lang, req.generatedAt), { landscape: true }) : await riskReportXlsx(data, req.lang);
  } else {
    const data = await disclosureData(db, user, input);
    code = `${data.focus?.code ?? 'none'}-${data.year ?? 'none'}`;
    bytes = req.format === 'pdf' ? await htmlToPdf(disclosureHtml(data, req.lang, req.generatedAt)) : await disclosureXlsx(data, req.lang);
  }
  const fileName = `${req.kind}-report-${code}${req.asOf ? `-${req.asOf}` : ''}.${req.format}`.replace(/[^A-Za-z0-9._-]/g, '_');
  return { fileName, contentType: CONTENT_TYPES[req.format], bytes };
}
