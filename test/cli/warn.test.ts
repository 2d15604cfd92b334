/**
 * `fundrisk warn` through the real CLI (`node bin/fundrisk.js`), against the hand-worked fixtures
 * of test/reference/warn (see its README for how each expected number was worked).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, fundrisk, type Run } from './run-cli.ts';

const REF = join(ROOT, 'test/reference/warn');
const HEADER = 'region,scheme,period,income,expenditure,balance';

const expected = (name: string): unknown => JSON.parse(readFileSync(join(REF, `${name}.expected.json`), 'utf8'));
const scratch = () => mkdtempSync(join(tmpdir(), 'fundrisk-warn-'));

describe.concurrent('fundrisk warn: hand-worked fixtures', () => {
  it.each([
    ['yearly', 'yearly.csv', undefined],
    ['monthly-seasonal', 'monthly-seasonal.csv', undefined],
    ['monthly-seasonal-ytd', 'monthly-seasonal.csv', 'params-ytd.json'],
    ['region-override', 'region-override.csv', 'params-region.json'],
    ['projected', 'projected.csv', 'params-projected.json'],
  ])('%s', async (name, input, params) => {
    const r = await fundrisk('warn', '--input', join(REF, input), ...(params ? ['--params', join(REF, params)] : []));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expected(name));
  });

  it('reads a GBK file with an upper-case header and a Chinese scheme name', async () => {
    const r = await fundrisk('warn', '--input', join(REF, 'gbk.csv'));
    expect(r.status).toBe(0);
    const urumqi = (expected('yearly') as { warnings: unknown[] }).warnings[0];
    expect(JSON.parse(r.stdout)).toEqual({ warnings: [urumqi] });
  });

  it('reads an XLSX workbook whose monthly periods Excel stored as dates', async () => {
    const dir = scratch();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('funds');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['季节', 'employee', new Date(Date.UTC(2023, 11, 1)), 150, 700, 1000]);
    await workbook.xlsx.writeFile(join(dir, 'funds.xlsx'));
    const r = await fundrisk('warn', '--input', join(dir, 'funds.xlsx'));
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ warnings: [{ region: '季节', period: '2023-12', payableMonths: 1000 / 700, tier: 'red' }] });
  });

  it('writes to --out and nothing to stdout', async () => {
    const out = join(scratch(), 'w.json');
    const r = await fundrisk('warn', '--input', join(REF, 'yearly.csv'), '--out', out);
    expect([r.status, r.stdout]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(expected('yearly'));
  });

  it('describes its options in --help', async () => {
    const r = await fundrisk('warn', '--help');
    expect(r.status).toBe(0);
    for (const option of ['--input <file>', '--params <file>', '--out <file>']) expect(r.stdout).toContain(option);
  });
});

describe.concurrent('fundrisk warn: bad input names file, row, column and rule', () => {
  const fails = (r: Run, message: string) => {
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`fundrisk: ${message}\n`);
  };

  it('reports every bad row, one per line, sorted by row', async () => {
    fails(await fundrisk('warn', '--input', join(REF, 'bad.csv')), readFileSync(join(REF, 'bad.expected-errors.txt'), 'utf8').trimEnd());
  });

  it('names the missing columns', async () => {
    const file = join(scratch(), 'funds.csv');
    writeFileSync(file, 'region,scheme,period,income\n甲,employee,2024,1\n');
    fails(await fundrisk('warn', '--input', file), `funds.csv: missing column expenditure, balance (header must be ${HEADER})`);
  });

  it('needs projections when the params ask for the projected_next_12 denominator', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'funds.csv'), `${HEADER}\n甲,employee,2024,1,1,1\n`);
    fails(await fundrisk('warn', '--input', join(dir, 'funds.csv'), '--params', join(REF, 'params-projected.json')),
      'funds.csv row 2, column projected_expenditure_next_12: missing column: the projected_next_12 denominator needs the projected expenditure of the next 12 months');
  });

  it.each([
    ['{"thresholds":{"orangeBelow":2}}', 'params.json: params.thresholds.orangeBelow must be a number greater than redBelow (3), got 2'],
    ['{"regions":{"甲":{"employee":{"thresholds":[3,6,9]}}}}', 'params.json: params.regions.甲.employee.thresholds as an array must hold 4 numbers [redBelow, orangeBelow, greenUpTo, blueUpTo], got 3'],
    ['{"denominator":', 'params.json: not valid JSON ('],
  ])('refuses the params file %s', async (text, message) => {
    const dir = scratch();
    writeFileSync(join(dir, 'params.json'), text);
    const r = await fundrisk('warn', '--input', join(REF, 'yearly.csv'), '--params', join(dir, 'params.json'));
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`fundrisk: ${message}`);
  });

  it('names an unreadable input file', async () => {
    const r = await fundrisk('warn', '--input', join(REF, 'no-such.csv'));
    expect([r.status === 0, r.stdout]).toEqual([false, '']);
    expect(r.stderr).toContain('no-such.csv: cannot read file (ENOENT)');
  });
});
