/**
 * Cloning a scenario version, optionally as its low- or high-cost preset (domain.md §6.4: like
 * the Trustees' low-cost / intermediate / high-cost assumptions; the deltas live in
 * models/projection/presets.ts).
 */
import type { Db } from '../db/client.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { costPresets } from '../../models/index.ts';
import { cloneScenario, getScenario, type ScenarioPreset, type ScenarioVersion } from './scenario-store.ts';

export interface ClonePresetInput {
  fromId: number;
  name?: string | undefined;
  preset?: ScenarioPreset | undefined;
  note?: string | undefined;
}

export async function clonePreset(db: Db, user: SessionUser, scope: Set<number> | null, input: ClonePresetInput): Promise<ScenarioVersion> {
  const from = await getScenario(db, scope, input.fromId);
  const base = input.preset === undefined ? from.scenario : costPresets(from.scenario)[input.preset];
  const scenario = { ...base, name: input.name ?? (input.preset === undefined ? `${from.name} (copy)` : base.name) };
  return cloneScenario(db, user, scope, input.fromId, { scenario, preset: input.preset ?? null, note: input.note });
}
