/**
 * The facts a plan's allocation is made from (domain.md §2, §5.2, §5.7), loaded for the
 * institutions of the plan's region and every region under it that serve the plan's scheme:
 * the fund payments of the plan's scheme in the three years before the plan year (分别建账: never
 * the other schemes' payments), the score and credit rating of the year before (per institution
 * and year, whatever the scheme), that year's violations by status, and agreement suspensions and
 * terminations. Base years that hold only a total for all schemes (recorded before payments were
 * kept per scheme, migration 0010) are listed in `unsplitYears`, never used as the scheme's payments.
 * Loading only: the sums of violation amounts per institution are plain totals of stored fen.
 */
import { and, eq, gte, inArray, lt, lte } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { agreementActions, budgetDecisions, institutionSchemeYears, institutionYears, institutions, regions, violations } from '../db/schema.ts';
import type { AgreementStatus, CreditRating } from '../../models/index.ts';
import { regionSubtree, type PlanRow } from './budget-plans.ts';

export const BASE_YEARS = 3;

export interface InstitutionFacts {
  institutionId: number;
  code: string;
  name: string;
  type: string;
  level: number | null;
  regionName: string;
  /** Payments of the plan's scheme in the plan year − 3, − 2, − 1 in fen, oldest first; null = no data. */
  paidFen: [number | null, number | null, number | null];
  /** Base years without a payment of the plan's scheme that hold a total for all schemes together (unsplit, pre-0010). */
  unsplitYears: number[];
  score: number | null;
  credit: CreditRating | null;
  violations: { confirmedFen: number; confirmedCount: number; pendingFen: number; pendingCount: number; byNatureFen: Record<string, number> };
  agreement: { status: AgreementStatus; suspendedMonths: number[]; actions: { kind: string; fromPeriod: string; toPeriod: string | null; decisionRef: string }[] };
}

type DecisionRow = typeof budgetDecisions.$inferSelect;

/** Institutions of the plan's region subtree serving its scheme, ordered by code. */
export async function loadInstitutionFacts(db: Db, plan: PlanRow): Promise<InstitutionFacts[]> {
  const regionIds = await regionSubtree(db, plan.regionId);
  const rows = (await db.select({
    id: institutions.id, code: institutions.code, name: institutions.name, type: institutions.type, level: institutions.level,
    schemes: institutions.schemes, regionName: regions.name,
  }).from(institutions).innerJoin(regions, eq(regions.id, institutions.regionId))
    .where(inArray(institutions.regionId, regionIds)).orderBy(institutions.code))
    .filter((r) => r.schemes.split(',').map((s) => s.trim()).includes(plan.scheme));
  const facts = new Map<number, InstitutionFacts>(rows.map((r) => [r.id, {
    institutionId: r.id, code: r.code, name: r.name, type: r.type, level: r.level, regionName: r.regionName,
    paidFen: [null, null, null], unsplitYears: [], score: null, credit: null,
    violations: { confirmedFen: 0, confirmedCount: 0, pendingFen: 0, pendingCount: 0, byNatureFen: {} },
    agreement: { status: 'active', suspendedMonths: [], actions: [] },
  }]));

  const firstYear = plan.year - BASE_YEARS;
  const lastYear = plan.year - 1;
  const paid = await db.select({ id: institutionSchemeYears.institutionId, year: institutionSchemeYears.year, paid: institutionSchemeYears.paymentsFen })
    .from(institutionSchemeYears).innerJoin(institutions, eq(institutions.id, institutionSchemeYears.institutionId))
    .where(and(inArray(institutions.regionId, regionIds), eq(institutionSchemeYears.scheme, plan.scheme),
      gte(institutionSchemeYears.year, firstYear), lte(institutionSchemeYears.year, lastYear)));
  for (const p of paid) {
    const f = facts.get(p.id);
    if (f) f.paidFen[p.year - firstYear] = p.paid;
  }
  const years = await db.select({ id: institutionYears.institutionId, year: institutionYears.year, unsplit: institutionYears.unsplitPaymentsFen, score: institutionYears.assessmentScore, credit: institutionYears.creditRating })
    .from(institutionYears).innerJoin(institutions, eq(institutions.id, institutionYears.institutionId))
    .where(and(inArray(institutions.regionId, regionIds), gte(institutionYears.year, firstYear), lte(institutionYears.year, lastYear))).orderBy(institutionYears.year);
  for (const y of years) {
    const f = facts.get(y.id);
    if (!f) continue;
    if (y.unsplit !== null && f.paidFen[y.year - firstYear] === null) f.unsplitYears.push(y.year);
    if (y.year === lastYear) [f.score, f.credit] = [y.score, y.credit];
  }

  for (const v of await violationsInYear(db, regionIds, lastYear)) {
    const f = facts.get(v.institutionId);
    if (!f || v.status === 'withdrawn') continue;
    const s = f.violations;
    if (v.status === 'confirmed') {
      s.confirmedFen += v.amountFen;
      s.confirmedCount += v.count;
      s.byNatureFen[v.nature] = (s.byNatureFen[v.nature] ?? 0) + v.amountFen;
    } else {
      s.pendingFen += v.amountFen;
      s.pendingCount += v.count;
    }
  }

  const actions = await db.select({ a: agreementActions }).from(agreementActions).innerJoin(institutions, eq(institutions.id, agreementActions.institutionId))
    .where(and(inArray(institutions.regionId, regionIds), lte(agreementActions.fromPeriod, `${plan.year}-12`))).orderBy(agreementActions.id);
  for (const { a } of actions) {
    const f = facts.get(a.institutionId);
    if (!f) continue;
    f.agreement.actions.push({ kind: a.kind, fromPeriod: a.fromPeriod, toPeriod: a.toPeriod, decisionRef: a.decisionRef });
    if (a.kind === 'terminated') f.agreement.status = 'terminated';
    else f.agreement.suspendedMonths.push(...monthsOfYearIn(plan.year, a.fromPeriod, a.toPeriod ?? a.fromPeriod));
  }
  for (const f of facts.values()) {
    f.agreement.suspendedMonths = [...new Set(f.agreement.suspendedMonths)].sort((a, b) => a - b);
    if (f.agreement.status === 'active' && f.agreement.suspendedMonths.length > 0) f.agreement.status = 'suspended';
  }
  return [...facts.values()];
}

/** Violations dated in `year` at institutions of the regions. */
export async function violationsInYear(db: Db, regionIds: number[], year: number) {
  return db.select({ institutionId: violations.institutionId, amountFen: violations.amountFen, count: violations.count, nature: violations.nature, status: violations.status })
    .from(violations).innerJoin(institutions, eq(institutions.id, violations.institutionId))
    .where(and(inArray(institutions.regionId, regionIds), gte(violations.date, `${year}-01-01`), lt(violations.date, `${year + 1}-01-01`)));
}

/** Months 1–12 of `year` inside [from, to] (`YYYY-MM`). */
export function monthsOfYearIn(year: number, from: string, to: string): number[] {
  const out: number[] = [];
  for (let m = 1; m <= 12; m++) {
    const p = `${year}-${String(m).padStart(2, '0')}`;
    if (p >= from && p <= to) out.push(m);
  }
  return out;
}

/** The newest decision per kind and institution, keyed `<kind>:<institutionId or empty>`. */
export async function latestDecisions(db: Db, planId: number): Promise<Map<string, DecisionRow>> {
  const map = new Map<string, DecisionRow>();
  for (const d of await db.select().from(budgetDecisions).where(eq(budgetDecisions.planId, planId)).orderBy(budgetDecisions.id)) {
    map.set(`${d.kind}:${d.institutionId ?? ''}`, d);
  }
  return map;
}
