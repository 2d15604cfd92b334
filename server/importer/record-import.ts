/** The `imports` row and the audit entry of a successful import, written in its transaction. */
import type { Db } from '../db/client.ts';
import { imports } from '../db/schema.ts';
import { appendAudit } from '../services/audit.ts';
import type { ImportOptions, ImportSummary } from './types.ts';

export async function recordImport(db: Db, fileName: string, options: ImportOptions, summary: ImportSummary): Promise<number> {
  const [row] = await db.insert(imports).values({
    kind: options.kind,
    fileName,
    unit: options.unit,
    rowsInserted: summary.inserted,
    rowsUpdated: summary.updated,
    userId: options.userId ?? null,
  }).returning({ id: imports.id });
  return (row as { id: number }).id;
}

export async function auditImport(db: Db, importId: number, fileName: string, options: ImportOptions, summary: ImportSummary, rowsRead: number): Promise<void> {
  await appendAudit(db, {
    userId: options.userId ?? null,
    username: options.username ?? null,
    action: `import.${options.kind}`,
    entity: 'imports',
    entityId: importId,
    after: { ...summary, fileName, unit: options.unit, rowsRead, vintage: options.vintage },
  });
}
