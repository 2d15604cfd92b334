/**
 * A small province for the warning and dashboard router tests, every figure worked by hand:
 * P (province, no fund of its own) → C1, C2 (cities) → K1 (a county under C2); Q a second root
 * with yearly figures. Monthly funds run 2024-01 … 2025-12 (amounts in yuan):
 * - C1 employee: income = expenditure = 100, balance 500 → 500 × 12 / 1200 = 5 months, orange.
 * - C1 resident: expenditure 100; income 110 in 2024 and 130 in 2025; balance 2010 + … → 2480 at
 *   2025-12 → 24.8 months, purple; surplus rate 360 / 1560 = 23.1% > 15%.
 * - C2 employee: income 100, expenditure 150, balance falls 50 a month to 1200 → 1200 × 12 / 1800 = 8,
 *   green; flat forecasts continue the fall: B_k = 1200 − 50k, m_k = B_k / 150: orange from k = 7
 *   (2026-07, 5.67), red from k = 16 (2027-04, 2.67); 4 months at +12, red at +24.
 * - K1 employee (nested in C2's ledger): income = expenditure = 100, balance 100 → 1 month, red.
 * - Q employee, yearly: 2024 balance 1100, 2025 income 1000, expenditure 1200, balance 900 → 9 months, green.
 */
import { importTable } from '../../../server/importer/import-table.ts';
import { parseCsvText } from '../../../server/importer/read-table.ts';
import { addUser } from '../../../server/services/users.ts';
import { funds, regions } from '../../../server/db/schema.ts';
import { eq, and } from 'drizzle-orm';
import { makeTestDb, TEST_PASSWORD } from '../harness.ts';
import type { Db } from '../../../server/db/client.ts';

const REGIONS = `code,name,name_en,level,parent_code
P,测试省,Test Province,province,
C1,甲市,City A,city,P
C2,乙市,City B,city,P
K1,丙县,County C,county,C2
Q,另一省,Other Province,province,`;

const months = Array.from({ length: 24 }, (_, k) => `${2024 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`);

function fundRows(): string {
  const lines = ['region_code,scheme,period,income,expenditure,balance'];
  months.forEach((p) => lines.push(`C1,employee,${p},100,100,500`));
  let resident = 2000;
  months.forEach((p, k) => {
    const income = k < 12 ? 110 : 130;
    resident += income - 100;
    lines.push(`C1,resident,${p},${income},100,${resident}`);
  });
  months.forEach((p, k) => lines.push(`C2,employee,${p},100,150,${1200 + 50 * (23 - k)}`));
  months.forEach((p) => lines.push(`K1,employee,${p},100,100,100`));
  lines.push('Q,employee,2024,1000,1000,1100', 'Q,employee,2025,1000,1200,900');
  return lines.join('\n');
}

export async function load(db: Db, text: string, kind: 'regions' | 'fund_records'): Promise<void> {
  const report = await importTable(db, parseCsvText(text, `${kind}.csv`, 'utf-8'), { kind, unit: 'yuan', dryRun: false, vintage: '2026-01-01' });
  if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
}

export async function makeWarningDb(): Promise<Db> {
  const db = await makeTestDb();
  await load(db, REGIONS, 'regions');
  await load(db, fundRows(), 'fund_records');
  await addUser(db, { username: 'cityone', password: TEST_PASSWORD, role: 'viewer', regionCodes: ['C1'] }, null);
  await addUser(db, { username: 'citytwo', password: TEST_PASSWORD, role: 'leader', regionCodes: ['C2'] }, null);
  return db;
}

export async function regionId(db: Db, code: string): Promise<number> {
  const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, code)).limit(1);
  return row?.id ?? 0;
}

export async function fundId(db: Db, code: string, scheme: 'employee' | 'resident'): Promise<number> {
  const [row] = await db.select({ id: funds.id }).from(funds).where(and(eq(funds.regionId, await regionId(db, code)), eq(funds.scheme, scheme))).limit(1);
  return row?.id ?? 0;
}
