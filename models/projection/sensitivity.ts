/**
 * One-at-a-time sensitivity of a projection (tornado, domain.md §6.4): each assumption is moved to its
 * low and then its high value with every other assumption at base, and the items are ranked by how
 * far that moves payable months at chosen years and the exhaustion year.
 *
 * $$ \Delta_i(y) = |m_y(\theta_i^{hi}) - m_y(\theta_i^{lo})|, \qquad \Delta^X_i = |X(\theta_i^{hi}) - X(\theta_i^{lo})| $$
 * plain: the swing of item i at year y is the distance between payable months m_y (months) with the
 * item low and with it high; the exhaustion swing is the distance between the exhaustion years X,
 * counting "not within the horizon" as the year after it. Items are ranked by the swing at the first
 * chosen year, then by the exhaustion swing (both descending); a year without expenditure has no
 * months and adds no swing.
 *
 * Ranges: given per item as low/high values (constants or yearly arrays), or by default the base
 * value ± a documented delta ({@link DEFAULT_SENSITIVITY_DELTAS}, `assumption`), added to every year of a
 * yearly array and clamped into the assumption's valid range (limits.ts). An item is an assumption key
 * (`medicalInflation`) or an opening value (`opening.costPerActiveYuan`, default ± 5 %).
 * Limits: one-at-a-time swings ignore interactions between assumptions; see the stochastic
 * projection for joint variation.
 * @throws Error `sensitivity: unknown item "<item>" for the <scheme> scheme`,
 *   `sensitivity: year <y> is outside the projection <first>–<last>`, and scenario errors.
 * @see Board of Trustees of the Federal HI and SMI Trust Funds, 2024 Annual Report, §V.C "Sensitivity
 *   analysis" (one assumption varied at a time between its low-cost and high-cost values).
 * @example tornado(interfacesExample, { years: [2035] }).bars[0].item // the example scenario of interfaces.md
 * // => 'poolingRate' (±0.5 pp moves 2035's payable months by 14.07)
 */
import { employeeFlows } from './employee.ts';
import { headlineYears, type YearlyFlows } from './flows.ts';
import { EMPLOYEE_ASSUMPTION_LIMITS, RESIDENT_ASSUMPTION_LIMITS, clampToLimit, tidyDecimal, type AssumptionLimit } from './limits.ts';
import { residentFlows } from './resident.ts';
import type { Assumption, EmployeeAssumptions, ResidentAssumptions, Scenario } from './scenario.ts';

/** A default range: base ± delta (absolute, in the assumption's unit) or base × (1 ± delta) (relative). */
export interface SensitivityDelta {
  kind: 'absolute' | 'relative';
  delta: number;
}

export interface SensitivityRange {
  low: Assumption;
  high: Assumption;
}

const abs = (delta: number): SensitivityDelta => ({ kind: 'absolute', delta });

/**
 * Default half-widths (`assumption`, fundrisk's choice, to be overridden): ±1 percentage point for
 * growth rates and medical inflation, ±0.5 pp for the pooling and interest rates, ±2 pp for the
 * collection rate, ±20 % of a yuan subsidy, ±10 yuan a year for the resident premium and subsidy steps.
 */
export const DEFAULT_SENSITIVITY_DELTAS: {
  employee: Readonly<Record<keyof EmployeeAssumptions, SensitivityDelta>>;
  resident: Readonly<Record<keyof ResidentAssumptions, SensitivityDelta>>;
  opening: SensitivityDelta;
} = {
  employee: {
    wageGrowth: abs(0.01), poolingRate: abs(0.005), collectionRate: abs(0.02), activeGrowth: abs(0.01),
    retireeGrowth: abs(0.01), medicalInflation: abs(0.01), utilisationGrowth: abs(0.01), interestRate: abs(0.005),
    subsidyYuan: { kind: 'relative', delta: 0.2 },
  },
  resident: {
    insuredGrowth: abs(0.01), premiumGrowthYuan: abs(10), subsidyGrowthYuan: abs(10), medicalInflation: abs(0.01),
    utilisationGrowth: abs(0.01), collectionRate: abs(0.02), interestRate: abs(0.005),
  },
  opening: { kind: 'relative', delta: 0.05 },
};

export interface TornadoOptions {
  /** Items to vary (default: every assumption of the scheme). */
  items?: readonly string[];
  /** Low/high values per item, overriding the default deltas. */
  ranges?: Readonly<Record<string, SensitivityRange>>;
  /** Calendar years at which payable months are compared (default: the last projected year). */
  years?: readonly number[];
}

export interface TornadoOutcome {
  value: Assumption;
  /** Payable months at each chosen year. */
  payableMonths: (number | null)[];
  exhaustionYear: number | null;
}

export interface TornadoBar {
  item: string;
  low: TornadoOutcome;
  high: TornadoOutcome;
  /** |months(high) − months(low)| at each chosen year. */
  swingMonths: number[];
  /** |X(high) − X(low)|, years, with "not exhausted" counted as the year after the horizon. */
  exhaustionSwingYears: number;
}

export interface Tornado {
  years: number[];
  base: Omit<TornadoOutcome, 'value'>;
  /** Ranked, largest swing first. */
  bars: TornadoBar[];
}

export function tornado(scenario: Scenario, options: TornadoOptions = {}): Tornado {
  const last = scenario.startYear + scenario.horizonYears - 1;
  const years = [...(options.years ?? [last])];
  for (const y of years) {
    if (!Number.isInteger(y) || y < scenario.startYear || y > last) {
      throw new Error(`sensitivity: year ${y} is outside the projection ${scenario.startYear}–${last}`);
    }
  }
  const limits: Record<string, AssumptionLimit> = scenario.scheme === 'employee' ? EMPLOYEE_ASSUMPTION_LIMITS : RESIDENT_ASSUMPTION_LIMITS;
  const deltas: Record<string, SensitivityDelta> = DEFAULT_SENSITIVITY_DELTAS[scenario.scheme];
  const items = options.items ?? Object.keys(limits);
  const outcome = (s: Scenario): Omit<TornadoOutcome, 'value'> => summarise(s, flowsOf(s), years);
  const bars = items.map((item): TornadoBar => {
    const opening = item.startsWith('opening.') ? item.slice('opening.'.length) : undefined;
    const known = opening === undefined ? item in limits : opening in scenario.opening;
    if (!known) throw new Error(`sensitivity: unknown item "${item}" for the ${scenario.scheme} scheme`);
    const base = opening === undefined
      ? (scenario.assumptions as unknown as Record<string, Assumption>)[item] as Assumption
      : (scenario.opening as unknown as Record<string, number>)[opening] as number;
    const range = options.ranges?.[item]
      ?? defaultRange(base, opening === undefined ? (deltas[item] as SensitivityDelta) : DEFAULT_SENSITIVITY_DELTAS.opening, opening === undefined ? limits[item] : undefined);
    const low = { value: range.low, ...outcome(withItem(scenario, item, opening, range.low)) };
    const high = { value: range.high, ...outcome(withItem(scenario, item, opening, range.high)) };
    const exhaustion = (x: number | null) => x ?? last + 1;
    return {
      item, low, high,
      swingMonths: years.map((_, k) => Math.abs((high.payableMonths[k] ?? 0) - (low.payableMonths[k] ?? 0)) || 0),
      exhaustionSwingYears: Math.abs(exhaustion(high.exhaustionYear) - exhaustion(low.exhaustionYear)),
    };
  });
  bars.sort((a, b) => (b.swingMonths[0] as number) - (a.swingMonths[0] as number) || b.exhaustionSwingYears - a.exhaustionSwingYears);
  return { years, base: outcome(scenario), bars };
}

function flowsOf(s: Scenario): YearlyFlows {
  return s.scheme === 'employee' ? employeeFlows(s) : residentFlows(s);
}

function summarise(s: Scenario, f: YearlyFlows, years: readonly number[]): Omit<TornadoOutcome, 'value'> {
  const payableMonths = years.map((y) => {
    const t = y - s.startYear;
    const e = f.expenditure[t] as number;
    return e > 0 ? (f.balance[t] as number) / (e / 12) : null;
  });
  return { payableMonths, exhaustionYear: headlineYears(s.startYear, f).exhaustionYear };
}

/**
 * base ± delta for every year, clamped into the limit.
 * @example defaultRange(0.97, { kind: 'absolute', delta: 0.02 }, { minExclusive: 0, max: 1, unit: 'rate' }) // => { low: 0.95, high: 1 }
 */
export function defaultRange(base: Assumption, d: SensitivityDelta, limit: AssumptionLimit | undefined): SensitivityRange {
  const move = (v: number, sign: 1 | -1) => {
    const moved = tidyDecimal(d.kind === 'absolute' ? v + sign * d.delta : v * (1 + sign * d.delta));
    return limit ? clampToLimit(moved, limit) : moved;
  };
  const apply = (sign: 1 | -1): Assumption => (typeof base === 'number' ? move(base, sign) : base.map((v) => move(v, sign)));
  return { low: apply(-1), high: apply(1) };
}

function withItem(s: Scenario, item: string, opening: string | undefined, value: Assumption): Scenario {
  if (opening !== undefined) return { ...s, opening: { ...s.opening, [opening]: value } } as Scenario;
  return { ...s, assumptions: { ...s.assumptions, [item]: value } } as Scenario;
}
