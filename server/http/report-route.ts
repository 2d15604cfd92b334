/**
 * `GET /api/report/:kind?format=pdf|xlsx&lang=zh-CN|en&regionId=&asOf=YYYY-MM`: the risk report or
 * the disclosure table of a region the user may see, with the export route's session check; every
 * download is audited (as a read: it does not move the warning memo).
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import { MAX_ROW_ID } from '../schemas/row-id.ts';
import { can } from '../auth/permissions.ts';
import { appendAudit } from '../services/audit.ts';
import { DomainError } from '../services/errors.ts';
import { buildReport, REPORT_KINDS, type ReportKind } from '../services/warning-report.ts';
import { REPORT_AUDIT_ACTION } from '../services/warning-cache.ts';
import { asOfMonth } from '../schemas/warning.ts';
import type { MakeContext } from '../trpc/context.ts';

const reportQuery = z.object({
  format: z.enum(['pdf', 'xlsx']).default('pdf'),
  lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
  regionId: z.coerce.number().int().positive().max(MAX_ROW_ID).optional(),
  asOf: asOfMonth.optional(),
});

const STATUS: Record<DomainError['code'], number> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 };

export function reportHandler(makeContext: MakeContext) {
  return async (req: Request, res: Response) => {
    const ctx = await makeContext({ req, res });
    if (!ctx.user) return void res.status(401).json({ error: 'login required' });
    const kind = String(req.params.kind);
    if (!(REPORT_KINDS as readonly string[]).includes(kind)) return void res.status(404).json({ error: `no report "${kind}": use ${REPORT_KINDS.join(' or ')}` });
    if (!can(ctx.user.role, 'exportData')) return void res.status(403).json({ error: 'forbidden' });
    const query = reportQuery.safeParse(req.query);
    if (!query.success) {
      const issue = query.error.issues[0];
      return void res.status(400).json({ error: `${issue?.path.join('.') ?? 'query'}: ${issue?.message ?? 'invalid'}` });
    }
    let file;
    try {
      file = await buildReport(ctx.db, ctx.user, { kind: kind as ReportKind, ...query.data, generatedAt: `${new Date(ctx.now()).toISOString().slice(0, 16).replace('T', ' ')} UTC` });
    } catch (err) {
      if (err instanceof DomainError) return void res.status(STATUS[err.code]).json({ error: err.message });
      throw err;
    }
    await appendAudit(ctx.db, { userId: ctx.user.id, username: ctx.user.username, action: REPORT_AUDIT_ACTION, entity: kind, after: query.data, ip: ctx.ip });
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.send(file.bytes);
  };
}
