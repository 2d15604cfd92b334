/**
 * `fundrisk allocate --institutions inst.csv --total TOTAL_YUAN [--params params.json] [--out FILE]`:
 * the year's total budget split over designated institutions (interfaces.md, domain.md §5.2).
 * Input header `institution_id,name,paid_y3,paid_y2,paid_y1,assessment_score,credit_rating,violation_yuan`
 * (`paid_y1` the most recent year; empty cells mean no data; amounts in yuan). The quotas sum to
 * `total` exactly, to the fen. Every bad cell is reported (file, row, column, rule) and nothing is output.
 * The command deducts `violation_yuan` as given; `needsCollectiveDecision` marks the deductions at
 * or above `collectiveDecisionThresholdYuan` (default 50,000 元), which the budget workflow would
 * apply only with a recorded collective decision (domain.md §5.7).
 */
import type { Command } from 'commander';
import {
  CREDIT_RATINGS, allocateBudget, fenToYuan, needsCollectiveDecision, parseAmountToFen,
  type AllocationResult, type CreditRating, type InstitutionBudgetInput, type PaymentYear,
} from '../../../models/index.ts';
import { idCell, loadBudgetParams, moneyCell, readBudgetTable, scoreCell, type BudgetTable } from '../budget-table.ts';
import { CliError, writeJson } from '../io.ts';

const COLUMNS = ['institution_id', 'name', 'paid_y3', 'paid_y2', 'paid_y1', 'assessment_score', 'credit_rating', 'violation_yuan'] as const;
const PAID_COLUMNS = ['paid_y3', 'paid_y2', 'paid_y1'] as const;

/** One output row: the interfaces.md fields (yuan, decimals) and the rest of the explanation. */
export interface AllocateQuotaRow {
  institutionId: string;
  name: string;
  quota: number;
  base: number | null;
  growth: number;
  assessmentFactor: number;
  creditFactor: number;
  violationDeduction: number;
  baseYears: readonly PaymentYear[];
  baseWeights: readonly number[];
  assessmentScore: number | null;
  assessmentRule: string;
  creditRating: CreditRating | null;
  creditRule: string;
  coefficient: number;
  adjustedBase: number | null;
  raw: number | null;
  deductionExceedsAdjustedBase: boolean;
  needsManualQuota: boolean;
  /** The deduction is at or above params.collectiveDecisionThresholdYuan (seed 001 第二十一条). */
  needsCollectiveDecision: boolean;
}

export interface AllocateOutput {
  total: number;
  allocated: number;
  rawTotal: number;
  /** The common factor of every computed quota: quota ≈ raw × scalingFactor before rounding to the fen. */
  scalingFactor: number;
  needsManualQuota: string[];
  quotas: AllocateQuotaRow[];
}

export function registerAllocate(program: Command): void {
  program
    .command('allocate')
    .description('split a total budget over designated institutions (domain.md §5.2): 1:2:7 base, growth, assessment × credit coefficient, violation deduction, exact to the fen')
    .requiredOption('--institutions <file>', `CSV or XLSX with header ${COLUMNS.join(',')} (yuan; empty cells mean no data)`)
    .requiredOption('--total <yuan>', 'the total to allocate, yuan (> 0)')
    .option('--params <file>', 'budget parameter JSON: growth, yearWeights, assessmentFactors, creditFactors, collectiveDecisionThresholdYuan (README)')
    .option('--out <file>', 'write the JSON here instead of stdout')
    .action(async (opts: { institutions: string; total: string; params?: string; out?: string }) => {
      writeJson(await runAllocate(opts), opts.out);
    });
}

/** Reads, checks and allocates; throws CliError listing every problem found. */
export async function runAllocate(opts: { institutions: string; total: string; params?: string }): Promise<AllocateOutput> {
  const problems: string[] = [];
  const totalFen = parseTotal(opts.total, problems);
  const params = loadBudgetParams(opts.params, problems);
  const table = await readBudgetTable(opts.institutions, COLUMNS, problems);
  const institutions = table ? readInstitutions(table) : [];
  if (problems.length > 0 || !table || !params || totalFen === undefined) throw new CliError(problems.join('\n'));
  let result: AllocationResult;
  try {
    result = allocateBudget(institutions, { totalFen, params });
  } catch (err) {
    throw new CliError(`${table.file}: ${(err as Error).message}`);
  }
  const orNull = (fen: number | null) => (fen === null ? null : fenToYuan(fen));
  return {
    total: fenToYuan(result.totalFen),
    allocated: fenToYuan(result.allocatedFen),
    rawTotal: fenToYuan(result.rawTotalFen),
    scalingFactor: result.scalingFactor,
    needsManualQuota: result.needsManualQuota,
    quotas: result.quotas.map((q) => ({
      institutionId: q.institutionId, name: q.name ?? '', quota: fenToYuan(q.quotaFen), base: orNull(q.baseFen),
      growth: q.growth, assessmentFactor: q.assessmentFactor, creditFactor: q.creditFactor, violationDeduction: fenToYuan(q.violationDeductionFen),
      baseYears: q.baseYears, baseWeights: q.baseWeights, assessmentScore: q.assessmentScore, assessmentRule: q.assessmentRule,
      creditRating: q.creditRating, creditRule: q.creditRule, coefficient: q.coefficient, adjustedBase: orNull(q.adjustedBaseFen),
      raw: orNull(q.rawFen), deductionExceedsAdjustedBase: q.deductionExceedsAdjustedBase, needsManualQuota: q.needsManualQuota,
      needsCollectiveDecision: needsCollectiveDecision(q.violationDeductionFen, params),
    })),
  };
}

function parseTotal(text: string, problems: string[]): number | undefined {
  let fen: number;
  try {
    fen = parseAmountToFen(text, 'yuan');
  } catch (err) {
    problems.push(`--total: ${(err as Error).message}`);
    return undefined;
  }
  if (fen <= 0) {
    problems.push(`--total: must be a positive amount in yuan, got "${text}"`);
    return undefined;
  }
  return fen;
}

function readInstitutions(t: BudgetTable): InstitutionBudgetInput[] {
  const seen = new Map<string, number>();
  const out: InstitutionBudgetInput[] = [];
  for (const row of t.rows) {
    const id = idCell(t, row, seen);
    const paid = PAID_COLUMNS.map((c) => moneyCell(t, row, c, null));
    const score = scoreCell(t, row, 'assessment_score');
    const ratingText = t.cell(row, 'credit_rating').toUpperCase().replace(/级$/, ''); // a, A or A级
    const rating = ratingText === '' ? null : (CREDIT_RATINGS as readonly string[]).includes(ratingText) ? (ratingText as CreditRating) : undefined;
    if (rating === undefined) t.fail(row.rowNumber, 'credit_rating', `unknown credit rating "${t.cell(row, 'credit_rating')}" (expected A, B, C, D or empty)`);
    const violation = moneyCell(t, row, 'violation_yuan', 0);
    if (id === undefined || paid.includes(undefined) || score === undefined || rating === undefined || violation === undefined) continue;
    out.push({
      institutionId: id, name: t.cell(row, 'name'), paidFen: paid as [number | null, number | null, number | null],
      assessmentScore: score, creditRating: rating, violationFen: violation ?? 0,
    });
  }
  return out;
}
