/** Child process of the import benchmark: imports one file and reports time and peak memory. */
import { closeDatabase, openDatabase } from '../../server/db/client.ts';
import { importFile, type ImportKind } from '../../server/importer/import-table.ts';

const [dbPath, filePath, kind] = process.argv.slice(2) as [string, string, ImportKind];
const db = await openDatabase(dbPath);
const started = performance.now();
const report = await importFile(db, filePath, { kind, unit: 'yuan', dryRun: false, vintage: '2026-01-01' });
const ms = performance.now() - started;
await closeDatabase(db);
if (!report.ok) {
  process.stderr.write(`${JSON.stringify(report.errors.slice(0, 5))}\n`);
  process.exit(1);
}
process.stdout.write(`${JSON.stringify({ ms, inserted: report.summary.inserted, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
