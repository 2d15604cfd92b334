/**
 * `fundrisk project` through the real CLI (`node bin/fundrisk.js`), against the reference scenarios of
 * test/reference/projection (worked by work-by-hand.py, see its README), plus the scenario schema's
 * messages for bad input.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, fundrisk } from './run-cli.ts';
import { safeParseScenario } from '../../server/schemas/scenario.ts';

const REF = join(ROOT, 'test/reference/projection');

const scratch = () => mkdtempSync(join(tmpdir(), 'fundrisk-project-'));
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8'));
const scenarios = readdirSync(REF).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json')).map((f) => f.replace(/\.json$/, ''));
const MONEY = ['income', 'interest', 'expenditure', 'balance', 'currentSurplus', 'shortfall', 'fromReserve', 'fromAccumulatedSurplus', 'fromFiscal', 'fromOther', 'reserve'];
const interfacesExample = () => readJson(join(REF, 'employee-interfaces.json'));

/** Writes a scenario (or any text) to a scratch file and returns its path. */
function scenarioFile(content: unknown, name = 'scenario.json'): string {
  const path = join(scratch(), name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe.concurrent('fundrisk project: reference scenarios, every year to the fen', () => {
  it('covers the four reference scenarios', () => {
    expect(scenarios.sort()).toEqual(['employee-arrays', 'employee-interfaces', 'resident-arrays', 'resident-surplus']);
  });

  it.each(scenarios)('%s', async (name) => {
    const r = await fundrisk('project', '--scenario', join(REF, `${name}.json`));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { years: Record<string, unknown>[] } & Record<string, unknown>;
    const expected = readJson(join(REF, `${name}.expected.json`)) as {
      years: Record<string, unknown>[]; firstDeficitYear: number | null; exhaustionYear: number | null; deficitFinancing: { exhaustedYear: unknown };
    };
    expect(out.years).toHaveLength(expected.years.length);
    expected.years.forEach((year, t) => expect(out.years[t]).toMatchObject(year));
    expect([out.firstDeficitYear, out.exhaustionYear]).toEqual([expected.firstDeficitYear, expected.exhaustionYear]);
    expect((out.deficitFinancing as { exhaustedYear: unknown }).exhaustedYear).toEqual(expected.deficitFinancing.exhaustedYear);
  });

  it('prints the interfaces.md fields in order, money rounded to the fen, payable months in full', async () => {
    const r = await fundrisk('project', '--scenario', join(REF, 'employee-arrays.json'));
    const out = JSON.parse(r.stdout) as { years: Record<string, number>[] };
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['years', 'firstDeficitYear', 'exhaustionYear']));
    for (const year of out.years) {
      expect(Object.keys(year).slice(0, 5)).toEqual(['year', 'income', 'interest', 'expenditure', 'balance']);
      expect(year).toHaveProperty('payableMonths');
      expect(year).toHaveProperty('tier');
      for (const key of MONEY) expect(Math.round((year[key] as number) * 100) / 100).toBe(year[key]);
    }
    // payable months are the unrounded ratio: not a two-decimal number
    expect(out.years.some((y) => Math.round((y.payableMonths as number) * 100) / 100 !== y.payableMonths)).toBe(true);
  });
});

describe.concurrent('fundrisk project: options', () => {
  it('writes to --out and nothing to stdout', async () => {
    const out = join(scratch(), 'p.json');
    const r = await fundrisk('project', '--scenario', join(REF, 'resident-surplus.json'), '--out', out);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(readJson(out).exhaustionYear).toBeNull();
  });

  it('adds monthly rows when the scenario has a monthly profile; December is the year', async () => {
    const income = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5, 0.3, 0.2];
    const path = scenarioFile({ ...readJson(join(REF, 'resident-surplus.json')), monthlyProfile: { income } });
    const r = await fundrisk('project', '--scenario', path);
    const out = JSON.parse(r.stdout) as { years: { balance: number }[]; months: { month: string; balance: number; trailing12Expenditure: number }[] };
    expect(out.months).toHaveLength(8 * 12);
    expect(out.months[11]?.month).toBe('2025-12');
    expect(out.months[11]?.balance).toBe(out.years[0]?.balance);
  });

  it('--paths adds the stochastic summary; the same seed gives the same bytes; the default seed is 20260101', async () => {
    const scenario = join(REF, 'employee-interfaces.json');
    const [a, b, c] = await Promise.all([
      fundrisk('project', '--scenario', scenario, '--paths', '300', '--seed', '7'),
      fundrisk('project', '--scenario', scenario, '--paths', '300', '--seed', '7'),
      fundrisk('project', '--scenario', scenario, '--paths', '300'),
    ]);
    expect(a.stderr).toBe('');
    expect(a.stdout).toBe(b.stdout);
    const stochastic = (JSON.parse(a.stdout) as { stochastic: Record<string, unknown> }).stochastic as {
      paths: number; seed: number; percentiles: { balance: Record<string, number[]>; payableMonths: Record<string, number[]> };
      probabilityExhaustedBy: number[]; probabilityRedBy: number[];
    };
    expect([stochastic.paths, stochastic.seed]).toEqual([300, 7]);
    expect(Object.keys(stochastic.percentiles.balance).sort()).toEqual(['10', '2.5', '25', '50', '75', '90', '97.5'].sort());
    for (const values of Object.values(stochastic.percentiles.balance)) {
      expect(values).toHaveLength(10);
      for (const v of values) expect(Math.round(v * 100) / 100).toBe(v);
    }
    expect(stochastic.percentiles.payableMonths['50']).toHaveLength(10);
    expect(stochastic.probabilityExhaustedBy).toHaveLength(10);
    expect(stochastic.probabilityRedBy).toHaveLength(10);
    expect((JSON.parse(c.stdout) as { stochastic: { seed: number } }).stochastic.seed).toBe(20260101);
  });

  it('describes its options in --help', async () => {
    const r = await fundrisk('project', '--help');
    expect(r.status).toBe(0);
    for (const option of ['--scenario <file>', '--paths <n>', '--seed <s>', '--out <file>']) expect(r.stdout).toContain(option);
  });
});

describe.concurrent('fundrisk project: bad input names the file, the field and the reason', () => {
  const bad = (change: Record<string, unknown>) => ({ ...interfacesExample(), ...change });
  const assumptions = (change: Record<string, unknown>) => bad({ assumptions: { ...(interfacesExample().assumptions as object), ...change } });

  it.each([
    ['a misspelt assumption', assumptions({ wageGrowht: 0.05 }), 'scenario.json: assumptions: unknown key "wageGrowht"'],
    ['a yearly array of the wrong length', assumptions({ medicalInflation: [0.03, 0.03] }), 'scenario.json: assumptions.medicalInflation: expected 10 yearly values (horizonYears), got 2'],
    ['a growth rate of −1 or less', assumptions({ wageGrowth: [0.05, 0.05, 0.05, -1.2, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05] }), 'scenario.json: assumptions.wageGrowth[3]: must be greater than -1'],
    ['an unknown scheme', bad({ scheme: 'rural' }), 'scenario.json: scheme: must be "employee" or "resident"'],
    ['an opening reserve above the balance (a model rule)', bad({ openingReserveYuan: 3e9 }), 'scenario.json: openingReserveYuan: must be at most the opening balance (2000000000), got 3000000000'],
    ['text that is not JSON', '{"name": "base",', /^fundrisk: scenario\.json: not valid JSON \(/],
  ])('%s', async (_what, content, message) => {
    const r = await fundrisk('project', '--scenario', scenarioFile(content));
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    if (typeof message === 'string') expect(r.stderr).toBe(`fundrisk: ${message}\n`);
    else expect(r.stderr).toMatch(message);
  });

  it('lists every problem, one a line', async () => {
    const r = await fundrisk('project', '--scenario', scenarioFile(bad({ horizonYears: 0, opening: { ...(interfacesExample().opening as object), retirees: -5 } })));
    expect(r.stderr).toBe([
      'fundrisk: scenario.json: horizonYears: must be a whole number from 1 to 100, got 0',
      'scenario.json: opening.retirees: must be a non-negative number, got -5',
      '',
    ].join('\n'));
  });

  it.each([
    [['--paths', '0'], 'fundrisk: --paths: must be a whole number from 1 to 100000, got "0"\n'],
    [['--paths', '1000', '--seed', '-3'], 'fundrisk: --seed: must be a whole number from 0 to 4294967295, got "-3"\n'],
  ])('option %j', async (args, message) => {
    const r = await fundrisk('project', '--scenario', join(REF, 'employee-interfaces.json'), ...args);
    expect([r.status, r.stdout, r.stderr]).toEqual([1, '', message]);
  });

  it('a file that does not exist', async () => {
    const r = await fundrisk('project', '--scenario', 'no-such-scenario.json');
    expect([r.status, r.stderr]).toEqual([1, 'fundrisk: no-such-scenario.json: cannot read file (ENOENT)\n']);
  });
});

describe('scenario schema messages', () => {
  const base = interfacesExample;
  const parse = (json: unknown) => safeParseScenario(json, 'scenario.json');
  const messages = (json: unknown) => {
    const r = parse(json);
    return r.success ? [] : r.messages;
  };

  it('accepts the interfaces.md example and every reference scenario as they are', () => {
    for (const name of scenarios) expect(parse(readJson(join(REF, `${name}.json`))).success).toBe(true);
    const r = parse(base());
    expect(r.success && r.scenario.scheme).toBe('employee');
  });

  it.each([
    [{ assumptions: { ...(base().assumptions as object), poolingRate: 1 } }, 'scenario.json: assumptions.poolingRate: must be less than 1'],
    [{ assumptions: { ...(base().assumptions as object), collectionRate: 0 } }, 'scenario.json: assumptions.collectionRate: must be greater than 0'],
    [{ assumptions: { ...(base().assumptions as object), collectionRate: 1.01 } }, 'scenario.json: assumptions.collectionRate: must be at most 1'],
    [{ assumptions: { ...(base().assumptions as object), subsidyYuan: -1 } }, 'scenario.json: assumptions.subsidyYuan: must be at least 0'],
    [{ assumptions: { ...(base().assumptions as object), interestRate: '1.5%' } }, 'scenario.json: assumptions.interestRate: must be a number or an array with one number per projected year, got "1.5%"'],
    [{ assumptions: { ...(base().assumptions as object), interestRate: undefined } }, 'scenario.json: assumptions.interestRate: required'],
    [{ opening: { ...(base().opening as object), wage: 6000 } }, 'scenario.json: opening: unknown key "wage"'],
    [{ startYear: 2026.5 }, 'scenario.json: startYear: must be a whole year'],
    [{ reserveRate: 9 }, 'scenario.json: reserveRate: must be from 0 to 1'],
    [{ policy: [{ fromYear: 2028, expenditureFactor: -1 }] }, 'scenario.json: policy[0].expenditureFactor: must be a positive number'],
    [{ monthlyProfile: { expenditure: new Array(12).fill(0.1) } }, 'scenario.json: monthlyProfile.expenditure: shares must sum to 1, got 1.2'],
    [{ name: '' }, 'scenario.json: name: must not be empty'],
  ])('%j', (change, message) => {
    expect(messages({ ...base(), ...change })).toEqual([message]);
  });

  it('resident: a policy factor for an employee group', () => {
    const resident = readJson(join(REF, 'resident-surplus.json'));
    expect(messages({ ...resident, policy: [{ fromYear: 2026, expenditureFactor: 1.1, appliesTo: 'active' }] }))
      .toEqual(['scenario.json: policy[0].appliesTo: the resident scheme has one group; use "all"']);
  });

  it('cohort membership: age-group tables must agree in length and probabilities stay in [0, 1]', () => {
    const membership = {
      kind: 'cohort', ageGroupYears: 5, minAge: 20,
      active: { male: [5e5, 5e5], female: [0, 0] }, retirees: { male: [0, 3e5], female: [0, 0] }, entries: { male: [1e4], female: [0, 0] },
      qx: { male: [0.001, 1.5], female: [0.001, 0.01] }, retirementAge: { male: 60, female: [55, 55] },
    };
    expect(messages({ ...base(), membership })).toEqual([
      'scenario.json: membership.qx.male[1]: must be from 0 to 1',
      'scenario.json: membership.retirementAge.female: expected 10 yearly values (horizonYears), got 2',
      'scenario.json: membership.entries.male: expected 2 age groups (as membership.active.male), got 1',
    ]);
  });

  it('the whole file must be an object', () => {
    expect(messages([1, 2])).toEqual(['scenario.json: must be a JSON object']);
  });
});
