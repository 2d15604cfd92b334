/**
 * Linking a stochastic run to a forward warning (models/warning/stochastic-link.ts): coverage, the
 * year-end mapping of the run's cumulative probabilities onto the path, staleness, the reason text
 * with the run named, and bad input with the exact messages. Every figure is worked by hand below.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WARNING_PARAMS, evaluateFundSeries, explainWarning, forwardWarning, linkStochasticRun, monthIndexToText, stochasticRunCovers,
  type ForwardPathRow, type FundPeriodRow, type FundWarning, type StochasticRunFacts,
} from '../../../models/index.ts';

const month = (index: number) => monthIndexToText(index);
const JUNE_2025 = 2025 * 12 + 5;
/** 2024-07 … 2025-06: income = expenditure = 100 yuan, balance 800 → 8 months, green. */
const history: FundPeriodRow[] = Array.from({ length: 12 }, (_, k) => ({ period: month(JUNE_2025 - 11 + k), incomeFen: 10_000, expenditureFen: 10_000, balanceFen: 80_000 }));
/** 2025-07 … 2027-06, flat: the fund stays green, so only the probability speaks. */
const path: ForwardPathRow[] = Array.from({ length: 24 }, (_, k) => ({ period: month(JUNE_2025 + 1 + k), incomeFen: 10_000, expenditureFen: 10_000 }));
const run: StochasticRunFacts = {
  runId: 7, finishedAt: '2025-03-02T10:00:00.000Z', paths: 1000, years: [2025, 2026, 2027], probabilityRedBy: [0.05, 0.2, 0.4], scenarioVintage: '2025-02-10',
};
const input = { origin: '2025-06', pathPeriods: path.map((p) => p.period), horizonsMonths: [12, 24], newestRecordVintage: '2025-02-10' };

function explained(r: StochasticRunFacts, newestRecordVintage = '2025-02-10') {
  const link = linkStochasticRun(r, { ...input, newestRecordVintage });
  const forward = forwardWarning(history, path, { scheme: 'employee', params: DEFAULT_WARNING_PARAMS, probabilityRedBy: link.probabilityRedBy, stochasticSource: link.source });
  const warning = evaluateFundSeries(history, { scheme: 'employee', params: DEFAULT_WARNING_PARAMS }).at(-1) as FundWarning;
  return { link, forward, reason: explainWarning({ warning, balanceFen: 80_000, params: DEFAULT_WARNING_PARAMS, forward }).reasons.at(-1) };
}

describe('stochasticRunCovers: no gap after the origin, and reaching the first horizon', () => {
  it('from 2025-06 a run must start by 2025 (the year of 2025-07) and reach 2026 (the year of 2026-06)', () => {
    expect(stochasticRunCovers('2025-06', 12, [2025, 2026, 2027])).toBe(true);
    expect(stochasticRunCovers('2025-06', 12, [2024, 2025, 2026])).toBe(true);
    expect(stochasticRunCovers('2025-06', 12, [2026, 2027])).toBe(false);
    expect(stochasticRunCovers('2025-06', 12, [2024, 2025])).toBe(false);
  });

  it('from a December the next year is the first projected one; yearly origins step whole years; no years covers nothing', () => {
    expect(stochasticRunCovers('2025-12', 12, [2026])).toBe(true);
    expect(stochasticRunCovers('2025-12', 12, [2027, 2028])).toBe(false);
    expect(stochasticRunCovers('2025', 12, [2026, 2027])).toBe(true);
    expect(stochasticRunCovers('2025', 24, [2026])).toBe(false);
    expect(stochasticRunCovers('2025-06', 12, [])).toBe(false);
  });
});

describe('linkStochasticRun: the year-end mapping', () => {
  it('maps each path month to the probability by the end of its calendar year', () => {
    const { probabilityRedBy } = linkStochasticRun(run, input);
    // 2025-07 … 2025-12 → π_2025, 2026 → π_2026, 2027-01 … 2027-06 → π_2027
    expect(probabilityRedBy).toEqual([...Array<number>(6).fill(0.05), ...Array<number>(12).fill(0.2), ...Array<number>(6).fill(0.4)]);
  });

  it('so the 12-month horizon from 2025-06 reads the end of 2026 and the 24-month one the end of 2027', () => {
    const { forward } = explained(run);
    expect(forward.horizons.map((h) => [h.months, h.probabilityRed])).toEqual([[12, 0.2], [24, 0.4]]);
    expect(forward.stochastic).toEqual({ runId: 7, finishedOn: '2025-03-02', paths: 1000, ageMonths: 3, stale: [] });
  });

  it('a run ending before the second horizon leaves it null', () => {
    const short = linkStochasticRun({ ...run, years: [2025, 2026], probabilityRedBy: [0.05, 0.2] }, input);
    expect(short.probabilityRedBy.slice(17, 19)).toEqual([0.2, null]);
    const forward = forwardWarning(history, path, { scheme: 'employee', params: DEFAULT_WARNING_PARAMS, probabilityRedBy: short.probabilityRedBy });
    expect(forward.horizons.map((h) => h.probabilityRed)).toEqual([0.2, null]);
  });

  it('property: every mapped value is the run\'s value for the period\'s year, never falling along the path', () => {
    const cumulative = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 })
      .map((xs) => xs.map((_, i) => Math.max(...xs.slice(0, i + 1))));
    fc.assert(fc.property(fc.integer({ min: 2015 * 12, max: 2035 * 12 }), fc.integer({ min: 0, max: 1 }), cumulative, (origin, lead, probs) => {
      const start = Math.floor((origin + 1) / 12) - lead;
      const years = probs.map((_, i) => start + i);
      const periods = Array.from({ length: 24 }, (_, k) => month(origin + 1 + k));
      const r = { ...run, years, probabilityRedBy: probs };
      if (!stochasticRunCovers(month(origin), 12, years)) return;
      const { probabilityRedBy } = linkStochasticRun(r, { ...input, origin: month(origin), pathPeriods: periods });
      periods.forEach((p, k) => expect(probabilityRedBy[k]).toBe(probs[Number(p.slice(0, 4)) - start] ?? null));
      const values = probabilityRedBy.filter((x): x is number => x !== null);
      values.forEach((x, i) => expect(x).toBeGreaterThanOrEqual(values[i - 1] ?? 0));
    }), { seed: 20260301 });
  });
});

describe('linkStochasticRun: staleness', () => {
  it('a run started in the year of the origin on the last complete year\'s data, 3 months before, is current', () => {
    expect(linkStochasticRun(run, input).source.stale).toEqual([]);
  });

  it('newer data: a record vintage after the scenario\'s, or a complete year after its opening year', () => {
    expect(linkStochasticRun(run, { ...input, newestRecordVintage: '2025-08-01' }).source.stale).toEqual(['newer_data']);
    // a manual scenario has no vintage to compare; from 2025-12 the year 2025 is observed in full, after the opening year 2024
    const december = { ...input, origin: '2025-12', pathPeriods: Array.from({ length: 24 }, (_, k) => month(2025 * 12 + 12 + k)) };
    expect(linkStochasticRun({ ...run, scenarioVintage: 'manual', finishedAt: '2025-12-01' }, december).source.stale).toEqual(['newer_data']);
    expect(linkStochasticRun({ ...run, scenarioVintage: 'manual', finishedAt: '2025-12-01', years: [2026, 2027], probabilityRedBy: [0.2, 0.4] }, december).source.stale).toEqual([]);
  });

  it('an old run: more than 12 months from its finishing month to the origin month (12 exactly is still current)', () => {
    expect(linkStochasticRun({ ...run, finishedAt: '2024-06-30T23:00:00Z' }, input).source).toMatchObject({ ageMonths: 12, stale: [] });
    expect(linkStochasticRun({ ...run, finishedAt: '2024-05-20' }, input).source).toMatchObject({ ageMonths: 13, stale: ['old_run'] });
    expect(linkStochasticRun({ ...run, finishedAt: '2024-05-20' }, { ...input, maxRunAgeMonths: 24 }).source.stale).toEqual([]);
  });
});

describe('the reason names the run, the year-ends and why it is stale', () => {
  it('a current run', () => {
    expect(explained(run).reason).toEqual({
      code: 'probability_red',
      zh: '随机模拟进入红色预警的概率：12 个月内 20.0%（至 2026 年末），24 个月内 40.0%（至 2027 年末）；来源：随机模拟运行 #7（2025-03-02 完成，1000 条路径）',
      en: 'stochastic probability of red: 20.0% within 12 months (by end-2026), 40.0% within 24 months (by end-2027); source: Monte Carlo run #7 (finished 2025-03-02, 1000 paths)',
    });
  });

  it('a stale, short run', () => {
    const { reason } = explained({ ...run, finishedAt: '2024-05-20', years: [2025, 2026], probabilityRedBy: [0.05, 0.2] }, '2025-08-01');
    expect(reason?.zh).toBe('随机模拟进入红色预警的概率：12 个月内 20.0%（至 2026 年末），24 个月内 模拟未覆盖；来源：随机模拟运行 #7（2024-05-20 完成，1000 条路径）'
      + '；该运行已过时：情景校准所用数据早于基金现有数据，运行完成于数据期 2025-06 之前 13 个月');
    expect(reason?.en).toBe('stochastic probability of red: 20.0% within 12 months (by end-2026), not covered by the run within 24 months; source: Monte Carlo run #7 (finished 2024-05-20, 1000 paths)'
      + "; stale run: the scenario was calibrated on data older than the fund's, the run finished 13 months before the data period 2025-06");
  });
});

describe('linkStochasticRun: bad input', () => {
  const cases: Array<[string, Partial<StochasticRunFacts>, string]> = [
    ['run id', { runId: 0 }, 'runId must be a positive integer, got 0'],
    ['date', { finishedAt: '' }, 'run 7: finishedAt must be an ISO date YYYY-MM-DD, got ""'],
    ['paths', { paths: 0 }, 'run 7: paths must be a positive integer, got 0'],
    ['no years', { years: [], probabilityRedBy: [] }, 'run 7: no projected years'],
    ['misaligned', { probabilityRedBy: [0.1] }, 'run 7: probabilityRedBy has 1 values for 3 years'],
    ['not a probability', { probabilityRedBy: [0.1, 1.2, 1.3] }, 'run 7: probabilityRedBy[1] must be a probability in [0, 1], got 1.2'],
    ['falling', { probabilityRedBy: [0.3, 0.2, 0.4] }, 'run 7: probabilityRedBy[1] = 0.2 falls below the year before: a cumulative probability cannot fall'],
    ['gap in years', { years: [2025, 2027, 2028] }, 'run 7: years must be consecutive integers, got 2025, 2027, 2028'],
    ['not covering', { years: [2026, 2027, 2028] }, 'run 7 does not cover a warning from 2025-06: it projects 2026–2028'],
  ];
  for (const [name, change, message] of cases) it(name, () => expect(() => linkStochasticRun({ ...run, ...change }, input)).toThrow(message));
  it('age limit', () => expect(() => linkStochasticRun(run, { ...input, maxRunAgeMonths: -1 })).toThrow('maxRunAgeMonths must be a non-negative integer, got -1'));
  it('origin', () => expect(() => linkStochasticRun(run, { ...input, origin: '2025-13' })).toThrow('not a period (expected YYYY or YYYY-MM): "2025-13"'));
});
