/**
 * Benchmark of the stochastic projection (issue 4 targets): 5,000 paths × 30 years of the employee
 * pooling fund with monthly steps in ≤ 1 s, against a vectorised NumPy implementation of the same
 * model (test/bench/numpy_projection.py) run side by side, memory, and linear scaling over
 * 1k / 5k / 20k paths. Also checks that the NumPy peer is the same model: equal to it at zero
 * volatility, and within Monte Carlo error of it with the default shocks (different generators).
 *
 * Timing: each size is run once to warm up, then REPEATS times; the median is reported (the same
 * protocol inside Python, timed with perf_counter around the simulation only). A cold run (first
 * call in a fresh process, JIT not warmed) and the memory figures come from a child process started
 * with --expose-gc. Standalone: `npx tsx test/bench/projection-stochastic.ts` prints the rows.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { defaultShockSpec, simulateScenario, type StochasticResult } from '../../models/stochastic/index.ts';
import type { EmployeeScenario } from '../../models/projection/scenario.ts';
import { DEFAULT_WARNING_PARAMS } from '../../models/warning/params.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SELF = fileURLToPath(import.meta.url);
const PEER = resolve(ROOT, 'test/bench/numpy_projection.py');
const SIZES = [1000, 5000, 20_000];
const TARGET_PATHS = 5000;
const TARGET_MS = 1000;
const REPEATS = 7;
const SEED = 20_260_101;

/** The interfaces.md employee example over 30 years: it runs out in most paths, so every part of the engine works. */
const SCENARIO: EmployeeScenario = {
  name: 'bench', scheme: 'employee', startYear: 2026, horizonYears: 30,
  opening: { balanceYuan: 2.0e9, activeMembers: 1.0e6, retirees: 3.0e5, avgMonthlyWageYuan: 6000, costPerActiveYuan: 2000, costPerRetireeYuan: 7000 },
  assumptions: {
    wageGrowth: 0.05, poolingRate: 0.06, collectionRate: 0.97, activeGrowth: 0, retireeGrowth: 0.04,
    medicalInflation: 0.03, utilisationGrowth: 0.02, interestRate: 0.015, subsidyYuan: 0,
  },
};
const SHOCKS = defaultShockSpec('employee');
const STILL = { ...SHOCKS, sigma: SHOCKS.sigma.map(() => 0) };

interface PeerResult {
  numpy: string;
  timings: { paths: number; medianMs: number; minMs: number; cpuMedianMs: number; arrayBytes: number }[];
  peakRssMB: number;
  zeroVolatility: { balance: number[][] };
  medianBalance: number[];
  probabilityExhaustedBy: number[];
}

interface ChildMemory {
  coldMs: number;
  baselineRssMB: number;
  peakRssMB: number;
  heapDeltaMB: number;
  resultJsonKB: number;
}

const run = (paths: number, shocks = SHOCKS): StochasticResult => simulateScenario(SCENARIO, { paths, seed: SEED, shocks, monthly: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Median wall time and median CPU time (user + system, all threads of the process) of REPEATS warm runs, ms. */
function timeRuns(paths: number): { paths: number; ms: number; cpuMs: number } {
  run(paths);
  const wall: number[] = [], cpu: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t = performance.now(), c = process.cpuUsage();
    run(paths);
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  return { paths, ms: median(wall), cpuMs: median(cpu) };
}

/** Child-process mode: one cold run, then its peak RSS and the heap it retains (MB). */
function childMemory(paths: number): ChildMemory {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseline = process.memoryUsage();
  const t = performance.now();
  const result = run(paths);
  const coldMs = performance.now() - t;
  gc?.();
  const after = process.memoryUsage();
  return {
    coldMs,
    baselineRssMB: baseline.rss / 2 ** 20,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    heapDeltaMB: (after.heapUsed - baseline.heapUsed) / 2 ** 20,
    resultJsonKB: JSON.stringify(result).length / 1024,
  };
}

function runChild(paths: number): ChildMemory {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', SELF, '--child', String(paths)], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ChildMemory;
}

function runPeer(): PeerResult | string {
  const request = { scenario: SCENARIO, shocks: SHOCKS, paths: SIZES, seed: SEED, repeats: REPEATS, redBelow: DEFAULT_WARNING_PARAMS.thresholds.redBelow };
  try {
    return JSON.parse(execFileSync('python3', [PEER], { input: JSON.stringify(request), encoding: 'utf8', maxBuffer: 1 << 24 })) as PeerResult;
  } catch (e) {
    return (e as Error).message.split('\n')[0] ?? 'failed';
  }
}

const fmt = (x: number, digits = 1) => x.toFixed(digits);
const row = (what: string, measured: string, target: string, met: boolean | null) => `| ${what} | ${measured} | ${target} | ${met === null ? '—' : met ? 'met' : 'MISSED'} |`;

export async function benchProjectionStochastic(): Promise<string[]> {
  const ours = SIZES.map(timeRuns);
  const peer = runPeer();
  const memory = runChild(TARGET_PATHS);
  const at = (paths: number) => ours.find((o) => o.paths === paths)?.ms ?? Number.NaN;
  const perKiloPathYear = ours.map((o) => (o.ms / (o.paths * SCENARIO.horizonYears)) * 1000);
  const spread = Math.max(...perKiloPathYear) / Math.min(...perKiloPathYear);
  const rows = [
    row(`stochastic projection, ${TARGET_PATHS.toLocaleString('en')} paths × 30 years, employee fund, monthly steps (median of ${REPEATS} warm runs)`, `${fmt(at(TARGET_PATHS))} ms`, `≤ ${TARGET_MS} ms`, at(TARGET_PATHS) <= TARGET_MS),
    row('the same, first call in a fresh process (cold JIT)', `${fmt(memory.coldMs)} ms`, `≤ ${TARGET_MS} ms`, memory.coldMs <= TARGET_MS),
    row(`scaling: ms for 1k / 5k / 20k paths (µs per 1,000 path-years)`,
      `${ours.map((o) => fmt(o.ms)).join(' / ')} (${perKiloPathYear.map((x) => fmt(x * 1000, 0)).join(' / ')})`,
      'linear: per-path-year cost within 1.5× across sizes', spread <= 1.5),
    row(`memory of one ${TARGET_PATHS.toLocaleString('en')}-path run (child process: peak RSS / RSS before the run / heap retained with the result / result as JSON)`,
      `${fmt(memory.peakRssMB, 0)} / ${fmt(memory.baselineRssMB, 0)} / ${fmt(memory.heapDeltaMB, 2)} MB / ${fmt(memory.resultJsonKB, 0)} KB`, 'reported', null),
  ];
  if (typeof peer === 'string') return [...rows, row('vectorised NumPy peer (test/bench/numpy_projection.py)', `not run: ${peer}`, 'fundrisk faster', false)];
  const peerAt = (paths: number) => peer.timings.find((t) => t.paths === paths)?.medianMs ?? Number.NaN;
  const cpuRatio = (peer.timings.find((t) => t.paths === TARGET_PATHS)?.cpuMedianMs ?? Number.NaN) / (ours.find((o) => o.paths === TARGET_PATHS)?.cpuMs ?? Number.NaN);
  const still = run(7, STILL);
  const zeroDiff = Math.max(...(peer.zeroVolatility.balance[3] ?? []).map((b, t) => Math.abs(b - (still.percentiles.balance['50'][t] as number)) / Math.abs(b)));
  const ref = run(TARGET_PATHS);
  // the year whose probability is nearest 1/2, where a difference between the models shows most
  const t = ref.probabilityExhaustedBy.reduce((best, p, i) => (Math.abs(p - 0.5) < Math.abs((ref.probabilityExhaustedBy[best] as number) - 0.5) ? i : best), 0);
  const pOurs = ref.probabilityExhaustedBy[t] as number, pPeer = peer.probabilityExhaustedBy[t] as number;
  // two independent estimates of one proportion: SE of the difference √(2p(1−p)/n); 4 SE
  const se = Math.sqrt((2 * ((pOurs + pPeer) / 2) * (1 - (pOurs + pPeer) / 2)) / TARGET_PATHS);
  const peerRss = peer.peakRssMB;
  return [
    ...rows,
    row(`NumPy ${peer.numpy} peer, same model vectorised over paths: ms for 1k / 5k / 20k paths (median of ${REPEATS})`,
      SIZES.map((p) => fmt(peerAt(p))).join(' / '), 'reported', null),
    row(`speed ratio NumPy ÷ fundrisk at ${TARGET_PATHS.toLocaleString('en')} paths (> 1: fundrisk faster)`,
      `${fmt(peerAt(TARGET_PATHS) / at(TARGET_PATHS), 2)}× (1k: ${fmt(peerAt(1000) / at(1000), 2)}×, 20k: ${fmt(peerAt(20_000) / at(20_000), 2)}×)`,
      '> 1', peerAt(TARGET_PATHS) / at(TARGET_PATHS) > 1),
    row(`the same ratio in CPU time (user + system; less sensitive to other load on this shared machine)`, `${fmt(cpuRatio, 2)}×`, 'reported', null),
    row(`NumPy memory at 20k paths (peak RSS of the Python process / its main arrays)`,
      `${fmt(peerRss, 0)} / ${fmt((peer.timings.at(-1)?.arrayBytes ?? 0) / 2 ** 20, 1)} MB`, 'reported', null),
    row('NumPy peer = fundrisk at zero volatility (max relative difference of the median balance path, 30 years)', zeroDiff.toExponential(1), '≤ 1e-12', zeroDiff <= 1e-12),
    row(`same model with shocks: P(exhausted by ${SCENARIO.startYear + t}), fundrisk vs NumPy (different generators)`,
      `${fmt(pOurs, 4)} vs ${fmt(pPeer, 4)}`, `difference within 4 SE = ${fmt(4 * se, 4)}`, Math.abs(pOurs - pPeer) <= 4 * se),
  ];
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly && process.argv[2] === '--child') {
  process.stdout.write(`${JSON.stringify(childMemory(Number(process.argv[3])))}\n`);
} else if (invokedDirectly) {
  process.stdout.write(`${['| what | measured | target | |', '| --- | --- | --- | --- |', ...(await benchProjectionStochastic())].join('\n')}\n`);
}
