/**
 * Walks every procedure × role and asserts the permission matrix of server/auth/permissions.ts
 * (the README's table): anonymous → UNAUTHORIZED, a role outside the matrix → FORBIDDEN,
 * a role inside it never gets either.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { TRPCError } from '@trpc/server';
import { makeTestDb, callerFor, TEST_PASSWORD } from '../harness.ts';
import { appRouter } from '../../../server/routers/_app.ts';
import { PERMISSIONS, ALL_ROLES } from '../../../server/auth/permissions.ts';
import type { Role } from '../../../server/db/schema.ts';
import type { Db } from '../../../server/db/client.ts';

const upload = (kind: string) => ({ kind, unit: 'yuan', fileName: 'x.csv', contentBase64: Buffer.from('a,b\n1,2\n').toString('base64') });

/** path → [allowed roles or 'public', a valid input]. */
const MATRIX: Record<string, [readonly Role[] | 'public', unknown]> = {
  'auth.login': ['public', { username: 'viewer', password: TEST_PASSWORD }],
  'auth.me': ['public', undefined],
  'auth.logout': [ALL_ROLES, undefined],
  'auth.account': [ALL_ROLES, undefined],
  'auth.changePassword': [ALL_ROLES, { currentPassword: 'not-the-password', newPassword: 'a-new-long-passphrase' }],
  'auth.totpSetup': [ALL_ROLES, undefined],
  'auth.totpEnable': [ALL_ROLES, { code: '000000' }],
  'auth.totpDisable': [ALL_ROLES, { code: '000000' }],
  'admin.users': [PERMISSIONS.administer, undefined],
  'admin.createUser': [PERMISSIONS.administer, { username: 'matrixuser', password: TEST_PASSWORD, role: 'viewer', regionCodes: ['NO-SUCH-REGION'] }],
  'admin.disableUser': [PERMISSIONS.administer, { username: 'nobody' }],
  'admin.enableUser': [PERMISSIONS.administer, { username: 'nobody' }],
  'admin.resetPassword': [PERMISSIONS.administer, { username: 'nobody', password: TEST_PASSWORD }],
  'admin.setAccess': [PERMISSIONS.administer, { username: 'nobody', role: 'viewer' }],
  'admin.resetTotp': [PERMISSIONS.administer, { username: 'nobody' }],
  'admin.audit': [PERMISSIONS.administer, {}],
  'admin.auditVerify': [PERMISSIONS.administer, undefined],
  'region.tree': [PERMISSIONS.read, undefined],
  'fund.overview': [PERMISSIONS.read, {}],
  'fund.detail': [PERMISSIONS.read, { fundId: 999 }],
  'importer.preview': [PERMISSIONS.importFundData, upload('fund_records')],
  'importer.commit': [PERMISSIONS.importInstitutionData, upload('institutions')],
  'forecast.run': [PERMISSIONS.read, { target: { kind: 'fund', fundId: 999, measure: 'income' }, horizon: 3 }],
  'forecast.backtest': [PERMISSIONS.read, { target: { kind: 'fund', fundId: 999, measure: 'income' }, horizon: 3 }],
  'forecast.save': [PERMISSIONS.forecast, { target: { kind: 'fund', fundId: 999, measure: 'income' }, horizon: 3 }],
  'forecast.saved': [PERMISSIONS.read, {}],
  'warning.current': [PERMISSIONS.read, {}],
  'warning.history': [PERMISSIONS.read, { fundId: 999 }],
  'warning.forward': [PERMISSIONS.read, {}],
  'dashboard.summary': [PERMISSIONS.read, {}],
  'projection.scenarios': [PERMISSIONS.read, {}],
  'projection.scenario': [PERMISSIONS.read, { id: 999 }],
  'projection.calibrate': [PERMISSIONS.read, { fundId: 999 }],
  'projection.presets': [PERMISSIONS.read, { id: 999 }],
  'projection.createScenario': [PERMISSIONS.project, { scenario: { name: 'x', scheme: 'resident', startYear: 2026, horizonYears: 1, opening: { balanceYuan: 1, insured: 1, premiumYuan: 1, subsidyPerHeadYuan: 1, costPerHeadYuan: 1 }, assumptions: { insuredGrowth: 0, premiumGrowthYuan: 0, subsidyGrowthYuan: 0, medicalInflation: 0, utilisationGrowth: 0, collectionRate: 1, interestRate: 0 } } }],
  'projection.reviseScenario': [PERMISSIONS.project, { fromId: 999, scenario: { name: 'x', scheme: 'resident', startYear: 2026, horizonYears: 1, opening: { balanceYuan: 1, insured: 1, premiumYuan: 1, subsidyPerHeadYuan: 1, costPerHeadYuan: 1 }, assumptions: { insuredGrowth: 0, premiumGrowthYuan: 0, subsidyGrowthYuan: 0, medicalInflation: 0, utilisationGrowth: 0, collectionRate: 1, interestRate: 0 } } }],
  'projection.cloneScenario': [PERMISSIONS.project, { fromId: 999 }],
  'projection.run': [PERMISSIONS.project, { kind: 'deterministic', scenarioId: 999 }],
  'projection.runStatus': [PERMISSIONS.read, { runId: 999 }],
  'projection.runs': [PERMISSIONS.read, { scenarioId: 999 }],
  'projection.progress': [PERMISSIONS.read, { runId: 999 }],
  'projection.cancel': [PERMISSIONS.project, { runId: 999 }],
  'projection.compare': [PERMISSIONS.read, { scenarioIds: [999] }],
  'projection.sensitivity': [PERMISSIONS.read, { scenarioId: 999 }],
  'projection.solve': [PERMISSIONS.read, { scenarioId: 999 }],
  'budget.plans': [PERMISSIONS.read, {}],
  'budget.plan': [PERMISSIONS.read, { planId: 999 }],
  'budget.explain': [PERMISSIONS.read, { planId: 999, institutionId: 999 }],
  'budget.create': [PERMISSIONS.budget, { year: 2026, scheme: 'employee', regionId: 999 }],
  'budget.newVersion': [PERMISSIONS.budget, { planId: 999 }],
  'budget.computeTotal': [PERMISSIONS.budget, { planId: 999, source: { kind: 'scenario', scenarioId: 999 } }],
  'budget.allocate': [PERMISSIONS.budget, { planId: 999 }],
  'budget.decide': [PERMISSIONS.budget, { planId: 999, kind: 'unallocated', outcome: 'hold', decisionRef: 'x' }],
  'budget.previewAdjustment': [PERMISSIONS.budget, { planId: 999, institutionId: 999, change: { kind: 'score', score: 90 } }],
  'budget.adjust': [PERMISSIONS.budget, { planId: 999, institutionId: 999, change: { kind: 'score', score: 90 }, reason: 'x' }],
  'budget.approve': [PERMISSIONS.budget, { planId: 999 }],
  'budget.issuePrepayments': [PERMISSIONS.budget, { planId: 999 }],
  'budget.prepayments': [PERMISSIONS.read, { planId: 999 }],
  'budget.importActuals': [PERMISSIONS.budget, { planId: 999, fileName: 'x.csv', contentBase64: Buffer.from('a,b\n1,2\n').toString('base64') }],
  'budget.deviation': [PERMISSIONS.read, { planId: 999 }],
  'budget.settle': [PERMISSIONS.budget, { planId: 999 }],
  'budget.settlement': [PERMISSIONS.read, { planId: 999 }],
  'budget.published': [PERMISSIONS.read, { planId: 999 }],
  'budget.recordAgreement': [PERMISSIONS.budget, { institutionId: 999, kind: 'terminated', fromPeriod: '2026-01', decisionRef: 'x', reason: 'y' }],
  'parameters.list': [PERMISSIONS.read, undefined],
  'parameters.get': [PERMISSIONS.read, { setId: 1 }],
  'parameters.inForce': [PERMISSIONS.read, { period: '2025-06' }],
  'parameters.createVersion': [PERMISSIONS.administer, { fromSetId: 999, effectiveFrom: '2026-01', note: 'x', values: [{ key: 'thresholds.redBelow', value: 3, provenance: 'official', source: 'y' }] }],
  'parameters.setOverride': [PERMISSIONS.administer, { regionId: 999, scheme: 'employee', effectiveFrom: '2026-01', note: 'x', values: [] }],
};

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; return 'OK'; } catch (err) { return err instanceof TRPCError ? err.code : `THROWN ${String(err)}`; }
}

async function call(db: Db, who: Role | null, path: string, input: unknown): Promise<unknown> {
  const [ns, proc] = path.split('.') as [string, string];
  const caller = (await callerFor(db, who)) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  const fn = caller[ns]?.[proc];
  if (!fn) throw new Error(`no procedure ${path}`);
  return fn(input);
}

describe('permission matrix', () => {
  let db: Db;
  beforeAll(async () => { db = await makeTestDb(); });

  it('covers every procedure of the app router', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [path, [allowed, input]] of Object.entries(MATRIX)) {
    it(`${path}: anonymous`, async () => {
      const code = await codeOf(call(db, null, path, input));
      if (allowed === 'public') expect(code).not.toBe('FORBIDDEN');
      else expect(code).toBe('UNAUTHORIZED');
    });
    for (const role of ALL_ROLES) {
      it(`${path}: ${role}`, async () => {
        const code = await codeOf(call(db, role, path, input));
        if (allowed === 'public' || allowed.includes(role)) {
          expect(code).not.toMatch(/FORBIDDEN|UNAUTHORIZED|THROWN/);
        } else {
          expect(code).toBe('FORBIDDEN');
        }
      });
    }
  }
});
