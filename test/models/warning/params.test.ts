import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WARNING_PARAMS,
  NATIONAL_DEFAULT_PARAMETERS,
  resolveParams,
  toWarningParams,
  type WarningParams,
} from '../../../models/index.ts';

const byKey = (key: string) => NATIONAL_DEFAULT_PARAMETERS.find((e) => e.key === key);

describe('national default warning parameters (domain.md §3)', () => {
  it('tier cut points 3/6/9/15 are official (2009 guidance)', () => {
    for (const [key, value] of [['redBelow', 3], ['orangeBelow', 6], ['greenUpTo', 9], ['blueUpTo', 15]] as const) {
      expect(byKey(`thresholds.${key}`)).toMatchObject({ value, provenance: 'official' });
      expect(byKey(`thresholds.${key}`)?.source).toContain('2009');
    }
  });

  it('labels of the 3–6 and 9–15 bands are assumptions', () => {
    expect(byKey('tierLabel.orange')?.provenance).toBe('assumption');
    expect(byKey('tierLabel.blue')?.provenance).toBe('assumption');
  });

  it('resident bands, reserve rate and denominator carry their provenance', () => {
    expect(byKey('resident.surplusRateMax')).toMatchObject({ value: 0.15, provenance: 'practice' });
    expect(byKey('resident.accumulatedRatioMax')).toMatchObject({ value: 0.25, provenance: 'official' });
    expect(byKey('resident.accumulatedRatioMax')?.source).toContain('assumption');
    expect(byKey('reserveRate')).toMatchObject({ value: 0.09, provenance: 'seed' });
    expect(byKey('reserveRate')?.source).toContain('第十条(一)');
    expect(byKey('denominator')).toMatchObject({ value: 'current_year', provenance: 'assumption' });
  });

  it('DEFAULT_WARNING_PARAMS is derived from the entries', () => {
    expect(DEFAULT_WARNING_PARAMS).toEqual({
      denominator: 'current_year',
      thresholds: { redBelow: 3, orangeBelow: 6, greenUpTo: 9, blueUpTo: 15 },
      resident: { surplusRateMax: 0.15, accumulatedRatioMax: 0.25 },
    });
  });
});

describe('toWarningParams', () => {
  const without = (key: string) => NATIONAL_DEFAULT_PARAMETERS.filter((e) => e.key !== key);

  it('accepts entries whose values are unknown JSON (read back from a database)', () => {
    const entries = NATIONAL_DEFAULT_PARAMETERS.map((e) => ({ key: e.key, value: JSON.parse(JSON.stringify(e.value)) as unknown }));
    expect(toWarningParams(entries)).toEqual(DEFAULT_WARNING_PARAMS);
  });

  it('names a missing or mistyped entry', () => {
    expect(() => toWarningParams(without('thresholds.greenUpTo'))).toThrow('missing parameter thresholds.greenUpTo');
    expect(() => toWarningParams(without('denominator'))).toThrow('missing parameter denominator');
    expect(() => toWarningParams([...without('resident.surplusRateMax'), { key: 'resident.surplusRateMax', value: '15%' }]))
      .toThrow('parameter resident.surplusRateMax must be a number');
    expect(() => toWarningParams([...without('denominator'), { key: 'denominator', value: 'monthly' }]))
      .toThrow('parameter denominator must be one of current_year, year_to_date, projected_next_12');
  });

  it('checks the order of the cut points', () => {
    expect(() => toWarningParams([...without('thresholds.blueUpTo'), { key: 'thresholds.blueUpTo', value: 8 }]))
      .toThrow('params.thresholds.blueUpTo must be a number greater than greenUpTo (9), got 8');
  });
});

describe('resolveParams', () => {
  const params: WarningParams = {
    ...DEFAULT_WARNING_PARAMS,
    schemes: { resident: { thresholds: { blueUpTo: 12 }, resident: { surplusRateMax: 0.1 } } },
    regions: {
      乌鲁木齐: { resident: { thresholds: { greenUpTo: 10 }, denominator: 'year_to_date' } },
      克拉玛依: { employee: { thresholds: { redBelow: 7 } } },
    },
  };

  it('applies national → scheme → region, flattening the result', () => {
    expect(resolveParams(params, '乌鲁木齐', 'resident')).toEqual({
      denominator: 'year_to_date',
      thresholds: { redBelow: 3, orangeBelow: 6, greenUpTo: 10, blueUpTo: 12 },
      resident: { surplusRateMax: 0.1, accumulatedRatioMax: 0.25 },
    });
    expect(resolveParams(params, '乌鲁木齐', 'employee')).toEqual(DEFAULT_WARNING_PARAMS);
    expect(resolveParams(params, undefined, 'resident').thresholds.blueUpTo).toBe(12);
  });

  it('is idempotent on its own output and leaves other schemes at national values', () => {
    const once = resolveParams(params, '乌鲁木齐', 'resident');
    expect(resolveParams(once, '乌鲁木齐', 'resident')).toEqual(once);
    expect(resolveParams(params, '乌鲁木齐', 'maternity')).toEqual(DEFAULT_WARNING_PARAMS);
  });

  it('names the override whose merge breaks the order', () => {
    expect(() => resolveParams(params, '克拉玛依', 'employee'))
      .toThrow('params.regions.克拉玛依.employee.thresholds.orangeBelow must be a number greater than redBelow (7), got 6');
  });
});
