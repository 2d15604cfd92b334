/**
 * The tables the query code uses, in the dialect this process talks to (server/db/target.ts): the
 * PostgreSQL tables when `DATABASE_URL` names a PostgreSQL server, else the SQLite ones. The two
 * schemas have identical row types (test/server/db/schema-parity.test.ts), and the query code is
 * typed against the PostgreSQL builders, which have no synchronous `.all()/.get()/.run()`: every
 * query is awaited, so the same code runs on both (README "Databases").
 */
import * as pg from './schema-pg.ts';
import * as sqlite from './schema-sqlite.ts';
import { processDialect } from './target.ts';

export * from './enums.ts';

const tables: typeof pg = processDialect() === 'pg' ? pg : (sqlite as unknown as typeof pg);

export const {
  regions, funds, imports, fundRecords, institutions, institutionYears,
  institutionSchemeYears, violations, parameterSets, parameterValues, users, userRegions,
  sessions, loginFailures, auditLog, savedForecasts, scenarios, projectionRuns, budgetPlans,
  budgetQuotas, budgetAdjustments, budgetDecisions, agreementActions, budgetPrepayments, budgetActualPayments,
  budgetSettlements,
} = tables;
