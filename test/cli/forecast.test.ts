import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../bin/fundrisk.js');
const dir = mkdtempSync(join(tmpdir(), 'fundrisk-forecast-'));
function file(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
function fundrisk(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** 1,000 yearly series of 12 points (fund-like lengths), rows shuffled by a fixed permutation. */
function manySeries(): string[] {
  const rows: string[] = [];
  for (let s = 0; s < 1000; s++) {
    for (let t = 0; t < 12; t++) rows.push(`F${s},${2014 + t},${(1000 + s + 37 * t + ((s * 31 + t * 17) % 23)).toFixed(2)}`);
  }
  const shuffled = rows.map((r, i) => [((i * 7919) % rows.length), r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
  return ['series_id,period,value', ...shuffled];
}

describe('npx fundrisk forecast', () => {
  it('forecasts 1,000 series in one file with the interfaces.md fields', () => {
    const out = fundrisk(['forecast', '--input', file('many.csv', manySeries()), '--horizon', '3', '--method', 'theta']);
    expect(out.stderr).toBe('');
    const { forecasts } = JSON.parse(out.stdout);
    expect(forecasts).toHaveLength(1000);
    const f0 = forecasts.find((f: { seriesId: string }) => f.seriesId === 'F0');
    expect(f0).toMatchObject({ seriesId: 'F0', method: 'theta', periods: ['2026', '2027', '2028'] });
    expect(Object.keys(f0.lower).sort()).toEqual(['80', '95']);
    expect(f0.mean).toHaveLength(3);
  });

  it('monthly periods continue across the year end; custom levels', () => {
    const rows = ['series_id,period,value'];
    for (let t = 0; t < 30; t++) rows.push(`M,${2023 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')},${100 + t + (t % 12 === 0 ? 20 : 0)}`);
    const out = JSON.parse(fundrisk(['forecast', '--input', file('m.csv', rows), '--horizon', '8', '--method', 'snaive', '--levels', '50,90']).stdout);
    expect(out.forecasts[0].periods).toEqual(['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
    expect(Object.keys(out.forecasts[0].upper).sort()).toEqual(['50', '90']);
  });

  it('reports every bad row with file, row, column and rule, and prints nothing', () => {
    const bad = file('bad.csv', ['series_id,period,value', 'A,2020,1', 'A,2022,2', 'B,2020-13,3', 'C,2020,x', 'D,2020,1', 'D,2020,2']);
    const out = fundrisk(['forecast', '--input', bad, '--horizon', '2']);
    expect(out.code).not.toBe(0);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('bad.csv row 3, column period: series A has a gap: 2021 is missing before 2022');
    expect(out.stderr).toContain('bad.csv row 4, column period: not a period (expected YYYY or YYYY-MM): "2020-13"');
    expect(out.stderr).toContain('bad.csv row 5, column value: not a number: "x"');
    expect(out.stderr).toContain('bad.csv row 7, column period: series D has period 2020 twice (also row 6)');
  });

  it('refuses bad options', () => {
    const ok = file('ok.csv', ['series_id,period,value', 'A,2020,1', 'A,2021,2', 'A,2022,3']);
    expect(fundrisk(['forecast', '--input', ok, '--horizon', '0']).stderr).toContain('--horizon: must be a whole number from 1 to 120, got "0"');
    expect(fundrisk(['forecast', '--input', ok, '--horizon', '2', '--method', 'magic']).stderr).toContain('--method: unknown method "magic"');
    expect(fundrisk(['forecast', '--input', ok, '--horizon', '2', '--levels', '80,120']).stderr).toContain('--levels: must be percentages');
    expect(fundrisk(['forecast', '--input', join(dir, 'nope.csv'), '--horizon', '2']).stderr).toContain('nope.csv: cannot read file (ENOENT)');
  });
});

describe('npx fundrisk backtest', () => {
  it('averages over series and origins and lists per-series rows', () => {
    const rows = ['series_id,period,value'];
    for (const s of ['A', 'B']) for (let t = 0; t < 15; t++) rows.push(`${s},${2010 + t},${100 + 5 * t + (t % 3)}`);
    const out = fundrisk(['backtest', '--input', file('bt.csv', rows), '--horizon', '2', '--origins', '4', '--methods', 'naive,drift']);
    expect(out.stderr).toBe('');
    const result = JSON.parse(out.stdout);
    expect(result.methods.map((m: { method: string }) => m.method)).toEqual(['naive', 'drift']);
    for (const m of result.methods) {
      for (const k of ['mae', 'rmse', 'mape', 'smape', 'mase', 'coverage80', 'coverage95']) expect(typeof m[k]).toBe('number');
      expect(m.origins).toBe(8);
    }
    expect(result.series.map((s: { seriesId: string }) => s.seriesId)).toEqual(['A', 'B']);
    // drift follows the trend: lower error than naive
    expect(result.methods[1].mae).toBeLessThan(result.methods[0].mae);
  });
});
