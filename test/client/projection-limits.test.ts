/**
 * The client's copy of the scenario limits (features/projection/assumption-limits.ts) against the
 * models' own (models/projection/limits.ts) and the schema's common fields: the client may import
 * only types from the models, so this test is what keeps the two from drifting apart.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ASSUMPTION_LIMITS, COMMON_LIMITS, OPENING_LIMITS, outsideLimit, rangeText, type Limit,
} from '../../client/src/features/projection/assumption-limits.ts';
import { EMPLOYEE_ASSUMPTION_LIMITS, MAX_HORIZON_YEARS, RESIDENT_ASSUMPTION_LIMITS, limitViolation } from '../../models/index.ts';
import { scenarioSchema } from '../../server/schemas/scenario.ts';
import { INTERFACES_EXAMPLE } from '../../client/src/features/projection/example-scenario.ts';
import { draftIssues } from '../../client/src/features/projection/scenario-draft.ts';

const bounds = ({ min, minExclusive, max, maxExclusive }: Limit) => ({ min, minExclusive, max, maxExclusive });
const MODEL = { employee: EMPLOYEE_ASSUMPTION_LIMITS, resident: RESIDENT_ASSUMPTION_LIMITS } as const;
/** Values around every bound in use (−1, 0, 1) and far from them. */
const probe = fc.oneof(fc.double({ noNaN: true, min: -3, max: 3 }), fc.constantFrom(-1, 0, 1, -1 - 1e-12, 1e-12, 1 - 1e-12, -1e12, 1e12));

describe('assumption limits mirror the models', () => {
  for (const scheme of ['employee', 'resident'] as const) {
    it(`has the same ${scheme} assumptions with the same bounds`, () => {
      expect(Object.keys(ASSUMPTION_LIMITS[scheme]).sort()).toEqual(Object.keys(MODEL[scheme]).sort());
      for (const [key, limit] of Object.entries(MODEL[scheme])) {
        expect(bounds(ASSUMPTION_LIMITS[scheme][key as keyof (typeof ASSUMPTION_LIMITS)[typeof scheme]])).toEqual(bounds(limit));
      }
    });

    it(`refuses exactly what the models refuse (${scheme})`, () => {
      fc.assert(fc.property(fc.constantFrom(...Object.keys(MODEL[scheme])), probe, (key, value) => {
        const client = ASSUMPTION_LIMITS[scheme][key as keyof (typeof ASSUMPTION_LIMITS)[typeof scheme]];
        const model = MODEL[scheme][key as keyof (typeof MODEL)[typeof scheme]];
        expect(outsideLimit(value, client)).toBe(limitViolation(value, model) !== undefined);
      }));
    });
  }

  it('accepts and refuses opening values and common fields as the scenario schema does', () => {
    const cases: Array<[string, (v: number) => object, Limit]> = [
      ...Object.entries(OPENING_LIMITS.employee).map(([k, limit]): [string, (v: number) => object, Limit] => [
        `opening.${k}`, (v) => ({ ...INTERFACES_EXAMPLE, opening: { ...INTERFACES_EXAMPLE.opening, [k]: v } }), limit]),
      ['startYear', (v) => ({ ...INTERFACES_EXAMPLE, startYear: v }), COMMON_LIMITS.startYear],
      ['reserveRate', (v) => ({ ...INTERFACES_EXAMPLE, reserveRate: v }), COMMON_LIMITS.reserveRate],
      ['openingReserveYuan', (v) => ({ ...INTERFACES_EXAMPLE, openingReserveYuan: v }), COMMON_LIMITS.openingReserveYuan],
      ['fiscalSubsidyCapYuan', (v) => ({ ...INTERFACES_EXAMPLE, fiscalSubsidyCapYuan: v }), COMMON_LIMITS.fiscalSubsidyCapYuan],
    ];
    for (const [name, build, limit] of cases) {
      for (const v of [-1, -0.5, 0, 0.5, 1, 1.5, 1899, 1900, 2026, 2026.5, 2200, 2201]) {
        expect([name, v, scenarioSchema.safeParse(build(v)).success]).toEqual([name, v, !outsideLimit(v, limit)]);
      }
    }
    expect(COMMON_LIMITS.horizonYears.max).toBe(MAX_HORIZON_YEARS);
    for (const h of [0, 1, 10, MAX_HORIZON_YEARS, MAX_HORIZON_YEARS + 1, 2.5]) {
      expect(scenarioSchema.safeParse({ ...INTERFACES_EXAMPLE, horizonYears: h }).success).toBe(!outsideLimit(h, COMMON_LIMITS.horizonYears));
    }
  });

  it('finds no issue in a scenario the schema accepts, and an issue wherever the schema finds one', () => {
    fc.assert(fc.property(probe, probe, fc.constantFrom('wageGrowth', 'poolingRate', 'collectionRate', 'subsidyYuan'), (a, b, key) => {
      const scenario = { ...INTERFACES_EXAMPLE, assumptions: { ...INTERFACES_EXAMPLE.assumptions, [key]: a, interestRate: b } };
      expect(draftIssues(scenario).size === 0).toBe(scenarioSchema.safeParse(scenario).success);
    }));
  });
});

describe('rangeText', () => {
  const pct = (v: number) => `${v * 100}%`;
  it.each([
    [{ min: 0, maxExclusive: 1 }, '0% ≤ x < 100%'],
    [{ minExclusive: 0, max: 1 }, '0% < x ≤ 100%'],
    [{ minExclusive: -1 }, 'x > -100%'],
    [{ min: 0 }, 'x ≥ 0%'],
    [{ max: 1 }, 'x ≤ 100%'],
  ] as const)('%o reads %s', (limit, text) => {
    expect(rangeText(limit, pct)).toBe(text);
  });
  it('has no text for an unbounded value', () => {
    expect(rangeText({}, pct)).toBeUndefined();
  });
});

describe('outsideLimit', () => {
  it('treats missing, NaN, infinite and fractional years as outside', () => {
    expect(outsideLimit(undefined, {})).toBe(true);
    expect(outsideLimit(Number.NaN, {})).toBe(true);
    expect(outsideLimit(Number.POSITIVE_INFINITY, {})).toBe(true);
    expect(outsideLimit(2026.5, COMMON_LIMITS.startYear)).toBe(true);
    expect(outsideLimit(2026, COMMON_LIMITS.startYear)).toBe(false);
  });
});
