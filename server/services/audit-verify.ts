/** Re-walks the hash chain of the audit log; the first row whose hash does not follow is reported. */
import { asc } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import { chainHash, GENESIS_HASH } from './audit.ts';

export interface AuditChainReport {
  ok: boolean;
  rows: number;
  /** Id of the first row that breaks the chain, with why. */
  brokenAt: { id: number; reason: string } | null;
}

export async function verifyAuditChain(db: Db): Promise<AuditChainReport> {
  let prev = GENESIS_HASH;
  let rows = 0;
  for (const r of await db.select().from(auditLog).orderBy(asc(auditLog.id))) {
    rows++;
    if (r.prevHash !== prev) return { ok: false, rows, brokenAt: { id: r.id, reason: 'prev_hash does not match the previous row (a row was removed or reordered)' } };
    if (chainHash(prev, r) !== r.hash) return { ok: false, rows, brokenAt: { id: r.id, reason: 'content does not match its hash (the row was edited)' } };
    prev = r.hash;
  }
  return { ok: true, rows, brokenAt: null };
}
