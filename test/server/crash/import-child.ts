/**
 * Child of the crash test: imports one month of records for 200 funds per transaction, forever,
 * printing `ACK <month>` only after each import has committed. The parent SIGKILLs it.
 */
import { openDatabase } from '../../../server/db/client.ts';
import { importTable } from '../../../server/importer/import-table.ts';
import { parseCsvText } from '../../../server/importer/read-table.ts';

export const FUNDS_PER_BATCH = 200;
const db = await openDatabase(process.argv[2] as string);
const options = { unit: 'yuan' as const, dryRun: false, vintage: '2026-01-01' };
const regions = ['code,name,level', ...Array.from({ length: FUNDS_PER_BATCH }, (_, i) => `K${i},区${i},city`)].join('\n');
await importTable(db, parseCsvText(regions, 'regions.csv', 'utf-8'), { ...options, kind: 'regions' });
process.stdout.write('READY\n');
for (let m = 0; ; m++) {
  const period = `${2000 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  const rows = ['region_code,scheme,period,income,expenditure,balance'];
  for (let i = 0; i < FUNDS_PER_BATCH; i++) rows.push(`K${i},employee,${period},100,50,${1000 + 50 * (m + 1)}`);
  const report = await importTable(db, parseCsvText(rows.join('\n'), `batch-${m}.csv`, 'utf-8'), { ...options, kind: 'fund_records' });
  if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 2)));
  process.stdout.write(`ACK ${m}\n`);
}
