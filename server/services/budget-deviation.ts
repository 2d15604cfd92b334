/**
 * Deviation monitoring of an approved plan (domain.md §5.6; seed 001 第九条): each institution's
 * actual payments to date against its quota × the seasonal share of the year elapsed, banded
 * 5% / 15% / 30% (一般 / 较大 / 严重) by the model (`monitorDeviation`). The seasonal profile is the
 * one its prepayment schedule used (flat when none was issued). Months not imported count as 0 and
 * are reported, so a late file is visible rather than read as savings.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { budgetPrepayments, budgetQuotas, institutions } from '../db/schema.ts';
import { fenToYuan, monitorDeviation, type DeviationBand } from '../../models/index.ts';
import { planInStatus, planParams } from './budget-plans.ts';
import { actualsOfYear } from './budget-actuals.ts';

const MONTHS = 12;
const BANDS: readonly DeviationBand[] = ['general', 'major', 'severe'];
const period = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/** Per-institution profiles from the issued schedule: the scheduled amounts of the 12 months. */
async function scheduleProfiles(db: Db, planId: number): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (const p of await db.select({ id: budgetPrepayments.institutionId, month: budgetPrepayments.month, fen: budgetPrepayments.scheduledFen }).from(budgetPrepayments).where(eq(budgetPrepayments.planId, planId))) {
    const months = out.get(p.id) ?? new Array<number>(MONTHS).fill(0);
    months[p.month - 1] = p.fen;
    out.set(p.id, months);
  }
  for (const [id, months] of out) if (!months.some((m) => m > 0)) out.delete(id);
  return out;
}

/**
 * @param throughMonth the last month to monitor (1–12); default the latest month with any imported payment.
 * @throws DomainError CONFLICT when the plan is not approved, settled or superseded.
 */
export async function planDeviation(db: Db, scope: Set<number> | null, input: { planId: number; throughMonth?: number | undefined }) {
  const plan = await planInStatus(db, scope, input.planId, ['approved', 'settled', 'superseded'], 'deviation monitoring');
  const params = planParams(plan);
  const actuals = await actualsOfYear(db, plan.id, plan.scheme, plan.year);
  let latest = 0;
  for (const months of actuals.values()) months.forEach((m, i) => { if (m !== undefined) latest = Math.max(latest, i + 1); });
  const through = input.throughMonth ?? latest;
  const empty = { planId: plan.id, year: plan.year, throughMonth: null, throughPeriod: null, bands: params.deviationBands, monthly: [], rows: [], counts: { over: {}, under: {} } };
  if (through === 0) return empty;
  const profiles = await scheduleProfiles(db, plan.id);
  const quotas = await db.select({ id: budgetQuotas.institutionId, quotaFen: budgetQuotas.quotaFen, code: institutions.code, name: institutions.name, type: institutions.type })
    .from(budgetQuotas).innerJoin(institutions, eq(institutions.id, budgetQuotas.institutionId)).where(eq(budgetQuotas.planId, plan.id)).orderBy(institutions.code);
  const monthly = Array.from({ length: through }, (_, i) => ({
    period: period(plan.year, i + 1), actualToDateFen: 0, expectedToDateFen: 0,
    over: { general: 0, major: 0, severe: 0 } as Record<string, number>, under: { general: 0, major: 0, severe: 0 } as Record<string, number>,
  }));
  const rows = [];
  for (const q of quotas) {
    const months = actuals.get(q.id);
    if (q.quotaFen === 0 && !months) continue;
    const monthlyActualFen = Array.from({ length: through }, (_, i) => months?.[i] ?? 0);
    const missing = Array.from({ length: through }, (_, i) => i + 1).filter((m) => months?.[m - 1] === undefined);
    const profile = profiles.get(q.id);
    const report = monitorDeviation({ quotaFen: q.quotaFen, monthlyActualFen, ...(profile ? { seasonalProfile: profile } : {}) }, params);
    report.months.forEach((m, i) => {
      const agg = monthly[i] as (typeof monthly)[number];
      agg.actualToDateFen += m.actualToDateFen;
      agg.expectedToDateFen += m.expectedToDateFen;
      if (m.band !== 'none' && m.direction !== 'on') agg[m.direction][m.band] = (agg[m.direction][m.band] ?? 0) + 1;
    });
    const l = report.latest;
    rows.push({
      institutionId: q.id, code: q.code, name: q.name, type: q.type, quotaYuan: fenToYuan(q.quotaFen),
      actualToDateYuan: fenToYuan(l.actualToDateFen), expectedToDateYuan: fenToYuan(l.expectedToDateFen), deviation: l.deviation,
      band: l.band, direction: l.direction, since: report.since === null ? null : period(plan.year, report.since),
      profile: profile ? 'seasonal' : 'flat', missingMonths: missing.map((m) => period(plan.year, m)),
      path: report.months.map((m) => m.deviation),
    });
  }
  // hottest first: over before under, then by the size of the deviation (no expectation yet = largest)
  const size = (d: number | null) => (d === null ? Number.MAX_VALUE : Math.abs(d));
  rows.sort((a, b) => (a.direction === 'over' ? 0 : 1) - (b.direction === 'over' ? 0 : 1) || size(b.deviation) - size(a.deviation));
  const last = monthly.at(-1) as (typeof monthly)[number];
  return {
    ...empty, throughMonth: through, throughPeriod: period(plan.year, through),
    monthly: monthly.map((m) => ({ period: m.period, actualToDateYuan: fenToYuan(m.actualToDateFen), expectedToDateYuan: fenToYuan(m.expectedToDateFen), over: m.over, under: m.under })),
    rows, counts: { over: Object.fromEntries(BANDS.map((b) => [b, last.over[b] ?? 0])), under: Object.fromEntries(BANDS.map((b) => [b, last.under[b] ?? 0])) },
  };
}
