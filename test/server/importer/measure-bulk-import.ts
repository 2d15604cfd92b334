/**
 * Measures the bulk fund_records import: `npx tsx test/server/importer/measure-bulk-import.ts [rows] [--parts] [--memory]`.
 * Generates `rows` monthly rows (funds × months, consistent roll-forward) into a temporary CSV,
 * imports it into a fresh file database through `importFile`, re-imports it (all unchanged), and
 * prints wall time of each phase and the process's peak RSS. With `DATABASE_URL=postgres://…` it
 * imports into that PostgreSQL database instead, which must be empty. Not part of `vitest run`.
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, openDatabase } from '../../../server/db/client.ts';
import { describeTarget, resolveDatabaseTarget } from '../../../server/db/target.ts';
import { regions } from '../../../server/db/schema.ts';
import { importFile } from '../../../server/importer/import-table.ts';
import { monthIndexToText } from '../../../models/core/period.ts';

const rows = Number(process.argv[2] ?? 1_000_000);
const withParts = process.argv.includes('--parts');
const inMemory = process.argv.includes('--memory');
const MONTHS = 500;
const funds = Math.ceil(rows / MONTHS);
const regionCount = Math.ceil(funds / 2);

const dir = mkdtempSync(join(tmpdir(), 'fundrisk-bulk-'));
const csvPath = join(dir, 'fund_records.csv');
const header = ['region_code', 'scheme', 'period', 'income', 'expenditure', 'balance'];
if (withParts) header.push('income_employer', 'income_individual', 'expenditure_inpatient', 'expenditure_outpatient', 'active_members', 'retirees');
writeFileSync(csvPath, `${header.join(',')}\n`);
// Written in chunks so that generating the file does not inflate the peak RSS being measured.
const lines: string[] = [];
const flush = () => {
  appendFileSync(csvPath, `${lines.join('\n')}\n`);
  lines.length = 0;
};
let written = 0;
for (let f = 0; f < funds && written < rows; f++) {
  const region = `R${String(Math.floor(f / 2)).padStart(5, '0')}`;
  const scheme = f % 2 === 0 ? 'employee' : 'resident';
  let balanceFen = 1_000_000_00 + f * 1000;
  for (let m = 0; m < MONTHS && written < rows; m++, written++) {
    const incomeFen = 5_000_000_00 + ((f * 7919 + m * 104729) % 100_000_00);
    const expenditureFen = 4_900_000_00 + ((f * 15485863 + m * 32452843) % 150_000_00);
    balanceFen += incomeFen - expenditureFen;
    const cells = [region, scheme, monthIndexToText(2000 * 12 + m), yuan(incomeFen), yuan(expenditureFen), yuan(balanceFen)];
    if (withParts) {
      const employer = Math.floor(incomeFen * 0.7);
      const inpatient = Math.floor(expenditureFen * 0.6);
      cells.push(yuan(employer), yuan(incomeFen - employer), yuan(inpatient), yuan(expenditureFen - inpatient), String(100000 + f), String(30000 + m));
    }
    lines.push(cells.join(','));
    if (lines.length === 10_000) flush();
  }
}
if (lines.length > 0) flush();

function yuan(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(Math.abs(fen % 100)).padStart(2, '0')}`;
}

const target = resolveDatabaseTarget();
const db = await openDatabase(target.dialect === 'pg' ? target : inMemory ? ':memory:' : join(dir, 'bench.db'));
await db.insert(regions).values(Array.from({ length: regionCount }, (_, i) => ({
  code: `R${String(i).padStart(5, '0')}`, name: `Region ${i}`, level: 'city' as const,
})));

const options = { kind: 'fund_records' as const, unit: 'yuan' as const, dryRun: false, vintage: '2026-01-15' };
let t = performance.now();
const first = await importFile(db, csvPath, options);
const firstMs = performance.now() - t;
t = performance.now();
const second = await importFile(db, csvPath, options);
const secondMs = performance.now() - t;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({
  rows, withParts, database: target.dialect === 'pg' ? describeTarget(target) : inMemory ? ':memory:' : 'file (WAL)',
  firstImport: { ms: Math.round(firstMs), ok: first.ok, summary: first.summary, errors: first.errors.slice(0, 3) },
  reImport: { ms: Math.round(secondMs), ok: second.ok, summary: second.summary },
  peakRssMb: Math.round(maxRssMb),
}, null, 2));
await closeDatabase(db);
rmSync(dir, { recursive: true, force: true });
