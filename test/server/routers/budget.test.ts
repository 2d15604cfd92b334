/**
 * The institution budget workflow through the router (domain.md §5, issue 6): draft → total from a
 * projection → allocate → decisions → adjust with a reason → approve (locked) → prepayment →
 * actual payments → deviation → settlement → published list. Every figure below is worked by hand
 * from the fixture: the projection gives income 1,200,000 元 and opening balance 600,000 元, so
 * total = 1,200,000 × (1 − 0.09) − 92,000 earmarks = 1,000,000 元 (green band: no balance change).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { TRPCError } from '@trpc/server';
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { makeTestDb, callerFor, TEST_PASSWORD, listenApp } from '../harness.ts';
import { importTable } from '../../../server/importer/import-table.ts';
import { parseCsvText, readTableFromBuffer } from '../../../server/importer/read-table.ts';
import { addUser } from '../../../server/services/users.ts';
import { verifyAuditChain } from '../../../server/services/audit-verify.ts';
import { auditLog, budgetActualPayments, budgetPlans, budgetQuotas, institutions } from '../../../server/db/schema.ts';
import type { EmployeeScenario } from '../../../models/index.ts';
import type { Db } from '../../../server/db/client.ts';

type Caller = Awaited<ReturnType<typeof callerFor>>;

const INSTITUTIONS = `institution_code,name,type,level,region_code,schemes
H1,甲市第一医院,hospital,3,A,"employee,resident"
H2,甲县医院,hospital,2,A1,"employee,resident"
H3,甲市第三医院,hospital,2,A,employee
P1,甲市大药房,pharmacy,,A,employee
R1,甲市居民诊所,primary_care,1,A,resident
N1,甲市新医院,hospital,1,A,employee
T1,甲市解除医院,hospital,1,A,employee
B1,乙市医院,hospital,3,B,employee`;

// H1 and H2 serve both schemes: their rows name it (the employee plan below uses only the employee rows);
// the single-scheme institutions leave it empty, which stores their only scheme
const YEARS = `institution_code,year,scheme,payments,budget,assessment_score,credit_rating
H1,2023,employee,100000,,,
H1,2023,resident,400000,,,
H1,2024,employee,200000,,,
H1,2025,employee,300000,,85,B
H1,2025,resident,900000,,85,B
H2,2024,employee,90000,,,
H2,2025,职工,180000,,85,B
H3,2023,,125000,,,
H3,2024,,125000,,,
H3,2025,,125000,,80,B
P1,2023,,50000,,,
P1,2024,,50000,,,
P1,2025,,50000,,,
T1,2023,,40000,,,
T1,2024,,40000,,,
T1,2025,,40000,,,
R1,2025,,10000,,90,A
B1,2025,,500000,,90,A`;

const VIOLATIONS = `institution_code,date,amount,count,nature,kind,status
H2,2025-05-01,10000,1,general,重复收费,confirmed
H3,2025-06-01,125000,3,serious,分解住院,confirmed
H1,2025-07-01,8000,1,general,串换项目,proposed
H1,2026-03-01,70000,2,serious,挂床住院,confirmed`;

/** Income 1,000 members × 1,000 元 × 12 × 10% = 1,200,000 元 a year; spending 1,000,000 元; no interest. */
function scenario(name: string, startYear = 2026): EmployeeScenario {
  return {
    name, scheme: 'employee', startYear, horizonYears: 3,
    opening: { balanceYuan: 600_000, activeMembers: 1000, retirees: 100, avgMonthlyWageYuan: 1000, costPerActiveYuan: 900, costPerRetireeYuan: 1000 },
    assumptions: { wageGrowth: 0, poolingRate: 0.1, collectionRate: 1, activeGrowth: 0, retireeGrowth: 0, medicalInflation: 0, utilisationGrowth: 0, interestRate: 0, subsidyYuan: 0 },
  };
}

async function load(db: Db, text: string, kind: 'regions' | 'institutions' | 'institution_years' | 'violations') {
  const report = await importTable(db, parseCsvText(text, `${kind}.csv`, 'utf-8'), { kind, unit: 'yuan', dryRun: false, vintage: '2026-01-15' });
  if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; return 'OK'; } catch (err) { return err instanceof TRPCError ? err.code : `THROWN ${String(err)}`; }
}

const csv = (lines: string[]) => Buffer.from(lines.join('\n'), 'utf8').toString('base64');
const EARMARKS = [{ label: '异地就医', amountYuan: 80_000 }, { label: '大病保险保费', amountYuan: 12_000 }];

describe('budget router: the whole workflow', () => {
  let db: Db;
  const inst: Record<string, number> = {};
  let regionA = 0;
  let scenarioA = 0;
  let planId = 0;
  let budget: Caller['budget'];
  const quotas = async () => Object.fromEntries((await db.select({ id: budgetQuotas.institutionId, q: budgetQuotas.quotaFen, u: budgetQuotas.unallocatedFen }).from(budgetQuotas)
    .where(eq(budgetQuotas.planId, planId))).map((r) => [Object.entries(inst).find(([, id]) => id === r.id)?.[0], r.q / 100 + r.u / 100]));
  const auditActions = async () => (await db.select({ a: auditLog.action }).from(auditLog)).map((r) => r.a);

  beforeAll(async () => {
    db = await makeTestDb();
    budget = (await callerFor(db, 'budget')).budget;
    await load(db, 'code,name,level,parent_code\nP,示范省,province,\nA,甲市,city,P\nA1,甲县,county,A\nB,乙市,city,P', 'regions');
    await load(db, INSTITUTIONS, 'institutions');
    await load(db, YEARS, 'institution_years');
    await load(db, VIOLATIONS, 'violations');
    await addUser(db, { username: 'onlyb', password: TEST_PASSWORD, role: 'budget', regionCodes: ['B'] }, null);
    for (const r of await db.select({ id: institutions.id, code: institutions.code }).from(institutions)) inst[r.code] = r.id;
    const tree = await (await callerFor(db, 'budget')).region.tree();
    regionA = (tree as { id: number; code: string }[]).find((r) => r.code === 'A')?.id ?? 0;
    scenarioA = (await (await callerFor(db, 'actuary')).projection.createScenario({ scenario: scenario('甲市 2026'), regionId: regionA })).id;
  });

  it('drafts a plan and computes its total from a stored scenario version', async () => {
    const draft = await budget.create({ year: 2026, scheme: 'employee', regionId: regionA, note: '2026 年度总额预算' });
    planId = draft.id;
    expect(draft).toMatchObject({ status: 'draft', version: 1, regionCode: 'A', total: null });
    await expect(budget.create({ year: 2026, scheme: 'employee', regionId: regionA }))
      .rejects.toThrow(`a budget plan for 2026 employee in 甲市 already exists (plan ${planId}, version 1, draft): open it or start a new version from it`);
    await expect(budget.allocate({ planId })).rejects.toThrow(`budget plan ${planId} (2026 employee, version 1) has no total yet: compute it from a projection first`);

    const plan = await budget.computeTotal({ planId, source: { kind: 'scenario', scenarioId: scenarioA }, earmarks: EARMARKS });
    const t = plan.total;
    expect(t).toMatchObject({
      projectedIncomeYuan: 1_200_000, openingBalanceYuan: 600_000, reserveRate: 0.09, reserveYuan: 108_000, earmarksYuan: 92_000,
      rule: 'hold', plannedBalanceChangeYuan: 0, totalYuan: 1_000_000, closingBalanceYuan: 708_000, tier: 'green',
    });
    expect(t?.source).toMatchObject({ kind: 'scenario', scenarioId: scenarioA, scenarioVersion: 1 });
    // (600,000 + 108,000) × 12 / (1,000,000 + 92,000)
    expect(t?.payableMonths).toBeCloseTo((708_000 * 12) / 1_092_000, 12);
    expect(t?.reserveRateProvenance.provenance).toBe('seed');
  });

  it('refuses a projection of another region, a stochastic run and a year outside the projection', async () => {
    const other = await (await callerFor(db, 'actuary')).projection.createScenario({ scenario: scenario('乙市') , regionId: (await (await callerFor(db, 'admin')).region.tree() as { id: number; code: string }[]).find((r) => r.code === 'B')?.id ?? 0 });
    await expect(budget.computeTotal({ planId, source: { kind: 'scenario', scenarioId: other.id } }))
      .rejects.toThrow(`scenario ${other.id} describes region B; budget plan ${planId} (2026 employee, version 1) is for A`);
    const run = await (await callerFor(db, 'actuary')).projection.run({ kind: 'stochastic', scenarioId: scenarioA, paths: 10, seed: 1 });
    await expect(budget.computeTotal({ planId, source: { kind: 'run', runId: run.id } }))
      .rejects.toThrow(`projection run ${run.id} is a stochastic run that is done: choose a finished deterministic run`);
    const later = await budget.create({ year: 2030, scheme: 'employee', regionId: regionA });
    await expect(budget.computeTotal({ planId: later.id, source: { kind: 'scenario', scenarioId: scenarioA } }))
      .rejects.toThrow(`the projection of scenario ${scenarioA} covers 2026–2028, not the plan year 2030`);
    await expect(budget.computeTotal({ planId, source: { kind: 'scenario', scenarioId: scenarioA }, earmarks: [{ label: 'x', amountYuan: -1 }] }))
      .rejects.toThrow('must not be negative');
    await expect(budget.computeTotal({ planId, source: { kind: 'scenario', scenarioId: scenarioA }, earmarks: [{ label: 'x', amountYuan: 1.005 }] }))
      .rejects.toThrow('must be in yuan with at most two decimals (whole fen)');
    expect((await budget.plan({ planId })).plan.totalYuan).toBe(1_000_000);
  });

  it('allocates with the 1:2:7 base, holds back the terminated share and a large deduction awaiting a decision', async () => {
    await budget.recordAgreement({ institutionId: inst.T1 as number, kind: 'terminated', fromPeriod: '2025-12', decisionRef: '甲医保〔2025〕12号', reason: '欺诈骗保' });
    await budget.recordAgreement({ institutionId: inst.P1 as number, kind: 'suspended', fromPeriod: '2026-03', toPeriod: '2026-04', decisionRef: '甲医保〔2026〕3号', reason: '串换药品' });
    await expect(budget.recordAgreement({ institutionId: inst.P1 as number, kind: 'suspended', fromPeriod: '2026-05', decisionRef: 'x', reason: 'y' }))
      .rejects.toThrow('a suspension needs its last month');
    const summary = await budget.allocate({ planId });
    // raw: H1 260,000 (100k·1 + 200k·2 + 300k·7)/10; H2 (90k·2 + 180k·7)/9 − 10,000 = 150,000; H3 125,000 (its
    // 125,000 deduction waits for a decision); P1 50,000; T1 40,000 → Σ 625,000, scale 1,000,000 / 625,000 = 1.6
    expect(await quotas()).toEqual({ H1: 416_000, H2: 240_000, H3: 200_000, P1: 80_000, N1: 0, T1: 64_000 });
    expect(summary).toMatchObject({ totalYuan: 1_000_000, quotaSumYuan: 936_000, unallocatedYuan: 64_000, balanced: true, pendingDecisionCount: 1, unallocatedNeedsDecision: true });
    expect(summary.count).toMatchObject({ institutions: 6, needsManual: 1, terminated: 1, suspended: 1 });
    expect(summary.needsManualQuota).toEqual(['N1']);

    const x = await budget.explain({ planId, institutionId: inst.H1 as number });
    expect(x.years).toEqual([{ year: 2023, paidYuan: 100_000, weight: 0.1 }, { year: 2024, paidYuan: 200_000, weight: 0.2 }, { year: 2025, paidYuan: 300_000, weight: 0.7 }]);
    expect(x).toMatchObject({ baseYuan: 260_000, growth: 0, coefficient: 1, rawYuan: 260_000, quotaYuan: 416_000, scalingFactor: 1.6 });
    expect(x.assessment).toMatchObject({ score: 85, factor: 1, year: 2025, rule: expect.stringContaining('80') });
    expect(x.violations).toMatchObject({ year: 2025, confirmedYuan: 0, pendingYuan: 8000, pendingCount: 1 });
    const h2 = await budget.explain({ planId, institutionId: inst.H2 as number });
    expect(h2.years.map((y) => y.weight)).toEqual([0, 2 / 9, 7 / 9]);
    expect(h2.deduction).toMatchObject({ appliedYuan: 10_000, pendingYuan: 0 });
    const h3 = await budget.explain({ planId, institutionId: inst.H3 as number });
    expect(h3.deduction).toMatchObject({ appliedYuan: 0, pendingYuan: 125_000, thresholdYuan: 50_000, decision: null });
    const t1 = await budget.explain({ planId, institutionId: inst.T1 as number });
    expect(t1).toMatchObject({ status: 'terminated', source: 'terminated', quotaYuan: 0, unallocatedYuan: 64_000 });
    expect(t1.agreement.actions[0]).toMatchObject({ kind: 'terminated', decisionRef: '甲医保〔2025〕12号' });
    expect((await budget.explain({ planId, institutionId: inst.P1 as number })).agreement).toMatchObject({ status: 'suspended', suspendedMonths: [3, 4] });
    await expect(budget.explain({ planId, institutionId: inst.B1 as number })).rejects.toThrow(`institution ${inst.B1} is not in budget plan ${planId} (2026 employee, version 1)`);
  });

  it('refuses approval while anything is undecided, with the exact reason', async () => {
    const plan = `budget plan ${planId} (2026 employee, version 1)`;
    await expect(budget.approve({ planId })).rejects.toThrow(`${plan} cannot be approved: institutions without payment history need a quota set by hand (1: N1)`);
    await expect(budget.decide({ planId, institutionId: inst.H2 as number, kind: 'deduction', outcome: 'apply', decisionRef: 'x' }))
      .rejects.toThrow("H2's deduction of 10000.00 yuan is below 50000.00 yuan: it needs no decision");
    await expect(budget.decide({ planId, institutionId: inst.H3 as number, kind: 'deduction', outcome: 'hold', decisionRef: 'x' })).rejects.toThrow('a deduction decision is apply or waive, got hold');
    await expect(budget.decide({ planId, institutionId: inst.H3 as number, kind: 'deduction', outcome: 'apply', decisionRef: ' ' })).rejects.toThrow('a decision reference');
    // apply the deduction: H3 raw = max(0, 125,000 − 125,000) = 0; Σ raw 500,000, scale 2
    const decided = await budget.decide({ planId, institutionId: inst.H3 as number, kind: 'deduction', outcome: 'apply', decisionRef: '甲医保集体决策〔2026〕1号' });
    expect(decided.reallocated).toBe(true);
    expect(await quotas()).toEqual({ H1: 520_000, H2: 300_000, H3: 0, P1: 100_000, N1: 0, T1: 80_000 });
    expect((await budget.explain({ planId, institutionId: inst.H3 as number })).deduction).toMatchObject({ appliedYuan: 125_000, exceedsAdjustedBase: true, decision: { outcome: 'apply' } });
  });

  it('previews a what-if change without saving, then adjusts a quota with a mandatory reason; the rest rescales', async () => {
    const before = await quotas();
    const preview = await budget.previewAdjustment({ planId, institutionId: inst.H1 as number, change: { kind: 'score', score: 92 } });
    expect(preview).toMatchObject({ code: 'H1', before: { score: 85 }, after: { score: 92 }, quotaBeforeYuan: 520_000, totalHolds: true, totalYuan: 1_000_000 });
    expect(preview.quotaAfterYuan).toBeGreaterThan(520_000);
    // what H1 gains, the others and T1's held-back share give up, to the fen
    expect(Math.round((preview.othersDeltaYuan + preview.unallocatedDeltaYuan) * 100)).toBe(-Math.round((preview.quotaAfterYuan - 520_000) * 100));
    expect(preview.unallocatedDeltaYuan).toBeLessThan(0);
    expect(await quotas()).toEqual(before);

    await expect(budget.adjust({ planId, institutionId: inst.N1 as number, change: { kind: 'quota', quotaYuan: 20_000 }, reason: '   ' }))
      .rejects.toThrow('a reason is required for every adjustment');
    await expect(budget.adjust({ planId, institutionId: inst.T1 as number, change: { kind: 'quota', quotaYuan: 1 }, reason: 'x' }))
      .rejects.toThrow('T1 is terminated (解除): it gets no quota, so none can be set by hand');
    await expect(budget.adjust({ planId, institutionId: inst.N1 as number, change: { kind: 'quota', quotaYuan: 2_000_000 }, reason: 'x' }))
      .rejects.toThrow('manual quotas (2000000.00 yuan) exceed the total (1000000.00 yuan)');
    expect(await quotas()).toEqual(before);
    const saved = await budget.adjust({ planId, institutionId: inst.N1 as number, change: { kind: 'quota', quotaYuan: 20_000 }, reason: '新建医院按床位数核定' });
    expect(saved).toMatchObject({ quotaBeforeYuan: 0, quotaAfterYuan: 20_000, totalHolds: true, othersChanged: 3, othersDeltaYuan: -18_400, unallocatedDeltaYuan: -1600 });
    // pool 980,000 over Σ raw 500,000: scale 1.96
    expect(await quotas()).toEqual({ H1: 509_600, H2: 294_000, H3: 0, P1: 98_000, N1: 20_000, T1: 78_400 });
    await expect(budget.adjust({ planId, institutionId: inst.N1 as number, change: { kind: 'quota', quotaYuan: 20_000 }, reason: 'x' }))
      .rejects.toThrow('nothing changes: the quota of N1 is already set by hand to 20000.00 yuan');
    const detail = await budget.plan({ planId });
    expect(detail.adjustments[0]).toMatchObject({ code: 'N1', kind: 'quota', quotaBeforeYuan: 0, quotaAfterYuan: 20_000, reason: '新建医院按床位数核定', username: 'budget' });
    expect(detail.lines.find((l) => l.code === 'N1')).toMatchObject({ source: 'manual', adjusted: true, quotaYuan: 20_000 });
    expect(detail.lines.find((l) => l.code === 'H1')?.lastPaidYuan).toBe(300_000);
    const audit = (await db.select().from(auditLog).where(eq(auditLog.action, 'budget.adjust')).orderBy(auditLog.id)).at(-1);
    expect(JSON.parse(audit?.afterJson ?? '{}')).toMatchObject({ quotaFen: 2_000_000, reason: '新建医院按床位数核定' });
  });

  it('approves once the held-back share is decided; then every edit is refused with the exact message and nothing changes', async () => {
    const plan = `budget plan ${planId} (2026 employee, version 1)`;
    await expect(budget.approve({ planId })).rejects.toThrow(`${plan} cannot be approved: 78400.00 yuan of terminated institutions is unallocated: record a decision to hold or redistribute it`);
    await budget.decide({ planId, kind: 'unallocated', outcome: 'hold', decisionRef: '甲医保集体决策〔2026〕2号' });
    await expect(codeOf((await callerFor(db, 'leader')).budget.approve({ planId }))).resolves.toBe('FORBIDDEN');
    await expect(codeOf((await callerFor(db, 'leader')).budget.adjust({ planId, institutionId: inst.H1 as number, change: { kind: 'score', score: 90 }, reason: 'x' }))).resolves.toBe('FORBIDDEN');
    const approved = await budget.approve({ planId });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'budget' });
    const approval = JSON.parse((await db.select().from(auditLog).where(eq(auditLog.action, 'budget.approve')).limit(1))[0]?.afterJson ?? '{}');
    expect(approval).toMatchObject({ status: 'approved', totalFen: 100_000_000, quotas: 6 });
    expect(approval.quotasSha256).toMatch(/^[0-9a-f]{64}$/);

    const snapshot = await quotas();
    const auditCount = (await auditActions()).length;
    const locked = `${plan} is approved and locked: create a new version to change it`;
    await expect(budget.adjust({ planId, institutionId: inst.H1 as number, change: { kind: 'score', score: 90 }, reason: '复核' })).rejects.toThrow(locked);
    await expect(budget.previewAdjustment({ planId, institutionId: inst.H1 as number, change: { kind: 'score', score: 90 } })).rejects.toThrow(locked);
    await expect(budget.allocate({ planId })).rejects.toThrow(locked);
    await expect(budget.computeTotal({ planId, source: { kind: 'scenario', scenarioId: scenarioA } })).rejects.toThrow(locked);
    await expect(budget.decide({ planId, institutionId: inst.H3 as number, kind: 'deduction', outcome: 'waive', decisionRef: 'x' })).rejects.toThrow(locked);
    await expect(budget.approve({ planId })).rejects.toThrow(locked);
    expect(await codeOf(budget.adjust({ planId, institutionId: inst.H1 as number, change: { kind: 'score', score: 90 }, reason: '复核' }))).toBe('CONFLICT');
    // the database refuses too, whatever the caller
    await expect(db.update(budgetQuotas).set({ quotaFen: 1 }).where(eq(budgetQuotas.planId, planId))).rejects.toThrow('quotas of an approved budget plan are locked');
    await expect(db.delete(budgetQuotas).where(eq(budgetQuotas.planId, planId))).rejects.toThrow('quotas of an approved budget plan are locked');
    await expect(db.update(budgetPlans).set({ totalFen: 1 }).where(eq(budgetPlans.id, planId))).rejects.toThrow('budget plan is approved and locked');
    expect(await quotas()).toEqual(snapshot);
    expect(await auditActions()).toHaveLength(auditCount);
  });

  it('issues the monthly prepayment schedule once: 1% withheld, nothing in suspended months', async () => {
    const s = await budget.issuePrepayments({ planId, profile: 'seasonal' });
    const by = Object.fromEntries(s.institutions.map((i) => [i.code, i]));
    // 509,600 × 0.99 / 12
    expect(by.H1).toMatchObject({ withheldYuan: 5096, profile: 'flat', prepaidYuan: 504_504 });
    expect(by.H1?.monthsYuan).toEqual(new Array(12).fill(42_042));
    // 98,000 × 0.99 / 12 = 8,085 a month; March and April held
    expect(by.P1).toMatchObject({ suspendedMonths: [3, 4], heldForSuspensionYuan: 16_170, prepaidYuan: 80_850 });
    expect(by.P1?.monthsYuan.slice(1, 5)).toEqual([8085, 0, 0, 8085]);
    expect(Object.keys(by).sort()).toEqual(['H1', 'H2', 'N1', 'P1']);
    expect(s.monthTotalsYuan[0]).toBe(42_042 + 24_255 + 8085 + 1650);
    await expect(budget.issuePrepayments({ planId, profile: 'flat' })).rejects.toThrow(/^the prepayment schedule of budget plan \d+ \(2026 employee, version 1\) was issued on \d{4}-\d{2}-\d{2}$/);
  });

  it('imports monthly actual payments, refusing a bad file whole with file, row, column and rule', async () => {
    const bad = await budget.importActuals({ planId, fileName: 'actual-bad.csv', contentBase64: csv([
      '机构编码,月份,基金支付', 'H1,2026-01,-5', 'ZZ,2026-01,100', 'H1,2024-12,100', 'H2,2026-01,abc', 'B1,2026-01,100', 'H2,2026-02,100', 'H2,2026-02,200',
    ]) });
    expect(bad.ok).toBe(false);
    expect(bad.errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [2, '基金支付', 'negative_amount'], [3, '机构编码', 'unknown_institution'], [4, '月份', 'period_outside_plan'],
      [5, '基金支付', 'not_a_number'], [6, '机构编码', 'not_in_plan'], [8, '月份', 'duplicate_key'],
    ]);
    expect(bad.errors[0]).toMatchObject({ file: 'actual-bad.csv', message: 'amount cannot be negative: -5.00 元' });
    expect(bad.errors[2]?.message).toBe('period 2024-12 is outside 2025-01 to 2026-12 (the plan year 2026 and the year before it)');
    expect(bad.errors[5]?.message).toBe('institution "H2" has 2026-02 twice (also at row 7)');
    expect(await db.select().from(budgetActualPayments)).toHaveLength(0);
    const missing = await budget.importActuals({ planId, fileName: 'x.csv', contentBase64: csv(['code,month', 'H1,2026-01']) });
    expect(missing.errors[0]).toMatchObject({ rule: 'missing_column', column: 'institution_code' });

    const rows = ['institution_code,period,amount'];
    for (const m of ['01', '02', '03']) rows.push(`H1,2026-${m},50000`, `H2,2026-${m},24500`, `P1,2026-${m},5000`);
    rows.push('H3,2026-01,1000');
    const ok = await budget.importActuals({ planId, fileName: 'actual-q1.csv', contentBase64: csv(rows) });
    expect(ok).toMatchObject({ ok: true, rowsRead: 10, summary: { inserted: 10, updated: 0, unchanged: 0 }, periods: ['2026-01', '2026-02', '2026-03'] });
  });

  it('monitors deviation: who runs hot, by how much, since when', async () => {
    const d = await (await callerFor(db, 'viewer')).budget.deviation({ planId });
    expect(d.throughPeriod).toBe('2026-03');
    const by = Object.fromEntries(d.rows.map((r) => [r.code, r]));
    // expected 509,600 × 3/12 = 127,400; actual 150,000
    expect(by.H1).toMatchObject({ band: 'major', direction: 'over', since: '2026-01', expectedToDateYuan: 127_400, actualToDateYuan: 150_000 });
    expect(by.H1?.deviation).toBeCloseTo(150_000 / 127_400 - 1, 12);
    expect(by.H2).toMatchObject({ band: 'none', direction: 'on', deviation: 0, since: null });
    expect(by.P1).toMatchObject({ band: 'severe', direction: 'under', since: '2026-01' });
    expect(by.H3).toMatchObject({ band: 'severe', deviation: null, quotaYuan: 0 });
    expect(by.N1).toMatchObject({ band: 'severe', direction: 'under', deviation: -1, missingMonths: ['2026-01', '2026-02', '2026-03'] });
    expect(d.rows.map((r) => r.code)).toEqual(['H3', 'H1', 'N1', 'P1', 'H2']);
    expect(d.monthly[2]).toMatchObject({ period: '2026-03', actualToDateYuan: 150_000 + 73_500 + 15_000 + 1000 });
    expect(d.counts.over).toEqual({ general: 0, major: 1, severe: 1 });
  });

  it('settles the year: shared overspend, retained savings at the cap, beyond the band, recovery with its decision', async () => {
    const plan = `budget plan ${planId} (2026 employee, version 1)`;
    await expect(budget.settle({ planId })).rejects.toThrow(
      'settlement of 2026 needs actual payments for all 12 months; institutions lacking months (5): H1 (9 months), H2 (9 months), H3 (11 months), N1 (12 months), P1 (9 months)');
    const rows = ['institution_code,period,amount'];
    for (let m = 1; m <= 12; m++) {
      const p = `2026-${String(m).padStart(2, '0')}`;
      const last = m === 12;
      rows.push(`H1,${p},${last ? 46_717 : 46_713}`, `H2,${p},22050`, `P1,${p},${last ? 10_613 : 10_617}`, `N1,${p},${last ? 1663 : 1667}`, `H3,${p},${m === 1 ? 1000 : 0}`);
    }
    const full = await budget.importActuals({ planId, fileName: 'actual-2026.csv', contentBase64: csv(rows) });
    expect(full.summary).toEqual({ inserted: 50, updated: 9, unchanged: 1 });
    await expect(budget.settle({ planId })).rejects.toThrow(`${plan} cannot be settled: violation recoveries of 50,000 yuan or more need a recorded decision (1: H1)`);
    await budget.decide({ planId, institutionId: inst.H1 as number, kind: 'recovery', outcome: 'apply', decisionRef: '甲医保集体决策〔2027〕1号' });
    const s = await budget.settle({ planId });
    const by = Object.fromEntries(s.rows.map((r) => [r.code, r]));
    // H1: A = 560,560 = 1.1 Q → fund pays 509,600 + 50% × 50,960 = 535,080; − 70,000 recovery − 504,504 prepaid
    expect(by.H1).toMatchObject({ band: 'shared', actualYuan: 560_560, fundPaysYuan: 535_080, institutionBearsYuan: 25_480, violationRecoveryYuan: 70_000, finalYuan: -39_424 });
    // H2: A = 0.9 Q → reward min(30% × 29,400, 3% × 294,000) = 8,820 (both, the cap's edge); − 291,060 prepaid
    expect(by.H2).toMatchObject({ band: 'savings', fundPaysYuan: 273_420, rewardYuan: 8820, finalYuan: -17_640 });
    // P1: A = 1.3 Q → fund pays 98,000 + 50% × 19,600 = 107,800; prepaid 80,850 (two suspended months)
    expect(by.P1).toMatchObject({ band: 'beyond', fundPaysYuan: 107_800, institutionBearsYuan: 19_600, prepaidYuan: 80_850, finalYuan: 26_950 });
    expect(by.N1).toMatchObject({ band: 'savings', rewardYuan: 0, finalYuan: 200 });
    expect(by.H3).toMatchObject({ band: 'beyond', fundPaysYuan: 0, institutionBearsYuan: 1000, finalYuan: 0 });
    expect(s.bands).toEqual({ savings: 2, shared: 1, beyond: 2 });
    expect(s.summary).toMatchObject({ fundPaysYuan: 936_300, owedToInstitutionsYuan: 27_150, repaidByInstitutionsYuan: 57_064, recoveryYuan: 70_000 });
    expect((await budget.plan({ planId })).plan.status).toBe('settled');
    await expect(budget.settle({ planId })).rejects.toThrow(`${plan} is settled: settlement needs a plan that is approved`);
  });

  it('publishes the list and keeps the trail', async () => {
    const list = await (await callerFor(db, 'viewer')).budget.published({ planId });
    expect(list.rows.map((r) => [r.code, r.quotaYuan])).toEqual([['H1', 509_600], ['H2', 294_000], ['H3', 0], ['N1', 20_000], ['P1', 98_000], ['T1', 0]]);
    expect(list.plan).toMatchObject({ status: 'settled', totalYuan: 1_000_000, unallocatedYuan: 78_400 });
    const actions = await auditActions();
    for (const a of ['budget.create', 'budget.total', 'budget.allocate', 'agreement.terminated', 'budget.decide', 'budget.adjust', 'budget.approve', 'budget.prepayments', 'budget.actuals', 'budget.settle']) {
      expect(actions).toContain(a);
    }
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('exports every table over HTTP, exact to the fen, scoped like the API', async () => {
    const { server, base } = await listenApp(db);
    try {
      const login = async (username: string) => {
        const res = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { username, password: TEST_PASSWORD } }) });
        return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      };
      const viewer = await login('viewer');
      const published = await fetch(`${base}/api/budget/${planId}/export/published?format=csv&lang=zh`, { headers: { cookie: viewer } });
      expect(published.status).toBe(200);
      const text = (await published.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
      expect(text[0]).toBe('机构编码,机构名称,类型,等级,统筹区,年度预算额度（元）');
      expect(text[1]).toBe('H1,甲市第一医院,hospital,3,甲市,509600.00');
      for (const table of ['quotas', 'prepayments', 'deviation', 'settlement']) {
        const res = await fetch(`${base}/api/budget/${planId}/export/${table}?format=xlsx&unit=wan&lang=en`, { headers: { cookie: viewer } });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-disposition')).toContain(`budget-2026-employee-v1-${table}.xlsx`);
        const sheet = await readTableFromBuffer(new Uint8Array(await res.arrayBuffer()), 'x.xlsx');
        expect(sheet.rows.length).toBeGreaterThan(3);
      }
      const quotas = await readTableFromBuffer(new Uint8Array(await (await fetch(`${base}/api/budget/${planId}/export/quotas?unit=wan&lang=en`, { headers: { cookie: viewer } })).arrayBuffer()), 'q.xlsx');
      expect(quotas.header).toContain('quota (10⁴ yuan)');
      expect(quotas.rows.find((r) => r[0] === 'H1')?.at(-2)).toBe('50.96');
      expect((await fetch(`${base}/api/budget/${planId}/export/published`)).status).toBe(401);
      expect((await fetch(`${base}/api/budget/${planId}/export/published`, { headers: { cookie: await login('onlyb') } })).status).toBe(403);
      expect((await fetch(`${base}/api/budget/${planId}/export/nothing`, { headers: { cookie: viewer } })).status).toBe(404);
    } finally {
      await new Promise<void>((done) => server.close(() => done()));
    }
  });

  it('scopes plans to the user regions', async () => {
    const onlyB = await callerFor(db, 'onlyb');
    expect(await onlyB.budget.plans({})).toEqual([]);
    expect(await codeOf(onlyB.budget.plan({ planId }))).toBe('FORBIDDEN');
    expect(await codeOf(onlyB.budget.create({ year: 2027, scheme: 'employee', regionId: regionA }))).toBe('FORBIDDEN');
    expect(await codeOf(onlyB.budget.explain({ planId, institutionId: inst.H1 as number }))).toBe('FORBIDDEN');
    expect((await (await callerFor(db, 'leader')).budget.plans({ year: 2026 })).map((p) => p.id)).toEqual([planId]);
    expect(await codeOf(budget.plan({ planId: 9999 }))).toBe('NOT_FOUND');
  });
});

describe('budget router: versions and the exact total under repeated adjustments', () => {
  let db: Db;
  let regionC = 0;
  let planId = 0;
  const sums = async () => {
    const rows = await db.select({ q: budgetQuotas.quotaFen, u: budgetQuotas.unallocatedFen }).from(budgetQuotas).where(eq(budgetQuotas.planId, planId));
    return rows.reduce((s, r) => s + r.q + r.u, 0);
  };

  beforeAll(async () => {
    db = await makeTestDb();
    await load(db, 'code,name,level\nC,丙市,city', 'regions');
    const insts = ['institution_code,name,type,level,region_code,schemes'];
    const years = ['institution_code,year,payments,budget,assessment_score,credit_rating'];
    for (let i = 0; i < 30; i++) {
      insts.push(`C${i},丙市机构${i},hospital,2,C,employee`);
      for (let y = 2023; y <= 2025; y++) if ((i + y) % 7 !== 0) years.push(`C${i},${y},${1000 + ((i * 7919 + y * 104729) % 99_000)}.${i % 100},,${y === 2025 ? 60 + (i % 40) : ''},${y === 2025 ? 'ABCD'[i % 4] : ''}`);
    }
    await load(db, insts.join('\n'), 'institutions');
    await load(db, years.join('\n'), 'institution_years');
    regionC = ((await (await callerFor(db, 'admin')).region.tree()) as { id: number; code: string }[]).find((r) => r.code === 'C')?.id ?? 0;
    const sc = await (await callerFor(db, 'actuary')).projection.createScenario({ scenario: scenario('丙市'), regionId: regionC });
    const run = await (await callerFor(db, 'actuary')).projection.run({ kind: 'deterministic', scenarioId: sc.id });
    const b = (await callerFor(db, 'budget')).budget;
    planId = (await b.create({ year: 2026, scheme: 'employee', regionId: regionC, params: { growth: 0.1 } })).id;
    const plan = await b.computeTotal({ planId, source: { kind: 'run', runId: run.id }, earmarks: [{ label: '异地就医', amountYuan: 91_999.99 }] });
    expect(plan.total?.source).toMatchObject({ kind: 'run', runId: run.id });
    await b.allocate({ planId });
  });

  it('keeps Σ quotas = total to the fen through any sequence of adjustments', async () => {
    const totalFen = (await db.select({ t: budgetPlans.totalFen }).from(budgetPlans).where(eq(budgetPlans.id, planId)).limit(1))[0]?.t;
    expect(totalFen).toBe(100_000_001);
    expect(await sums()).toBe(totalFen);
    const ids = (await db.select({ id: budgetQuotas.institutionId }).from(budgetQuotas).where(eq(budgetQuotas.planId, planId)).orderBy(budgetQuotas.institutionId)).map((r) => r.id);
    const change = fc.oneof(
      fc.record({ kind: fc.constant('quota' as const), quotaYuan: fc.integer({ min: 0, max: 3_000_000 }).map((f) => f / 100) }),
      fc.record({ kind: fc.constant('score' as const), score: fc.integer({ min: 0, max: 1000 }).map((s) => s / 10) }),
      fc.record({ kind: fc.constant('credit' as const), rating: fc.constantFrom('A' as const, 'B' as const, 'C' as const, 'D' as const) }),
    );
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...ids), change), { minLength: 1, maxLength: 4 }), async (steps) => {
      for (const [institutionId, c] of steps) {
        const code = await codeOf((await callerFor(db, 'budget')).budget.adjust({ planId, institutionId, change: c, reason: '性质测试' }));
        expect(['OK', 'BAD_REQUEST']).toContain(code);
        expect(await sums()).toBe(totalFen);
      }
    }), { numRuns: 8 });
  });

  it('needs a new version to change an approved plan; approving it supersedes the old one', async () => {
    const b = (await callerFor(db, 'budget')).budget;
    const summary = (await b.plan({ planId })).summary;
    for (const code of summary.needsManualQuota) {
      const id = (await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.code, code)).limit(1))[0]?.id as number;
      await b.adjust({ planId, institutionId: id, change: { kind: 'quota', quotaYuan: 1000 }, reason: '无历史数据，按同级机构核定' });
    }
    await b.approve({ planId });
    await expect(b.newVersion({ planId: planId + 1000 })).rejects.toThrow(`budget plan ${planId + 1000} not found`);
    const v2 = await b.newVersion({ planId });
    expect(v2).toMatchObject({ version: 2, status: 'allocated', basedOnId: planId, totalYuan: 1_000_000.01 });
    const copied = await db.select().from(budgetQuotas).where(eq(budgetQuotas.planId, v2.id)).orderBy(budgetQuotas.institutionId);
    expect(copied.reduce((s, q) => s + q.quotaFen + q.unallocatedFen, 0)).toBe(100_000_001);
    await expect(b.newVersion({ planId })).rejects.toThrow(`budget plan ${planId} (2026 employee, version 1) already has a newer version (plan ${v2.id}, version 2)`);
    const first = copied[0] as (typeof copied)[number];
    await b.adjust({ planId: v2.id, institutionId: first.institutionId, change: { kind: 'quota', quotaYuan: 1234.56 }, reason: '年中调整' });
    await b.approve({ planId: v2.id });
    const [old, now] = await Promise.all([planId, v2.id].map(async (id) => (await db.select().from(budgetPlans).where(eq(budgetPlans.id, id)).limit(1))[0]));
    expect(old).toMatchObject({ status: 'superseded', supersededById: v2.id });
    expect(now?.status).toBe('approved');
    expect((await db.select().from(budgetQuotas).where(and(eq(budgetQuotas.planId, v2.id), eq(budgetQuotas.institutionId, first.institutionId))).limit(1))[0]?.quotaFen).toBe(123_456);
    await expect(b.newVersion({ planId })).rejects.toThrow(`budget plan ${planId} (2026 employee, version 1) is superseded: only an approved plan gets a new version`);
    await expect(b.adjust({ planId, institutionId: first.institutionId, change: { kind: 'quota', quotaYuan: 1 }, reason: 'x' }))
      .rejects.toThrow(`budget plan ${planId} (2026 employee, version 1) is superseded and locked: create a new version to change it`);
  });
});
