/**
 * Reading the audit log for administrators: a filtered page (newest first) and a filtered
 * export (oldest first, with the chain hashes, so the file can be checked against the database).
 * Days are UTC and inclusive: `at` is an ISO-8601 UTC timestamp, so text order is time order.
 */
import { and, asc, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import { csvWriter, xlsxWriter, type TableWriter } from '../importer/export-writers.ts';
import type { ExportedFile } from './export-table.ts';

export interface AuditFilter {
  username?: string | undefined;
  /** `user.` matches user.add, user.disable, …; matched literally (no wildcards), in any case. */
  actionPrefix?: string | undefined;
  entity?: string | undefined;
  /** First and last day, `YYYY-MM-DD` UTC, both included. */
  fromDate?: string | undefined;
  toDate?: string | undefined;
}

const DAY_MS = 86_400_000;
const EXPORT_COLUMNS = ['id', 'at', 'user_id', 'username', 'action', 'entity', 'entity_id', 'before_json', 'after_json', 'ip', 'prev_hash', 'hash'];

/** The start of the day after `day`, as the ISO text `at` is compared with. */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString();
/** LIKE pattern for a literal prefix: `%`, `_` and the escape character itself are escaped. */
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereOf(f: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (f.username) conditions.push(eq(auditLog.username, f.username));
  // lower() on both sides: PostgreSQL's LIKE tells case apart, SQLite's did not (for ASCII), and the filter never has
  if (f.actionPrefix) conditions.push(sql`lower(${auditLog.action}) like lower(${likePrefix(f.actionPrefix)}) escape '\\'`);
  if (f.entity) conditions.push(eq(auditLog.entity, f.entity));
  if (f.fromDate) conditions.push(gte(auditLog.at, `${f.fromDate}T00:00:00.000Z`));
  if (f.toDate) conditions.push(lt(auditLog.at, dayAfter(f.toDate)));
  return conditions.length === 0 ? undefined : and(...conditions);
}

export async function listAudit(db: Db, query: { page: number; pageSize: number; filter: AuditFilter }) {
  const where = whereOf(query.filter);
  const [counted] = await db.select({ n: count() }).from(auditLog).where(where);
  const total = counted?.n ?? 0;
  const rows = await db.select({
    id: auditLog.id, at: auditLog.at, userId: auditLog.userId, username: auditLog.username, action: auditLog.action,
    entity: auditLog.entity, entityId: auditLog.entityId, beforeJson: auditLog.beforeJson, afterJson: auditLog.afterJson, ip: auditLog.ip,
  }).from(auditLog).where(where).orderBy(desc(auditLog.id))
    .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  return { total, page: query.page, pageSize: query.pageSize, rows };
}

/** The matching rows as CSV (UTF-8 with BOM) or XLSX, named `audit_log-<first>_<last>.<format>` by the filter's days. */
export async function exportAudit(db: Db, filter: AuditFilter, format: 'csv' | 'xlsx'): Promise<ExportedFile> {
  const writer: TableWriter = format === 'csv' ? csvWriter(EXPORT_COLUMNS, new Set()) : xlsxWriter('audit_log', EXPORT_COLUMNS, new Set());
  for (const a of await db.select().from(auditLog).where(whereOf(filter)).orderBy(asc(auditLog.id))) {
    writer.row([a.id, a.at, a.userId, a.username, a.action, a.entity, a.entityId, a.beforeJson, a.afterJson, a.ip, a.prevHash, a.hash]);
  }
  const days = filter.fromDate || filter.toDate ? `-${filter.fromDate ?? 'start'}_${filter.toDate ?? 'end'}` : '';
  return {
    fileName: `audit_log${days}.${format}`,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    bytes: await writer.finish(),
  };
}
