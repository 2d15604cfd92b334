/**
 * Low-cost / intermediate / high-cost scenario presets from a base scenario (domain.md §6.4), in the
 * manner of the US Trustees' alternatives: the intermediate set is the base itself; the low-cost set
 * moves every cost driver in the fund's favour at once and the high-cost set against it, so the three
 * bracket a plausible range rather than being equally likely.
 *
 * Deltas (`assumption`, fundrisk's choice), added to every year of each assumption:
 * | assumption | low cost | high cost |
 * | --- | --- | --- |
 * | medicalInflation | −0.01 | +0.01 |
 * | utilisationGrowth | −0.005 | +0.005 |
 * | wageGrowth (employee) | +0.005 | −0.005 |
 * | activeGrowth (employee) | +0.005 | −0.005 |
 * | retireeGrowth (employee) | −0.005 | +0.005 |
 * | insuredGrowth (resident) | +0.005 | −0.005 |
 * | interestRate | +0.005 | −0.005 |
 * Rates are clamped into their valid ranges (limits.ts); contribution and subsidy rules are policy
 * levers, not assumptions, and stay at base. A growing insured population counts as favourable for
 * the resident fund only while premiums plus subsidies per head exceed the cost per head.
 * @throws Error only through the base scenario's own errors when it is later projected.
 * @see Board of Trustees of the Federal HI and SMI Trust Funds, 2024 Annual Report, §V.A
 *   (intermediate, low-cost and high-cost sets of assumptions).
 * @example costPresets(base).high.assumptions.medicalInflation // => 0.04 when the base has 0.03
 */
import { EMPLOYEE_ASSUMPTION_LIMITS, RESIDENT_ASSUMPTION_LIMITS, clampToLimit, tidyDecimal, type AssumptionLimit } from './limits.ts';
import type { Assumption, EmployeeAssumptions, ResidentAssumptions, Scenario } from './scenario.ts';

export type PresetName = 'low' | 'intermediate' | 'high';

/** Change of each assumption in the high-cost preset; the low-cost preset applies the opposite sign. */
export const HIGH_COST_DELTAS: {
  employee: Readonly<Partial<Record<keyof EmployeeAssumptions, number>>>;
  resident: Readonly<Partial<Record<keyof ResidentAssumptions, number>>>;
} = {
  employee: {
    medicalInflation: 0.01, utilisationGrowth: 0.005, wageGrowth: -0.005,
    activeGrowth: -0.005, retireeGrowth: 0.005, interestRate: -0.005,
  },
  resident: { medicalInflation: 0.01, utilisationGrowth: 0.005, insuredGrowth: -0.005, interestRate: -0.005 },
};

/** Preset names are stored data shown in either UI language, so they carry both. */
const LABELS: Record<PresetName, string> = { low: '低成本 low cost', intermediate: '中间 intermediate', high: '高成本 high cost' };

export function costPresets<S extends Scenario>(base: S): Record<PresetName, S> {
  return { low: shifted(base, -1, 'low'), intermediate: { ...base, name: `${base.name} (${LABELS.intermediate})` }, high: shifted(base, 1, 'high') };
}

function shifted<S extends Scenario>(base: S, sign: 1 | -1, preset: PresetName): S {
  const deltas: Record<string, number> = HIGH_COST_DELTAS[base.scheme];
  const limits: Record<string, AssumptionLimit> = base.scheme === 'employee' ? EMPLOYEE_ASSUMPTION_LIMITS : RESIDENT_ASSUMPTION_LIMITS;
  const assumptions: Record<string, Assumption> = { ...(base.assumptions as unknown as Record<string, Assumption>) };
  for (const [key, delta] of Object.entries(deltas)) {
    const limit = limits[key] as AssumptionLimit;
    const move = (v: number) => clampToLimit(tidyDecimal(v + sign * delta), limit);
    const value = assumptions[key] as Assumption;
    assumptions[key] = typeof value === 'number' ? move(value) : value.map(move);
  }
  return { ...base, name: `${base.name} (${LABELS[preset]})`, assumptions } as S;
}
