/**
 * Read-only analyses of stored scenario versions: side-by-side deterministic projections, the
 * sensitivity tornado, the solvency solver and the cost presets (domain.md §6.2, §6.4). Each is
 * a few milliseconds of model time, so they are computed on request and never stored.
 */
import type { Db } from '../db/client.ts';
import { costPresets, projectScenario, solveForTarget, tornado } from '../../models/index.ts';
import { DomainError } from './errors.ts';
import { getScenario } from './scenario-store.ts';

/** Runs a model call and turns its plain errors into BAD_REQUEST with the model's message. */
function modelCall<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw new DomainError('BAD_REQUEST', (err as Error).message);
  }
}

/** The versions in the order asked, each with its projection; the first unknown or out-of-scope id refuses the lot. */
export async function compareScenarios(db: Db, scope: Set<number> | null, scenarioIds: number[]) {
  const out = [];
  for (const id of scenarioIds) {
    const { scenario, ...meta } = await getScenario(db, scope, id);
    out.push({ ...meta, scenario, projection: modelCall(() => projectScenario(scenario)) });
  }
  return out;
}

export async function scenarioSensitivity(db: Db, scope: Set<number> | null, scenarioId: number, years: number[] | undefined) {
  const { scenario } = await getScenario(db, scope, scenarioId);
  return modelCall(() => tornado(scenario, years === undefined ? {} : { years }));
}

export async function solveScenario(db: Db, scope: Set<number> | null, scenarioId: number, targetMonths: number) {
  const { scenario } = await getScenario(db, scope, scenarioId);
  return modelCall(() => solveForTarget(scenario, { targetMonths }));
}

export async function scenarioPresets(db: Db, scope: Set<number> | null, scenarioId: number) {
  const { scenario } = await getScenario(db, scope, scenarioId);
  return modelCall(() => costPresets(scenario));
}
