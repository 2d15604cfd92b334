import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { inferKind } from '../../../server/importer/infer-kind.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dir = mkdtempSync(join(tmpdir(), 'fundrisk-cli-'));
const env = { ...process.env, FUNDRISK_DB: join(dir, 'cli.db'), DATABASE_URL: '' };

function fundrisk(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'bin/fundrisk.js'), ...args], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inferKind', () => {
  it.each([
    [['region_code', 'scheme', 'period', 'income', 'expenditure', 'balance'], 'fund_records'],
    [['统筹区编码', '险种', '期间', '收入', '支出', '累计结余'], 'fund_records'],
    [['code', 'name', 'level', 'parent_code'], 'regions'],
    [['institution_code', 'name', 'type', 'level', 'region_code'], 'institutions'],
    [['institution_code', 'year', 'payments'], 'institution_years'],
    [['机构编码', '日期', '违规金额', '违规性质', '违规类型'], 'violations'],
    [['a', 'b'], null],
  ])('%j → %s', (header, kind) => {
    expect(inferKind(header)).toBe(kind);
  });
});

describe('npx fundrisk import / export', () => {
  it('imports regions then fund records (kind inferred), prints the report, exits 0', () => {
    writeFileSync(join(dir, 'regions.csv'), 'code,name,level\nR01,示例市,city\n');
    writeFileSync(join(dir, 'funds.csv'), '统筹区编码,险种,期间,收入（万元）,支出（万元）,累计结余（万元）\nR01,职工,2024-01,3,0.5,12.5\nR01,职工,2024-02,3,0.5,15\n');
    expect(fundrisk('import', join(dir, 'regions.csv')).status).toBe(0);
    const result = fundrisk('import', join(dir, 'funds.csv'), '--unit', '万元', '--vintage', '2026-01-15');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, kind: 'fund_records', unit: 'wan', summary: { inserted: 2 } });
  }, 60_000);

  it('prints each issue to stderr as FILE row R, column C: [rule] message and exits 1', () => {
    writeFileSync(join(dir, 'bad.csv'), 'region_code,scheme,period,income,expenditure,balance\nR01,employee,2024-03,300,50,abc\n');
    const result = fundrisk('import', join(dir, 'bad.csv'), '--kind', 'fund_records', '--dry-run', '--out', join(dir, 'report.json'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('bad.csv row 2, column balance: [not_a_number] balance: not a number: "abc"');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toMatchObject({ ok: false, dryRun: true });
  }, 60_000);

  it('exports a table to a file that imports back unchanged', () => {
    const out = join(dir, 'fund_records.xlsx');
    const exported = fundrisk('export', 'fund_records', '--unit', '亿元', '--out', out);
    expect(exported.status).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ table: 'fund_records', format: 'xlsx', unit: 'yi' });
    const again = fundrisk('import', out, '--dry-run');
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: true, summary: { inserted: 0, updated: 0, unchanged: 2 } });
  }, 60_000);
});
