/**
 * `fundrisk settle --input settle.csv [--params params.json] [--out FILE]`: year-end settlement
 * (年终清算) of every institution (interfaces.md, domain.md §5.4). Input header
 * `institution_id,quota,actual,prepaid,violation_recovery`, yuan; `quota` and `actual` are required,
 * empty `prepaid` / `violation_recovery` mean 0. With `withholdingRelease` in the params the column
 * `assessment_score` is read too. Every bad cell is reported (file, row, column, rule) and nothing is output.
 */
import type { Command } from 'commander';
import { compileSettlementRule, fenToYuan, type Settlement, type SettlementBand, type SettlementInput } from '../../../models/index.ts';
import { idCell, loadBudgetParams, moneyCell, readBudgetTable, scoreCell, type BudgetTable } from '../budget-table.ts';
import { CliError, writeJson } from '../io.ts';

const COLUMNS = ['institution_id', 'quota', 'actual', 'prepaid', 'violation_recovery'] as const;
const SCORE_COLUMN = 'assessment_score';

/** One output row, yuan: the interfaces.md fields and the rest of the settlement. */
export interface SettleRow {
  institutionId: string;
  fundPays: number;
  institutionBears: number;
  reward: number;
  final: number;
  quota: number;
  actual: number;
  band: SettlementBand;
  rewardCapped: boolean;
  violationRecovery: number;
  prepaid: number;
  /** Only with `withholdingRelease` in the params. */
  withheld?: number;
  releaseShare?: number;
  withholdingRetained?: number;
}

export function registerSettle(program: Command): void {
  program
    .command('settle')
    .description('year-end settlement per institution (domain.md §5.4): retained savings under the quota, shared overspend above it, final = fund pays − violation recovery − prepaid')
    .requiredOption('--input <file>', `CSV or XLSX with header ${COLUMNS.join(',')} (yuan; empty prepaid / violation_recovery mean 0)`)
    .option('--params <file>', 'budget parameter JSON: rewardShare, rewardCap, overspendBands, beyondFundShare, withholdingRate, withholdingRelease (README)')
    .option('--out <file>', 'write the JSON here instead of stdout')
    .action(async (opts: { input: string; params?: string; out?: string }) => {
      writeJson(await runSettle(opts), opts.out);
    });
}

/** Reads, checks and settles; throws CliError listing every problem found. */
export async function runSettle(opts: { input: string; params?: string }): Promise<{ settlements: SettleRow[] }> {
  const problems: string[] = [];
  const params = loadBudgetParams(opts.params, problems);
  const release = Boolean(params?.withholdingRelease);
  const table = await readBudgetTable(opts.input, release ? [...COLUMNS, SCORE_COLUMN] : COLUMNS, problems);
  const inputs = table ? readRows(table, release) : [];
  if (problems.length > 0 || !table || !params) throw new CliError(problems.join('\n'));
  const rule = compileSettlementRule(params);
  let settlements: Settlement[];
  try {
    settlements = inputs.map(rule);
  } catch (err) {
    throw new CliError(`${table.file}: ${(err as Error).message}`);
  }
  return {
    settlements: settlements.map((s) => ({
      institutionId: s.institutionId, fundPays: fenToYuan(s.fundPaysFen), institutionBears: fenToYuan(s.institutionBearsFen),
      reward: fenToYuan(s.rewardFen), final: fenToYuan(s.finalFen), quota: fenToYuan(s.quotaFen), actual: fenToYuan(s.actualFen),
      band: s.band, rewardCapped: s.rewardCapped, violationRecovery: fenToYuan(s.violationRecoveryFen), prepaid: fenToYuan(s.prepaidFen),
      ...(release ? { withheld: fenToYuan(s.withheldFen), releaseShare: s.releaseShare, withholdingRetained: fenToYuan(s.withholdingRetainedFen) } : {}),
    })),
  };
}

function readRows(t: BudgetTable, withScore: boolean): SettlementInput[] {
  const seen = new Map<string, number>();
  const out: SettlementInput[] = [];
  for (const row of t.rows) {
    const id = idCell(t, row, seen);
    const quota = moneyCell(t, row, 'quota');
    const actual = moneyCell(t, row, 'actual');
    const prepaid = moneyCell(t, row, 'prepaid', 0);
    const recovery = moneyCell(t, row, 'violation_recovery', 0);
    const score = withScore ? scoreCell(t, row, SCORE_COLUMN) : null;
    if (id === undefined || quota === undefined || actual === undefined || prepaid === undefined || recovery === undefined || score === undefined) continue;
    out.push({ institutionId: id, quotaFen: quota, actualFen: actual, prepaidFen: prepaid, violationRecoveryFen: recovery, assessmentScore: score });
  }
  return out;
}
