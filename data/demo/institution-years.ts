/**
 * Yearly records of the demo institutions, 2022–2025, one per institution, year and scheme it
 * serves: fund payments of that scheme (the region's employee or resident spending at designated
 * institutions, shared by institution size × the scheme's affinity for the institution's kind:
 * residents lean on primary care and level-1 hospitals, employees on level-3 hospitals), the
 * global budget of that scheme (≈ payments ± a few per cent; pharmacies have none), and the
 * assessment score and credit rating of the institution's year (the same on each scheme's row).
 * Institutions with violations score lower and are rated worse.
 */
import type { Institution } from './institutions.ts';
import type { FundRow } from './ledger.ts';
import type { Rng } from './rng.ts';
import type { Violation } from './violations.ts';

export type DemoScheme = 'employee' | 'resident';

export interface InstitutionYear {
  institutionCode: string;
  year: number;
  scheme: DemoScheme;
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
const SCHEMES: readonly DemoScheme[] = ['employee', 'resident'];
/** Relative weight of the resident scheme in an institution's payments, by kind (employee: 1 everywhere). */
const RESIDENT_AFFINITY = { hospital3: 0.7, hospital2: 1, hospital1: 1.3, primary_care: 2, pharmacy: 0.6 } as const;

function affinity(inst: Institution, scheme: DemoScheme): number {
  if (scheme === 'employee') return 1;
  return inst.type === 'hospital' ? RESIDENT_AFFINITY[`hospital${inst.level ?? 1}`] : RESIDENT_AFFINITY[inst.type];
}

function serves(inst: Institution, scheme: DemoScheme): boolean {
  return inst.schemes.split(',').includes(scheme);
}

export function demoInstitutionYears(
  institutions: readonly Institution[], violations: readonly Violation[], fundRows: readonly FundRow[], rng: Rng,
): InstitutionYear[] {
  // spending at institutions per region, scheme and year, in fen
  const spend = new Map<string, number>();
  for (const r of fundRows) {
    const key = `${r.regionCode}:${r.scheme}:${r.period.slice(0, 4)}`;
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
    // each scheme's pool is shared among the region's institutions serving it, by size × affinity
    const totals = new Map<string, number>();
    institutions.forEach((inst, k) => {
      for (const scheme of SCHEMES) {
        if (!serves(inst, scheme)) continue;
        const key = `${inst.regionCode}:${scheme}`;
        totals.set(key, (totals.get(key) ?? 0) + (sizes[k] ?? 0) * affinity(inst, scheme));
      }
    });
    institutions.forEach((inst, k) => {
      const size = sizes[k] ?? 0;
      if (size === 0) return;
      const byScheme = SCHEMES.filter((scheme) => serves(inst, scheme)).map((scheme) => {
        const pool = (spend.get(`${inst.regionCode}:${scheme}:${year}`) ?? 0) * LOCAL_SHARE;
        const paymentsFen = Math.round((pool * size * affinity(inst, scheme)) / (totals.get(`${inst.regionCode}:${scheme}`) ?? 1));
        const budgetFen = inst.type === 'pharmacy' ? undefined : Math.round(paymentsFen * (1 + 0.04 * rng.normal()));
        return { scheme, paymentsFen, budgetFen };
      });
      const penalty = Math.min(3, offences.get(inst.code) ?? 0);
      const firstYear = year === inst.firstYear && year > INSTITUTION_YEARS[0];
      const scored = !firstYear && rng.chance(0.93);
      const q = quality.get(inst.code) ?? { score: 0, rating: 0.5 };
      // 5² + 4.9² ≈ 7²: persistent and yearly parts together give the N(85, 7) spread
      const score = Math.min(100, Math.max(45, SCORE_MEAN + q.score + 4.9 * rng.normal() - 2.5 * penalty));
      const ratingDraw = 0.8 * q.rating + 0.2 * rng.next() - 0.06 * penalty;
      const assessmentScore = scored ? Math.round(score * 10) / 10 : undefined;
      const creditRating = rng.chance(0.05) ? undefined : ratingDraw > 0.45 ? 'A' : ratingDraw > 0.12 ? 'B' : ratingDraw > 0.04 ? 'C' : 'D';
      for (const p of byScheme) out.push({ institutionCode: inst.code, year, ...p, assessmentScore, creditRating });
    });
  }
  // by code, year, then scheme (employee before resident), as the importer's keys read
  return out.sort((a, b) => (a.institutionCode !== b.institutionCode ? (a.institutionCode < b.institutionCode ? -1 : 1)
    : a.year !== b.year ? a.year - b.year : SCHEMES.indexOf(a.scheme) - SCHEMES.indexOf(b.scheme)));
}
