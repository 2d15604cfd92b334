/**
 * Policy parameter sets in the database. The national default set (domain.md §3, with the
 * provenance of each value) is written once; warnings read the newest set in force.
 */
import { and, desc, eq, isNull, lte } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { parameterSets, parameterValues } from '../db/schema.ts';
import { NATIONAL_DEFAULT_PARAMETERS, toWarningParams, type WarningParams } from '../../models/index.ts';

export const NATIONAL_SET_NAME = 'national-default';
const NATIONAL_EFFECTIVE_FROM = '2009-01';

export interface ParameterEntry {
  key: string;
  value: unknown;
  provenance: 'seed' | 'official' | 'practice' | 'assumption';
  source: string;
}

/** Writes version 1 of the national default set if the database has none. */
export function ensureNationalParameterSet(db: Db): void {
  const existing = db.select({ id: parameterSets.id }).from(parameterSets).where(eq(parameterSets.name, NATIONAL_SET_NAME)).get();
  if (existing) return;
  db.transaction((tx) => {
    const set = tx.insert(parameterSets).values({
      name: NATIONAL_SET_NAME, version: 1, effectiveFrom: NATIONAL_EFFECTIVE_FROM,
      note: 'National defaults of domain.md §3–§5 with provenance per value',
    }).returning({ id: parameterSets.id }).get();
    for (const e of NATIONAL_DEFAULT_PARAMETERS) {
      tx.insert(parameterValues).values({
        setId: set.id, key: e.key, valueJson: JSON.stringify(e.value), provenance: e.provenance, source: e.source,
      }).run();
    }
  });
}

/** The national set in force at `period` (newest version whose effectiveFrom ≤ period). */
export function activeParameterEntries(db: Db, period = '9999-12'): { setId: number; version: number; entries: ParameterEntry[] } {
  const set = db.select().from(parameterSets)
    .where(and(eq(parameterSets.name, NATIONAL_SET_NAME), isNull(parameterSets.regionId), lte(parameterSets.effectiveFrom, period)))
    .orderBy(desc(parameterSets.version)).limit(1).get();
  if (!set) throw new Error('no national parameter set: the database was not initialised');
  const entries = db.select().from(parameterValues).where(eq(parameterValues.setId, set.id)).all()
    .map((v) => ({ key: v.key, value: JSON.parse(v.valueJson) as unknown, provenance: v.provenance, source: v.source }));
  return { setId: set.id, version: set.version, entries };
}

export function activeWarningParams(db: Db): { params: WarningParams; entries: ParameterEntry[]; version: number } {
  const { entries, version } = activeParameterEntries(db);
  return { params: toWarningParams(entries), entries, version };
}
