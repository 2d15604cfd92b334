/**
 * Appends to the hash-chained audit log: each row's hash is SHA-256 over the previous hash and
 * the row's content, so editing or deleting a row breaks the chain (and triggers refuse both).
 *
 * Reading the previous hash and inserting the next row happen in one transaction, always: a
 * top-level one takes the write lock (SQLite `BEGIN IMMEDIATE`; on PostgreSQL the advisory write
 * lock every app server shares, server/db/pg-client.ts), so two appends — from two requests or two
 * app servers — can never both follow the same row and fork the chain. Inside a caller's
 * transaction it is a savepoint of it, under the lock that transaction already holds.
 */
import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import type { AuditAction } from './audit-actions.ts';

export interface AuditEntry {
  userId?: number | null;
  username?: string | null;
  /** One of AUDIT_ACTIONS, so the audit page has a label for it. */
  action: AuditAction;
  entity?: string;
  entityId?: string | number;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Writes one audit row; call it with the transaction (`tx`) of the change it records, so both are
 * written or neither. Given the database itself it runs in a transaction of its own.
 */
export async function appendAudit(db: Db, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  const row = {
    at: now.toISOString(),
    userId: entry.userId ?? null,
    username: entry.username ?? null,
    action: entry.action,
    entity: entry.entity ?? null,
    entityId: entry.entityId === undefined ? null : String(entry.entityId),
    beforeJson: entry.before === undefined ? null : JSON.stringify(entry.before),
    afterJson: entry.after === undefined ? null : JSON.stringify(entry.after),
    ip: entry.ip ?? null,
  };
  await db.transaction(async (tx) => {
    const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    const prevHash = last?.hash ?? GENESIS_HASH;
    await tx.insert(auditLog).values({ ...row, prevHash, hash: chainHash(prevHash, row) });
  });
}

export interface AuditContent {
  at: string; userId: number | null; username: string | null; action: string; entity: string | null;
  entityId: string | null; beforeJson: string | null; afterJson: string | null; ip: string | null;
}

/** SHA-256 over the previous hash and the row's fields in a fixed order. */
export function chainHash(prevHash: string, r: AuditContent): string {
  const fields = [r.at, r.userId, r.username, r.action, r.entity, r.entityId, r.beforeJson, r.afterJson, r.ip];
  return createHash('sha256').update(prevHash).update(JSON.stringify(fields)).digest('hex');
}
