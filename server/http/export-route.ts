/** `GET /api/export/:table?format=xlsx|csv&unit=yuan|wan|yi`: a table download for a logged-in user. */
import type { Request, Response } from 'express';
import { z } from 'zod';
import { exportTable, EXPORTABLE_TABLES } from '../services/export-table.ts';
import { visibleRegionIds } from '../services/region-scope.ts';
import { can } from '../auth/permissions.ts';
import { appendAudit } from '../services/audit.ts';
import type { MakeContext } from '../trpc/context.ts';

const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  unit: z.enum(['yuan', 'wan', 'yi']).default('yuan'),
});

export function exportHandler(makeContext: MakeContext) {
  return async (req: Request, res: Response) => {
    const ctx = await makeContext({ req, res });
    if (!ctx.user) return void res.status(401).json({ error: 'login required' });
    const table = String(req.params.table);
    if (!(EXPORTABLE_TABLES as readonly string[]).includes(table)) return void res.status(404).json({ error: `no table "${table}"` });
    const permission = table === 'audit_log' ? 'administer' : 'exportData';
    if (!can(ctx.user.role, permission)) return void res.status(403).json({ error: 'forbidden' });
    const query = exportQuery.safeParse(req.query);
    if (!query.success) return void res.status(400).json({ error: 'format must be csv or xlsx; unit yuan, wan or yi' });
    // the audit log has no region: only administrators reach here, and they see all of it
    const scope = table === 'audit_log' ? null : await visibleRegionIds(ctx.db, ctx.user);
    const file = await exportTable(ctx.db, table as (typeof EXPORTABLE_TABLES)[number], query.data.format,
      { unit: query.data.unit, regionIds: scope === null ? null : [...scope] });
    await appendAudit(ctx.db, { userId: ctx.user.id, username: ctx.user.username, action: 'export', entity: table, after: query.data, ip: ctx.ip });
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.send(file.bytes);
  };
}
