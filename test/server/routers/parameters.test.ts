/**
 * `parameters.*` through createCaller on the warning fixture (warning-fixture.ts: C1 employee holds
 * 5 months all along, orange under the national cut points 3 / 6 / 9 / 15). A new national version
 * with orangeBelow 4.5 from 2025-07 makes it green from that month on; a C1 override with
 * redBelow 5.5 / orangeBelow 7 from 2025-10 makes it red from then. Past periods keep the rules
 * then in force; the dashboard, the overview and the history see each new version at once.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { count, desc, eq } from 'drizzle-orm';
import { callerFor } from '../harness.ts';
import { makeWarningDb, fundId, regionId } from './warning-fixture.ts';
import { auditLog, parameterSets, parameterValues } from '../../../server/db/schema.ts';
import type { Db } from '../../../server/db/client.ts';
import { NATIONAL_SET_NAME, versionAt, type StoredVersion } from '../../../server/services/parameters.ts';
import { NATIONAL_DEFAULT_PARAMETERS, THRESHOLD_KEYS } from '../../../models/index.ts';

const GUIDANCE = '某市医保局 2025 年第 3 号文';
const orange45 = { key: 'thresholds.orangeBelow', value: 4.5, provenance: 'practice' as const, source: GUIDANCE };
const version = (fromSetId: number, values: unknown[], effectiveFrom = '2025-07') =>
  ({ fromSetId, effectiveFrom, note: '按地方文件调整预警线', values }) as Parameters<Awaited<ReturnType<typeof callerFor>>['parameters']['createVersion']>[0];
const override = (regionId: number, values: unknown[], effectiveFrom = '2025-10', scheme: 'employee' | 'resident' = 'employee') =>
  ({ regionId, scheme, effectiveFrom, note: '地区调整', values }) as Parameters<Awaited<ReturnType<typeof callerFor>>['parameters']['setOverride']>[0];

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (err) {
    return err instanceof TRPCError ? `${err.code}: ${err.message}` : `THROWN ${String(err)}`;
  }
}

const rowCounts = async (db: Db) => ({
  sets: (await db.select({ n: count() }).from(parameterSets))[0]?.n,
  values: (await db.select({ n: count() }).from(parameterValues))[0]?.n,
  audit: (await db.select({ n: count() }).from(auditLog))[0]?.n,
});
const lastAudit = async (db: Db) => (await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];
const tierOf = async (db: Db, code: string, asOf?: string) =>
  (await (await callerFor(db, 'leader')).dashboard.summary(asOf ? { asOf } : {})).grid.find((r) => r.code === code)?.cells.employee?.tier;

describe('parameters router', () => {
  let db: Db;
  let v1: number;
  beforeEach(async () => {
    db = await makeWarningDb();
    v1 = (await (await callerFor(db, 'viewer')).parameters.list()).national[0]?.setId ?? 0;
  });

  it('lists the national set and shows every value with unit, provenance and source', async () => {
    const list = await (await callerFor(db, 'viewer')).parameters.list();
    expect(list.national).toMatchObject([{ version: 1, effectiveFrom: '2009-01', supersededFrom: null, createdBy: null, valueCount: 10 }]);
    expect(list.overrides).toEqual([]);
    expect(list.overrideKeys.map((k) => `${k.key}:${k.unit}`)).toEqual([
      'thresholds.redBelow:months', 'thresholds.orangeBelow:months', 'thresholds.greenUpTo:months', 'thresholds.blueUpTo:months',
      'denominator:choice', 'resident.surplusRateMax:rate', 'resident.accumulatedRatioMax:rate',
    ]);
    const set = await (await callerFor(db, 'viewer')).parameters.get({ setId: v1 });
    expect(set).toMatchObject({ kind: 'national', version: 1, newestVersion: 1, region: null });
    expect(set.values.map((v) => [v.key, v.value, v.unit, v.provenance])).toEqual([
      ['thresholds.redBelow', 3, 'months', 'official'], ['thresholds.orangeBelow', 6, 'months', 'official'],
      ['thresholds.greenUpTo', 9, 'months', 'official'], ['thresholds.blueUpTo', 15, 'months', 'official'],
      ['tierLabel.orange', '预警 (3–6 months)', 'text', 'assumption'], ['tierLabel.blue', '偏高 (9–15 months)', 'text', 'assumption'],
      ['denominator', 'current_year', 'choice', 'assumption'], ['resident.surplusRateMax', 0.15, 'rate', 'practice'],
      ['resident.accumulatedRatioMax', 0.25, 'rate', 'official'], ['reserveRate', 0.09, 'rate', 'seed'],
    ]);
    expect(set.values[9]?.source).toContain('第十条');
    expect(await refusal((await callerFor(db, 'viewer')).parameters.get({ setId: 4242 }))).toBe('NOT_FOUND: parameter set 4242 not found');
  });

  it('an edit is a new version; the old one keeps its values; the audit row holds before → after', async () => {
    const admin = await callerFor(db, 'admin');
    const v2 = await admin.parameters.createVersion(version(v1, [orange45]));
    expect(v2).toMatchObject({ kind: 'national', version: 2, effectiveFrom: '2025-07', note: '按地方文件调整预警线', createdBy: 'admin', valueCount: 10 });
    expect(v2.values.find((v) => v.key === 'thresholds.orangeBelow')).toMatchObject({ value: 4.5, provenance: 'practice', source: GUIDANCE });
    expect(v2.values.find((v) => v.key === 'thresholds.redBelow')).toMatchObject({ value: 3, provenance: 'official' });
    expect((await admin.parameters.get({ setId: v1 })).values.find((v) => v.key === 'thresholds.orangeBelow')?.value).toBe(6);
    expect((await admin.parameters.list()).national.map((v) => [v.version, v.effectiveFrom, v.supersededFrom])).toEqual([[2, '2025-07', null], [1, '2009-01', '2025-07']]);
    const audit = await lastAudit(db);
    expect(audit).toMatchObject({ action: 'parameters.version', entity: 'parameter_set', entityId: String(v2.setId), username: 'admin' });
    expect(JSON.parse(audit?.beforeJson ?? 'null')).toEqual({
      setId: v1, version: 1, effectiveFrom: '2009-01',
      values: { 'thresholds.orangeBelow': { value: 6, provenance: 'official', source: expect.stringContaining('人社部发〔2009〕67号') } },
    });
    expect(JSON.parse(audit?.afterJson ?? 'null')).toEqual({
      setId: v2.setId, version: 2, effectiveFrom: '2025-07', note: '按地方文件调整预警线',
      values: { 'thresholds.orangeBelow': { value: 4.5, provenance: 'practice', source: GUIDANCE } },
    });
  });

  it('the database refuses to change or delete a published version', async () => {
    const refused = 'parameter set version is published and immutable';
    await expect(db.update(parameterValues).set({ valueJson: '2' }).where(eq(parameterValues.setId, v1))).rejects.toThrow(refused);
    await expect(db.delete(parameterValues).where(eq(parameterValues.setId, v1))).rejects.toThrow(refused);
    await expect(db.insert(parameterValues).values({ setId: v1, key: 'extra', valueJson: '1', provenance: 'assumption', source: 'x' })).rejects.toThrow(refused);
    await expect(db.update(parameterSets).set({ effectiveFrom: '2000-01' }).where(eq(parameterSets.id, v1))).rejects.toThrow(refused);
    await expect(db.delete(parameterSets).where(eq(parameterSets.id, v1))).rejects.toThrow(refused);
  });

  it('the dashboard, the overview and the warnings see a new version at once; past periods keep the version then in force', async () => {
    const c1 = await fundId(db, 'C1', 'employee');
    expect(await tierOf(db, 'C1')).toBe('orange'); // memoised now: the edit must reset it
    await (await callerFor(db, 'admin')).parameters.createVersion(version(v1, [orange45]));
    const now = await (await callerFor(db, 'leader')).dashboard.summary({});
    expect([now.parameterVersion, now.thresholds.orangeBelow]).toEqual([2, 4.5]);
    expect(await tierOf(db, 'C1')).toBe('green');
    expect(await tierOf(db, 'C1', '2025-06')).toBe('orange');
    expect(await tierOf(db, 'C1', '2025-07')).toBe('green');
    const overview = async (asOf?: string) => (await (await callerFor(db, 'leader')).fund.overview(asOf ? { asOf } : {})).rows.find((r) => r.fundId === c1)?.tier;
    expect([await overview(), await overview('2025-06')]).toEqual(['green', 'orange']);
    const { periods } = await (await callerFor(db, 'leader')).warning.history({ fundId: c1 });
    expect(periods.filter((p) => p.period >= '2025-05' && p.period <= '2025-08').map((p) => [p.period, p.tier, p.parameterVersion])).toEqual([
      ['2025-05', 'orange', 1], ['2025-06', 'orange', 1], ['2025-07', 'green', 2], ['2025-08', 'green', 2],
    ]);
  });

  it('inForce: the versions of a month or a year, and a fund\'s resolved parameters', async () => {
    const admin = await callerFor(db, 'admin');
    const v2 = await admin.parameters.createVersion(version(v1, [orange45]));
    await admin.parameters.setOverride(override(await regionId(db, 'C1'), [{ key: 'thresholds.redBelow', value: 5.5, provenance: 'practice', source: GUIDANCE }, { key: 'thresholds.orangeBelow', value: 7, provenance: 'practice', source: GUIDANCE }]));
    const at = async (period?: string, fund?: boolean) => (await callerFor(db, 'viewer')).parameters.inForce({ ...(period ? { period } : {}), ...(fund ? { regionId: await regionId(db, 'C1'), scheme: 'employee' as const } : {}) });
    expect((await at('2025-06')).national).toMatchObject({ setId: v1, version: 1 });
    expect((await at('2025-07')).national).toMatchObject({ setId: v2.setId, version: 2 });
    expect((await at('2025')).national.version).toBe(2);
    expect((await at('2025-09')).overrides).toEqual([]);
    expect((await at('2025-10')).overrides.map((o) => [o.regionCode, o.scheme, o.version, o.values.length])).toEqual([['C1', 'employee', 1, 2]]);
    expect((await at('2025-09', true)).resolved?.thresholds).toEqual({ redBelow: 3, orangeBelow: 4.5, greenUpTo: 9, blueUpTo: 15 });
    expect((await at(undefined, true)).resolved).toMatchObject({ regionCode: 'C1', scheme: 'employee', denominator: 'current_year', thresholds: { redBelow: 5.5, orangeBelow: 7, greenUpTo: 9, blueUpTo: 15 } });
    expect(await refusal((await callerFor(db, 'viewer')).parameters.inForce({ period: '2008-12' }))).toBe('BAD_REQUEST: period 2008-12 is before the first national version (from 2009-01)');
    // the viewer of city C1 sees C1's override; the leader of C2 does not, and may not resolve C1
    expect((await (await callerFor(db, 'cityone')).parameters.inForce({})).overrides).toHaveLength(1);
    expect((await (await callerFor(db, 'citytwo')).parameters.inForce({})).overrides).toEqual([]);
    expect(await refusal((await callerFor(db, 'citytwo')).parameters.inForce({ regionId: await regionId(db, 'C1'), scheme: 'employee' }))).toBe('FORBIDDEN: this region is outside your assigned regions');
  });

  it('refuses bad versions with the field and the rule, and writes nothing', async () => {
    const admin = await callerFor(db, 'admin');
    const before = await rowCounts(db);
    const edit = (key: string, value: number | string) => version(v1, [{ key, value, provenance: 'practice', source: GUIDANCE }]);
    const { unit: _unit, ...unchanged } = (await admin.parameters.get({ setId: v1 })).values[0] as { unit: string; key: string };
    const cases: [ReturnType<typeof version>, string][] = [
      [edit('thresholds.orangeBelow', 2), 'BAD_REQUEST: params.thresholds.orangeBelow must be a number greater than redBelow (3), got 2'],
      [edit('thresholds.redBelow', -1), 'BAD_REQUEST: params.thresholds.redBelow must be a number ≥ 0, got -1'],
      [edit('thresholds.blueUpTo', '15'), 'BAD_REQUEST: params.thresholds.blueUpTo must be a number, got "15"'],
      [edit('denominator', 'monthly'), 'BAD_REQUEST: params.denominator must be one of current_year, year_to_date, projected_next_12, got "monthly"'],
      [edit('denominator', 'projected_next_12'), 'BAD_REQUEST: params.denominator projected_next_12 needs a projected expenditure for every period, which the stored parameter sets cannot supply: choose current_year or year_to_date'],
      [edit('resident.surplusRateMax', -0.1), 'BAD_REQUEST: params.resident.surplusRateMax must be a number ≥ 0 (a decimal rate, 0.15 not 15), got -0.1'],
      [edit('reserveRate', 9), 'BAD_REQUEST: params.reserveRate must be a decimal rate from 0 up to (not including) 1 (0.09 not 9), got 9'],
      [edit('tierLabel.blue', '  '), 'BAD_REQUEST: params.tierLabel.blue must be a non-empty text, got "  "'],
      [edit('thresholds.red', 3), 'BAD_REQUEST: parameter thresholds.red is not a known key of the national set (expected thresholds.redBelow, thresholds.orangeBelow, thresholds.greenUpTo, thresholds.blueUpTo, tierLabel.orange, tierLabel.blue, denominator, resident.surplusRateMax, resident.accumulatedRatioMax, reserveRate)'],
      [version(v1, [orange45, orange45]), 'BAD_REQUEST: parameter thresholds.orangeBelow is given twice'],
      [version(v1, [unchanged]), 'BAD_REQUEST: nothing changes from version 1: edit at least one value, provenance or source'],
      [version(4242, [orange45]), 'NOT_FOUND: parameter set 4242 not found'],
    ];
    for (const [input, message] of cases) expect(await refusal(admin.parameters.createVersion(input))).toBe(message);
    // zod: the note and each source are required
    expect(await refusal(admin.parameters.createVersion({ ...version(v1, [orange45]), note: '  ' }))).toMatch(/^BAD_REQUEST: .*a note is required: say why the rules change/s);
    expect(await refusal(admin.parameters.createVersion(version(v1, [{ ...orange45, source: '' }])))).toMatch(/^BAD_REQUEST: .*a source is required/s);
    expect(await rowCounts(db)).toEqual(before);

    const v2 = await admin.parameters.createVersion(version(v1, [orange45]));
    expect(await refusal(admin.parameters.createVersion(version(v1, [{ ...orange45, value: 5 }])))).toBe(`CONFLICT: parameter set ${v1} is version 1; the newest national version is 2: start from it`);
    expect(await refusal(admin.parameters.createVersion(version(v2.setId, [{ ...orange45, value: 5 }], '2025-06'))))
      .toBe('BAD_REQUEST: effectiveFrom 2025-06 is before 2025-07, when version 2 took effect: a new version cannot take effect before the version it follows');
    // the same month is allowed: the newer version replaces the older one from then
    expect((await admin.parameters.createVersion(version(v2.setId, [{ ...orange45, value: 5 }], '2025-07'))).version).toBe(3);
    expect(await tierOf(db, 'C1', '2025-07')).toBe('green');
  });

  it('regional overrides: versioned per region and scheme, checked against every national version they meet, ended by an empty version', async () => {
    const admin = await callerFor(db, 'admin');
    const c1 = await regionId(db, 'C1');
    const cut = (key: string, value: number) => ({ key, value, provenance: 'practice' as const, source: GUIDANCE });
    const o1 = await admin.parameters.setOverride(override(c1, [cut('thresholds.redBelow', 5.5), cut('thresholds.orangeBelow', 7)]));
    expect(o1).toMatchObject({ kind: 'override', version: 1, scheme: 'employee', effectiveFrom: '2025-10', region: { regionCode: 'C1', regionName: '甲市' } });
    expect(JSON.parse((await lastAudit(db))?.beforeJson ?? '"none"')).toBeNull();
    expect(JSON.parse((await lastAudit(db))?.afterJson ?? 'null')).toMatchObject({ setId: o1.setId, region: 'C1', scheme: 'employee', version: 1, values: { 'thresholds.redBelow': { value: 5.5 } } });
    expect([await tierOf(db, 'C1'), await tierOf(db, 'C1', '2025-09'), await tierOf(db, 'C1', '2025-10')]).toEqual(['red', 'orange', 'red']);
    expect(await tierOf(db, 'C2')).toBe('green'); // C2's ledger keeps the national rules
    const c1Fund = await fundId(db, 'C1', 'employee');
    const { periods } = await (await callerFor(db, 'leader')).warning.history({ fundId: c1Fund });
    expect(periods.filter((p) => p.period >= '2025-09' && p.period <= '2025-10').map((p) => p.tier)).toEqual(['orange', 'red']);

    // every merge is checked: an override below the national cut above it, a national edit breaking an override
    expect(await refusal(admin.parameters.setOverride(override(c1, [cut('thresholds.redBelow', 6.5)], '2025-11'))))
      .toBe('BAD_REQUEST: params.regions.C1.employee.thresholds.orangeBelow must be a number greater than redBelow (6.5), got 6');
    expect(await refusal(admin.parameters.createVersion(version(v1, [cut('thresholds.greenUpTo', 6.5)], '2026-01'))))
      .toBe('BAD_REQUEST: params.regions.C1.employee.thresholds.greenUpTo must be a number greater than orangeBelow (7), got 6.5');
    await admin.parameters.setOverride(override(await regionId(db, 'C2'), [cut('thresholds.orangeBelow', 6.8)], '2027-01', 'resident'));
    expect(await refusal(admin.parameters.createVersion(version(v1, [cut('thresholds.greenUpTo', 6.6)], '2026-01'))))
      .toBe('BAD_REQUEST: params.regions.C1.employee.thresholds.greenUpTo must be a number greater than orangeBelow (7), got 6.6');
    await admin.parameters.setOverride(override(c1, [], '2026-01'));
    expect(await refusal(admin.parameters.createVersion(version(v1, [cut('thresholds.greenUpTo', 6.6)], '2026-01'))))
      .toBe('BAD_REQUEST: params.regions.C2.resident.thresholds.greenUpTo must be a number greater than orangeBelow (6.8), got 6.6 (rules in force from 2027-01)');

    const list = await admin.parameters.list();
    expect(list.overrides.map((o) => [o.regionCode, o.scheme, o.versions.map((v) => `${v.version}:${v.effectiveFrom}:${v.valueCount}`), o.current.length])).toEqual([
      ['C1', 'employee', ['2:2026-01:0', '1:2025-10:2'], 0], ['C2', 'resident', ['1:2027-01:1'], 1],
    ]);
    expect(await tierOf(db, 'C1')).toBe('orange'); // the override ended from 2026-01
    expect(await tierOf(db, 'C1', '2025-12')).toBe('red');

    const before = await rowCounts(db);
    expect(await refusal(admin.parameters.setOverride(override(c1, [], '2026-02')))).toBe('BAD_REQUEST: nothing changes from version 2 of the override of region C1 (employee): edit at least one value, provenance or source');
    expect(await refusal(admin.parameters.setOverride(override(await regionId(db, 'C2'), [])))).toBe('BAD_REQUEST: region C2 (employee) has no override to end');
    expect(await refusal(admin.parameters.setOverride(override(c1, [cut('reserveRate', 0.1)]))))
      .toBe('BAD_REQUEST: parameter reserveRate is not a known key of a regional override (expected thresholds.redBelow, thresholds.orangeBelow, thresholds.greenUpTo, thresholds.blueUpTo, denominator, resident.surplusRateMax, resident.accumulatedRatioMax)');
    expect(await refusal(admin.parameters.setOverride(override(c1, [cut('thresholds.redBelow', 4)], '2025-12'))))
      .toBe('BAD_REQUEST: effectiveFrom 2025-12 is before 2026-01, when version 2 took effect: a new version cannot take effect before the version it follows');
    expect(await refusal(admin.parameters.setOverride(override(4242, [])))).toBe('NOT_FOUND: no region 4242');
    expect(await rowCounts(db)).toEqual(before);
  });

  it('edits at once are written one after the other, each checked against the versions before it', async () => {
    const admin = await callerFor(db, 'admin');
    const denominator = { key: 'denominator', value: 'year_to_date', provenance: 'practice' as const, source: GUIDANCE };
    const [c1, c2] = [await regionId(db, 'C1'), await regionId(db, 'C2')];
    const outcomes = await Promise.all([
      refusal(admin.parameters.createVersion(version(v1, [orange45]))),
      refusal(admin.parameters.createVersion(version(v1, [{ ...orange45, value: 5 }]))),
      refusal(admin.parameters.list()),
      refusal(admin.parameters.setOverride(override(c1, [denominator]))),
      refusal(admin.parameters.setOverride(override(c2, [denominator]))),
    ]);
    // both national edits start from version 1: whichever is written second finds version 2 newest
    expect(outcomes.filter((o) => o !== 'OK')).toEqual([`CONFLICT: parameter set ${v1} is version 1; the newest national version is 2: start from it`]);
    const list = await admin.parameters.list();
    expect(list.national.map((v) => v.version)).toEqual([2, 1]);
    expect(list.overrides.map((o) => [o.regionCode, o.versions.length])).toEqual([['C1', 1], ['C2', 1]]);
  });

  it('scoping: an override of another region is not listed and cannot be read', async () => {
    const o = await (await callerFor(db, 'admin')).parameters.setOverride(override(await regionId(db, 'C1'), [{ key: 'denominator', value: 'year_to_date', provenance: 'practice', source: GUIDANCE }]));
    expect((await (await callerFor(db, 'cityone')).parameters.list()).overrides.map((x) => x.regionCode)).toEqual(['C1']);
    expect((await (await callerFor(db, 'citytwo')).parameters.list()).overrides).toEqual([]);
    expect(await refusal((await callerFor(db, 'citytwo')).parameters.get({ setId: o.setId }))).toBe('FORBIDDEN: this region is outside your assigned regions');
    expect(await refusal((await callerFor(db, 'citytwo')).parameters.get({ setId: v1 }))).toBe('OK');
  });
});

describe('parameters: properties', () => {
  const month = fc.tuple(fc.integer({ min: 2009, max: 2030 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

  it('the version in force is the newest one in effect, and never moves back as the period moves on', () => {
    fc.assert(fc.property(fc.array(month, { minLength: 1, maxLength: 6 }), fc.array(month, { minLength: 1, maxLength: 12 }), (starts, periods) => {
      const chain: StoredVersion[] = [...starts].sort().map((effectiveFrom, i) => ({
        id: i + 1, name: NATIONAL_SET_NAME, version: i + 1, regionId: null, regionCode: null, scheme: null, effectiveFrom, note: null,
        createdBy: null, createdAt: '', entries: NATIONAL_DEFAULT_PARAMETERS.map((e) => ({ ...e })),
      }));
      const sorted = [...periods].sort();
      const versions = sorted.map((p) => versionAt(chain, p)?.version ?? 0);
      versions.forEach((v, i) => {
        expect(v).toBe(Math.max(0, ...chain.filter((c) => c.effectiveFrom <= (sorted[i] as string)).map((c) => c.version)));
        if (i > 0) expect(v).toBeGreaterThanOrEqual(versions[i - 1] as number);
      });
    }));
  });

  it('ordered cut points are accepted and read back exactly; any other order is refused and nothing is written', async () => {
    const db = await makeWarningDb();
    const admin = await callerFor(db, 'admin');
    const cuts = fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { minLength: 4, maxLength: 4 });
    await fc.assert(fc.asyncProperty(cuts, async (values) => {
      const newest = (await admin.parameters.list()).national[0];
      const edits = THRESHOLD_KEYS.map((k, i) => ({ key: `thresholds.${k}`, value: values[i] as number, provenance: 'assumption' as const, source: 'property test' }));
      const ordered = values.every((v, i) => i === 0 || v > (values[i - 1] as number));
      const current = (await admin.parameters.inForce({ regionId: await regionId(db, 'C1'), scheme: 'employee' })).resolved?.thresholds;
      const same = THRESHOLD_KEYS.every((k, i) => current?.[k] === values[i]) && newest?.version !== 1;
      const before = await rowCounts(db);
      const outcome = await refusal(admin.parameters.createVersion(version(newest?.setId ?? 0, edits, '2026-01')));
      if (same) {
        expect(outcome).toBe(`BAD_REQUEST: nothing changes from version ${newest?.version}: edit at least one value, provenance or source`);
      } else if (ordered) {
        expect(outcome).toBe('OK');
        const stored = await admin.parameters.inForce({ regionId: await regionId(db, 'C1'), scheme: 'employee' });
        expect(stored.resolved?.thresholds).toEqual({ redBelow: values[0], orangeBelow: values[1], greenUpTo: values[2], blueUpTo: values[3] });
      } else {
        expect(outcome).toMatch(/^BAD_REQUEST: params\.thresholds\.(orangeBelow|greenUpTo|blueUpTo) must be a number greater than (redBelow|orangeBelow|greenUpTo) \(.+\), got .+$/);
        expect(await rowCounts(db)).toEqual(before);
      }
    }), { numRuns: 40 });
  });
});
