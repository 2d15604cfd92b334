/**
 * The resident fund (城乡居民医保基金) of one demo region, month by month. Income is individual
 * premiums (the national minimum per head of the coverage year, collected mostly from September
 * to December of the year before) and the fiscal subsidy per head (paid in lumps); spending per
 * insured resident grows with medical inflation, on the same day-weighted calendar as the
 * employee fund, plus the critical-illness insurance premium (大病保险) paid quarterly.
 */
import { activityFactors, demoMonths, FIRST_YEAR } from './calendar.ts';
import { toFen } from './csv.ts';
import type { FundFlows } from './employee-fund.ts';
import type { MonthFlows } from './ledger.ts';
import type { ResidentSpec } from './regions.ts';
import type { Rng } from './rng.ts';

/** National minimum individual premium per head (元/人·年), 2018–2025; 2026 assumed unchanged. */
export const PREMIUM_PER_HEAD: Readonly<Record<number, number>> = {
  2018: 220, 2019: 250, 2020: 280, 2021: 320, 2022: 350, 2023: 380, 2024: 400, 2025: 400, 2026: 400,
};
/** Minimum fiscal subsidy per head (元/人·年), 2018–2025. */
export const SUBSIDY_PER_HEAD: Readonly<Record<number, number>> = {
  2018: 490, 2019: 520, 2020: 550, 2021: 580, 2022: 610, 2023: 640, 2024: 670, 2025: 700,
};
/** Share of a coverage year's premiums collected in a month of the year before (−) or of the year (+). */
const COLLECTION_BEFORE: Readonly<Record<number, number>> = { 9: 0.08, 10: 0.2, 11: 0.25, 12: 0.3 };
const COLLECTION_DURING: Readonly<Record<number, number>> = {
  1: 0.08, 2: 0.04, 3: 0.01, 4: 0.01, 5: 0.01, 6: 0.01, 7: 0.005, 8: 0.005,
};
const COLLECTION_RATE = 0.985;
const SUBSIDY_LUMPS: Readonly<Record<ResidentSpec['subsidyPattern'], Readonly<Record<number, number>>>> = {
  quarterly: { 3: 0.25, 6: 0.25, 9: 0.25, 12: 0.25 },
  midyear: { 4: 0.3, 7: 0.4, 11: 0.3 },
};
const SHARES = { inpatient: 0.64, outpatient: 0.19, pharmacy: 0.07, criticalIllness: 0.1 } as const;
const DAYS_PER_YEAR = 365;

export function residentFlows(spec: ResidentSpec, rng: Rng): FundFlows {
  const months = demoMonths();
  // enrolled residents per coverage year, one year beyond the data for the autumn collection
  const enrolled: Record<number, number> = {};
  let level = spec.residents2018;
  for (let y = FIRST_YEAR; y <= FIRST_YEAR + 8; y++) {
    enrolled[y] = Math.round(level * (1 + 0.004 * rng.normal()));
    level *= 1 + spec.residentGrowth;
  }
  const get = (table: Readonly<Record<number, number>>, key: number): number => {
    const v = table[key];
    if (v === undefined) throw new Error(`no value for ${key}`);
    return v;
  };
  let costIndex = 1;
  const raw = months.map((m) => {
    if (m.t > 0) costIndex *= 1 + (spec.costGrowth + (spec.extraCostGrowth?.[m.year] ?? 0)) / 12;
    const residents = Math.round(get(enrolled, m.year) * (1 + 0.0004 * (m.month - 1) + 0.001 * rng.normal()));
    const premiumsDue = (y: number) => get(enrolled, y) * get(PREMIUM_PER_HEAD, y) * COLLECTION_RATE;
    const individual = (premiumsDue(m.year) * (COLLECTION_DURING[m.month] ?? 0)
      + premiumsDue(m.year + 1) * (COLLECTION_BEFORE[m.month] ?? 0)) * (1 + 0.03 * rng.normal());
    const subsidy = get(enrolled, m.year) * get(SUBSIDY_PER_HEAD, m.year) * (SUBSIDY_LUMPS[spec.subsidyPattern][m.month] ?? 0);
    const other = individual * 0.002 * rng.uniform(0, 2);
    const annual = residents * costIndex;
    const f = activityFactors(m.year, m.month);
    return {
      m, residents, individual, subsidy, other,
      inpatient: ((annual * SHARES.inpatient * f.medicalDays) / DAYS_PER_YEAR) * (1 + 0.015 * rng.normal()),
      outpatient: ((annual * SHARES.outpatient * f.medicalDays) / DAYS_PER_YEAR) * (1 + 0.015 * rng.normal()),
      pharmacy: ((annual * SHARES.pharmacy * f.pharmacyDays) / DAYS_PER_YEAR) * (1 + 0.015 * rng.normal()),
      // 大病保险 premiums go to the insurer once a quarter
      otherExp: m.month % 3 === 0 ? (annual * SHARES.criticalIllness) / 4 : 0,
    };
  });
  const first = raw.slice(0, 12);
  // 2018 income on an accrual view (that year's premiums + subsidy) sets the spending level
  const income2018 = get(enrolled, FIRST_YEAR) * (get(PREMIUM_PER_HEAD, FIRST_YEAR) * COLLECTION_RATE + get(SUBSIDY_PER_HEAD, FIRST_YEAR));
  const spend2018 = first.reduce((s, r) => s + r.inpatient + r.outpatient + r.pharmacy + r.otherExp, 0);
  const costPerHead = income2018 / spec.incomeToExpenditure2018 / spend2018;
  const flows: MonthFlows[] = raw.map((r) => ({
    period: r.m.period,
    incomeEmployer: 0,
    incomeIndividual: toFen(r.individual),
    incomeSubsidy: toFen(r.subsidy),
    incomeOther: toFen(r.other),
    expInpatient: toFen(r.inpatient * costPerHead),
    expOutpatient: toFen(r.outpatient * costPerHead),
    expPharmacy: toFen(r.pharmacy * costPerHead),
    expOther: toFen(r.otherExp * costPerHead),
    residents: r.residents,
  }));
  const openingBalanceFen = toFen((spec.openingPayableMonths * spend2018 * costPerHead) / 12);
  return { flows, openingBalanceFen };
}
