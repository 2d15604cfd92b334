/** The scenario list shows one row per lineage (its newest version) with the number of versions behind it. */
import type { ScenarioListRow } from './types.ts';

export interface LineageRow {
  newest: ScenarioListRow;
  versions: number;
}

/**
 * Rows arrive newest first (by id); the first row of each lineage is its newest version.
 * @example newestPerLineage([{ id: 3, lineage: 'a', version: 2 }, { id: 2, lineage: 'b', version: 1 }, { id: 1, lineage: 'a', version: 1 }])
 * // => [{ newest: { id: 3, … }, versions: 2 }, { newest: { id: 2, … }, versions: 1 }]
 */
export function newestPerLineage<R extends Pick<ScenarioListRow, 'lineage' | 'version'>>(rows: readonly R[]): { newest: R; versions: number }[] {
  const out = new Map<string, { newest: R; versions: number }>();
  for (const row of rows) {
    const seen = out.get(row.lineage);
    if (!seen) out.set(row.lineage, { newest: row, versions: 1 });
    else {
      seen.versions++;
      if (row.version > seen.newest.version) seen.newest = row;
    }
  }
  return [...out.values()];
}

/** Whether a version is the newest of its lineage (only the newest may be revised: scenario-store.ts). */
export function isNewestVersion(rows: readonly Pick<ScenarioListRow, 'lineage' | 'version'>[], version: Pick<ScenarioListRow, 'lineage' | 'version'>): boolean {
  return rows.every((r) => r.lineage !== version.lineage || r.version <= version.version);
}
