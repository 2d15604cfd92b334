/**
 * `GET /api/budget/:planId/export/:table?format=xlsx|csv|pdf&unit=yuan|wan&lang=zh|en`: a download of
 * one of a plan's tables (quotas, prepayments, deviation, settlement, published; PDF for the
 * published list of an approved plan only) for a logged-in user, scoped to the user's regions and
 * audited like the other exports.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import { can } from '../auth/permissions.ts';
import { appendAudit } from '../services/audit.ts';
import { BUDGET_EXPORT_TABLES, exportBudgetTable } from '../services/budget-export.ts';
import { DomainError } from '../services/errors.ts';
import { visibleRegionIds } from '../services/region-scope.ts';
import type { MakeContext } from '../trpc/context.ts';

const STATUS: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409, BAD_REQUEST: 400 };

const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx', 'pdf']).default('xlsx'),
  unit: z.enum(['yuan', 'wan']).default('yuan'),
  lang: z.enum(['zh', 'en']).default('zh'),
});

export function budgetExportHandler(makeContext: MakeContext) {
  return async (req: Request, res: Response) => {
    const ctx = await makeContext({ req, res });
    if (!ctx.user) return void res.status(401).json({ error: 'login required' });
    if (!can(ctx.user.role, 'exportData')) return void res.status(403).json({ error: 'forbidden' });
    const table = String(req.params.table);
    if (!(BUDGET_EXPORT_TABLES as readonly string[]).includes(table)) return void res.status(404).json({ error: `no table "${table}"` });
    const planId = Number(req.params.planId);
    const query = exportQuery.safeParse(req.query);
    if (!Number.isSafeInteger(planId) || planId <= 0 || !query.success) return void res.status(400).json({ error: 'plan id must be a number; format csv, xlsx or pdf; unit yuan or wan; lang zh or en' });
    try {
      const file = await exportBudgetTable(ctx.db, await visibleRegionIds(ctx.db, ctx.user), planId, table as (typeof BUDGET_EXPORT_TABLES)[number], query.data);
      await appendAudit(ctx.db, { userId: ctx.user.id, username: ctx.user.username, action: 'export', entity: `budget_${table}`, entityId: planId, after: query.data, ip: ctx.ip });
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
      res.send(file.bytes);
    } catch (err) {
      if (err instanceof DomainError) return void res.status(STATUS[err.code] ?? 400).json({ error: err.message });
      throw err;
    }
  };
}
