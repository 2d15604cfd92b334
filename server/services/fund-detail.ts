/** One fund's full history with the warning indicators of every period (fund detail page). */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { funds, regions } from '../db/schema.ts';
import { fundRecordsInOrder } from '../db/queries/fund-records.ts';
import { evaluateFundSeries, resolveParams } from '../../models/index.ts';
import { activeWarningParams } from './parameters.ts';
import { assertRegionVisible } from './region-scope.ts';
import { isRatedAccount } from './fund-overview.ts';
import { DomainError } from './errors.ts';

const fenToYuan = (fen: number | null) => (fen === null ? null : fen / 100);

export function fundDetail(db: Db, scope: Set<number> | null, fundId: number) {
  const row = db.select({ fund: funds, region: regions }).from(funds)
    .innerJoin(regions, eq(regions.id, funds.regionId)).where(eq(funds.id, fundId)).get();
  if (!row) throw new DomainError('NOT_FOUND', `no fund ${fundId}`);
  assertRegionVisible(scope, row.region.id);
  const { params, entries, version } = activeWarningParams(db);
  const records = fundRecordsInOrder(db, fundId);
  const rated = isRatedAccount(row.fund.account);
  const effective = resolveParams(params, row.region.code, row.fund.scheme);
  const warnings = evaluateFundSeries(records, { scheme: row.fund.scheme, params: effective });
  return {
    fund: row.fund,
    rated,
    region: row.region,
    denominator: effective.denominator,
    thresholds: effective.thresholds,
    parameterEntries: entries,
    parameterVersion: version,
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
      };
    }),
  };
}
