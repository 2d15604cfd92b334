/**
 * One fund's full history with the warning indicators of every period (fund detail page). Each
 * period is judged under the rules in force then (the national version and the fund's regional
 * override, `activeWarningParams`), as `warning.history`, the overview and the dashboard judge it,
 * so a past tier reads as it was issued; the spans of periods that share one set of rules are
 * listed so the page can show where the rules changed.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { funds, regions, type Scheme } from '../db/schema.ts';
import { fundRecordsInOrder } from '../db/queries/fund-records.ts';
import { evaluateFundSeries, resolveParams, type FundWarning, type WarningParams } from '../../models/index.ts';
import type { ParameterEntry } from './parameters.ts';
import { warningRulesByPeriod, type WarningRules } from './warning-rules.ts';
import { parametersInForce } from './parameter-sets.ts';
import { assertRegionVisible } from './region-scope.ts';
import { isRatedAccount } from './fund-overview.ts';
import { DomainError } from './errors.ts';

const fenToYuan = (fen: number | null) => (fen === null ? null : fen / 100);

/** A run of consecutive periods judged under the same rules. */
export interface RulesSpan {
  /** First and last period of the run. */
  from: string;
  to: string;
  /** The national version in force, and the month it took effect. */
  parameterVersion: number;
  nationalEffectiveFrom: string;
  /** The version of this fund's regional override in force, if one holds values. */
  override: { version: number; effectiveFrom: string } | null;
  denominator: WarningParams['denominator'];
  thresholds: WarningParams['thresholds'];
}

interface PeriodRules {
  params: WarningParams;
  entries: ParameterEntry[];
  version: number;
  /** Equal keys: equal rules for this fund (the national version and the resolved parameters). */
  key: string;
}

/**
 * The rules a fund's period is judged under: the warning parameters in force (warning-rules.ts:
 * a period before the first national version is judged under that version), resolved for its
 * region and scheme (once per combination of versions: most funds meet one or two).
 */
function rulesForFund(paramsAt: (period: string) => WarningRules, regionCode: string, scheme: Scheme): (period: string) => PeriodRules {
  const resolved = new Map<string, PeriodRules>();
  return (period) => {
    const inForce = paramsAt(period);
    let rules = resolved.get(inForce.key);
    if (!rules) {
      const params = resolveParams(inForce.params, regionCode, scheme);
      rules = { params, entries: inForce.entries, version: inForce.version, key: `${inForce.version}|${JSON.stringify(params)}` };
      resolved.set(inForce.key, rules);
    }
    return rules;
  };
}

/**
 * A fund with every record, each judged under the rules in force at its period. `denominator`,
 * `thresholds`, `parameterEntries` and `parameterVersion` are those of the newest period (of the
 * newest rules for a fund without records); `rules` lists the spans, oldest first.
 * @throws DomainError NOT_FOUND `no fund <id>`, FORBIDDEN outside the user's regions.
 */
export async function fundDetail(db: Db, scope: Set<number> | null, fundId: number) {
  const [row] = await db.select({ fund: funds, region: regions }).from(funds)
    .innerJoin(regions, eq(regions.id, funds.regionId)).where(eq(funds.id, fundId)).limit(1);
  if (!row) throw new DomainError('NOT_FOUND', `no fund ${fundId}`);
  assertRegionVisible(scope, row.region.id);
  const records = await fundRecordsInOrder(db, fundId);
  const rated = isRatedAccount(row.fund.account);
  const rules = await warningRulesByPeriod(db);
  const rulesOf = rulesForFund(rules.paramsAt, row.region.code, row.fund.scheme);
  const periodRules = records.map((r) => rulesOf(r.period));
  // one evaluation of the whole series per distinct set of rules (a window reaches back before a change)
  const evaluations = new Map<string, FundWarning[]>();
  const warnings = periodRules.map((rules, i) => {
    let evaluated = evaluations.get(rules.key);
    if (!evaluated) {
      evaluated = evaluateFundSeries(records, { scheme: row.fund.scheme, params: rules.params });
      evaluations.set(rules.key, evaluated);
    }
    return evaluated[i];
  });
  const newest = periodRules.at(-1) ?? rulesOf('9999-12');
  return {
    fund: row.fund,
    rated,
    region: row.region,
    denominator: newest.params.denominator,
    thresholds: newest.params.thresholds,
    parameterEntries: newest.entries,
    parameterVersion: newest.version,
    rules: await rulesSpans(db, scope, { regionId: row.region.id, scheme: row.fund.scheme, judgingMonth: rules.judgingMonth }, records.map((r) => r.period), periodRules),
    records: records.map((r, i) => {
      const w = warnings[i];
      return {
        period: r.period,
        incomeYuan: r.incomeFen / 100,
        expenditureYuan: r.expenditureFen / 100,
        balanceYuan: r.balanceFen / 100,
        incomeBySource: {
          employer: fenToYuan(r.incomeEmployerFen), individual: fenToYuan(r.incomeIndividualFen),
          subsidy: fenToYuan(r.incomeSubsidyFen), interest: fenToYuan(r.incomeInterestFen), other: fenToYuan(r.incomeOtherFen),
        },
        expenditureByUse: {
          inpatient: fenToYuan(r.expenditureInpatientFen), outpatient: fenToYuan(r.expenditureOutpatientFen),
          pharmacy: fenToYuan(r.expenditurePharmacyFen), other: fenToYuan(r.expenditureOtherFen),
        },
        adjustmentYuan: r.adjustmentFen / 100,
        adjustmentReason: r.adjustmentReason,
        activeMembers: r.activeMembers,
        retirees: r.retirees,
        residents: r.residents,
        vintage: r.vintage,
        payableMonths: rated ? w?.payableMonths ?? null : null,
        tier: rated ? w?.tier ?? null : null,
        flags: w?.flags ?? [],
        annualExpenditureYuan: w ? w.annualExpenditureFen / 100 : null,
        resident: w?.resident ?? null,
        parameterVersion: periodRules[i]?.version ?? newest.version,
      };
    }),
  };
}

/**
 * The runs of equal rules over the periods, with the versions in force at the start of each
 * (`parametersInForce`: the national version and the override of the fund's region and scheme).
 */
async function rulesSpans(
  db: Db, scope: Set<number> | null, fund: { regionId: number; scheme: Scheme; judgingMonth: (period: string) => string },
  periods: readonly string[], periodRules: readonly PeriodRules[],
): Promise<RulesSpan[]> {
  const { regionId, scheme } = fund;
  const spans: RulesSpan[] = [];
  for (const [i, rules] of periodRules.entries()) {
    const period = periods[i] as string;
    const last = spans.at(-1);
    if (last && periodRules[i - 1]?.key === rules.key) {
      last.to = period;
      continue;
    }
    const inForce = await parametersInForce(db, scope, { period: fund.judgingMonth(period) });
    const override = inForce.overrides.find((o) => o.regionId === regionId && o.scheme === scheme);
    spans.push({
      from: period, to: period, parameterVersion: rules.version, nationalEffectiveFrom: inForce.national.effectiveFrom,
      override: override ? { version: override.version, effectiveFrom: override.effectiveFrom } : null,
      denominator: rules.params.denominator, thresholds: rules.params.thresholds,
    });
  }
  return spans;
}
