import type { RouterOutputs } from '../../lib/trpc.ts';

export type DashboardSummary = RouterOutputs['dashboard']['summary'];
export type GridRow = DashboardSummary['grid'][number];
export type GridCell = NonNullable<GridRow['cells'][string]>;
export type AlertItem = DashboardSummary['alerts'][number];
export type AlertLevel = AlertItem['level'];
export type SparkPoint = DashboardSummary['sparkline'][number];
export type SchemeFigures = DashboardSummary['kpis']['schemes'][number];

/** The dashboard's view, kept in the URL (`?region=&asOf=&all=1`) so it can be bookmarked and shared. */
export interface DashboardView {
  regionId?: number;
  asOf?: string;
  /** Every grid row instead of the most urgent ones. */
  showAll?: boolean;
}

export type DashboardBudget = DashboardSummary['budget'];
export type BudgetPlanRow = DashboardBudget['plans'][number];
export type OverBudgetRow = DashboardBudget['overBudget'][number];
export type DeviationBand = OverBudgetRow['band'];
