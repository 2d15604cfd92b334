/**
 * The warning parameters a period is judged under, for the warning services (the snapshot behind
 * `warning.current`, `warning.forward`, `dashboard.summary` and the reports; `warning.history`):
 * those in force at the period's month (parameters.ts `activeWarningParams`: the national version and
 * the regional overrides; a `YYYY` period is judged at its end). A period before the first national
 * version (2009-01) had no rules of its own: it is judged under that first version rather than
 * refused, the rule `fund.detail` applies (fund-detail.ts), so a fund with records from 2007 reads
 * the same on every page.
 */
import type { Db } from '../db/client.ts';
import { activeWarningParams, loadParameterChains, NATIONAL_SET_NAME, periodMonth } from './parameters.ts';

/** The month whose rules judge `period`: its own month, or the first national version's when it is earlier. */
export function judgingMonth(db: Db, period: string): string {
  const month = periodMonth(period);
  const first = loadParameterChains(db).get(NATIONAL_SET_NAME)?.[0]?.effectiveFrom;
  return first !== undefined && month < first ? first : month;
}

/**
 * `activeWarningParams` at the judging month of `period` (`YYYY-MM` or `YYYY`).
 * @throws Error `no national parameter set: the database was not initialised` (a database without any national version).
 */
export function warningParamsAt(db: Db, period: string): ReturnType<typeof activeWarningParams> {
  return activeWarningParams(db, judgingMonth(db, period));
}
