/** The projection editor's pure parts: draft edits, range issues by path, rate ↔ percent, and the server's refusal as lines. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  assumptionPath, assumptionValue, draftIssues, isEdited, resizeYearly, toConstant, toYearly, valueSource, withAssumption,
  withAssumptionYear, withHorizon, withOpening, yearlyKeys,
} from '../../client/src/features/projection/scenario-draft.ts';
import { percentToRate, rateToPercent } from '../../client/src/features/projection/scenario-fields.ts';
import { issuePath, serverIssueLines } from '../../client/src/features/projection/server-issues.ts';
import { INTERFACES_EXAMPLE } from '../../client/src/features/projection/example-scenario.ts';
import { callerFor, makeTestDb } from '../server/harness.ts';
import type { Scenario } from '../../models/index.ts';

const base: Scenario = INTERFACES_EXAMPLE;

describe('yearly values', () => {
  it('resizes by cutting or repeating the last value', () => {
    expect(resizeYearly([0.05, 0.04], 4)).toEqual([0.05, 0.04, 0.04, 0.04]);
    expect(resizeYearly([0.05, 0.04, 0.03], 2)).toEqual([0.05, 0.04]);
    expect(resizeYearly([], 2)).toEqual([0, 0]);
  });
  it('turns a constant into one value per year and back to its first year', () => {
    expect(toYearly(0.03, 3)).toEqual([0.03, 0.03, 0.03]);
    expect(toYearly([0.01, 0.02], 3)).toEqual([0.01, 0.02, 0.02]);
    expect(toConstant([0.05, 0.04])).toBe(0.05);
    expect(toConstant(0.07)).toBe(0.07);
  });
  it('sets one year of an assumption and lists it as yearly', () => {
    const s = withAssumptionYear(base, 'wageGrowth', 2, 0.08);
    expect(assumptionValue(s, 'wageGrowth')).toEqual([0.05, 0.05, 0.08, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05]);
    expect(yearlyKeys(s)).toEqual(['wageGrowth']);
    expect(base.assumptions.wageGrowth).toBe(0.05);
  });
  it('resizes every yearly array, the fiscal cap included, when the horizon changes', () => {
    const s = withAssumption(withAssumption(base, 'medicalInflation', [0.03, 0.04]), 'fiscalSubsidyCapYuan', [1e8, 2e8]);
    const longer = withHorizon({ ...s, horizonYears: 2 }, 4);
    expect(longer.horizonYears).toBe(4);
    expect(assumptionValue(longer, 'medicalInflation')).toEqual([0.03, 0.04, 0.04, 0.04]);
    expect(longer.fiscalSubsidyCapYuan).toEqual([1e8, 2e8, 2e8, 2e8]);
    expect(assumptionValue(longer, 'wageGrowth')).toBe(0.05);
    expect(yearlyKeys(longer)).toEqual(['medicalInflation', 'fiscalSubsidyCapYuan']);
  });
  it('keeps the arrays when the horizon typed is invalid (reported as an issue instead)', () => {
    const s = withAssumption(base, 'wageGrowth', toYearly(0.05, 10));
    const bad = withHorizon(s, 0);
    expect(bad.horizonYears).toBe(0);
    expect((assumptionValue(bad, 'wageGrowth') as number[]).length).toBe(10);
    expect(draftIssues(bad).get('horizonYears')).toMatchObject({ kind: 'range' });
  });
  it('removes the fiscal cap when it is cleared', () => {
    const capped = withAssumption(base, 'fiscalSubsidyCapYuan', 5e8);
    expect(capped.fiscalSubsidyCapYuan).toBe(5e8);
    expect('fiscalSubsidyCapYuan' in withAssumption(capped, 'fiscalSubsidyCapYuan', undefined)).toBe(false);
  });
});

describe('draftIssues', () => {
  it('finds nothing in the interfaces.md example', () => {
    expect([...draftIssues(base).keys()]).toEqual([]);
  });
  it('names each bad field by its path in the scenario JSON, with the limit broken', () => {
    let s = withAssumptionYear(base, 'wageGrowth', 3, -1);
    s = withAssumption(s, 'poolingRate', 1);
    s = withOpening(s, 'retirees', -5);
    s = withAssumption(s, 'collectionRate', Number.NaN);
    s = { ...s, name: '  ', openingReserveYuan: 3e9 };
    const issues = draftIssues(s);
    expect([...issues.keys()]).toEqual([
      'name', 'openingReserveYuan', 'opening.retirees', 'assumptions.wageGrowth[3]', 'assumptions.poolingRate', 'assumptions.collectionRate',
    ]);
    expect(issues.get('assumptions.poolingRate')).toEqual({ kind: 'range', limit: { min: 0, maxExclusive: 1 }, unit: 'rate' });
    expect(issues.get('openingReserveYuan')).toEqual({ kind: 'reserveAboveBalance' });
    expect(issues.get('name')).toEqual({ kind: 'empty' });
  });
  it('builds paths as the server writes them', () => {
    expect(assumptionPath('wageGrowth', 3)).toBe('assumptions.wageGrowth[3]');
    expect(assumptionPath('fiscalSubsidyCapYuan')).toBe('fiscalSubsidyCapYuan');
  });
});

describe('isEdited', () => {
  it('compares constants and yearly arrays by value', () => {
    expect(isEdited(0.05, 0.05)).toBe(false);
    expect(isEdited([0.05, 0.05], 0.05)).toBe(true);
    expect(isEdited([0.05, 0.04], [0.05, 0.04])).toBe(false);
  });
});

describe('valueSource', () => {
  it('marks calibrated values until edited, the example and values entered by hand', () => {
    const calibrated = { scenario: withAssumption(base, 'poolingRate', 0.07), origin: 'calibrated' as const, calibrated: base };
    expect(valueSource(calibrated, 'wageGrowth')).toBe('calibrated');
    expect(valueSource(calibrated, 'poolingRate')).toBe('edited');
    expect(valueSource(calibrated, 'fiscalSubsidyCapYuan')).toBe('calibrated');
    expect(valueSource({ scenario: base, origin: 'example' }, 'wageGrowth')).toBe('example');
    expect(valueSource({ scenario: base, origin: 'saved' }, 'wageGrowth')).toBe('manual');
  });
});

describe('rate ↔ percent', () => {
  it('shows calibrated rates without binary noise', () => {
    expect(rateToPercent(0.06792)).toBe(6.792);
    expect(rateToPercent(0.07)).toBe(7);
    expect(percentToRate(6.792)).toBe(0.06792);
    expect(percentToRate(1.5)).toBe(0.015);
  });
  it('round-trips any rate typed to at most 8 decimals', () => {
    fc.assert(fc.property(fc.integer({ min: -99_999_999, max: 99_999_999 }), (n) => {
      const rate = n / 1e8;
      expect(percentToRate(rateToPercent(rate))).toBe(rate);
    }));
  });
});

describe('serverIssueLines', () => {
  it('turns the router\'s real refusal into one line per field, messages as sent', async () => {
    const db = await makeTestDb();
    const bad = { ...base, assumptions: { ...base.assumptions, poolingRate: 1.2, wageGrowth: [0.05, 0.05] }, extra: 1 };
    const err = await (await callerFor(db, 'actuary')).projection.createScenario({ scenario: bad as never }).catch((e: unknown) => e as Error);
    expect(serverIssueLines((err as Error).message).sort()).toEqual([
      'assumptions.poolingRate: must be less than 1',
      'assumptions.wageGrowth: expected 10 yearly values (horizonYears), got 2',
      'unknown key "extra"',
    ]);
  });
  it('keeps any other message as one line', () => {
    expect(serverIssueLines('scenario 4 is version 1; the newest version of "base" is 2')).toEqual(['scenario 4 is version 1; the newest version of "base" is 2']);
    expect(serverIssueLines('[1, 2]')).toEqual(['[1, 2]']);
    expect(serverIssueLines('{"message":"x"}')).toEqual(['{"message":"x"}']);
  });
  it('writes zod paths in the schema\'s notation without the procedure\'s wrapper', () => {
    expect(issuePath(['scenario', 'assumptions', 'wageGrowth', 3])).toBe('assumptions.wageGrowth[3]');
    expect(issuePath(['scenario'])).toBe('');
    expect(issuePath(['fromId'])).toBe('fromId');
  });
});
