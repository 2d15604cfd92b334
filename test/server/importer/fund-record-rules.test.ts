import { describe, expect, it } from 'vitest';
import { counts, HEADER, makeDb, onlyError, run } from './helpers.ts';

const SCHEMES = 'employee, resident, assistance, maternity, critical_illness, long_term_care';

/** A valid three-month employee series of R01 in 元. */
const GOOD = [
  'R01,employee,2024-01,300.00,50.00,1250.00',
  'R01,employee,2024-02,300.00,50.00,1500.00',
  'R01,employee,2024-03,300.00,50.00,1750.00',
];
const file = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('fund_records cell rules', () => {
  it.each([
    ['missing_column', 'region_code,scheme,period,income,expenditure\nR01,employee,2024-01,1,1',
      { row: 1, column: 'balance', message: 'the header has no column balance (or 累计结余, 累计结存, 期末累计结余)' }],
    ['duplicate_column', 'region_code,scheme,period,income,收入,expenditure,balance\nR01,employee,2024-01,1,1,1,1',
      { row: 1, column: '收入', message: 'column "收入" and column "income" both give income; keep one' }],
    ['required', file('R01,employee,2024-01,,50.00,1250.00'),
      { row: 2, column: 'income', message: 'income is required but the cell is empty' }],
    ['not_a_number', file('R01,employee,2024-01,abc,50.00,1250.00'),
      { row: 2, column: 'income', message: 'income: not a number: "abc"' }],
    ['not_a_number', file('R01,employee,2024-01,1.2E+5,50.00,1250.00'),
      { row: 2, column: 'income', message: 'income: not a number: "1.2E+5" is in scientific notation, which spreadsheets round; format the column as a plain number' }],
    ['negative_expenditure', file('R01,employee,2024-01,300.00,-50.00,1250.00'),
      { row: 2, column: 'expenditure', message: 'expenditure cannot be negative: −50.00 元' }],
    ['bad_period', file('R01,employee,2024-13,300.00,50.00,1250.00'),
      { row: 2, column: 'period', message: 'period: not a period (expected YYYY or YYYY-MM): "2024-13"' }],
    ['unknown_region', file('R99,employee,2024-01,300.00,50.00,1250.00'),
      { row: 2, column: 'region_code', message: 'region "R99" is not in the regions table; import it first (kind regions)' }],
    ['unknown_scheme', file('R01,pension,2024-01,300.00,50.00,1250.00'),
      { row: 2, column: 'scheme', message: `scheme "pension" is not one of ${SCHEMES}` }],
    ['unknown_account', `${HEADER},account\nR01,employee,2024-01,300.00,50.00,1250.00,savings`,
      { row: 2, column: 'account', message: 'account "savings" is not one of pooling, personal, combined' }],
    ['not_an_integer', `${HEADER},active_members\nR01,employee,2024-01,300.00,50.00,1250.00,12.5`,
      { row: 2, column: 'active_members', message: 'active_members is not a whole number: "12.5"' }],
    ['negative_count', `${HEADER},retirees\nR01,employee,2024-01,300.00,50.00,1250.00,-3`,
      { row: 2, column: 'retirees', message: 'retirees cannot be negative: "-3"' }],
    ['bad_date', `${HEADER},vintage\nR01,employee,2024-01,300.00,50.00,1250.00,2024-02-30`,
      { row: 2, column: 'vintage', message: 'vintage: not a date (expected YYYY-MM-DD or YYYY-MM): "2024-02-30"' }],
    ['adjustment_without_reason', `${HEADER},adjustment\nR01,employee,2024-01,300.00,50.00,1250.00,10`,
      { row: 2, column: 'adjustment', message: 'adjustment 10.00 元 has no adjustment_reason; every adjustment to the roll-forward needs a recorded reason' }],
  ])('%s', async (rule, text, expected) => {
    const db = await makeDb();
    const report = await run(db, text);
    expect(report.ok).toBe(false);
    expect(onlyError(report)).toEqual({ file: 'test.csv', rule, ...expected });
    expect((await counts(db)).fundRecords).toBe(0);
  });

  it('accepts negative income (refunds exceeding collections) and a negative balance (a deficit)', async () => {
    const report = await run(await makeDb(), file('R01,employee,2024-01,-30.00,50.00,-80.00', 'R01,employee,2024-02,100.00,50.00,-30.00'));
    expect(report.errors).toEqual([]);
  });

  it('treats dash placeholders as empty cells: required where the column is required', async () => {
    const report = await run(await makeDb(), `${HEADER},income_employer\nR01,employee,2024-01,—,50.00,1250.00,-`);
    expect(onlyError(report)).toMatchObject({ rule: 'required', column: 'income' });
  });
});

describe('fund_records series rules', () => {
  it('roll_forward: the example of the brief, exactly', async () => {
    const report = await run(await makeDb(), file('R01,employee,2024-01,300.00,50.00,1000.00', 'R01,employee,2024-02,300.00,50.00,1200.00'));
    expect(onlyError(report)).toEqual({
      file: 'test.csv', row: 3, column: 'balance', rule: 'roll_forward',
      message: 'balance 1200.00 does not roll forward: previous 1000.00 + income 300.00 − expenditure 50.00 = 1250.00 (difference −50.00 元)',
    });
  });

  it('roll_forward: differences up to 1 元 are rounding and pass; 1.01 元 does not', async () => {
    expect((await run(await makeDb(), file('R01,employee,2024-01,300,50,1000', 'R01,employee,2024-02,300,50,1251.00'))).ok).toBe(true);
    expect(onlyError(await run(await makeDb(), file('R01,employee,2024-01,300,50,1000', 'R01,employee,2024-02,300,50,1251.01'))).rule).toBe('roll_forward');
  });

  it('roll_forward: an adjustment with a reason closes the gap; the message shows an adjustment that does not', async () => {
    const header = `${HEADER},adjustment,adjustment_reason`;
    const ok = await run(await makeDb(), `${header}\nR01,employee,2024-01,300,50,1000,,\nR01,employee,2024-02,300,50,1200,-50,审计调减`);
    expect(ok.errors).toEqual([]);
    const bad = await run(await makeDb(), `${header}\nR01,employee,2024-01,300,50,1000,,\nR01,employee,2024-02,300,50,1200,-20,审计调减`);
    expect(onlyError(bad).message).toBe(
      'balance 1200.00 does not roll forward: previous 1000.00 + income 300.00 − expenditure 50.00 + adjustment −20.00 = 1230.00 (difference −30.00 元)');
  });

  it('parts_do_not_sum: income parts and expenditure parts', async () => {
    const report = await run(await makeDb(), `${HEADER},income_employer,income_individual,expenditure_inpatient\n`
      + 'R01,employee,2024-01,300.00,50.00,1250.00,200.00,90.00,48.00');
    expect(report.errors).toEqual([
      { file: 'test.csv', row: 2, column: 'income', rule: 'parts_do_not_sum',
        message: 'income parts sum to 290.00 (employer 200.00 + individual 90.00) but income is 300.00 (difference −10.00 元)' },
      { file: 'test.csv', row: 2, column: 'expenditure', rule: 'parts_do_not_sum',
        message: 'expenditure parts sum to 48.00 (inpatient 48.00) but expenditure is 50.00 (difference −2.00 元)' },
    ]);
  });

  it('duplicate_period within the file, per fund', async () => {
    const report = await run(await makeDb(), file(GOOD[0] as string, GOOD[1] as string, GOOD[1] as string, 'R01,resident,2024-02,1,1,1'));
    expect(onlyError(report)).toEqual({
      file: 'test.csv', row: 4, column: 'period', rule: 'duplicate_period', message: 'period 2024-02 of R01/employee/pooling already appears in row 3',
    });
  });

  it('mixed_period_kind within the file', async () => {
    const report = await run(await makeDb(), file(GOOD[0] as string, 'R01,employee,2024,300.00,50.00,1500.00'));
    expect(onlyError(report)).toEqual({
      file: 'test.csv', row: 3, column: 'period', rule: 'mixed_period_kind',
      message: "period 2024 is a year but R01/employee/pooling holds months in this file (row 2: 2024-01); a fund's periods are all months or all years",
    });
  });

  it('missing_month within the file', async () => {
    const report = await run(await makeDb(), file(GOOD[0] as string, 'R01,employee,2024-04,300.00,50.00,1500.00'));
    expect(onlyError(report)).toEqual({
      file: 'test.csv', row: 3, column: 'period', rule: 'missing_month',
      message: 'period 2024-04 of R01/employee/pooling follows 2024-01 with no data for 2024-02 to 2024-03',
    });
  });

  it('missing_year for yearly series, which roll forward year to year', async () => {
    const report = await run(await makeDb(), file('R01,resident,2021,100,80,500', 'R01,resident,2022,100,80,520', 'R01,resident,2024,100,80,560'));
    expect(onlyError(report)).toEqual({
      file: 'test.csv', row: 4, column: 'period', rule: 'missing_year',
      message: 'period 2024 of R01/resident/pooling follows 2022 with no data for 2023',
    });
  });

  it('caliber_mismatch within the file', async () => {
    const report = await run(await makeDb(), `${HEADER},caliber\n${GOOD[0]},pooling_fund\n${GOOD[1]},incl_personal`);
    expect(onlyError(report)).toEqual({
      file: 'test.csv', row: 3, column: 'caliber', rule: 'caliber_mismatch',
      message: 'caliber "incl_personal" differs from "pooling_fund" given in row 2 for R01/employee/pooling; a series never mixes calibers (import the other caliber as a separate account)',
    });
  });

  it('reports every problem of a file, in row order', async () => {
    const report = await run(await makeDb(), file('R99,employee,2024-01,1,1,1', 'R01,employee,2024-01,x,1,1', 'R01,pension,2024-01,1,1,1', 'R01,employee,2024-xx,1,1,1'));
    expect(report.errors.map((e) => [e.row, e.rule])).toEqual([[2, 'unknown_region'], [3, 'not_a_number'], [4, 'unknown_scheme'], [5, 'bad_period']]);
  });
});

describe('fund_records rules against the stored series', () => {
  async function seeded() {
    const db = await makeDb();
    expect((await run(db, file(...GOOD))).ok).toBe(true);
    return db;
  }

  it('roll_forward takes the previous balance from the database', async () => {
    const report = await run(await seeded(), file('R01,employee,2024-04,300.00,50.00,1990.00'));
    expect(onlyError(report)).toEqual({
      file: 'test.csv', row: 2, column: 'balance', rule: 'roll_forward',
      message: 'balance 1990.00 does not roll forward: previous 1750.00 + income 300.00 − expenditure 50.00 = 2000.00 (difference −10.00 元); the previous balance is the stored 2024-03',
    });
  });

  it('roll_forward: a revised balance must still carry the stored next month', async () => {
    const report = await run(await seeded(), file('R01,employee,2024-02,300.00,40.00,1510.00'));
    expect(onlyError(report)).toEqual({
      file: 'test.csv', row: 2, column: 'balance', rule: 'roll_forward',
      message: 'the stored 2024-03 no longer rolls forward from this row: balance 1750.00 does not roll forward: previous 1510.00 + income 300.00 − expenditure 50.00 = 1760.00 (difference −10.00 元)',
    });
  });

  it('missing_month against the stored series', async () => {
    const report = await run(await seeded(), file('R01,employee,2024-05,300.00,50.00,2250.00'));
    expect(onlyError(report)).toEqual({
      file: 'test.csv', row: 2, column: 'period', rule: 'missing_month',
      message: 'period 2024-05 of R01/employee/pooling follows 2024-03 (stored) with no data for 2024-04',
    });
  });

  it('mixed_period_kind against the stored series', async () => {
    const report = await run(await seeded(), file('R01,employee,2025,3600.00,600.00,4750.00'));
    expect(onlyError(report)).toMatchObject({
      rule: 'mixed_period_kind',
      message: "period 2025 is a year but R01/employee/pooling holds months in the database; a fund's periods are all months or all years",
    });
  });

  it('caliber_mismatch against the stored fund', async () => {
    const report = await run(await seeded(), `${HEADER},caliber\nR01,employee,2024-04,300.00,50.00,2000.00,incl_personal`);
    expect(onlyError(report)).toEqual({
      file: 'test.csv', row: 2, column: 'caliber', rule: 'caliber_mismatch',
      message: 'caliber "incl_personal" of 1 row(s) differs from the stored caliber "pooling_fund" of R01/employee/pooling; '
        + 'a series never mixes calibers (import the other caliber as a separate account, or state the caliber column)',
    });
  });

  it('a continuation that rolls forward from the stored balance imports', async () => {
    const db = await seeded();
    const report = await run(db, file('R01,employee,2024-04,300.00,50.00,2000.00'));
    expect(report).toMatchObject({ ok: true, summary: { inserted: 1, updated: 0, unchanged: 0 } });
    expect((await counts(db)).fundRecords).toBe(4);
  });
});
