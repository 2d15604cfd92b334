import { asc, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, fundRecords, funds, imports } from '../../../server/db/schema.ts';
import { MAX_CHANGES } from '../../../server/importer/change-list.ts';
import { PG_ROWS_PER_STATEMENT } from '../../../server/importer/fund-records/write.ts';
import { MAX_LISTED_ISSUES } from '../../../server/importer/issues.ts';
import { counts, HEADER, makeDb, run, VINTAGE } from './helpers.ts';

const GOOD = [
  'R01,employee,2024-01,300.00,50.00,1250.00',
  'R01,employee,2024-02,300.00,50.00,1500.00',
  'R01,employee,2024-03,300.00,50.00,1750.00',
];
const file = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('all or nothing', () => {
  it('a file with one bad row among good ones imports nothing', async () => {
    const db = await makeDb();
    const before = await counts(db);
    const report = await run(db, file(...GOOD, 'R02,employee,2024-01,abc,50.00,1250.00'));
    expect(report).toMatchObject({ ok: false, importId: null, summary: { inserted: 0, updated: 0, unchanged: 0 }, changes: [] });
    expect(await counts(db)).toEqual(before);
  });

  it('a broken roll-forward imports nothing, not even the funds', async () => {
    const db = await makeDb();
    const before = await counts(db);
    const report = await run(db, file(GOOD[0] as string, GOOD[1] as string, 'R01,employee,2024-03,300.00,50.00,1700.00'));
    expect(report.errors.map((e) => e.rule)).toEqual(['roll_forward']);
    expect(await counts(db)).toEqual(before);
  });

  it('a dry run validates and lists changes but writes nothing', async () => {
    const db = await makeDb();
    const before = await counts(db);
    const report = await run(db, file(...GOOD), { dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, importId: null, summary: { inserted: 3, updated: 0, unchanged: 0 } });
    expect(report.changes[0]).toEqual({
      key: 'R01/employee/pooling/2024-01', action: 'insert', after: { income: 300, expenditure: 50, balance: 1250, vintage: VINTAGE },
    });
    expect(await counts(db)).toEqual(before);
  });

  it('a write records an imports row and one audit entry in the same transaction', async () => {
    const db = await makeDb();
    const report = await run(db, file(...GOOD), { userId: null, username: 'tester' });
    expect(report.importId).not.toBeNull();
    const imp = (await db.select().from(imports).where(eq(imports.id, report.importId as number)).limit(1))[0];
    expect(imp).toMatchObject({ kind: 'fund_records', fileName: 'test.csv', unit: 'yuan', rowsInserted: 3, rowsUpdated: 0 });
    const audit = await db.select().from(auditLog).orderBy(desc(auditLog.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'import.fund_records', entity: 'imports', entityId: String(report.importId), username: 'tester' });
    expect(JSON.parse(audit[0]?.afterJson ?? '{}')).toMatchObject({ inserted: 3, updated: 0, unchanged: 0 });
    expect(await db.select({ importId: fundRecords.importId, vintage: fundRecords.vintage }).from(fundRecords))
      .toEqual(Array(3).fill({ importId: report.importId, vintage: VINTAGE }));
    expect(await db.select({ caliber: funds.caliber, periodKind: funds.periodKind, account: funds.account }).from(funds))
      .toEqual([{ caliber: 'pooling_fund', periodKind: 'month', account: 'pooling' }]);
  });

  it('a failure inside the write rolls everything back and is reported', async () => {
    const db = await makeDb();
    const before = await counts(db);
    // user 999 does not exist: the imports row breaks its foreign key.
    const report = await run(db, file(...GOOD), { userId: 999 });
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([expect.objectContaining({ rule: 'write_failed', row: null })]);
    expect(await counts(db)).toEqual(before);
  });

  it('a bad vintage option is a file-level error', async () => {
    const report = await run(await makeDb(), file(...GOOD), { vintage: '15/01/2026' });
    expect(report.errors).toEqual([{ file: 'test.csv', row: null, column: null, rule: 'bad_date',
      message: 'vintage "15/01/2026" is not a date (expected YYYY-MM-DD or YYYY-MM)' }]);
  });

  it('works nested inside a caller transaction (the demo loader), as a savepoint', async () => {
    const db = await makeDb();
    await db.transaction(async (tx) => {
      expect((await run(tx, file(...GOOD))).ok).toBe(true);
    });
    expect((await counts(db)).fundRecords).toBe(3);
  });
});

describe('idempotence and updates', () => {
  it('re-importing the same file changes nothing, even on another day', async () => {
    const db = await makeDb();
    await run(db, file(...GOOD));
    const again = await run(db, file(...GOOD), { vintage: '2026-02-01' });
    expect(again).toMatchObject({ ok: true, summary: { inserted: 0, updated: 0, unchanged: 3 } });
    expect(again.changes.map((c) => c.action)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect((await db.select({ vintage: fundRecords.vintage }).from(fundRecords)).map((r) => r.vintage)).toEqual([VINTAGE, VINTAGE, VINTAGE]);
  });

  it('a revision updates the changed rows, with before and after, and takes the new vintage', async () => {
    const db = await makeDb();
    await run(db, file(...GOOD));
    const revised = await run(db, file(GOOD[0] as string, GOOD[1] as string, 'R01,employee,2024-03,310.00,50.00,1760.00'), { vintage: '2026-03-01' });
    expect(revised.summary).toEqual({ inserted: 0, updated: 1, unchanged: 2 });
    expect(revised.changes[2]).toEqual({
      key: 'R01/employee/pooling/2024-03', action: 'update',
      before: { income: 300, balance: 1750, vintage: VINTAGE }, after: { income: 310, balance: 1760, vintage: '2026-03-01' },
    });
    const row = (await db.select().from(fundRecords).where(eq(fundRecords.period, '2024-03')).limit(1))[0];
    expect(row).toMatchObject({ incomeFen: 31000, balanceFen: 176000, vintage: '2026-03-01', importId: revised.importId });
  });

  it('columns the file lacks keep their stored values, also when the row is revised', async () => {
    const db = await makeDb();
    expect((await run(db, `${HEADER},active_members,adjustment,adjustment_reason\nR01,employee,2024-01,300.00,50.00,1260.00,1000,10,审计调增`)).ok).toBe(true);
    expect((await run(db, file('R01,employee,2024-01,300.00,50.00,1260.00'))).summary.unchanged).toBe(1);
    expect((await run(db, file('R01,employee,2024-01,310.00,50.00,1270.00'))).summary.updated).toBe(1);
    expect(await db.select({ income: fundRecords.incomeFen, balance: fundRecords.balanceFen, adjustment: fundRecords.adjustmentFen,
      reason: fundRecords.adjustmentReason, members: fundRecords.activeMembers }).from(fundRecords))
      .toEqual([{ income: 31_000, balance: 127_000, adjustment: 1_000, reason: '审计调增', members: 1000 }]);
  });

  it('imports and revises a file larger than one PostgreSQL statement, row for row', async () => {
    const funds = ['R01,employee', 'R01,resident', 'R01,assistance', 'R02,employee', 'R02,resident', 'R02,assistance'];
    const months = Math.ceil((PG_ROWS_PER_STATEMENT + 1) / funds.length);
    const total = funds.length * months;
    const series = (income: number) => funds.flatMap((fund) => Array.from({ length: months }, (_, m) =>
      `${fund},${2000 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')},${income},100,${(m + 1) * (income - 100)}`));
    const db = await makeDb();
    const first = await run(db, `${HEADER},active_members\n${series(300).map((r, i) => `${r},${i}`).join('\n')}`);
    expect(first).toMatchObject({ ok: true, summary: { inserted: total, updated: 0, unchanged: 0 } });
    const revised = await run(db, file(...series(400)), { vintage: '2026-02-01' });
    expect(revised).toMatchObject({ ok: true, summary: { inserted: 0, updated: total, unchanged: 0 } });
    const rows = await db.select({ income: fundRecords.incomeFen, balance: fundRecords.balanceFen, members: fundRecords.activeMembers, vintage: fundRecords.vintage })
      .from(fundRecords).orderBy(asc(fundRecords.fundId), asc(fundRecords.periodIndex));
    expect(rows).toHaveLength(total);
    expect(rows.every((r, i) => r.income === 40_000 && r.balance === ((i % months) + 1) * 30_000 && r.members === i && r.vintage === '2026-02-01')).toBe(true);
  });

  it('caps the change list at MAX_CHANGES entries and says so', async () => {
    const rows: string[] = [];
    let balance = 0;
    for (let m = 0; m < MAX_CHANGES + 20; m++) {
      balance += 100;
      rows.push(`R01,employee,${2000 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')},100,0,${balance}`);
    }
    const report = await run(await makeDb(), file(...rows), { dryRun: true });
    expect(report).toMatchObject({ ok: true, changesTruncated: true, summary: { inserted: MAX_CHANGES + 20 } });
    expect(report.changes).toHaveLength(MAX_CHANGES);
  });
});

describe('very bad files', () => {
  it('lists the first MAX_LISTED_ISSUES errors and counts the rest', async () => {
    const rows = Array.from({ length: MAX_LISTED_ISSUES + 5 }, (_, i) => `R99,employee,2024-01,${i},1,1`);
    const report = await run(await makeDb(), file(...rows), { dryRun: true });
    expect(report.errorCount).toBe(MAX_LISTED_ISSUES + 5);
    expect(report.errors).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(report.errors.at(-1)).toEqual({ file: 'test.csv', row: null, column: null, rule: 'too_many_errors',
      message: `5 more problems are not listed (${MAX_LISTED_ISSUES + 5} in all); fix the ones above and validate again` });
  });
});
