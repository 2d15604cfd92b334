/**
 * Province- or region-wide figures of the dashboard from fund snapshots: balances, payable months
 * per scheme, year-on-year growth of income and expenditure, funds per tier now and in 12 / 24
 * months, and monthly sparklines. Sums run in integer fen (BigInt where 800 funds could leave the
 * exact range) and are turned into yuan at the end.
 *
 * Money is not counted twice: a fund is left out of sums when a fund of the same scheme and
 * account exists for one of its ancestor regions (a city ledger already holds its counties'). Fund
 * counts per tier count every fund. Only rated (pooling) funds enter either.
 */
import { classifyPayableMonths, monthIndexToText, parsePeriod, resolveParams, type Tier, type WarningParams } from '../../models/index.ts';
import type { FundSnapshot } from './warning-snapshot.ts';
import { hasAncestorIn, type RegionIndex } from './warning-regions.ts';

export type TierCounts = Record<Tier | 'none', number>;
/** Months in a sparkline. */
export const SPARKLINE_MONTHS = 24;

/** Rated funds with a record, and which of them are not nested in another fund of the same kind. */
export function splitNested(funds: readonly FundSnapshot[], index: RegionIndex): { rated: FundSnapshot[]; topLevel: FundSnapshot[] } {
  const rated = funds.filter((f) => f.rated && f.latest !== null);
  const regionsByKind = new Map<string, Set<number>>();
  for (const f of rated) {
    const kind = `${f.fund.scheme}|${f.fund.account}`;
    regionsByKind.set(kind, (regionsByKind.get(kind) ?? new Set()).add(f.fund.regionId));
  }
  const topLevel = rated.filter((f) => !hasAncestorIn(index, f.fund.regionId, regionsByKind.get(`${f.fund.scheme}|${f.fund.account}`) as Set<number>));
  return { rated, topLevel };
}

const yuan = (fen: bigint) => Number(fen) / 100;
const lastRecord = (f: FundSnapshot) => f.records.at(-1) as FundSnapshot['records'][number];

export interface SchemeFigures {
  scheme: string;
  funds: number;
  balanceYuan: number;
  annualExpenditureYuan: number;
  /** Σ balance ÷ (Σ annual expenditure ÷ 12), with the tier of the scheme's national cut points. */
  payableMonths: number | null;
  tier: Tier;
  incomeYoY: number | null;
  expenditureYoY: number | null;
  /** Funds whose last 24 months (2 years) are complete, behind the growth rates. */
  growthFunds: number;
}

/** Income and expenditure of the last 12 months (or year) and of the 12 before, when both are complete. */
function yearOnYear(f: FundSnapshot): { income: [bigint, bigint]; expenditure: [bigint, bigint] } | null {
  const n = f.fund.periodKind === 'month' ? 12 : 1;
  const tail = f.records.slice(-2 * n);
  if (tail.length < 2 * n) return null;
  if (parsePeriod(lastRecord(f).period).index - parsePeriod((tail[0] as FundSnapshot['records'][number]).period).index !== 2 * n - 1) return null;
  const sum = (rows: typeof tail, key: 'incomeFen' | 'expenditureFen') => rows.reduce((s, r) => s + BigInt(r[key]), 0n);
  const [prev, cur] = [tail.slice(0, n), tail.slice(n)];
  return { income: [sum(prev, 'incomeFen'), sum(cur, 'incomeFen')], expenditure: [sum(prev, 'expenditureFen'), sum(cur, 'expenditureFen')] };
}

const growth = (prev: bigint, cur: bigint) => (prev > 0n ? Number(cur - prev) / Number(prev) : null);

/** Per scheme (and `all`): balance, payable months and its tier, growth year on year, over top-level funds. */
export function schemeFigures(topLevel: readonly FundSnapshot[], params: WarningParams): SchemeFigures[] {
  if (topLevel.length === 0) return [];
  const schemes = [...new Set(topLevel.map((f) => f.fund.scheme))].sort();
  return [...schemes, 'all'].map((scheme): SchemeFigures => {
    const funds = topLevel.filter((f) => scheme === 'all' || f.fund.scheme === scheme);
    let balance = 0n;
    let annual = 0n;
    const sums = { income: [0n, 0n], expenditure: [0n, 0n] };
    let growthFunds = 0;
    for (const f of funds) {
      balance += BigInt(lastRecord(f).balanceFen);
      annual += BigInt((f.latest as NonNullable<FundSnapshot['latest']>).annualExpenditureFen);
      const yoy = yearOnYear(f);
      if (!yoy) continue;
      growthFunds += 1;
      for (const k of ['income', 'expenditure'] as const) for (const i of [0, 1]) sums[k][i] = (sums[k][i] as bigint) + (yoy[k][i] as bigint);
    }
    const { payableMonths, tier } = classifyPayableMonths(balance, 12, annual, resolveParams(params, undefined, scheme).thresholds);
    return {
      scheme, funds: funds.length, balanceYuan: yuan(balance), annualExpenditureYuan: yuan(annual), payableMonths, tier,
      incomeYoY: growth(sums.income[0] as bigint, sums.income[1] as bigint),
      expenditureYoY: growth(sums.expenditure[0] as bigint, sums.expenditure[1] as bigint),
      growthFunds,
    };
  });
}

/** Funds per tier now, at 12 and at 24 months (`none`: no forward warning could be made). */
export function tierCounts(rated: readonly FundSnapshot[]): { now: TierCounts; in12: TierCounts; in24: TierCounts } {
  const empty = (): TierCounts => ({ red: 0, orange: 0, green: 0, blue: 0, purple: 0, none: 0 });
  const out = { now: empty(), in12: empty(), in24: empty() };
  for (const f of rated) {
    out.now[f.latest?.tier ?? 'none'] += 1;
    const [h12, h24] = f.forward.warning?.horizons ?? [];
    out.in12[h12?.tier ?? 'none'] += 1;
    out.in24[h24?.tier ?? 'none'] += 1;
  }
  return out;
}

export interface SparkPoint {
  period: string;
  /** Top-level monthly funds with a record that month. */
  funds: number;
  balanceYuan: number;
  incomeYuan: number;
  expenditureYuan: number;
  payableMonths: number | null;
  /** Rated monthly funds (nested included) in orange or red that month. */
  warningFunds: number;
}

/** The last {@link SPARKLINE_MONTHS} months up to the newest monthly record among the funds. */
export function sparkline(rated: readonly FundSnapshot[], topLevel: readonly FundSnapshot[]): SparkPoint[] {
  const monthly = rated.filter((f) => f.fund.periodKind === 'month');
  if (monthly.length === 0) return [];
  const indexOf = new Map<FundSnapshot, Map<number, number>>(monthly.map((f) => [f, new Map(f.records.map((r, i) => [parsePeriod(r.period).index, i]))]));
  const end = Math.max(...monthly.map((f) => parsePeriod(lastRecord(f).period).index));
  const top = new Set(topLevel);
  return Array.from({ length: SPARKLINE_MONTHS }, (_, k): SparkPoint => {
    const month = end - SPARKLINE_MONTHS + 1 + k;
    let [funds, warningFunds, balance, income, expenditure, annual] = [0, 0, 0n, 0n, 0n, 0n];
    for (const f of monthly) {
      const i = indexOf.get(f)?.get(month);
      if (i === undefined) continue;
      const w = f.warnings[i] as FundSnapshot['warnings'][number];
      if (w.tier === 'red' || w.tier === 'orange') warningFunds += 1;
      if (!top.has(f)) continue;
      const r = f.records[i] as FundSnapshot['records'][number];
      funds += 1;
      balance += BigInt(r.balanceFen);
      income += BigInt(r.incomeFen);
      expenditure += BigInt(r.expenditureFen);
      annual += BigInt(w.annualExpenditureFen);
    }
    return {
      period: monthIndexToText(month), funds, warningFunds, balanceYuan: yuan(balance), incomeYuan: yuan(income), expenditureYuan: yuan(expenditure),
      payableMonths: annual > 0n ? (Number(balance) * 12) / Number(annual) : null,
    };
  });
}
