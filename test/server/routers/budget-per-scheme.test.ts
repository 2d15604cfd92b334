/**
 * Budget plans per scheme (domain.md §2 分别建账, §5.2, §5.7; issue 6) through the router: a plan for a
 * scheme bases each institution on that scheme's payments only, the score is the institution's
 * whatever the scheme, a year recorded as one total for all schemes (before migration 0010) stops
 * the allocation instead of being counted in both plans, and the collective-decision threshold is
 * the plan's parameter. Totals are set on the draft directly (computing them from a projection is
 * tested in budget.test.ts), so every quota below is worked by hand from the fixture:
 * - M1 employee 100,000 / 200,000 / 300,000 (2023–2025) → base (1·100k + 2·200k + 7·300k)/10 = 260,000;
 *   M1 resident 10,000 / 20,000 / 30,000 → base 26,000; score 85, rating B (factor 1 × 1) in both;
 * - E1 (employee only) 2025: 100,000 → base 100,000; R1 (resident only) 2025: 50,000 → base 50,000;
 * - M1 has a confirmed violation of 60,000 元 in 2025: at or above the default 50,000 元 threshold.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { makeTestDb, callerFor } from '../harness.ts';
import { importTable } from '../../../server/importer/import-table.ts';
import { parseCsvText } from '../../../server/importer/read-table.ts';
import { budgetPlans, institutionYears, institutions } from '../../../server/db/schema.ts';
import type { Db } from '../../../server/db/client.ts';

type Caller = Awaited<ReturnType<typeof callerFor>>;

const INSTITUTIONS = `institution_code,name,type,level,region_code,schemes
M1,甲市综合医院,hospital,3,A,"employee,resident"
E1,甲市职工医院,hospital,2,A,employee
R1,甲市乡镇卫生院,primary_care,1,A,resident
U1,甲市老医院,hospital,2,B,"employee,resident"`;

const YEARS = `institution_code,year,scheme,payments,budget,assessment_score,credit_rating
M1,2023,employee,100000,,,
M1,2023,resident,10000,,,
M1,2024,employee,200000,,,
M1,2024,resident,20000,,,
M1,2025,employee,300000,,85,B
M1,2025,resident,30000,,85,B
E1,2025,,100000,,,
R1,2025,,50000,,,`;

async function load(db: Db, text: string, kind: 'regions' | 'institutions' | 'institution_years' | 'violations') {
  const report = await importTable(db, parseCsvText(text, `${kind}.csv`, 'utf-8'), { kind, unit: 'yuan', dryRun: false, vintage: '2026-01-15' });
  if (!report.ok) throw new Error(JSON.stringify(report.errors.slice(0, 3)));
}

async function failure(p: Promise<unknown>): Promise<[string, string]> {
  try {
    await p;
    return ['OK', ''];
  } catch (err) {
    return err instanceof TRPCError ? [err.code, err.message] : ['THROWN', String(err)];
  }
}

describe('budget router: payments per scheme and the decision threshold', () => {
  let db: Db;
  const inst: Record<string, number> = {};
  const region: Record<string, number> = {};
  let budget: Caller['budget'];
  /** A draft plan of 2026 with its total set by hand (yuan). */
  const draft = async (scheme: 'employee' | 'resident', code: string, totalYuan: number) => {
    const plan = await budget.create({ year: 2026, scheme, regionId: region[code] as number });
    await db.update(budgetPlans).set({ totalFen: totalYuan * 100 }).where(eq(budgetPlans.id, plan.id));
    return plan.id;
  };
  const lines = async (planId: number) => Object.fromEntries((await budget.plan({ planId })).lines.map((l) => [l.code, [l.baseYuan, l.quotaYuan, l.lastPaidYuan]]));

  beforeAll(async () => {
    db = await makeTestDb();
    budget = (await callerFor(db, 'budget')).budget;
    await load(db, 'code,name,level\nA,甲市,city\nB,乙市,city', 'regions');
    await load(db, INSTITUTIONS, 'institutions');
    await load(db, YEARS, 'institution_years');
    await load(db, 'institution_code,date,amount,count,nature,kind,status\nM1,2025-06-01,60000,2,serious,分解住院,confirmed', 'violations');
    for (const r of await db.select({ id: institutions.id, code: institutions.code }).from(institutions)) inst[r.code] = r.id;
    for (const r of (await (await callerFor(db, 'admin')).region.tree()) as { id: number; code: string }[]) region[r.code] = r.id;
  });

  it('gives an institution with different employee and resident payments a different base in each plan', async () => {
    const employee = await draft('employee', 'A', 720_000);
    const resident = await draft('resident', 'A', 76_000);
    await budget.allocate({ planId: employee });
    await budget.allocate({ planId: resident });
    // employee: M1 260,000 (its 60,000 deduction waits for a decision) + E1 100,000 = 360,000 → scale 2
    expect(await lines(employee)).toEqual({ M1: [260_000, 520_000, 300_000], E1: [100_000, 200_000, 100_000] });
    // resident: M1 26,000 + R1 50,000 = 76,000 → scale 1
    expect(await lines(resident)).toEqual({ M1: [26_000, 26_000, 30_000], R1: [50_000, 50_000, 50_000] });
    const years = async (planId: number) => (await budget.explain({ planId, institutionId: inst.M1 as number })).years.map((y) => y.paidYuan);
    expect(await years(employee)).toEqual([100_000, 200_000, 300_000]);
    expect(await years(resident)).toEqual([10_000, 20_000, 30_000]);
    for (const planId of [employee, resident]) {
      expect((await budget.explain({ planId, institutionId: inst.M1 as number })).assessment).toMatchObject({ score: 85, year: 2025 });
    }
  });

  it('takes the collective-decision threshold from the plan\'s parameters', async () => {
    const planId = (await budget.plans({ scheme: 'employee' }))[0]?.id as number;
    const pending = await budget.explain({ planId, institutionId: inst.M1 as number });
    expect(pending.deduction).toMatchObject({ appliedYuan: 0, pendingYuan: 60_000, thresholdYuan: 50_000 });
    // threshold 100,000 元: M1's 60,000 applies without a decision; raw 200,000 + 100,000, scale 2.4
    await budget.allocate({ planId, params: { collectiveDecisionThresholdYuan: 100_000 } });
    expect(await lines(planId)).toEqual({ M1: [260_000, 480_000, 300_000], E1: [100_000, 240_000, 100_000] });
    expect((await budget.explain({ planId, institutionId: inst.M1 as number })).deduction).toMatchObject({ appliedYuan: 60_000, pendingYuan: 0, thresholdYuan: 100_000 });
    expect(await failure(budget.decide({ planId, institutionId: inst.M1 as number, kind: 'deduction', outcome: 'apply', decisionRef: '甲医保〔2026〕1号' })))
      .toEqual(['BAD_REQUEST', "M1's deduction of 60000.00 yuan is below 100000.00 yuan: it needs no decision"]);
    expect(await failure(budget.decide({ planId, institutionId: inst.E1 as number, kind: 'deduction', outcome: 'apply', decisionRef: '甲医保〔2026〕1号' })))
      .toEqual(['BAD_REQUEST', 'E1 has no deduction to decide: its amount is 0.00 yuan']);
    // threshold 30,000.50 元: held again, and approval names the plan's threshold
    await budget.allocate({ planId, params: { collectiveDecisionThresholdYuan: 30_000.5 } });
    expect((await budget.plan({ planId })).plan.decisionThresholdYuan).toBe(30_000.5);
    expect(await failure(budget.approve({ planId })))
      .toEqual(['CONFLICT', `budget plan ${planId} (2026 employee, version 1) cannot be approved: deductions of 30,000.50 yuan or more need a recorded decision (1: M1)`]);
    expect(await failure(budget.allocate({ planId, params: { collectiveDecisionThresholdYuan: -1 } })))
      .toEqual(['BAD_REQUEST', 'params.collectiveDecisionThresholdYuan must be an amount in yuan ≥ 0 with at most 2 decimals, got -1']);
  });

  it('refuses to allocate while a base year holds only a total for all schemes, until the year is imported per scheme', async () => {
    // U1's 2025 as migration 0010 leaves a year recorded for all schemes together
    await db.insert(institutionYears).values({ institutionId: inst.U1 as number, year: 2025, unsplitPaymentsFen: 8_000_000, assessmentScore: 92 });
    const employee = await draft('employee', 'B', 1000);
    const resident = await draft('resident', 'B', 1000);
    const refusal = (planId: number, scheme: string) => ['CONFLICT', `budget plan ${planId} (2026 ${scheme}, version 1) cannot be allocated: base years with one payments total for all schemes `
      + '(recorded before payments were kept per scheme) cannot be split between plans (1: U1 (2025)); import institution_years for these years with a scheme column (one row per scheme)'];
    expect(await failure(budget.allocate({ planId: employee }))).toEqual(refusal(employee, 'employee'));
    expect(await failure(budget.allocate({ planId: resident }))).toEqual(refusal(resident, 'resident'));
    expect((await budget.plan({ planId: employee })).lines).toEqual([]);

    await load(db, 'institution_code,year,scheme,payments\nU1,2025,employee,50000', 'institution_years');
    await budget.allocate({ planId: employee });
    expect(await lines(employee)).toEqual({ U1: [50_000, 1000, 50_000] });
    expect((await budget.explain({ planId: employee, institutionId: inst.U1 as number })).assessment).toMatchObject({ score: 92 });
    expect(await failure(budget.allocate({ planId: resident }))).toEqual(refusal(resident, 'resident'));
  });
});
