/**
 * `fundrisk settle` through the real CLI (`node bin/fundrisk.js`): every band edge of the default
 * rule (domain.md §5.4) worked by hand, parameters, and bad input.
 */
import { describe, expect, it } from 'vitest';
import { fundrisk, scratch as scratchIn, type Run } from './run-cli.ts';

const HEADER = 'institution_id,quota,actual,prepaid,violation_recovery';
const scratch = (files: Record<string, string>) => scratchIn(files, 'fundrisk-settle-');



type Row = { institutionId: string; fundPays: number; institutionBears: number; reward: number; final: number; band: string; rewardCapped: boolean };

describe.concurrent('fundrisk settle: band edges worked by hand (Q = 1,000,000 元, prepaid 990,000 元)', () => {
  it('settles every edge of the default rule', async () => {
    const { 'settle.csv': file } = scratch({
      'settle.csv': [
        HEADER,
        'at-quota,1000000,1000000,990000,0', // A = Q
        'one-fen-over,1000000,1000000.01,990000,', // fund owes Q + 0.005 元 → rounds half away to Q + 0.01
        'half-over,1000000,1100000,990000,', // Q + 50% × 0.1Q
        'at-1.2Q,1000000,1200000,990000,', // Q + 50% × 0.2Q
        'past-1.2Q,1000000,1200000.01,990000,', // beyond: the fund still pays 1.1Q
        'cap-equal,1000000,900000,990000,', // 30% × 0.1Q = 3% Q exactly
        'cap-binds,1000000,899999.99,990000,', // 30% × (0.1Q + 0.01) > 3% Q
        'recovery,1000000,950000,990000,20000', // reward 15,000; final = 965,000 − 20,000 − 990,000
        'zero-quota,0,100,0,0',
      ].join('\n'),
    });
    const r = await fundrisk('settle', '--input', file as string);
    expect(r.stderr).toBe('');
    const rows = (JSON.parse(r.stdout) as { settlements: Row[] }).settlements;
    expect(rows.map((s) => [s.institutionId, s.band, s.fundPays, s.institutionBears, s.reward, s.rewardCapped, s.final])).toEqual([
      ['at-quota', 'savings', 1_000_000, 0, 0, false, 10_000],
      ['one-fen-over', 'shared', 1_000_000.01, 0, 0, false, 10_000.01],
      ['half-over', 'shared', 1_050_000, 50_000, 0, false, 60_000],
      ['at-1.2Q', 'shared', 1_100_000, 100_000, 0, false, 110_000],
      ['past-1.2Q', 'beyond', 1_100_000, 100_000.01, 0, false, 110_000],
      ['cap-equal', 'savings', 930_000, 0, 30_000, false, -60_000],
      ['cap-binds', 'savings', 929_999.99, 0, 30_000, true, -60_000.01],
      ['recovery', 'savings', 965_000, 0, 15_000, false, -45_000],
      ['zero-quota', 'beyond', 0, 100, 0, false, 0],
    ]);
  });

  it('applies the bands of --params and scales the withholding release by score', async () => {
    const files = scratch({
      'settle.csv': `${HEADER},assessment_score\nA,1000000,1500000,990000,0,95\nB,1000000,1000000,990000,0,85\nC,1000000,1000000,990000,0,\n`,
      'params.json': JSON.stringify({
        overspendBands: [{ upTo: 1.1, fundShare: 0.7 }, { upTo: 1.3, fundShare: 0.4 }], beyondFundShare: 0.1,
        withholdingRelease: { bands: [{ minScore: 90, share: 1 }, { minScore: 0, share: 0.5 }], none: 0 },
      }),
    });
    const r = await fundrisk('settle', '--input', files['settle.csv'] as string, '--params', files['params.json'] as string);
    expect(r.stderr).toBe('');
    // A: Q + 0.7 × 0.1Q + 0.4 × 0.2Q + 0.1 × 0.2Q = 1.17Q; B: half of the 10,000 元 withheld is kept; C (no score): all of it
    expect(JSON.parse(r.stdout).settlements).toMatchObject([
      { institutionId: 'A', band: 'beyond', fundPays: 1_170_000, institutionBears: 330_000, withheld: 10_000, releaseShare: 1, withholdingRetained: 0, final: 180_000 },
      { institutionId: 'B', fundPays: 1_000_000, releaseShare: 0.5, withholdingRetained: 5_000, final: 5_000 },
      { institutionId: 'C', releaseShare: 0, withholdingRetained: 10_000, final: 0 },
    ]);
  });

  it('describes its options in --help', async () => {
    const r = await fundrisk('settle', '--help');
    expect(r.status).toBe(0);
    for (const option of ['--input <file>', '--params <file>', '--out <file>']) expect(r.stdout).toContain(option);
  });
});

describe.concurrent('fundrisk settle: bad input names file, row, column and rule; nothing is output', () => {
  const fails = (r: Run, message: string) => {
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`fundrisk: ${message}\n`);
  };

  it('lists every bad cell', async () => {
    const { 'bad.csv': file } = scratch({ 'bad.csv': [HEADER, 'A,-1,100,x,0', 'A,100,,0,0', ',1,1,1,-0.5', 'B,1e3,1,1,1'].join('\n') });
    fails(await fundrisk('settle', '--input', file as string), [
      'bad.csv row 2, column quota: must not be negative, got -1',
      'bad.csv row 2, column prepaid: not a number: "x"',
      'bad.csv row 3, column institution_id: duplicate institution_id "A" (also at row 2)',
      'bad.csv row 3, column actual: empty cell',
      'bad.csv row 4, column institution_id: empty cell',
      'bad.csv row 4, column violation_recovery: must not be negative, got -0.5',
      'bad.csv row 5, column quota: not a number: "1e3" is in scientific notation, which spreadsheets round; format the column as a plain number',
    ].join('\n'));
  });

  it('names the missing columns, including the score a release by score needs', async () => {
    const files = scratch({
      'a.csv': 'institution_id,quota,actual\nA,1,1\n',
      'b.csv': `${HEADER}\nA,1,1,0,0\n`,
      'params.json': '{"withholdingRelease":{"bands":[{"minScore":0,"share":1}],"none":1}}',
    });
    fails(await fundrisk('settle', '--input', files['a.csv'] as string), `a.csv: missing column prepaid, violation_recovery (header must be ${HEADER})`);
    fails(await fundrisk('settle', '--input', files['b.csv'] as string, '--params', files['params.json'] as string),
      `b.csv: missing column assessment_score (header must be ${HEADER},assessment_score)`);
  });

  it('refuses params with bands out of order or unknown keys', async () => {
    const files = scratch({ 'ok.csv': `${HEADER}\nA,1,1,0,0\n`, 'params.json': '{"overspendBands":[{"upTo":1.3,"fundShare":0.5},{"upTo":1.2,"fundShare":0.5}],"rewardShare":0.3,"rewardcap":0.03}' });
    fails(await fundrisk('settle', '--input', files['ok.csv'] as string, '--params', files['params.json'] as string), [
      'params.json: params.rewardcap is not a known key (expected growth, yearWeights, assessmentFactors, creditFactors, reserveRate, withholdingRate, rewardShare, rewardCap, overspendBands, beyondFundShare, withholdingRelease, deviationBands, dipCaseBands, collectiveDecisionThresholdYuan)',
      'params.json: params.overspendBands[1].upTo must be a multiple of the quota greater than the band before it (1.3), got 1.2',
    ].join('\n'));
  });
});
