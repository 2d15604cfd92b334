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
import {
  activeWarningParams, loadParameterChains, NATIONAL_SET_NAME, periodMonth, rulesAt, warningRulesOf, type StoredVersion, type WarningRules,
} from './parameters.ts';

export type { WarningRules };

/** The judging month of `period` given the loaded chains. */
function judgingMonthIn(chains: ReadonlyMap<string, readonly StoredVersion[]>, period: string): string {
  const month = periodMonth(period);
  const first = chains.get(NATIONAL_SET_NAME)?.[0]?.effectiveFrom;
  return first !== undefined && month < first ? first : month;
}

/** The month whose rules judge `period`: its own month, or the first national version's when it is earlier. */
export async function judgingMonth(db: Db, period: string): Promise<string> {
  return judgingMonthIn(await loadParameterChains(db), period);
}

/**
 * `activeWarningParams` at the judging month of `period` (`YYYY-MM` or `YYYY`).
 * @throws Error `no national parameter set: the database was not initialised` (a database without any national version).
 */
export async function warningParamsAt(db: Db, period: string): Promise<WarningRules> {
  return activeWarningParams(db, await judgingMonth(db, period));
}

/**
 * {@link judgingMonth} and {@link warningParamsAt} for the many periods of one fund's history, from
 * one read of the parameter chains: the rules of each judging month are built once (parameters.ts
 * `rulesAt`, what `activeWarningParams` memoises), so a history of 240 months costs no query per month.
 */
export async function warningRulesByPeriod(db: Db): Promise<{ judgingMonth: (period: string) => string; paramsAt: (period: string) => WarningRules }> {
  const chains = await loadParameterChains(db);
  const byMonth = new Map<string, WarningRules>();
  return {
    judgingMonth: (period) => judgingMonthIn(chains, period),
    /** @throws Error as {@link warningParamsAt}. */
    paramsAt: (period) => {
      const month = judgingMonthIn(chains, period);
      let rules = byMonth.get(month);
      if (!rules) {
        rules = warningRulesOf(rulesAt(chains, month));
        byMonth.set(month, rules);
      }
      return rules;
    },
  };
}
