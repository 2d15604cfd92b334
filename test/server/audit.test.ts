import { describe, it, expect } from 'vitest';
import { makeTestDb } from './harness.ts';
import { appendAudit } from '../../server/services/audit.ts';
import { verifyAuditChain } from '../../server/services/audit-verify.ts';

describe('audit log', () => {
  it('chains every row to the one before and verifies', async () => {
    const db = await makeTestDb();
    appendAudit(db, { username: 'a', action: 'import.regions', after: { x: 1 } });
    appendAudit(db, { username: 'b', action: 'import.fund_records', before: { x: 1 }, after: { x: 2 } });
    const report = verifyAuditChain(db);
    expect(report).toMatchObject({ ok: true, brokenAt: null });
    expect(report.rows).toBeGreaterThanOrEqual(7); // five user.add rows from the harness, then these two
  });

  it('refuses updates and deletes in the database itself', async () => {
    const db = await makeTestDb();
    expect(() => db.$client.prepare("update audit_log set action = 'x'").run()).toThrow('audit_log is append-only');
    expect(() => db.$client.prepare('delete from audit_log').run()).toThrow('audit_log is append-only');
  });

  it('detects an edited row even when the triggers were dropped', async () => {
    const db = await makeTestDb();
    appendAudit(db, { username: 'a', action: 'import.regions' });
    db.$client.exec('drop trigger audit_log_no_update');
    db.$client.prepare("update audit_log set username = 'mallory' where id = 2").run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: { id: 2, reason: expect.stringContaining('edited') } });
  });

  it('detects a removed row', async () => {
    const db = await makeTestDb();
    db.$client.exec('drop trigger audit_log_no_delete');
    db.$client.prepare('delete from audit_log where id = 3').run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: { id: 4, reason: expect.stringContaining('removed') } });
  });
});
