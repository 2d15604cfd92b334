/**
 * `GET /api/audit/export?format=xlsx|csv&username=&actionPrefix=&entity=&fromDate=&toDate=`: the
 * audit log rows matching the admin page's filters, for administrators only. The download is
 * itself audited.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import { can } from '../auth/permissions.ts';
import { auditFilterInput } from '../schemas/admin.ts';
import { exportAudit } from '../services/audit-log.ts';
import { appendAudit } from '../services/audit.ts';
import type { MakeContext } from '../trpc/context.ts';

const exportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }).and(auditFilterInput);

export function auditExportHandler(makeContext: MakeContext) {
  return async (req: Request, res: Response) => {
    const ctx = await makeContext({ req, res });
    if (!ctx.user) return void res.status(401).json({ error: 'login required' });
    if (!can(ctx.user.role, 'administer')) return void res.status(403).json({ error: 'forbidden' });
    const query = exportQuery.safeParse(req.query);
    if (!query.success) {
      const issues = query.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ');
      return void res.status(400).json({ error: issues });
    }
    const { format, ...filter } = query.data;
    const file = await exportAudit(ctx.db, filter, format);
    await appendAudit(ctx.db, { userId: ctx.user.id, username: ctx.user.username, action: 'export', entity: 'audit_log', after: query.data, ip: ctx.ip }, new Date(ctx.now()));
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.send(file.bytes);
  };
}
