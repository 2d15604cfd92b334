import { describe, it, expect } from 'vitest';
import { asc, sql } from 'drizzle-orm';
import { makeTestDb } from './harness.ts';
import { appendAudit } from '../../server/services/audit.ts';
import { verifyAuditChain } from '../../server/services/audit-verify.ts';
import { dialectOf, sqliteConnection, type Db } from '../../server/db/client.ts';
import { auditLog } from '../../server/db/schema.ts';

/** A statement run past the services, as someone with access to the database file or server could. */
async function raw(db: Db, statement: string): Promise<void> {
  if (dialectOf(db) === 'sqlite') sqliteConnection(db).exec(statement);
  else await db.execute(sql.raw(statement));
}

const dropTrigger = (db: Db, name: string) => raw(db, dialectOf(db) === 'sqlite' ? `drop trigger ${name}` : `drop trigger ${name} on audit_log`);

describe('audit log', () => {
  it('chains every row to the one before and verifies', async () => {
    const db = await makeTestDb();
    await appendAudit(db, { username: 'a', action: 'import.regions', after: { x: 1 } });
    await appendAudit(db, { username: 'b', action: 'import.fund_records', before: { x: 1 }, after: { x: 2 } });
    const report = await verifyAuditChain(db);
    expect(report).toEqual({ ok: true, rows: 7, brokenAt: null }); // five user.add rows from the harness, then these two
  });

  it('keeps one chain when appends run concurrently, alone or inside other transactions', async () => {
    const db = await makeTestDb();
    const before = (await verifyAuditChain(db)).rows;
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 3 === 0
      ? db.transaction(async (tx) => {
        await appendAudit(tx, { username: 'tx', action: 'export', entityId: `t${i}` });
        await appendAudit(tx, { username: 'tx', action: 'export', entityId: `t${i}b` });
      })
      : appendAudit(db, { username: 'alone', action: 'export', entityId: `a${i}` }))));
    // 7 transactions of two rows (i = 0, 3, …, 18) and 13 single appends
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: before + 27, brokenAt: null });
    const rows = await db.select({ prevHash: auditLog.prevHash, entityId: auditLog.entityId }).from(auditLog).orderBy(asc(auditLog.id));
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(rows.length); // no row is followed twice: no fork
    // a transaction's two rows are adjacent: the other appends waited for its write lock
    const entityIds = rows.map((r) => r.entityId);
    for (let i = 0; i < 20; i += 3) expect(entityIds.indexOf(`t${i}b`) - entityIds.indexOf(`t${i}`)).toBe(1);
  });

  it('writes nothing when the transaction it is part of fails', async () => {
    const db = await makeTestDb();
    const before = (await verifyAuditChain(db)).rows;
    await expect(db.transaction(async (tx) => {
      await appendAudit(tx, { username: 'a', action: 'export' });
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    await appendAudit(db, { username: 'b', action: 'export' });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: before + 1, brokenAt: null });
  });

  it('refuses updates and deletes in the database itself', async () => {
    const db = await makeTestDb();
    await expect(raw(db, "update audit_log set action = 'x'")).rejects.toThrow('audit_log is append-only');
    await expect(raw(db, 'delete from audit_log')).rejects.toThrow('audit_log is append-only');
  });

  it('detects an edited row even when the triggers were dropped', async () => {
    const db = await makeTestDb();
    await appendAudit(db, { username: 'a', action: 'import.regions' });
    await dropTrigger(db, 'audit_log_no_update');
    await raw(db, "update audit_log set username = 'mallory' where id = 2");
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: { id: 2, reason: expect.stringContaining('edited') } });
  });

  it('detects a removed row', async () => {
    const db = await makeTestDb();
    await dropTrigger(db, 'audit_log_no_delete');
    await raw(db, 'delete from audit_log where id = 3');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: { id: 4, reason: expect.stringContaining('removed') } });
  });
});
