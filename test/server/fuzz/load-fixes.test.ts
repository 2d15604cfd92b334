/**
 * What the mixed load (test/bench/load.ts) found, pinned here beside the fuzzers' findings:
 * - a projection run, a scenario and a saved forecast write audit rows but no data a warning reads,
 *   yet they moved the warning data stamp (and `fund.overview` keyed on every audit row, logins
 *   included), so under a mixed load every dashboard read after a run recomputed all warnings;
 * - `fund.overview` and `warning.current` answers now skip superjson's walk (asPlainJson), which was
 *   60 ms and 175 ms of a province-wide answer: that is only right while they are plain JSON, with
 *   nothing superjson would have to annotate (undefined, NaN, ±Infinity, Date, Map, Set, BigInt).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import superjson from 'superjson';
import type { Db } from '../../../server/db/client.ts';
import { warningDataStamp } from '../../../server/services/warning-cache.ts';
import { closeProjectionPool } from '../../../server/workers/projection-pool.ts';
import { callerFor } from '../harness.ts';
import { FUZZ_SCENARIO, makeFuzzWorld, type WorldIds } from './world.ts';

describe('what the mixed load found', () => {
  let db: Db;
  let ids: WorldIds;

  beforeAll(async () => {
    ({ db, ids } = await makeFuzzWorld());
  });
  afterAll(async () => {
    await closeProjectionPool();
  });

  it('keeps the warning data stamp through projection and forecast work, and moves it on an import', async () => {
    const admin = await callerFor(db, 'admin');
    const before = await warningDataStamp(db);
    const created = await admin.projection.createScenario({ scenario: { ...FUZZ_SCENARIO, name: 'stamp' }, regionId: ids.regionA });
    await admin.projection.reviseScenario({ fromId: created.id, scenario: { ...FUZZ_SCENARIO, name: 'stamp', horizonYears: 2 } });
    await admin.projection.cloneScenario({ fromId: created.id, name: 'stamp low', preset: 'low' });
    await admin.projection.run({ kind: 'deterministic', scenarioId: created.id });
    await admin.projection.run({ kind: 'stochastic', scenarioId: created.id, paths: 50, seed: 1 });
    await admin.forecast.save({ target: { kind: 'fund', fundId: ids.monthlyFund, measure: 'income' }, method: 'naive', horizon: 2 });
    expect(await warningDataStamp(db)).toBe(before);

    const csv = Buffer.from('code,name,level,parent_code\nA9,新县,county,A\n').toString('base64');
    const report = await admin.importer.commit({ kind: 'regions', unit: 'yuan', fileName: 'regions.csv', contentBase64: csv });
    expect(report.ok).toBe(true);
    expect(await warningDataStamp(db)).toBeGreaterThan(before);
  });

  it('answers fund.overview and warning.current in plain JSON: superjson finds nothing to annotate', async () => {
    const admin = await callerFor(db, 'admin');
    const answers = [
      await admin.fund.overview({}), await admin.fund.overview({ asOf: '2024-06' }),
      await admin.warning.current({}), await admin.warning.current({ asOf: '2024-06', scheme: 'employee' }),
    ];
    // spread into a plain object: the answer itself is opaque to superjson, which is the point of asPlainJson
    for (const answer of answers) expect(superjson.serialize({ ...answer }).meta).toBeUndefined();
    const funds = (answers[2] as { funds: { scheme: string; resident: unknown }[] }).funds;
    // the world holds a monthly employee, a yearly employee and a resident fund: every shape of row
    expect(funds.map((f) => f.scheme).sort()).toEqual(['employee', 'employee', 'resident']);
    expect(funds.find((f) => f.scheme === 'resident')?.resident).not.toBeNull();
  });
});
