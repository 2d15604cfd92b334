/**
 * Loader for the M3 forecasting competition series kept in shared/data/m3 (Makridakis & Hibon 2000,
 * IJF 16:451-476; copied from the R package Mcomp 2.9, see the `#` line of each CSV).
 *
 * Each CSV has one row per observation: `series,type,period,frequency,n,h,split,start_year,
 * start_cycle,t,value`, with split `train` (Mcomp `x`, n values) and `test` (Mcomp `xx`, the
 * published horizon h). The start columns of the train rows give the start of the series; the test
 * rows carry the start of the test part, so they are not used for the start.
 *
 * The data folder is `../shared/data` beside the repository root, or `$FUNDRISK_SHARED_DATA`.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type M3Kind = 'yearly' | 'quarterly' | 'monthly' | 'other';
export const M3_KINDS: readonly M3Kind[] = ['yearly', 'quarterly', 'monthly', 'other'];

export interface M3Series {
  /** Mcomp id, e.g. "N1402". */
  id: string;
  /** Which M3 file it came from. */
  kind: M3Kind;
  /** M3 category: MICRO, INDUSTRY, MACRO, FINANCE, DEMOGRAPHIC, OTHER. */
  type: string;
  /** Observations per year: 1 yearly and other, 4 quarterly, 12 monthly. */
  frequency: number;
  train: number[];
  /** The held-out values; its length is the published horizon (6, 8, 18, 8). */
  test: number[];
  /** Start of the train part: year (or period index for 'other') and cycle within it (1-based). */
  startYear: number;
  startCycle: number;
}

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** Directory of the shared data sets: `$FUNDRISK_SHARED_DATA`, else `<repo>/../shared/data`. */
export function sharedDataDir(): string {
  const override = process.env.FUNDRISK_SHARED_DATA;
  return override && override.length > 0 ? resolve(override) : resolve(REPO_ROOT, '../shared/data');
}

/** Path of one M3 CSV. */
export function m3Path(kind: M3Kind): string {
  return join(sharedDataDir(), 'm3', `m3_${kind}.csv`);
}

const EXPECTED_HEADER = 'series,type,period,frequency,n,h,split,start_year,start_cycle,t,value';

/**
 * Reads all series of one M3 category, in file order.
 * @throws Error `M3 file <path>: unexpected header "<line>"` when the columns differ.
 * @throws Error `M3 series <id>: expected <n> train and <h> test values, found <a> and <b>` when a series is incomplete.
 */
export function loadM3(kind: M3Kind): M3Series[] {
  const path = m3Path(kind);
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').startsWith('#')) i++;
  const header = (lines[i] ?? '').trim();
  if (header !== EXPECTED_HEADER) throw new Error(`M3 file ${path}: unexpected header "${header}"`);
  const byId = new Map<string, Omit<M3Series, 'kind'> & { n: number; h: number; trainT: number[]; testT: number[] }>();
  for (i++; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const c = line.split(',');
    const id = c[0] as string;
    let s = byId.get(id);
    if (!s) {
      s = {
        id, type: c[1] as string, frequency: Number(c[3]), n: Number(c[4]), h: Number(c[5]),
        train: [], test: [], trainT: [], testT: [], startYear: NaN, startCycle: NaN,
      };
      byId.set(id, s);
    }
    const t = Number(c[9]);
    const value = Number(c[10]);
    if (c[6] === 'train') {
      if (Number.isNaN(s.startYear)) {
        s.startYear = Number(c[7]);
        s.startCycle = Number(c[8]);
      }
      s.train.push(value);
      s.trainT.push(t);
    } else {
      s.test.push(value);
      s.testT.push(t);
    }
  }
  const out: M3Series[] = [];
  for (const s of byId.values()) {
    if (s.train.length !== s.n || s.test.length !== s.h) {
      throw new Error(`M3 series ${s.id}: expected ${s.n} train and ${s.h} test values, found ${s.train.length} and ${s.test.length}`);
    }
    // Rows are written in t order; sort defensively if a copy was reordered.
    const inOrder = (ts: number[]) => ts.every((t, k) => k === 0 || t > (ts[k - 1] as number));
    if (!inOrder(s.trainT) || !inOrder(s.testT)) {
      const sortBy = (vals: number[], ts: number[]) => ts.map((t, k) => [t, vals[k] as number] as const).sort((a, b) => a[0] - b[0]).map((p) => p[1]);
      s.train = sortBy(s.train, s.trainT);
      s.test = sortBy(s.test, s.testT);
    }
    out.push({ id: s.id, kind, type: s.type, frequency: s.frequency, train: s.train, test: s.test, startYear: s.startYear, startCycle: s.startCycle });
  }
  return out;
}
