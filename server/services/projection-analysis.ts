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

export function compareScenarios(db: Db, scope: Set<number> | null, scenarioIds: number[]) {
  return scenarioIds.map((id) => {
    const version = getScenario(db, scope, id);
    const { scenario, ...meta } = version;
    return { ...meta, scenario, projection: modelCall(() => projectScenario(scenario)) };
  });
}

export function scenarioSensitivity(db: Db, scope: Set<number> | null, scenarioId: number, years: number[] | undefined) {
  const { scenario } = getScenario(db, scope, scenarioId);
  return modelCall(() => tornado(scenario, years === undefined ? {} : { years }));
}

export function solveScenario(db: Db, scope: Set<number> | null, scenarioId: number, targetMonths: number) {
  const { scenario } = getScenario(db, scope, scenarioId);
  return modelCall(() => solveForTarget(scenario, { targetMonths }));
}

export function scenarioPresets(db: Db, scope: Set<number> | null, scenarioId: number) {
  const { scenario } = getScenario(db, scope, scenarioId);
  return modelCall(() => costPresets(scenario));
}
