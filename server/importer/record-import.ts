/** The `imports` row and the audit entry of a successful import, written in its transaction. */
import type { Db } from '../db/client.ts';
import { imports } from '../db/schema.ts';
import { appendAudit } from '../services/audit.ts';
import type { ImportOptions, ImportSummary } from './types.ts';

export function recordImport(db: Db, fileName: string, options: ImportOptions, summary: ImportSummary): number {
  const row = db.insert(imports).values({
    kind: options.kind,
    fileName,
    unit: options.unit,
    rowsInserted: summary.inserted,
    rowsUpdated: summary.updated,
    userId: options.userId ?? null,
  }).returning({ id: imports.id }).get();
  return row.id;
}

export function auditImport(db: Db, importId: number, fileName: string, options: ImportOptions, summary: ImportSummary, rowsRead: number): void {
  appendAudit(db, {
    userId: options.userId ?? null,
    username: options.username ?? null,
    action: `import.${options.kind}`,
    entity: 'imports',
    entityId: importId,
    after: { ...summary, fileName, unit: options.unit, rowsRead, vintage: options.vintage },
  });
}
