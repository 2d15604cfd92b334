/**
 * The checked tables of a cohort membership (cohort.ts): per-group vectors by sex with defaults
 * filled in (zero heads and exits, relative cost 1, qx from the Gompertz–Makeham law of mortality.ts)
 * and the yearly paths of entry growth and retirement ages.
 * @throws Error `membership.ageGroupYears: must be 1 or 5, got <w>`, `membership.minAge: must be a non-negative number, got <x>`,
 *   `membership.active.male: expected at least one age group`, `membership.<field>.<sex>: expected <G> age groups, got <n>`,
 *   `membership.<field>.<sex>[<g>]: must be a non-negative number, got <x>` (qx and exitRate: `a number from 0 to 1`),
 *   `membership.entryGrowth: must be greater than -1, got <x>`, `membership.retirementAge.<sex>: expected <n> yearly values, got <m>`.
 * @see domain.md §6.2.
 * @example cohortTables({ kind: 'cohort', ageGroupYears: 5, minAge: 20, active: { male: [1], female: [0] },
 *   retirees: { male: [0], female: [0] }, entries: { male: [0], female: [0] }, retirementAge: { male: 60, female: 55 } }, 2).exitRate.male
 * // => Float64Array [0]
 */
import { defaultGroupQx } from './mortality.ts';
import { SEXES, type Assumption, type BySex, type CohortMembership } from './scenario.ts';
import type { CohortLayout, CohortState } from './cohort.ts';

export interface CohortTables {
  layout: CohortLayout;
  opening: CohortState;
  /** Entries of year startYear − 1, heads per group. */
  entries: BySex<Float64Array>;
  qx: BySex<Float64Array>;
  exitRate: BySex<Float64Array>;
  relativeCost: BySex<Float64Array>;
  entryGrowth: Float64Array;
  retirementAge: BySex<Float64Array>;
}

type GroupField = 'active' | 'retirees' | 'entries' | 'qx' | 'exitRate' | 'relativeCost';

export function cohortTables(m: CohortMembership, horizonYears: number): CohortTables {
  if (m.ageGroupYears !== 1 && m.ageGroupYears !== 5) throw new Error(`membership.ageGroupYears: must be 1 or 5, got ${String(m.ageGroupYears)}`);
  if (!Number.isFinite(m.minAge) || m.minAge < 0) throw new Error(`membership.minAge: must be a non-negative number, got ${m.minAge}`);
  const groups = m.active.male.length;
  if (groups === 0) throw new Error('membership.active.male: expected at least one age group');
  const table = (field: GroupField, fill: number, max = Infinity): BySex<Float64Array> => {
    const out = {} as BySex<Float64Array>;
    for (const sex of SEXES) {
      const values = m[field]?.[sex];
      out[sex] = values === undefined
        ? (field === 'qx' ? defaultGroupQx(sex, m.minAge, m.ageGroupYears, groups) : new Float64Array(groups).fill(fill))
        : checkGroups(values, groups, `membership.${field}.${sex}`, max);
    }
    return out;
  };
  const ageOk = (a: number) => a >= 0;
  return {
    layout: { minAge: m.minAge, ageGroupYears: m.ageGroupYears },
    opening: { active: table('active', 0), retirees: table('retirees', 0) },
    entries: table('entries', 0),
    qx: table('qx', 0, 1),
    exitRate: table('exitRate', 0, 1),
    relativeCost: table('relativeCost', 1),
    entryGrowth: yearly(m.entryGrowth ?? 0, horizonYears, 'membership.entryGrowth', (g) => g > -1, 'greater than -1'),
    retirementAge: {
      male: yearly(m.retirementAge.male, horizonYears, 'membership.retirementAge.male', ageOk, 'a non-negative age'),
      female: yearly(m.retirementAge.female, horizonYears, 'membership.retirementAge.female', ageOk, 'a non-negative age'),
    },
  };
}

/** A per-group table as a checked vector. */
function checkGroups(values: readonly number[], groups: number, path: string, max: number): Float64Array {
  if (values.length !== groups) throw new Error(`${path}: expected ${groups} age groups, got ${values.length}`);
  values.forEach((v, g) => {
    if (!Number.isFinite(v) || v < 0 || v > max) {
      throw new Error(`${path}[${g}]: must be a ${max === Infinity ? 'non-negative number' : `number from 0 to ${max}`}, got ${v}`);
    }
  });
  return Float64Array.from(values);
}

/** A constant or one value per projected year as a checked vector. */
function yearly(value: Assumption, horizonYears: number, path: string, ok: (v: number) => boolean, rule: string): Float64Array {
  if (typeof value !== 'number' && value.length !== horizonYears) throw new Error(`${path}: expected ${horizonYears} yearly values, got ${value.length}`);
  const out = typeof value === 'number' ? new Float64Array(horizonYears).fill(value) : Float64Array.from(value);
  out.forEach((v, i) => {
    if (!Number.isFinite(v) || !ok(v)) throw new Error(`${path}${typeof value === 'number' ? '' : `[${i}]`}: must be ${rule}, got ${v}`);
  });
  return out;
}
