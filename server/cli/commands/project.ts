/**
 * `fundrisk project --scenario scenario.json [--paths N] [--seed S] [--out FILE]`: the deterministic
 * projection of a scenario (interfaces.md `project`, domain.md §4, §6.2) and, with `--paths`, the
 * Monte Carlo percentiles and probabilities (domain.md §6.3). The models compute in unrounded
 * doubles; money is rounded to the fen (half away from zero) only here, at output. Every field of the
 * models whose name ends in `Yuan` is printed without the suffix, in yuan: `balanceYuan` → `balance`.
 */
import type { Command } from 'commander';
import { MAX_PATHS, projectScenario, roundYuanToFen, simulateScenario, type FinancingYear, type ProjectionResult, type Scenario } from '../../../models/index.ts';
import { safeParseScenario } from '../../schemas/scenario.ts';
import { CliError, readJsonFile, writeJson } from '../io.ts';
import { parsePositiveInteger } from '../options.ts';

/** Seed of `--paths` runs without `--seed`; the same as the server's default (server/services/projection-runs.ts). */
export const DEFAULT_PROJECTION_SEED = 20260101;
const MAX_SEED = 0xffffffff;

export function registerProject(program: Command): void {
  program
    .command('project')
    .description('actuarial projection of a pooling fund: income, interest, expenditure, balance, payable months and tier per year (domain.md §6.2)')
    .requiredOption('--scenario <file>', 'scenario JSON (interfaces.md `project`): scheme employee or resident, opening values, assumptions')
    .option('--paths <n>', `also run N Monte Carlo paths (1 to ${MAX_PATHS}) and add "stochastic" percentiles and probabilities`)
    .option('--seed <s>', `seed of the Monte Carlo generator, 0 to ${MAX_SEED} (default ${DEFAULT_PROJECTION_SEED})`)
    .option('--out <file>', 'write the JSON here instead of stdout')
    .action((opts: { scenario: string; paths?: string; seed?: string; out?: string }) => {
      writeJson(runProject(opts), opts.out);
    });
}

/** Reads and checks the scenario, projects it, shapes the output; throws CliError naming file, field and reason. */
export function runProject(opts: { scenario: string; paths?: string; seed?: string }): Record<string, unknown> {
  const paths = opts.paths === undefined ? undefined : parsePositiveInteger('--paths', opts.paths, MAX_PATHS);
  const seed = opts.seed === undefined ? DEFAULT_PROJECTION_SEED : parseSeed(opts.seed);
  const { scenario, name } = loadScenario(opts.scenario);
  let projection: ProjectionResult;
  try {
    projection = projectScenario(scenario);
  } catch (err) {
    throw new CliError(`${name}: ${(err as Error).message}`);
  }
  const out: Record<string, unknown> = {
    scenario: { name: scenario.name, scheme: scenario.scheme, startYear: scenario.startYear, horizonYears: scenario.horizonYears },
    years: projection.years.map((y, t) => {
      const { year: _year, ...financing } = projection.financing.years[t] as FinancingYear;
      return { ...yuanFields(y), ...yuanFields(financing) };
    }),
    firstDeficitYear: projection.firstDeficitYear,
    exhaustionYear: projection.exhaustionYear,
    deficitFinancing: {
      reserveRate: projection.financing.reserveRate,
      openingReserve: roundYuanToFen(projection.financing.openingReserveYuan),
      exhaustedYear: projection.financing.exhaustedYear,
    },
    ...(projection.months ? { months: projection.months.map(yuanFields) } : {}),
  };
  if (paths !== undefined) {
    try {
      const result = simulateScenario(scenario, { paths, seed });
      out.stochastic = { ...result, percentiles: { ...result.percentiles, balance: roundTable(result.percentiles.balance) } };
    } catch (err) {
      throw new CliError(`${name}: ${(err as Error).message}`);
    }
  }
  return out;
}

function loadScenario(path: string): { scenario: Scenario; name: string } {
  const { json, name } = readJsonFile(path);
  const parsed = safeParseScenario(json, name);
  if (!parsed.success) throw new CliError(parsed.messages.join('\n'));
  return { scenario: parsed.scenario, name };
}

function parseSeed(text: string): number {
  const s = Number(text);
  if (text.trim() === '' || !Number.isInteger(s) || s < 0 || s > MAX_SEED) throw new CliError(`--seed: must be a whole number from 0 to ${MAX_SEED}, got "${text}"`);
  return s;
}

/** A row with every `…Yuan` field renamed without the suffix and rounded to the fen; other fields as they are. */
function yuanFields(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key.endsWith('Yuan') && typeof value === 'number') out[key.slice(0, -'Yuan'.length)] = roundYuanToFen(value);
    else out[key] = value;
  }
  return out;
}

function roundTable(table: Record<string, number[]>): Record<string, number[]> {
  return Object.fromEntries(Object.entries(table).map(([level, values]) => [level, values.map(roundYuanToFen)]));
}
