/**
 * Violations (违规) found at demo institutions, 2022–2025: about 120 findings concentrated in a
 * minority of institutions (a few repeat offenders), amounts from a few thousand 元 to a few
 * hundred thousand 元 (a few ≥ 50,000 元, the threshold for a collective decision), mostly
 * confirmed; the latest ones still proposed or notified (domain.md §5.7).
 */
import { toFen } from './csv.ts';
import type { Institution } from './institutions.ts';
import type { Rng } from './rng.ts';

export const VIOLATION_KINDS = ['分解住院', '挂床住院', '过度诊疗', '重复收费', '串换项目', '超标准收费', '虚记费用'] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

export interface Violation {
  institutionCode: string;
  /** YYYY-MM-DD */
  date: string;
  amountFen: number;
  count: number;
  nature: 'general' | 'serious' | 'severe';
  kind: ViolationKind;
  status: 'confirmed' | 'proposed' | 'notified' | 'withdrawn';
}

const VIOLATION_COUNT = 120;
const OFFENDER_COUNT = 38;
const LARGE_SHARE = 0.07;
/** Kind weights in the order of VIOLATION_KINDS; pharmacies have no inpatient kinds. */
const KIND_WEIGHTS: Readonly<Record<Institution['type'], readonly number[]>> = {
  hospital: [2, 2, 3, 3, 3, 3, 1.5],
  primary_care: [0.5, 0.5, 2, 3, 2, 3, 1],
  pharmacy: [0, 0, 0, 1, 4, 1, 2],
};
const OFFENDER_WEIGHT = (i: Institution): number =>
  i.type === 'pharmacy' ? 1.5 : i.type === 'primary_care' ? 1 : i.level === 1 ? 4 : 3;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function demoViolations(institutions: readonly Institution[], rng: Rng): Violation[] {
  // choose offenders without replacement, then give each a heavy-tailed propensity
  const pool = [...institutions];
  const offenders: { inst: Institution; propensity: number }[] = [];
  while (offenders.length < OFFENDER_COUNT && pool.length > 0) {
    const inst = rng.weighted(pool, pool.map(OFFENDER_WEIGHT));
    pool.splice(pool.indexOf(inst), 1);
    const u = rng.next();
    offenders.push({ inst, propensity: 1 / (0.04 + u * u) });
  }
  const out: Violation[] = [];
  for (let n = 0; n < VIOLATION_COUNT; n++) {
    const { inst } = rng.weighted(offenders, offenders.map((o) => o.propensity));
    const year = rng.int(inst.firstYear, 2025);
    const month = rng.int(1, 12);
    const day = rng.int(1, daysIn(year, month));
    const large = rng.chance(LARGE_SHARE);
    const u = rng.next();
    const levelFactor = inst.level === 3 ? 1.6 : 1;
    const yuan = large ? 50_000 + 330_000 * u * u : Math.min(49_000, (3_000 + 40_000 * u * u) * levelFactor);
    const nature = large
      ? rng.weighted(['general', 'serious', 'severe'] as const, [0.2, 0.5, 0.3])
      : rng.weighted(['general', 'serious', 'severe'] as const, [0.75, 0.22, 0.03]);
    // findings of the last months of 2025 are still going through 告知 and 申辩 (seed 001 第二十二条)
    const recent = year === 2025 && month >= 9;
    const status = recent
      ? rng.weighted(['confirmed', 'proposed', 'notified', 'withdrawn'] as const, [0.25, 0.4, 0.3, 0.05])
      : rng.weighted(['confirmed', 'proposed', 'notified', 'withdrawn'] as const, [0.93, 0, 0.02, 0.05]);
    out.push({
      institutionCode: inst.code,
      date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      amountFen: toFen(yuan),
      count: 1 + Math.floor(u * u * (large ? 80 : 30)),
      nature,
      kind: rng.weighted(VIOLATION_KINDS, KIND_WEIGHTS[inst.type]),
      status,
    });
  }
  return out.sort((a, b) => (a.date === b.date ? a.institutionCode.localeCompare(b.institutionCode) : a.date < b.date ? -1 : 1));
}
