/**
 * The deficit waterfall (domain.md §4.2) as stacked bars: per year, how much of the shortfall
 * the reserve, the accumulated surplus, the fiscal subsidy and other sources covered (they add up
 * to the shortfall), and the first year each source ran out.
 */
import type { ProjectionResult } from './types.ts';

type Financing = ProjectionResult['financing'];

export const WATERFALL_SOURCES = ['reserve', 'accumulatedSurplus', 'fiscal', 'other'] as const;
export type WaterfallSource = (typeof WATERFALL_SOURCES)[number];

export interface WaterfallRow {
  year: string;
  shortfall: number;
  reserve: number;
  accumulatedSurplus: number;
  fiscal: number;
  other: number;
}

/**
 * @example waterfallRows({ years: [{ year: 2030, shortfallYuan: 5, fromReserveYuan: 2, fromAccumulatedSurplusYuan: 3, fromFiscalYuan: 0, fromOtherYuan: 0, … }], … })
 * // => [{ year: '2030', shortfall: 5, reserve: 2, accumulatedSurplus: 3, fiscal: 0, other: 0 }]
 */
export function waterfallRows(financing: Financing): WaterfallRow[] {
  return financing.years.map((y) => ({
    year: String(y.year),
    shortfall: y.shortfallYuan,
    reserve: y.fromReserveYuan,
    accumulatedSurplus: y.fromAccumulatedSurplusYuan,
    fiscal: y.fromFiscalYuan,
    other: y.fromOtherYuan,
  }));
}

/**
 * The first year each source was asked for more than it had; `other` never runs out (it is the
 * last resort: higher-level adjustment funds or rate changes), so it has no year.
 * @example exhaustionYears({ exhaustedYear: { reserve: 2028, accumulatedSurplus: null, fiscal: null }, … }) // => [{ source: 'reserve', year: 2028 }, { source: 'accumulatedSurplus', year: null }, { source: 'fiscal', year: null }]
 */
export function exhaustionYears(financing: Financing): { source: Exclude<WaterfallSource, 'other'>; year: number | null }[] {
  return [
    { source: 'reserve', year: financing.exhaustedYear.reserve },
    { source: 'accumulatedSurplus', year: financing.exhaustedYear.accumulatedSurplus },
    { source: 'fiscal', year: financing.exhaustedYear.fiscal },
  ];
}

/** Whether any year has a shortfall (otherwise the chart is replaced by a sentence saying so). */
export function hasShortfall(financing: Financing): boolean {
  return financing.years.some((y) => y.shortfallYuan > 0);
}
