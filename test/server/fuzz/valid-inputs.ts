/**
 * One valid input per procedure of the app router, pointing at the entities of the fuzz world
 * (world.ts), the seed the fuzzer mutates. `undefined` for a procedure without input. Targets of
 * user administration are `fuzzuser`, never the admin the fuzzer calls as.
 */
import { TEST_PASSWORD } from '../harness.ts';
import { FUZZ_SCENARIO, FUZZ_USER, type WorldIds } from './world.ts';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export function validInputs(ids: WorldIds): Record<string, unknown> {
  const fund = { kind: 'fund', fundId: ids.monthlyFund, measure: 'expenditure' };
  const plan = { planId: ids.plan };
  return {
    'auth.login': { username: 'viewer', password: TEST_PASSWORD },
    'auth.me': undefined,
    'auth.logout': undefined,
    'auth.account': undefined,
    'auth.changePassword': { currentPassword: TEST_PASSWORD, newPassword: 'a-new-long-passphrase' },
    'auth.totpSetup': undefined,
    'auth.totpEnable': { code: '123456' },
    'auth.totpDisable': { code: '123456' },
    'admin.users': undefined,
    'admin.createUser': { username: 'newcomer', password: TEST_PASSWORD, role: 'viewer', regionCodes: ['A'] },
    'admin.disableUser': { username: FUZZ_USER },
    'admin.enableUser': { username: FUZZ_USER },
    'admin.resetPassword': { username: FUZZ_USER, password: TEST_PASSWORD },
    'admin.setAccess': { username: FUZZ_USER, role: 'leader', regionCodes: ['A1'] },
    'admin.resetTotp': { username: FUZZ_USER },
    'admin.audit': { page: 1, pageSize: 20, filter: { username: 'admin', actionPrefix: 'budget.', fromDate: '2023-01-01', toDate: '2026-12-31' } },
    'admin.auditVerify': undefined,
    'region.tree': undefined,
    'parameters.list': undefined,
    'parameters.get': { setId: ids.nationalParameterSet },
    'parameters.inForce': { period: '2025-06', regionId: ids.regionA, scheme: 'employee' },
    'parameters.createVersion': {
      fromSetId: ids.nationalParameterSet, effectiveFrom: '2026-07', note: '调整储备率',
      values: [{ key: 'reserveRate', value: 0.1, provenance: 'practice', source: '省医保局文件' }],
    },
    'parameters.setOverride': {
      regionId: ids.regionA, scheme: 'employee', effectiveFrom: '2026-07', note: '甲市从严',
      values: [{ key: 'thresholds.redBelow', value: 4, provenance: 'official', source: '甲医保〔2026〕5号' }],
    },
    'fund.overview': { asOf: '2025-06', scheme: 'employee', regionId: ids.regionA, tier: 'green' },
    'fund.detail': { fundId: ids.monthlyFund },
    'importer.preview': { kind: 'regions', unit: 'yuan', fileName: 'regions.csv', contentBase64: base64('code,name,level,parent_code\nA2,乙县,county,A\n') },
    'importer.commit': { kind: 'institution_years', unit: 'wan', fileName: 'years.csv', contentBase64: base64('institution_code,year,payments\nP1,2024,4\n'), vintage: '2026-01-20' },
    'forecast.run': { target: fund, method: 'theta', horizon: 6, levels: [80, 95] },
    'forecast.backtest': { target: fund, horizon: 3, origins: 2, methods: ['naive', 'drift'] },
    'forecast.save': { target: fund, method: 'snaive', horizon: 12, note: '模糊测试' },
    'forecast.saved': { fundId: ids.monthlyFund },
    'warning.current': { asOf: '2025-06', regionId: ids.regionA, scheme: 'employee' },
    'warning.history': { fundId: ids.monthlyFund },
    'warning.forward': { fundId: ids.monthlyFund, method: 'drift', includePath: true },
    'dashboard.summary': { asOf: '2025-12', regionId: ids.regionA, alertLimit: 10, gridLimit: 50, gridOrder: 'code' },
    'projection.scenarios': { lineage: 'fuzz' },
    'projection.scenario': { id: ids.scenario },
    'projection.calibrate': { fundId: ids.yearlyFund, startYear: 2025 },
    'projection.presets': { id: ids.scenario },
    'projection.createScenario': { scenario: { ...FUZZ_SCENARIO, name: 'fuzz copy' }, regionId: ids.regionA, note: 'x' },
    'projection.reviseScenario': { fromId: ids.scenario, scenario: { ...FUZZ_SCENARIO, horizonYears: 2 }, regionId: ids.regionA },
    'projection.cloneScenario': { fromId: ids.scenario, name: 'low', preset: 'low' },
    'projection.run': { kind: 'stochastic', scenarioId: ids.scenario, paths: 100, seed: 3 },
    'projection.runStatus': { runId: ids.deterministicRun },
    'projection.runs': { scenarioId: ids.scenario },
    'projection.progress': { runId: ids.stochasticRun },
    'projection.cancel': { runId: ids.deterministicRun },
    'projection.compare': { scenarioIds: [ids.scenario] },
    'projection.sensitivity': { scenarioId: ids.scenario, years: [2027] },
    'projection.solve': { scenarioId: ids.scenario, targetMonths: 6 },
    'budget.plans': { year: 2026, scheme: 'employee', regionId: ids.regionA },
    'budget.plan': plan,
    'budget.explain': { ...plan, institutionId: ids.institution },
    'budget.create': { year: 2027, scheme: 'employee', regionId: ids.regionA, params: { growth: 0.02 }, note: 'x' },
    'budget.newVersion': plan,
    'budget.computeTotal': { ...plan, source: { kind: 'scenario', scenarioId: ids.scenario }, earmarks: [{ label: '异地就医', amountYuan: 1000.5 }], reserveRate: 0.1 },
    'budget.allocate': { ...plan, params: { yearWeights: [0.2, 0.3, 0.5] } },
    'budget.decide': { ...plan, kind: 'unallocated', outcome: 'hold', decisionRef: '甲医保〔2026〕1号' },
    'budget.previewAdjustment': { ...plan, institutionId: ids.institution, change: { kind: 'quota', quotaYuan: 250_000 } },
    'budget.adjust': { ...plan, institutionId: ids.institution, change: { kind: 'credit', rating: 'A' }, reason: '复核' },
    'budget.approve': plan,
    'budget.issuePrepayments': { ...plan, profile: 'flat' },
    'budget.prepayments': plan,
    'budget.importActuals': { ...plan, fileName: 'actuals.csv', contentBase64: base64('institution_code,period,amount\nH1,2026-01,20000\n') },
    'budget.deviation': { ...plan, throughMonth: 6 },
    'budget.settle': plan,
    'budget.settlement': plan,
    'budget.published': plan,
    'budget.recordAgreement': { institutionId: ids.institution, kind: 'suspended', fromPeriod: '2026-03', toPeriod: '2026-04', decisionRef: '甲医保〔2026〕2号', reason: '串换药品' },
  };
}
