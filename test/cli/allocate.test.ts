/**
 * `fundrisk allocate` through the real CLI (`node bin/fundrisk.js`). The worked case is the one of
 * test/models/budget/allocation.test.ts, written in yuan; its derivation is there.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, fundrisk, scratch as scratchIn, type Run } from './run-cli.ts';

const scratch = (files: Record<string, string>) => scratchIn(files, 'fundrisk-allocate-');

const HEADER = 'institution_id,name,paid_y3,paid_y2,paid_y1,assessment_score,credit_rating,violation_yuan';

const CASE = [
  HEADER,
  'H1,甲医院,100000,110000,120000,92,A,0',
  'H2,乙医院,,90000,100000,85,B,5000',
  'H3,丙诊所,,,20000,,,',
  'H4,丁药店,,,,95,A,',
  'H5,戊医院,30000,30000,30000,65,D,40000',
  'H6,己医院,50000,,60000,75,C级,0',
].join('\n');

const toFen = (yuan: number) => Math.round(yuan * 100);

describe.concurrent('fundrisk allocate: the worked case', () => {
  it('allocates the hand-worked quotas, summing to the total to the fen', async () => {
    const { 'inst.csv': file } = scratch({ 'inst.csv': `${CASE}\n` });
    const r = await fundrisk('allocate', '--institutions', file as string, '--total', '1000000');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { total: number; quotas: { institutionId: string; quota: number }[] };
    expect(out.total).toBe(1_000_000);
    expect(out.quotas.map((q) => [q.institutionId, q.quota])).toEqual([
      ['H1', 417149.75], ['H2', 320684.25], ['H3', 69129.54], ['H4', 0], ['H5', 0], ['H6', 193036.46],
    ]);
    expect(out.quotas.reduce((s, q) => s + toFen(q.quota), 0)).toBe(toFen(out.total));
  });

  it('explains every quota with the interfaces.md fields and more', async () => {
    const { 'inst.csv': file } = scratch({ 'inst.csv': `${CASE}\n` });
    const out = JSON.parse((await fundrisk('allocate', '--institutions', file as string, '--total', '1,000,000.00')).stdout);
    expect(out).toMatchObject({ total: 1_000_000, allocated: 1_000_000, rawTotal: 289311.93, needsManualQuota: ['H4'] });
    expect(out.quotas[1]).toEqual({
      institutionId: 'H2', name: '乙医院', quota: 320684.25, base: 97777.78, growth: 0, assessmentFactor: 1, creditFactor: 1, violationDeduction: 5000,
      baseYears: ['y2', 'y1'], baseWeights: [2, 7], assessmentScore: 85, assessmentRule: '80 ≤ score < 90', creditRating: 'B', creditRule: 'rating B',
      coefficient: 1, adjustedBase: 97777.78, raw: 92777.78, deductionExceedsAdjustedBase: false, needsManualQuota: false, needsCollectiveDecision: false,
    });
    expect(out.quotas[3]).toMatchObject({ institutionId: 'H4', quota: 0, base: null, raw: null, needsManualQuota: true });
    expect(out.quotas[4]).toMatchObject({ institutionId: 'H5', quota: 0, adjustedBase: 25650, raw: 0, violationDeduction: 40000, deductionExceedsAdjustedBase: true });
    expect(out.quotas[5]).toMatchObject({ institutionId: 'H6', creditRating: 'C', creditFactor: 0.97, coefficient: 0.9506 });
    expect(out.scalingFactor).toBeCloseTo(3.456476916389379, 12);
  });

  it('applies growth and coefficient tables from --params', async () => {
    const files = scratch({
      'inst.csv': `${HEADER}\nA,,100,100,100,95,A,0\nB,,100,100,100,50,D,0\n`,
      'params.json': JSON.stringify({ growth: 0.1, assessmentFactors: { bands: [{ minScore: 60, factor: 1.1 }, { minScore: 0, factor: 0.9 }] }, creditFactors: { A: 1, B: 1, C: 1, D: 1 } }),
    });
    const out = JSON.parse((await fundrisk('allocate', '--institutions', files['inst.csv'] as string, '--total', '200', '--params', files['params.json'] as string)).stdout);
    // raw A = 100 × 1.1 × 1.1 = 121, raw B = 100 × 1.1 × 0.9 = 99: shares 200 × 121/220 and 200 × 99/220
    expect(out.quotas.map((q: { quota: number; raw: number; growth: number }) => [q.quota, q.raw, q.growth])).toEqual([[110, 121, 0.1], [90, 99, 0.1]]);
  });

  it('marks deductions at or above collectiveDecisionThresholdYuan (default 50,000 元) and reads a regional threshold from --params', async () => {
    const { 'inst.csv': file } = scratch({ 'inst.csv': `${HEADER}\nA,,100000,100000,100000,,,50000\nB,,100000,100000,100000,,,49999.99\nC,,100000,100000,100000,,,0\n` });
    const marks = (out: { quotas: { institutionId: string; needsCollectiveDecision: boolean }[] }) => out.quotas.map((q) => [q.institutionId, q.needsCollectiveDecision]);
    expect(marks(JSON.parse((await fundrisk('allocate', '--institutions', file as string, '--total', '1000')).stdout))).toEqual([['A', true], ['B', false], ['C', false]]);
    const files = scratch({ 'params.json': '{"collectiveDecisionThresholdYuan": 30000.5}' });
    const out = JSON.parse((await fundrisk('allocate', '--institutions', file as string, '--total', '1000', '--params', files['params.json'] as string)).stdout);
    expect(marks(out)).toEqual([['A', true], ['B', true], ['C', false]]);
    // the CLI deducts as given: A's raw is 100,000 − 50,000, B's 100,000 − 49,999.99
    expect(out.quotas.map((q: { raw: number }) => q.raw)).toEqual([50_000, 50_000.01, 100_000]);
  });

  it('reads an XLSX workbook and writes to --out, nothing to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fundrisk-allocate-'));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('机构');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['X1', '一院', 100, 200, 300, 90, 'A', 0]);
    sheet.addRow(['X2', '二院', null, null, 100, null, null, null]);
    await workbook.xlsx.writeFile(join(dir, 'inst.xlsx'));
    const r = await fundrisk('allocate', '--institutions', join(dir, 'inst.xlsx'), '--total', '1000.01', '--out', join(dir, 'q.json'));
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
    const out = JSON.parse(readFileSync(join(dir, 'q.json'), 'utf8'));
    // base X1 = (100 + 400 + 2100)/10 = 260, raw 260 × 1.0404 = 270.504; X2 raw 100. Shares of 100,001 fen:
    // 73010.468 and 26990.532; the one fen left goes to the larger remainder, X2's
    expect(out.quotas.map((q: { quota: number }) => toFen(q.quota)).reduce((s: number, f: number) => s + f, 0)).toBe(100_001);
    expect(out.quotas.map((q: { quota: number }) => q.quota)).toEqual([730.1, 269.91]);
  });

  it('describes its options in --help', async () => {
    const r = await fundrisk('allocate', '--help');
    expect(r.status).toBe(0);
    for (const option of ['--institutions <file>', '--total <yuan>', '--params <file>', '--out <file>']) expect(r.stdout).toContain(option);
  });
});

describe.concurrent('fundrisk allocate: bad input names file, row, column and rule; nothing is output', () => {
  const fails = (r: Run, message: string) => {
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`fundrisk: ${message}\n`);
  };

  it('lists every problem: the total, the params and every bad cell', async () => {
    const files = scratch({
      'bad.csv': [HEADER, 'H1,甲,-5,abc,100,105,E,-1', 'H1,乙,1,2,3,50,a,0', ',丙,1,2,3,x,,', 'H9,辛,1e5,,,-1,AA,1'].join('\n'),
      'params.json': JSON.stringify({ grwth: 0.1, assessmentFactors: { bands: [{ minScore: 80, factor: 1 }, { minScore: 90, factor: 1.1 }, { minScore: 0, factor: 0.9 }] } }),
    });
    fails(await fundrisk('allocate', '--institutions', files['bad.csv'] as string, '--total', '0', '--params', files['params.json'] as string), [
      '--total: must be a positive amount in yuan, got "0"',
      'params.json: params.grwth is not a known key (expected growth, yearWeights, assessmentFactors, creditFactors, reserveRate, withholdingRate, rewardShare, rewardCap, overspendBands, beyondFundShare, withholdingRelease, deviationBands, dipCaseBands, collectiveDecisionThresholdYuan)',
      'params.json: params.assessmentFactors.bands[1].minScore must be a score below the band before it (80), got 90',
      'params.json: params.assessmentFactors.bands[1].factor must be a number > 0 not above the factor of the higher band (1), got 1.1',
      'bad.csv row 2, column paid_y3: must not be negative, got -5',
      'bad.csv row 2, column paid_y2: not a number: "abc"',
      'bad.csv row 2, column assessment_score: score must be from 0 to 100, got 105',
      'bad.csv row 2, column credit_rating: unknown credit rating "E" (expected A, B, C, D or empty)',
      'bad.csv row 2, column violation_yuan: must not be negative, got -1',
      'bad.csv row 3, column institution_id: duplicate institution_id "H1" (also at row 2)',
      'bad.csv row 4, column institution_id: empty cell',
      'bad.csv row 4, column assessment_score: not a number: "x"',
      'bad.csv row 5, column paid_y3: not a number: "1e5" is in scientific notation, which spreadsheets round; format the column as a plain number',
      'bad.csv row 5, column assessment_score: score must be from 0 to 100, got -1',
      'bad.csv row 5, column credit_rating: unknown credit rating "AA" (expected A, B, C, D or empty)',
    ].join('\n'));
  });

  it.each([
    ['abc', '--total: not a number: "abc"'],
    ['-5', '--total: must be a positive amount in yuan, got "-5"'],
    ['0.004', '--total: must be a positive amount in yuan, got "0.004"'],
  ])('refuses --total %s', async (total, message) => {
    const { 'inst.csv': file } = scratch({ 'inst.csv': `${CASE}\n` });
    fails(await fundrisk('allocate', '--institutions', file as string, '--total', total), message);
  });

  it('names the missing columns', async () => {
    const { 'inst.csv': file } = scratch({ 'inst.csv': 'institution_id,name,paid_y1\nA,甲,1\n' });
    fails(await fundrisk('allocate', '--institutions', file as string, '--total', '1'),
      `inst.csv: missing column paid_y3, paid_y2, assessment_score, credit_rating, violation_yuan (header must be ${HEADER})`);
  });

  it('refuses a table where no institution can share the total', async () => {
    const { 'inst.csv': file } = scratch({ 'inst.csv': `${HEADER}\nA,,100,,,,,100\nB,,,,,,,\n` });
    fails(await fundrisk('allocate', '--institutions', file as string, '--total', '50'),
      'inst.csv: cannot allocate 50.00 yuan: no institution has a positive raw quota (1 without payment history need a quota set by hand; 1 have a raw quota of 0: no payments, or deductions at least their adjusted base)');
  });

  it.each([
    ['{"creditFactors":{"A":0.9,"B":1}}', 'params.json: params.creditFactors.B must not exceed the factor of the better rating A (0.9), got 1'],
    ['{"yearWeights":[1,2]}', 'params.json: params.yearWeights must hold 3 items, got [1,2]'],
    ['{"growth":"10%"}', 'params.json: params.growth must be a number, got "10%"'],
    ['[1]', 'params.json: params must be a JSON object, got an array'],
    ['{"collectiveDecisionThresholdYuan":-1}', 'params.json: params.collectiveDecisionThresholdYuan must be an amount in yuan ≥ 0 with at most 2 decimals, got -1'],
    ['{"collectiveDecisionThresholdYuan":"5万"}', 'params.json: params.collectiveDecisionThresholdYuan must be a number, got "5万"'],
  ])('refuses the params file %s', async (text, message) => {
    const files = scratch({ 'inst.csv': `${CASE}\n`, 'params.json': text });
    fails(await fundrisk('allocate', '--institutions', files['inst.csv'] as string, '--total', '1', '--params', files['params.json'] as string), message);
  });

  it('names an unreadable input file', async () => {
    const r = await fundrisk('allocate', '--institutions', join(ROOT, 'no-such-inst.csv'), '--total', '1');
    expect([r.status === 0, r.stdout]).toEqual([false, '']);
    expect(r.stderr).toContain('no-such-inst.csv: cannot read file (ENOENT)');
  });
});
