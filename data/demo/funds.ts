/** All demo fund ledgers: an employee pooling fund and a resident fund per city and county. */
import { employeeFlows } from './employee-fund.ts';
import { type FundRow, postLedger } from './ledger.ts';
import type { DemoRegion } from './regions.ts';
import { residentFlows } from './resident-fund.ts';
import { createRng } from './rng.ts';

export function demoFundRows(regions: readonly DemoRegion[], seed: number): FundRow[] {
  const rows: FundRow[] = [];
  for (const region of regions) {
    if (region.employee) {
      const { flows, openingBalanceFen } = employeeFlows(region.employee, createRng(seed, `employee:${region.code}`));
      rows.push(...postLedger(region.code, 'employee', openingBalanceFen, flows, region.adjustments));
    }
    if (region.resident) {
      const { flows, openingBalanceFen } = residentFlows(region.resident, createRng(seed, `resident:${region.code}`));
      rows.push(...postLedger(region.code, 'resident', openingBalanceFen, flows, region.adjustments));
    }
  }
  return rows;
}
