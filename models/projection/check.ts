/**
 * Checks a scenario before it is projected, so a model called without the server's schema still
 * refuses nonsense with the field and the reason (the schema in server/schemas/scenario.ts gives the
 * same messages, from the same limits, for JSON input).
 *
 * Rules: `horizonYears` a whole number from 1 to {@link MAX_HORIZON_YEARS}; `startYear` a whole
 * number; opening amounts finite and, except the balance, non-negative; every assumption a constant
 * or exactly `horizonYears` values, each inside its limit (limits.ts); the reserve rate in [0, 1]; the
 * opening reserve non-negative; the fiscal cap non-negative.
 * @throws Error `<field>: <reason>`, e.g. `assumptions.wageGrowth[3]: must be greater than -1`,
 *   `horizonYears: must be a whole number from 1 to 100, got 0`, `opening.retirees: must be a non-negative number, got -5`.
 * @see interfaces.md `project` (scenario JSON).
 * @example checkScenario({ ...scenario, horizonYears: 0 }) // throws 'horizonYears: must be a whole number from 1 to 100, got 0'
 */
import { EMPLOYEE_ASSUMPTION_LIMITS, RESIDENT_ASSUMPTION_LIMITS, limitViolation, type AssumptionLimit } from './limits.ts';
import { MAX_HORIZON_YEARS, type Assumption, type Scenario } from './scenario.ts';

export function checkScenario(s: Scenario): void {
  if (!Number.isInteger(s.horizonYears) || s.horizonYears < 1 || s.horizonYears > MAX_HORIZON_YEARS) {
    throw new Error(`horizonYears: must be a whole number from 1 to ${MAX_HORIZON_YEARS}, got ${s.horizonYears}`);
  }
  if (!Number.isInteger(s.startYear)) throw new Error(`startYear: must be a whole year, got ${s.startYear}`);
  for (const [key, value] of Object.entries(s.opening) as [string, number][]) {
    if (!Number.isFinite(value)) throw new Error(`opening.${key}: must be a finite number, got ${value}`);
    if (key !== 'balanceYuan' && value < 0) throw new Error(`opening.${key}: must be a non-negative number, got ${value}`);
  }
  const limits: Record<string, AssumptionLimit> = s.scheme === 'employee' ? EMPLOYEE_ASSUMPTION_LIMITS : RESIDENT_ASSUMPTION_LIMITS;
  for (const [key, limit] of Object.entries(limits)) {
    checkAssumption((s.assumptions as unknown as Record<string, Assumption | undefined>)[key], s.horizonYears, `assumptions.${key}`, limit);
  }
  if (s.reserveRate !== undefined) checkAssumption(s.reserveRate, 1, 'reserveRate', { min: 0, max: 1, unit: 'rate' });
  if (s.openingReserveYuan !== undefined) checkAssumption(s.openingReserveYuan, 1, 'openingReserveYuan', { min: 0, unit: 'yuan' });
  if (s.fiscalSubsidyCapYuan !== undefined) checkAssumption(s.fiscalSubsidyCapYuan, s.horizonYears, 'fiscalSubsidyCapYuan', { min: 0, unit: 'yuan' });
}

/**
 * One assumption: present, of the right length, every value inside the limit.
 * @throws Error `<path>: required` / `<path>: expected <n> yearly values, got <m>` / `<path>[<i>]: <reason>`.
 */
export function checkAssumption(value: Assumption | undefined, horizonYears: number, path: string, limit: AssumptionLimit): void {
  if (value === undefined) throw new Error(`${path}: required`);
  if (typeof value === 'number') {
    const why = limitViolation(value, limit);
    if (why) throw new Error(`${path}: ${why}`);
    return;
  }
  if (value.length !== horizonYears) throw new Error(`${path}: expected ${horizonYears} yearly values, got ${value.length}`);
  value.forEach((v, i) => {
    const why = limitViolation(v, limit);
    if (why) throw new Error(`${path}[${i}]: ${why}`);
  });
}
