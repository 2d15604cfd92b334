import { describe, expect, it } from 'vitest';
import { DEFAULT_WARNING_PARAMS, parseWarningParams, resolveParams } from '../../../models/index.ts';

describe('parseWarningParams', () => {
  it('fills every missing key with the national default', () => {
    expect(parseWarningParams({})).toEqual(DEFAULT_WARNING_PARAMS);
    expect(parseWarningParams({ thresholds: { greenUpTo: 10 } }).thresholds)
      .toEqual({ redBelow: 3, orangeBelow: 6, greenUpTo: 10, blueUpTo: 15 });
  });

  it('reads the full documented format, including the array shorthand', () => {
    const params = parseWarningParams({
      denominator: 'year_to_date',
      thresholds: [2, 5, 8, 12],
      resident: { surplusRateMax: 0.1 },
      schemes: { resident: { thresholds: [3, 6, 9, 12] } },
      regions: { 乌鲁木齐: { employee: { thresholds: { greenUpTo: 10 }, denominator: 'current_year' } } },
    });
    expect(params.thresholds).toEqual({ redBelow: 2, orangeBelow: 5, greenUpTo: 8, blueUpTo: 12 });
    expect(params.resident).toEqual({ surplusRateMax: 0.1, accumulatedRatioMax: 0.25 });
    expect(resolveParams(params, '乌鲁木齐', 'employee')).toMatchObject({
      denominator: 'current_year', thresholds: { redBelow: 2, orangeBelow: 5, greenUpTo: 10, blueUpTo: 12 },
    });
    expect(resolveParams(params, undefined, 'resident').thresholds).toEqual({ redBelow: 3, orangeBelow: 6, greenUpTo: 9, blueUpTo: 12 });
  });

  it.each([
    [[], 'params must be a JSON object, got an array'],
    [null, 'params must be a JSON object, got null'],
    [{ threshold: {} }, 'params.threshold is not a known key (expected denominator, thresholds, resident, schemes, regions)'],
    [{ denominator: 'monthly' }, 'params.denominator must be one of current_year, year_to_date, projected_next_12, got "monthly"'],
    [{ thresholds: { orangeBelow: 2 } }, 'params.thresholds.orangeBelow must be a number greater than redBelow (3), got 2'],
    [{ thresholds: { greenUpTo: '9' } }, 'params.thresholds.greenUpTo must be a number, got "9"'],
    [{ thresholds: { redBelow: -1 } }, 'params.thresholds.redBelow must be a number ≥ 0, got -1'],
    [{ thresholds: [3, 6, 9] }, 'params.thresholds as an array must hold 4 numbers [redBelow, orangeBelow, greenUpTo, blueUpTo], got 3'],
    [{ thresholds: [3, 6, '9', 15] }, 'params.thresholds[2] (greenUpTo) must be a number, got "9"'],
    [{ thresholds: [3, 6, 9, 9] }, 'params.thresholds.blueUpTo must be a number greater than greenUpTo (9), got 9'],
    [{ thresholds: { blueUpTo: 1 } }, 'params.thresholds.blueUpTo must be a number greater than greenUpTo (9), got 1'],
    [{ resident: { surplusRateMax: '15x' } }, 'params.resident.surplusRateMax must be a number ≥ 0 (a decimal rate, 0.15 not 15), got "15x"'],
    [{ resident: { cap: 1 } }, 'params.resident.cap is not a known key (expected surplusRateMax, accumulatedRatioMax)'],
    [{ schemes: { maternity: {} } }, 'params.schemes.maternity is not a known scheme (expected employee, resident)'],
    [{ schemes: { resident: { thresholds: { blueUpTo: 8 } } } }, 'params.schemes.resident.thresholds.blueUpTo must be a number greater than greenUpTo (9), got 8'],
    [{ regions: { 乙: { employee: { denominator: 'ytd' } } } }, 'params.regions.乙.employee.denominator must be one of current_year, year_to_date, projected_next_12, got "ytd"'],
    [{ regions: { 乙: { employee: { thresholds: { redBelow: 7 } } } } }, 'params.regions.乙.employee.thresholds.orangeBelow must be a number greater than redBelow (7), got 6'],
    [{ regions: { 乙: 3 } }, 'params.regions.乙 must be a JSON object, got 3'],
  ])('refuses %j with an exact message', (json, message) => {
    expect(() => parseWarningParams(json)).toThrow(message);
  });

  it('checks a region override against the scheme override beneath it', () => {
    expect(() => parseWarningParams({
      schemes: { resident: { thresholds: { blueUpTo: 12 } } },
      regions: { 丙: { resident: { thresholds: { greenUpTo: 12 } } } },
    })).toThrow('params.regions.丙.resident.thresholds.blueUpTo must be a number greater than greenUpTo (12), got 12');
  });
});
