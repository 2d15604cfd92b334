/**
 * A stored time series to forecast: one measure of a fund (income, expenditure, or one source
 * or use) or an institution's yearly fund payments. Values are yuan. An institution's year is the
 * sum of its payments over the schemes recorded for it, or, for a year recorded before payments
 * were kept per scheme (migration 0010), the total then stored for all schemes.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { fundRecords, funds, institutionSchemeYears, institutionYears, institutions } from '../db/schema.ts';
import { assertRegionVisible } from './region-scope.ts';
import { DomainError } from './errors.ts';

export const FUND_MEASURES = {
  income: fundRecords.incomeFen,
  expenditure: fundRecords.expenditureFen,
  income_employer: fundRecords.incomeEmployerFen,
  income_individual: fundRecords.incomeIndividualFen,
  income_subsidy: fundRecords.incomeSubsidyFen,
  expenditure_inpatient: fundRecords.expenditureInpatientFen,
  expenditure_outpatient: fundRecords.expenditureOutpatientFen,
  expenditure_pharmacy: fundRecords.expenditurePharmacyFen,
} as const;
export type FundMeasure = keyof typeof FUND_MEASURES;

export type SeriesTarget = { kind: 'fund'; fundId: number; measure: FundMeasure } | { kind: 'institution'; institutionId: number };

export interface StoredSeries {
  label: string;
  frequency: 1 | 12;
  /** Month index or year of the first value. */
  start: number;
  periods: string[];
  valuesYuan: number[];
  dataVintage: string;
}

export function loadStoredSeries(db: Db, scope: Set<number> | null, target: SeriesTarget): Promise<StoredSeries> {
  return target.kind === 'fund' ? loadFundSeries(db, scope, target.fundId, target.measure) : loadInstitutionSeries(db, scope, target.institutionId);
}

async function loadFundSeries(db: Db, scope: Set<number> | null, fundId: number, measure: FundMeasure): Promise<StoredSeries> {
  const [fund] = await db.select().from(funds).where(eq(funds.id, fundId)).limit(1);
  if (!fund) throw new DomainError('NOT_FOUND', `no fund ${fundId}`);
  assertRegionVisible(scope, fund.regionId);
  const rows = await db.select({ period: fundRecords.period, index: fundRecords.periodIndex, fen: FUND_MEASURES[measure], vintage: fundRecords.vintage })
    .from(fundRecords).where(eq(fundRecords.fundId, fundId)).orderBy(asc(fundRecords.periodIndex));
  if (rows.length === 0) throw new DomainError('BAD_REQUEST', `fund ${fundId} has no records`);
  const missing = rows.find((r) => r.fen === null);
  if (missing) throw new DomainError('BAD_REQUEST', `fund ${fundId} has no ${measure} figure for ${missing.period}: choose another measure`);
  return {
    label: `fund ${fundId} ${measure}`,
    frequency: fund.periodKind === 'month' ? 12 : 1,
    start: rows[0]?.index ?? 0,
    periods: rows.map((r) => r.period),
    valuesYuan: rows.map((r) => (r.fen as number) / 100),
    dataVintage: rows.reduce((v, r) => (r.vintage > v ? r.vintage : v), ''),
  };
}

async function loadInstitutionSeries(db: Db, scope: Set<number> | null, institutionId: number): Promise<StoredSeries> {
  const [inst] = await db.select().from(institutions).where(eq(institutions.id, institutionId)).limit(1);
  if (!inst) throw new DomainError('NOT_FOUND', `no institution ${institutionId}`);
  assertRegionVisible(scope, inst.regionId);
  const byYear = new Map<number, number>();
  for (const p of await db.select({ year: institutionSchemeYears.year, fen: institutionSchemeYears.paymentsFen }).from(institutionSchemeYears)
    .where(eq(institutionSchemeYears.institutionId, institutionId))) byYear.set(p.year, (byYear.get(p.year) ?? 0) + p.fen);
  for (const u of await db.select({ year: institutionYears.year, fen: institutionYears.unsplitPaymentsFen }).from(institutionYears)
    .where(eq(institutionYears.institutionId, institutionId))) if (u.fen !== null && !byYear.has(u.year)) byYear.set(u.year, u.fen);
  const rows = [...byYear].map(([year, fen]) => ({ year, fen })).sort((a, b) => a.year - b.year);
  if (rows.length === 0) throw new DomainError('BAD_REQUEST', `institution ${inst.code} has no yearly payments`);
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    if (prev && r.year !== prev.year + 1) throw new DomainError('BAD_REQUEST', `institution ${inst.code} has no payments for ${prev.year + 1}`);
  });
  return {
    label: `${inst.code} payments`, frequency: 1, start: rows[0]?.year ?? 0,
    periods: rows.map((r) => String(r.year)), valuesYuan: rows.map((r) => r.fen / 100), dataVintage: inst.createdAt.slice(0, 10),
  };
}
