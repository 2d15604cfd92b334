/**
 * `npm run bench`: the benchmarks of issue targets, written to BENCHMARKS.md with the command,
 * the machine and the date. Each figure is measured in this run, never copied.
 */
import { writeFileSync, mkdirSync, rmSync, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { syntheticFundRows, syntheticRegionRows } from './synthetic-funds.ts';
import { benchOverview } from './overview.ts';
import { benchForecastM3 } from './forecast-m3.ts';
import { benchSpringFestival } from './spring-festival-demo.ts';
import { benchDashboard } from './dashboard.ts';
import { benchProjectionDeterministic } from './projection-deterministic.ts';
import { benchProjectionStochastic } from './projection-stochastic.ts';
import { benchBudget } from './budget.ts';
import { benchBudgetTable } from './budget-table.ts';
import { benchLoad, benchLoadPostgres } from './load.ts';
import { fmt } from './stats.ts';

const TABLE_HEAD = ['| what | measured | target | |', '| --- | --- | --- | --- |'];

/** A headed section with the row table every bench file returns. */
function section(title: string, rows: string[]): string[] {
  return ['', `## ${title}`, '', ...TABLE_HEAD, ...rows];
}

const ROOT = resolve(import.meta.dirname, '../..');
const TMP = join(ROOT, '.bench-tmp');

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const line of lines) if (!out.write(`${line}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

function runImportChild(dbPath: string, file: string, kind: string): { ms: number; inserted: number; maxRssMB: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/bench/import-child.ts'), dbPath, file, kind], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}');
}

async function benchImport(): Promise<string[]> {
  const regions = 4167;
  const months = 120;
  const regionsFile = join(TMP, 'regions.csv');
  const fundsFile = join(TMP, 'funds.csv');
  await writeLines(regionsFile, syntheticRegionRows(regions));
  await writeLines(fundsFile, syntheticFundRows({ regions, months, startYear: 2016 }));
  const dbPath = join(TMP, 'import.db');
  runImportChild(dbPath, regionsFile, 'regions');
  const r = runImportChild(dbPath, fundsFile, 'fund_records');
  return [
    `| import of ${r.inserted.toLocaleString('en')} monthly fund rows (CSV, one transaction, full validation incl. roll-forward) | ${fmt(r.ms / 1000, 2)} s | ≤ 20 s | ${r.ms <= 20_000 ? 'met' : 'MISSED'} |`,
    `| peak memory of that import (maxRSS of the importing process) | ${fmt(r.maxRssMB, 0)} MB | ≤ 1024 MB | ${r.maxRssMB <= 1024 ? 'met' : 'MISSED'} |`,
  ];
}

async function main() {
  rmSync(TMP, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const rows: string[] = [];
  rows.push(...(await benchImport()));
  rows.push(...(await benchOverview(TMP)));
  rmSync(TMP, { recursive: true, force: true });
  const later = [
    ...section('Leadership dashboard (issue 5)', await benchDashboard()),
    ...section('Actuarial projection (issue 4)', [...(await benchProjectionDeterministic()), ...(await benchProjectionStochastic())]),
    ...section('Institution budgets (issue 6)', [...(await benchBudget()), ...(await benchBudgetTable())]),
    ...section('Mixed load on loopback (issue 7)', await benchLoad()),
    ...section('Mixed load on PostgreSQL, two app servers on one database (issue 7)', await benchLoadPostgres()),
  ];
  const forecastSection = [...(await benchForecastM3()), ...benchSpringFestival()];
  const cpu = cpus()[0]?.model ?? 'unknown cpu';
  const md = [
    '# Benchmarks',
    '',
    'Produced by `npm run bench` (test/bench/run.ts); every figure below was measured in that run.',
    `Machine: ${cpus().length} × ${cpu}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '## Import and overview',
    '',
    ...TABLE_HEAD,
    ...rows,
    ...later,
    ...forecastSection,
    '',
  ].join('\n');
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), md);
  process.stdout.write(md);
}

await main();
