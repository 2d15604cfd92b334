/**
 * Benchmark of the stochastic projection (issue 4 targets): 5,000 paths × 30 years of the employee
 * pooling fund with monthly steps in ≤ 1 s, against a vectorised NumPy implementation of the same
 * model (test/bench/numpy_projection.py) run side by side, memory, and linear scaling over
 * 1k / 5k / 20k paths. Also checks that the NumPy peer is the same model: equal to it at zero
 * volatility, and within Monte Carlo error of it with the default shocks (different generators).
 *
 * Timing: each size is run once by each to warm up, then REPEATS rounds of one fundrisk run and one
 * NumPy run (the Python process waits on a pipe meanwhile, numpy_projection.py main), so that both
 * meet the same load on this shared machine; medians are reported, NumPy timed inside Python around
 * the simulation only. A cold run (first call in a fresh process, JIT not warmed) and the memory
 * figures come from a child process started with --expose-gc.
 * Standalone: `npx tsx test/bench/projection-stochastic.ts` prints the rows.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { defaultShockSpec, simulateScenario, type StochasticResult } from '../../models/stochastic/index.ts';
import type { EmployeeScenario } from '../../models/projection/scenario.ts';
import { DEFAULT_WARNING_PARAMS } from '../../models/warning/params.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SELF = fileURLToPath(import.meta.url);
const PEER = resolve(ROOT, 'test/bench/numpy_projection.py');
const SIZES = [1000, 5000, 20_000] as const;
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

/** Per level (2.5 … 97.5) the balance per year, and the probability of exhaustion by each year. */
interface PeerResult {
  balance: number[][];
  probabilityExhaustedBy: number[];
}

interface PeerRun {
  ms: number;
  cpuMs: number;
  arrayBytes: number;
  result?: PeerResult;
}

interface Peer {
  /** One timed simulation of `paths` paths, with its result when asked. */
  simulate(paths: number, withResult?: boolean): Promise<PeerRun>;
  /** The result with every σ = 0. */
  zeroVolatility(): Promise<PeerResult>;
  /** Ends the peer: its NumPy version and peak RSS, MB. */
  close(): Promise<{ numpy: string; peakRssMB: number }>;
}

/** The NumPy peer as a child process answering one JSON line per request (numpy_projection.py main). */
function startPeer(): Peer {
  const child = spawn('python3', [PEER], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  child.on('error', (e) => { stderr += e.message; });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`NumPy peer stopped: ${stderr.trim().split('\n').at(-1) ?? 'no output'}`);
    return JSON.parse(value as string);
  };
  child.stdin.on('error', () => undefined); // a peer that failed to start: reported by next()
  child.stdin.write(`${JSON.stringify({ scenario: SCENARIO, shocks: SHOCKS, seed: SEED, redBelow: DEFAULT_WARNING_PARAMS.thresholds.redBelow })}\n`);
  const ask = async (request: object) => {
    child.stdin.write(`${JSON.stringify(request)}\n`);
    return next();
  };
  return {
    simulate: (paths, withResult = false) => ask({ paths, result: withResult }),
    zeroVolatility: () => ask({ zeroVolatility: true }),
    close: async () => {
      child.stdin.end();
      return next();
    },
  };
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

interface Timing {
  paths: number;
  ms: number;
  cpuMs: number;
  peerMs: number;
  peerCpuMs: number;
}

/**
 * For one size: a warm-up run of each, then REPEATS rounds of one fundrisk run and one NumPy run,
 * alternating so that both meet the same load from other processes; medians of wall and CPU time
 * (ours: user + system of all the process's threads; NumPy: time.process_time).
 */
async function timeRuns(paths: number, peer: Peer | undefined): Promise<Timing> {
  run(paths);
  await peer?.simulate(paths);
  const wall: number[] = [], cpu: number[] = [], peerWall: number[] = [], peerCpu: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const t = performance.now(), c = process.cpuUsage();
    run(paths);
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
    const theirs = await peer?.simulate(paths);
    peerWall.push(theirs?.ms ?? Number.NaN);
    peerCpu.push(theirs?.cpuMs ?? Number.NaN);
  }
  return { paths, ms: median(wall), cpuMs: median(cpu), peerMs: median(peerWall), peerCpuMs: median(peerCpu) };
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

const fmt = (x: number, digits = 1) => x.toFixed(digits);
const row = (what: string, measured: string, target: string, met: boolean | null) => `| ${what} | ${measured} | ${target} | ${met === null ? '—' : met ? 'met' : 'MISSED'} |`;

/** Index of the 50 % level in the peer's percentile rows (LEVELS in numpy_projection.py). */
const PEER_MEDIAN_ROW = 3;

interface PeerOutcome {
  timings: Timing[];
  still: PeerResult;
  shocked: PeerRun;
  info: { numpy: string; peakRssMB: number };
}

async function runWithPeer(): Promise<PeerOutcome> {
  const peer = startPeer();
  const timings: Timing[] = [];
  for (const paths of SIZES) timings.push(await timeRuns(paths, peer));
  const still = await peer.zeroVolatility();
  const shocked = await peer.simulate(TARGET_PATHS, true);
  return { timings, still, shocked, info: await peer.close() };
}

export async function benchProjectionStochastic(): Promise<string[]> {
  const memory = runChild(TARGET_PATHS);
  let outcome: PeerOutcome | string;
  try {
    outcome = await runWithPeer();
  } catch (e) {
    outcome = (e as Error).message;
  }
  let timings: Timing[];
  if (typeof outcome === 'string') {
    timings = [];
    for (const paths of SIZES) timings.push(await timeRuns(paths, undefined));
  } else {
    timings = outcome.timings;
  }
  const at = (paths: number) => timings.find((o) => o.paths === paths) as Timing;
  const target = at(TARGET_PATHS);
  // linear cost t = a + b·paths: the marginal cost per path-year from 1k to 5k and from 5k to 20k paths agree
  const marginal = timings.slice(1).map((o, i) => ((o.ms - (timings[i]?.ms as number)) / ((o.paths - (timings[i]?.paths as number)) * SCENARIO.horizonYears)) * 1e6);
  const spread = Math.max(...marginal) / Math.min(...marginal);
  const rows = [
    row(`stochastic projection, ${TARGET_PATHS.toLocaleString('en')} paths × 30 years, employee fund, monthly steps (median of ${REPEATS} warm runs)`, `${fmt(target.ms)} ms`, `≤ ${TARGET_MS} ms`, target.ms <= TARGET_MS),
    row('the same, first call in a fresh process (cold JIT)', `${fmt(memory.coldMs)} ms`, `≤ ${TARGET_MS} ms`, memory.coldMs <= TARGET_MS),
    row('scaling: ms for 1k / 5k / 20k paths (marginal ns per path-year, 1k→5k and 5k→20k)',
      `${timings.map((o) => fmt(o.ms)).join(' / ')} (${marginal.map((x) => fmt(x, 0)).join(', ')})`, 'linear: the two marginal costs within 1.5× of each other', spread <= 1.5),
    row(`memory of one ${TARGET_PATHS.toLocaleString('en')}-path run (child process: peak RSS / RSS before the run / heap retained with the result / result as JSON)`,
      `${fmt(memory.peakRssMB, 0)} / ${fmt(memory.baselineRssMB, 0)} / ${fmt(memory.heapDeltaMB, 2)} MB / ${fmt(memory.resultJsonKB, 0)} KB`, 'reported', null),
  ];
  if (typeof outcome === 'string') return [...rows, row('vectorised NumPy peer (test/bench/numpy_projection.py)', `not run: ${outcome}`, 'fundrisk faster', false)];
  const still = run(7, STILL);
  const peerMedian = outcome.still.balance[PEER_MEDIAN_ROW] ?? [];
  const zeroDiff = Math.max(...peerMedian.map((b, t) => Math.abs(b - (still.percentiles.balance['50'][t] as number)) / Math.abs(b)));
  const ours = run(TARGET_PATHS);
  // the year whose probability is nearest 1/2, where a difference between the models shows most
  const t = ours.probabilityExhaustedBy.reduce((best, p, i) => (Math.abs(p - 0.5) < Math.abs((ours.probabilityExhaustedBy[best] as number) - 0.5) ? i : best), 0);
  const pOurs = ours.probabilityExhaustedBy[t] as number, pPeer = outcome.shocked.result?.probabilityExhaustedBy[t] as number;
  // two independent estimates of one proportion: SE of the difference √(2p(1−p)/n); 4 SE
  const pooled = (pOurs + pPeer) / 2;
  const se = Math.sqrt((2 * pooled * (1 - pooled)) / TARGET_PATHS);
  const ratio = (o: Timing) => o.peerMs / o.ms;
  return [
    ...rows,
    row(`NumPy ${outcome.info.numpy} peer (same model, vectorised over paths), runs alternating with ours: ms for 1k / 5k / 20k paths, fundrisk vs NumPy`,
      timings.map((o) => `${fmt(o.ms)} vs ${fmt(o.peerMs)}`).join(' / '), 'reported', null),
    row(`speed ratio NumPy ÷ fundrisk at ${TARGET_PATHS.toLocaleString('en')} paths (> 1: fundrisk faster)`,
      `${fmt(ratio(target), 2)}× (1k: ${fmt(ratio(at(1000)), 2)}×, 20k: ${fmt(ratio(at(20_000)), 2)}×)`, '> 1', ratio(target) > 1),
    row('the same ratio in CPU time (fundrisk: user + system of all threads, NumPy: process_time)', `${fmt(target.peerCpuMs / target.cpuMs, 2)}×`, 'reported', null),
    row('NumPy memory (peak RSS of the Python process after the 20k-path runs / main arrays of one 20k-path run)',
      `${fmt(outcome.info.peakRssMB, 0)} MB / ${fmt(((outcome.shocked.arrayBytes / TARGET_PATHS) * 20_000) / 2 ** 20, 1)} MB`, 'reported', null),
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
