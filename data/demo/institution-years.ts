/**
 * Yearly records of the demo institutions, 2022–2025: fund payments (the region's employee and
 * resident spending at designated institutions shared by institution size), the global budget
 * (≈ payments ± a few per cent; pharmacies have none), assessment score and credit rating.
 * Institutions with violations score lower and are rated worse.
 */
import type { Institution } from './institutions.ts';
import type { FundRow } from './ledger.ts';
import type { Rng } from './rng.ts';
import type { Violation } from './violations.ts';

export interface InstitutionYear {
  institutionCode: string;
  year: number;
  paymentsFen: number;
  budgetFen?: number;
  /** 0–100 with one decimal. */
  assessmentScore?: number;
  creditRating?: 'A' | 'B' | 'C' | 'D';
}

export const INSTITUTION_YEARS = [2022, 2023, 2024, 2025] as const;
/** Share of a region's inpatient + outpatient + pharmacy spending paid to its own designated institutions. */
const LOCAL_SHARE = 0.78;
const SCORE_MEAN = 85;

export function demoInstitutionYears(
  institutions: readonly Institution[], violations: readonly Violation[], fundRows: readonly FundRow[], rng: Rng,
): InstitutionYear[] {
  // spending at institutions per region and year, in fen
  const spend = new Map<string, number>();
  for (const r of fundRows) {
    const key = `${r.regionCode}:${r.period.slice(0, 4)}`;
    spend.set(key, (spend.get(key) ?? 0) + r.expInpatient + r.expOutpatient + r.expPharmacy);
  }
  const drift = new Map(institutions.map((i) => [i.code, 0.04 * rng.normal()]));
  // quality is persistent: an institution effect on the score and on the rating draw
  const quality = new Map(institutions.map((i) => [i.code, { score: 5 * rng.normal(), rating: rng.next() }]));
  const sizeIn = (i: Institution, year: number): number => {
    if (year < i.firstYear) return 0;
    const ramp = year === i.firstYear && i.firstYear > INSTITUTION_YEARS[0] ? 0.5 : 1;
    return i.weight * ramp * (1 + (drift.get(i.code) ?? 0) * (year - INSTITUTION_YEARS[0])) * (1 + 0.03 * rng.normal());
  };
  const offences = new Map<string, number>();
  for (const v of violations) if (v.status !== 'withdrawn') offences.set(v.institutionCode, (offences.get(v.institutionCode) ?? 0) + 1);

  const out: InstitutionYear[] = [];
  for (const year of INSTITUTION_YEARS) {
    const sizes = institutions.map((i) => sizeIn(i, year));
    const totals = new Map<string, number>();
    institutions.forEach((inst, k) => totals.set(inst.regionCode, (totals.get(inst.regionCode) ?? 0) + (sizes[k] ?? 0)));
    institutions.forEach((inst, k) => {
      const size = sizes[k] ?? 0;
      if (size === 0) return;
      const pool = (spend.get(`${inst.regionCode}:${year}`) ?? 0) * LOCAL_SHARE;
      const paymentsFen = Math.round((pool * size) / (totals.get(inst.regionCode) ?? 1));
      const budgetFen = inst.type === 'pharmacy' ? undefined : Math.round(paymentsFen * (1 + 0.04 * rng.normal()));
      const penalty = Math.min(3, offences.get(inst.code) ?? 0);
      const firstYear = year === inst.firstYear && year > INSTITUTION_YEARS[0];
      const scored = !firstYear && rng.chance(0.93);
      const q = quality.get(inst.code) ?? { score: 0, rating: 0.5 };
      // 5² + 4.9² ≈ 7²: persistent and yearly parts together give the N(85, 7) spread
      const score = Math.min(100, Math.max(45, SCORE_MEAN + q.score + 4.9 * rng.normal() - 2.5 * penalty));
      const ratingDraw = 0.8 * q.rating + 0.2 * rng.next() - 0.06 * penalty;
      out.push({
        institutionCode: inst.code, year, paymentsFen, budgetFen,
        assessmentScore: scored ? Math.round(score * 10) / 10 : undefined,
        creditRating: rng.chance(0.05) ? undefined
          : ratingDraw > 0.45 ? 'A' : ratingDraw > 0.12 ? 'B' : ratingDraw > 0.04 ? 'C' : 'D',
      });
    });
  }
  return out.sort((a, b) => (a.institutionCode === b.institutionCode ? a.year - b.year : a.institutionCode < b.institutionCode ? -1 : 1));
}
