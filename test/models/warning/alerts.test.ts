import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertLevel, compareAlerts, type AlertFacts, type ForwardPoint, type Tier } from '../../../models/index.ts';

const entry = (monthsAhead: number, tier: Tier): ForwardPoint =>
  ({ period: 'p', monthsAhead, incomeFen: 0, expenditureFen: 0, balanceFen: 1, payableMonths: 1, tier });
const horizon = (months: number, entersRed: boolean) =>
  ({ months, tier: 'green' as Tier, lowestTier: 'green' as Tier, entersWarning: entersRed, entersRed, probabilityRed: null });
/** A forward warning whose red entry is `redAt` months ahead (within 12 or 24), or an orange entry only. */
const forwardRed = (redAt: number) => ({ warningEntry: entry(redAt, 'red'), redEntry: entry(redAt, 'red'), horizons: [horizon(12, redAt <= 12), horizon(24, true)] });
const forwardOrange = (at: number) => ({ warningEntry: entry(at, 'orange'), redEntry: null, horizons: [horizon(12, false), horizon(24, false)] });
const facts = (tier: Tier, extra: Partial<AlertFacts> = {}): AlertFacts => ({ tier, payableMonths: 7, flags: [], ...extra });

describe('alertLevel', () => {
  it('follows the table of alerts.ts', () => {
    expect(alertLevel(facts('red', { payableMonths: null }))).toBe('critical');
    expect(alertLevel(facts('orange'))).toBe('high');
    expect(alertLevel(facts('green', { forward: forwardRed(9) }))).toBe('high');
    expect(alertLevel(facts('green', { forward: forwardRed(20) }))).toBe('elevated');
    expect(alertLevel(facts('blue', { forward: forwardOrange(3) }))).toBe('elevated');
    expect(alertLevel(facts('green', { flags: ['current_deficit'] }))).toBe('elevated');
    expect(alertLevel(facts('green', { resident: { currentSurplusRate: 0.2, accumulatedSurplusRatio: 0.1, surplusRateBreach: true, accumulatedRatioBreach: false } }))).toBe('elevated');
    expect(alertLevel(facts('purple'))).toBe('notice');
    expect(alertLevel(facts('green', { flags: ['short_history'] }))).toBeNull();
    expect(alertLevel(facts('blue'))).toBeNull();
  });
});

describe('compareAlerts', () => {
  it('orders by level, the earlier red then orange entry, tier, then fewer months', () => {
    const items: Array<[string, AlertFacts]> = [
      ['purple', facts('purple', { payableMonths: 20 })],
      ['deficit', facts('green', { flags: ['current_deficit'] })],
      ['orange 5', facts('orange', { payableMonths: 5 })],
      ['orange 3.5', facts('orange', { payableMonths: 3.5 })],
      ['red 2', facts('red', { payableMonths: 2 })],
      ['red exhausted', facts('red', { payableMonths: null })],
      ['green red in 9', facts('green', { forward: forwardRed(9) })],
      ['green red in 4', facts('green', { forward: forwardRed(4) })],
      ['blue orange in 6', facts('blue', { forward: forwardOrange(6) })],
      ['green orange in 6', facts('green', { forward: forwardOrange(6) })],
    ];
    expect([...items].sort((a, b) => compareAlerts(a[1], b[1])).map(([name]) => name)).toEqual([
      'red exhausted', 'red 2', 'green red in 4', 'green red in 9', 'orange 3.5', 'orange 5',
      'blue orange in 6', 'green orange in 6', 'deficit', 'purple',
    ]);
  });

  it('property: a consistent order (antisymmetric, and transitive on triples)', () => {
    const tier = fc.constantFrom<Tier>('red', 'orange', 'green', 'blue', 'purple');
    const anyFacts = fc.record({
      tier,
      payableMonths: fc.option(fc.double({ min: 0, max: 30, noNaN: true }), { nil: null }),
      flags: fc.subarray(['current_deficit', 'short_history']),
      forward: fc.option(fc.oneof(fc.integer({ min: 1, max: 24 }).map(forwardRed), fc.integer({ min: 1, max: 24 }).map(forwardOrange)), { nil: null }),
    });
    const sign = (x: number) => Math.sign(x) + 0;
    fc.assert(fc.property(anyFacts, anyFacts, anyFacts, (a, b, c) => {
      expect(sign(compareAlerts(a, b))).toBe(sign(-compareAlerts(b, a)));
      if (compareAlerts(a, b) <= 0 && compareAlerts(b, c) <= 0) expect(compareAlerts(a, c)).toBeLessThanOrEqual(0);
    }), { seed: 20260115, numRuns: 1000 });
  });
});
