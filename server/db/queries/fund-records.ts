/** Queries over funds and their records (dialect-neutral drizzle). No math here: services do it. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { funds, fundRecords, regions } from '../schema.ts';

export interface FundHeader {
  fundId: number;
  regionId: number;
  regionCode: string;
  regionName: string;
  regionNameEn: string | null;
  regionLevel: 'province' | 'city' | 'county';
  parentRegionId: number | null;
  synthetic: boolean;
  scheme: typeof funds.$inferSelect['scheme'];
  account: typeof funds.$inferSelect['account'];
  caliber: string;
  periodKind: 'month' | 'year';
}

export async function listFundHeaders(db: Db): Promise<FundHeader[]> {
  return db.select({
    fundId: funds.id, regionId: regions.id, regionCode: regions.code, regionName: regions.name,
    regionNameEn: regions.nameEn, regionLevel: regions.level, parentRegionId: regions.parentId, synthetic: regions.synthetic,
    scheme: funds.scheme, account: funds.account, caliber: funds.caliber, periodKind: funds.periodKind,
  }).from(funds).innerJoin(regions, eq(regions.id, funds.regionId)).orderBy(asc(regions.code), asc(funds.scheme));
}

export interface FundFlowRow {
  period: string;
  incomeFen: number;
  expenditureFen: number;
  balanceFen: number;
}

export async function fundRecordsInOrder(db: Db, fundId: number) {
  return db.select().from(fundRecords).where(eq(fundRecords.fundId, fundId)).orderBy(asc(fundRecords.periodIndex));
}

