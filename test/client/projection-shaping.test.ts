/**
 * The projection results' shaping helpers, fed with real model outputs of the interfaces.md
 * example (the same objects the server returns): fan rows, heatmap rows and cells, waterfall rows,
 * tornado ranking, comparison rows, run selection, the solver's decimals, the scenario list, URL
 * parameters, the export link and the creation stamp.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fanRange, fanRows } from '../../client/src/features/projection/fan-rows.ts';
import { heatCell, heatmapRows, hexToRgba, HEATMAP_TIERS } from '../../client/src/features/projection/heatmap-rows.ts';
import { exhaustionYears, hasShortfall, waterfallRows } from '../../client/src/features/projection/waterfall-rows.ts';
import { tornadoDomain, tornadoRows } from '../../client/src/features/projection/tornado-rows.ts';
import { comparisonHeadlines, comparisonRows } from '../../client/src/features/projection/comparison-rows.ts';
import { activeRun, isFinished, latestDone } from '../../client/src/features/projection/run-selection.ts';
import { solverDecimals } from '../../client/src/features/projection/solver-text.ts';
import { isNewestVersion, newestPerLineage } from '../../client/src/features/projection/scenario-rows.ts';
import { parseProjectionParams, projectionSearch } from '../../client/src/features/projection/use-projection-params.ts';
import { projectionExportUrl } from '../../client/src/features/projection/export-url.ts';
import { utcMinute } from '../../client/src/features/projection/stamp.ts';
import { INTERFACES_EXAMPLE } from '../../client/src/features/projection/example-scenario.ts';
import type { ComparedScenario } from '../../client/src/features/projection/types.ts';
import { costPresets, projectScenario, simulateScenario, solveForTarget, tornado } from '../../models/index.ts';

const projection = projectScenario(INTERFACES_EXAMPLE);
const stochastic = simulateScenario(INTERFACES_EXAMPLE, { paths: 300, seed: 5 });

describe('fanRows', () => {
  it('puts the deterministic value, the median and three nested bands on each year', () => {
    const rows = fanRows(projection.years.map((y) => ({ year: y.year, value: y.balanceYuan })), { years: stochastic.years, table: stochastic.percentiles.balance });
    expect(rows.map((r) => r.year)).toEqual(['2026', '2027', '2028', '2029', '2030', '2031', '2032', '2033', '2034', '2035']);
    const first = rows[0];
    expect(first?.deterministic).toBe(projection.years[0]?.balanceYuan);
    expect(first?.median).toBe(stochastic.percentiles.balance['50'][0]);
    expect(first?.band95).toEqual([stochastic.percentiles.balance['2.5'][0], stochastic.percentiles.balance['97.5'][0]]);
    expect(first?.band80).toEqual([stochastic.percentiles.balance['10'][0], stochastic.percentiles.balance['90'][0]]);
    expect(first?.band50).toEqual([stochastic.percentiles.balance['25'][0], stochastic.percentiles.balance['75'][0]]);
    for (const r of rows) {
      const [a, b] = r.band95 as [number, number];
      const [c, d] = r.band80 as [number, number];
      const [e, f] = r.band50 as [number, number];
      expect(a <= c && c <= e && e <= (r.median as number) && (r.median as number) <= f && f <= d && d <= b).toBe(true);
    }
  });
  it('works with either source alone, joins years, and drops non-finite values', () => {
    expect(fanRows([{ year: 2027, value: 1 }, { year: 2026, value: Number.NaN }], undefined)).toEqual([
      { year: '2026', deterministic: null }, { year: '2027', deterministic: 1 },
    ]);
    const table = { '2.5': [1], '10': [2], '25': [3], '50': [4], '75': [5], '90': [6], '97.5': [Number.POSITIVE_INFINITY] };
    expect(fanRows(undefined, { years: [2030], table })).toEqual([{ year: '2030', median: 4, band95: null, band80: [2, 6], band50: [3, 5] }]);
  });
  it('ranges over everything drawn', () => {
    expect(fanRange([{ year: '2026', deterministic: 5, band95: [1, 7] }, { year: '2027', median: -2 }])).toEqual([-2, 7]);
    expect(fanRange([])).toEqual([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
  });
});

describe('heatmap', () => {
  it('has the five tiers top to bottom, then deficit, red-by and exhausted-by, one value per year', () => {
    const rows = heatmapRows(stochastic);
    expect(rows.map((r) => (r.kind === 'tier' ? r.tier : r.event))).toEqual([...HEATMAP_TIERS, 'deficit', 'redBy', 'exhaustedBy']);
    for (const r of rows) expect(r.values).toHaveLength(10);
    for (let t = 0; t < 10; t++) {
      expect(rows.slice(0, 5).reduce((sum, r) => sum + (r.values[t] as number), 0)).toBeCloseTo(1, 12); // shares of 300 paths
    }
  });
  it('fills cells linearly in the probability, never invisibly, with light text on dark cells', () => {
    expect(heatCell(0)).toEqual({ opacity: 0.04, lightText: false });
    expect(heatCell(0.5)).toEqual({ opacity: 0.52, lightText: false });
    expect(heatCell(0.6)).toEqual({ opacity: 0.616, lightText: true });
    expect(heatCell(1)).toEqual({ opacity: 1, lightText: true });
    expect(heatCell(Number.NaN)).toEqual(heatCell(0));
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
      expect(a <= b ? heatCell(a).opacity <= heatCell(b).opacity : heatCell(a).opacity >= heatCell(b).opacity).toBe(true);
    }));
  });
  it('writes tier colours as rgba', () => {
    expect(hexToRgba('#cf1322', 0.5)).toBe('rgba(207, 19, 34, 0.5)');
    expect(() => hexToRgba('red', 1)).toThrow('hexToRgba: expected #rrggbb, got red');
  });
});

describe('waterfall', () => {
  it('stacks the sources of each shortfall and names the first year each runs out', () => {
    const rows = waterfallRows(projection.financing);
    expect(rows).toHaveLength(10);
    expect(rows[0]).toEqual({ year: '2026', shortfall: 0, reserve: 0, accumulatedSurplus: 0, fiscal: 0, other: 0 });
    for (const r of rows) expect(r.reserve + r.accumulatedSurplus + r.fiscal + r.other).toBeCloseTo(r.shortfall, 4); // yuan, sums of doubles ~1e9
    expect(exhaustionYears(projection.financing)).toEqual([
      { source: 'reserve', year: 2029 }, { source: 'accumulatedSurplus', year: 2032 }, { source: 'fiscal', year: null },
    ]);
    expect(hasShortfall(projection.financing)).toBe(true);
    const rich = projectScenario({ ...INTERFACES_EXAMPLE, assumptions: { ...INTERFACES_EXAMPLE.assumptions, poolingRate: 0.1 } });
    expect(hasShortfall(rich.financing)).toBe(false);
  });
});

describe('tornadoRows', () => {
  const t = tornado(INTERFACES_EXAMPLE, { years: [2030, 2035] });
  it('ranks by the swing at the chosen year and draws each bar from the base', () => {
    for (const k of [0, 1]) {
      const rows = tornadoRows(t, k);
      expect(rows).toHaveLength(t.bars.length);
      const swings = rows.map((r) => r.swingMonths);
      expect(swings).toEqual([...swings].sort((a, b) => b - a));
      const base = t.base.payableMonths[k] as number;
      for (const r of rows) {
        expect(r.lowRange).toEqual([base, r.lowMonths]);
        expect(r.highRange).toEqual([base, r.highMonths]);
        expect(r.swingMonths).toBeCloseTo(Math.abs((r.highMonths as number) - (r.lowMonths as number)), 12);
      }
    }
  });
  it('fits the axis to every bar end and the base, in whole months', () => {
    const rows = tornadoRows(t, 1);
    const [lo, hi] = tornadoDomain(rows);
    for (const r of rows) for (const v of [...(r.lowRange ?? []), ...(r.highRange ?? [])]) expect(v >= lo && v <= hi).toBe(true);
    expect(Number.isInteger(lo) && Number.isInteger(hi)).toBe(true);
    expect(tornadoDomain([{ lowRange: [-1.2, -7.2], highRange: [-1.2, 4.8] }])).toEqual([-8, 5]);
    expect(tornadoDomain([{ lowRange: [3, 3], highRange: null }])).toEqual([2, 4]);
    expect(tornadoDomain([])).toEqual([0, 1]);
  });
  it('leaves a bar undrawn when payable months are undefined', () => {
    const rows = tornadoRows({ years: [2030], base: { payableMonths: [null], exhaustionYear: null }, bars: t.bars.slice(0, 1) }, 0);
    expect(rows[0]?.lowRange).toBeNull();
  });
});

describe('comparison', () => {
  const presets = costPresets(INTERFACES_EXAMPLE);
  const item = (id: number, s: typeof INTERFACES_EXAMPLE, preset: ComparedScenario['preset']) =>
    ({ id, name: s.name, version: 1, preset, projection: projectScenario(s) }) as unknown as ComparedScenario;
  const items = [item(1, INTERFACES_EXAMPLE, null), item(2, { ...presets.high, horizonYears: 12 }, 'high')];
  it('puts each scenario in its own column over the union of years', () => {
    const rows = comparisonRows(items, (y) => y.balanceYuan);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual({ year: '2026', s0: projection.years[0]?.balanceYuan, s1: items[1]?.projection.years[0]?.balanceYuan });
    expect(rows[11]).toEqual({ year: '2037', s1: items[1]?.projection.years[11]?.balanceYuan });
    // the high-cost preset ends lower every year it shares with the base
    for (const r of rows.slice(1, 10)) expect(r.s1 as number).toBeLessThan(r.s0 as number);
  });
  it('summarises the headline figures of each', () => {
    const [a, b] = comparisonHeadlines(items);
    expect(a).toMatchObject({ id: 1, firstDeficitYear: 2027, exhaustionYear: 2032, lastYear: 2035, preset: null });
    expect(a?.monthsAtEnd).toBe(projection.years[9]?.payableMonths);
    expect(b).toMatchObject({ id: 2, preset: 'high', lastYear: 2037 });
    expect(b?.exhaustionYear as number).toBeLessThanOrEqual(2032);
  });
});

describe('run selection', () => {
  const runs = [
    { id: 5, kind: 'stochastic', status: 'running' }, { id: 4, kind: 'stochastic', status: 'failed' },
    { id: 3, kind: 'deterministic', status: 'done' }, { id: 2, kind: 'stochastic', status: 'done' }, { id: 1, kind: 'deterministic', status: 'done' },
  ] as const;
  it('shows the newest finished run of each kind and reattaches to a running one', () => {
    expect(latestDone(runs, 'deterministic')?.id).toBe(3);
    expect(latestDone(runs, 'stochastic')?.id).toBe(2);
    expect(activeRun(runs)?.id).toBe(5);
    expect(activeRun(runs.slice(1))).toBeUndefined();
    expect(['queued', 'running', 'done', 'failed', 'cancelled'].map((s) => isFinished(s as never))).toEqual([false, false, true, true, true]);
  });
});

describe('solverDecimals', () => {
  it('shows the solved rate to its precision', () => {
    const solved = solveForTarget(INTERFACES_EXAMPLE, { targetMonths: 6 });
    expect(solved.status).toBe('solved');
    const d = solverDecimals(solved.precision, 'rate');
    // the precision in percent is visible at d decimals and not at d − 1
    expect(solved.precision * 100 * 10 ** d).toBeGreaterThanOrEqual(0.1);
    expect(solved.precision * 100 * 10 ** (d - 1)).toBeLessThan(1);
    expect(solverDecimals(1e-7, 'rate')).toBe(5);
    expect(solverDecimals(0.01, 'yuan')).toBe(2);
    expect(solverDecimals(0.004, 'yuan')).toBe(3);
    expect(solverDecimals(0, 'rate')).toBe(2);
    expect(solverDecimals(1e-30, 'rate')).toBe(8);
  });
});

describe('scenario list', () => {
  const rows = [
    { id: 4, lineage: 'b', version: 1 }, { id: 3, lineage: 'a', version: 3 }, { id: 2, lineage: 'a', version: 2 }, { id: 1, lineage: 'a', version: 1 },
  ];
  it('keeps the newest version of each lineage with its count', () => {
    expect(newestPerLineage(rows)).toEqual([{ newest: rows[0], versions: 1 }, { newest: rows[1], versions: 3 }]);
  });
  it('knows which version may be revised', () => {
    expect(isNewestVersion(rows, { lineage: 'a', version: 3 })).toBe(true);
    expect(isNewestVersion(rows, { lineage: 'a', version: 2 })).toBe(false);
  });
});

describe('URL, export link and stamp', () => {
  it('reads and writes the page parameters', () => {
    expect(parseProjectionParams(new URLSearchParams('id=4&tab=results&compare=4,7,x,7,9,10,11'))).toEqual({ id: 4, tab: 'results', compare: [4, 7, 9, 10] });
    expect(parseProjectionParams(new URLSearchParams('id=-1&tab=nope'))).toEqual({ tab: 'edit', compare: [] });
    expect(projectionSearch({ id: 4, tab: 'compare', compare: [4, 7] }).toString()).toBe('id=4&tab=compare&compare=4%2C7');
  });
  it('links a run to its XLSX export in the UI language', () => {
    expect(projectionExportUrl(12, 'en')).toBe('/api/export/projection-runs/12?lang=en');
    expect(projectionExportUrl(3, 'zh-CN')).toBe('/api/export/projection-runs/3?lang=zh-CN');
  });
  it('stamps a stored time to the minute in UTC', () => {
    expect(utcMinute('2026-03-01T08:05:09.123Z')).toBe('2026-03-01 08:05 UTC');
    expect(utcMinute(null)).toBe('—');
    expect(utcMinute('yesterday')).toBe('yesterday');
  });
});
