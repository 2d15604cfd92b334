/**
 * Property-based fuzzing of every procedure of the app router (issue 7 item 6), called as an admin
 * (every permission, every region) on the fuzz world: arbitrary values (fc.anything) and mutations
 * of one valid input per procedure (valid-inputs.ts). For each call:
 * - the answer is a result or a TRPCError with a client-error code, never INTERNAL_SERVER_ERROR and
 *   never another exception (over HTTP that would be a 500), and its message is not a JavaScript
 *   exception's (LEAKED_EXCEPTION);
 * - a refused call leaves every table as it was: same row counts (the audit log's length among
 *   them) and no committed insert, update or delete (write-journal.ts), except the audit entries a
 *   refused credential check writes on purpose (REFUSAL_AUDIT_ACTIONS).
 * Subscriptions are read to their end, where their errors surface.
 *
 * Bounded and reproducible: seeded (SEED), ANY_RUNS + MUTATED_RUNS = 180 calls per procedure, about
 * 12,500 in all, 10–20 s on the shared 2-core machine (the slow calls hash passwords with argon2 or
 * fit forecasts), well inside a minute. A failure prints the counterexample, the seed and the path
 * to replay it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { TRPCError } from '@trpc/server';
import { count, eq, inArray } from 'drizzle-orm';
import { appRouter } from '../../../server/routers/_app.ts';
import { auditLog, projectionRuns } from '../../../server/db/schema.ts';
import { closeProjectionPool } from '../../../server/workers/projection-pool.ts';
import type { Db } from '../../../server/db/client.ts';
import { callerFor, TEST_PASSWORD } from '../harness.ts';
import { addUser } from '../../../server/services/users.ts';
import { FUZZ_SCENARIO, makeFuzzWorld, type WorldIds } from './world.ts';
import { validInputs } from './valid-inputs.ts';
import { anyInput, mutationsOf } from './mutations.ts';
import { journalWrites, type WriteJournal } from './write-journal.ts';

/** FUZZ_SEED and FUZZ_SCALE (a multiplier of the runs) explore further by hand; CI runs the defaults. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_707);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const ANY_RUNS = 30 * SCALE;
const MUTATED_RUNS = 150 * SCALE;
const PROCEDURE_TIMEOUT_MS = 30_000 * SCALE;
const IDLE_TIMEOUT_MS = 20_000;

/** The codes a refusal may carry: each names what was wrong with the request. */
const CLIENT_ERROR_CODES = new Set(['BAD_REQUEST', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'UNAUTHORIZED', 'TOO_MANY_REQUESTS', 'PAYLOAD_TOO_LARGE']);

/** A JavaScript error's own words in a refusal: an exception leaked through as the message, which names no field. */
const LEAKED_EXCEPTION = /Cannot read propert|Cannot convert|is not a function|is not iterable|is not defined|serialize a BigInt|Maximum call stack|Invalid (time value|array length)|(of|is) (undefined|null)\b|\[object Object\]/;

/** Refusals recorded on purpose (issue 7 item 3: every login success and failure is audited). */
const REFUSAL_AUDIT_ACTIONS = new Set([
  'auth.login.failure', 'auth.login.throttled', 'auth.login.totp_required', 'user.password.change.failure', 'user.totp.disable.failure',
]);

type Outcome = { ok: true } | { ok: false; code: string; message: string };

type Procedure = (input: unknown) => Promise<unknown>;

async function procedureOf(db: Db, path: string): Promise<Procedure> {
  const [ns, name] = path.split('.') as [string, string];
  const caller = (await callerFor(db, 'admin')) as unknown as Record<string, Record<string, Procedure>>;
  const fn = caller[ns]?.[name];
  if (!fn) throw new Error(`no procedure ${path}`);
  return fn;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

async function outcomeOf(db: Db, path: string, input: unknown): Promise<Outcome> {
  try {
    const result = await (await procedureOf(db, path))(input);
    if (isAsyncIterable(result)) for await (const _ of result) { /* read the stream to its end */ }
    return { ok: true };
  } catch (err) {
    if (err instanceof TRPCError) return { ok: false, code: err.code, message: err.message };
    return { ok: false, code: `not a TRPCError: ${(err as Error)?.constructor?.name}`, message: String((err as Error)?.message ?? err) };
  }
}

/** Waits until no Monte Carlo run is finishing in the worker, so its write is not blamed on the next call. */
async function idle(db: Db): Promise<void> {
  const running = async () => (await db.select({ n: count() }).from(projectionRuns).where(eq(projectionRuns.status, 'running')))[0]?.n ?? 0;
  const started = Date.now();
  while ((await running()) > 0) {
    if (Date.now() - started > IDLE_TIMEOUT_MS) throw new Error('a projection run is still running after 20 s');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Writes a refused call committed that it should not have: anything but the audit entries of
 * REFUSAL_AUDIT_ACTIONS and, with them, the failure the login throttle counts (`login_failures`).
 */
async function strayWrites(db: Db, journal: WriteJournal): Promise<string[]> {
  const writes = await journal.writes();
  const auditIds = writes.filter((w) => w.table === 'audit_log' && w.op === 'insert').map((w) => w.rowId as number);
  const actions = new Map<number | null, string>(auditIds.length === 0 ? [] : (await db.select({ id: auditLog.id, action: auditLog.action }).from(auditLog)
    .where(inArray(auditLog.id, auditIds))).map((r) => [r.id, r.action]));
  const refusalAudited = writes.some((w) => w.table === 'audit_log' && w.op === 'insert' && REFUSAL_AUDIT_ACTIONS.has(actions.get(w.rowId) ?? ''));
  return writes
    .filter((w) => !(w.table === 'audit_log' && w.op === 'insert' && REFUSAL_AUDIT_ACTIONS.has(actions.get(w.rowId) ?? '')))
    .filter((w) => !(refusalAudited && w.table === 'login_failures'))
    .map((w) => `${w.op} ${w.table} row ${w.rowId}${w.table === 'audit_log' ? ` (${actions.get(w.rowId)})` : ''}`);
}

/** One call as the admin, with the properties every call must have; its outcome for further checks. */
async function check(db: Db, journal: WriteJournal, path: string, input: unknown): Promise<Outcome> {
  await idle(db);
  const before = await journal.rowCounts();
  await journal.clear();
  const outcome = await outcomeOf(db, path, input);
  if (outcome.ok) return outcome;
  expect(CLIENT_ERROR_CODES.has(outcome.code), `${path} answered ${outcome.code}: ${outcome.message}`).toBe(true);
  expect(outcome.message, `${path} refused with an exception's message`).not.toMatch(LEAKED_EXCEPTION);
  expect(await strayWrites(db, journal), `${path} was refused (${outcome.code}: ${outcome.message}) but wrote`).toEqual([]);
  const writes = await journal.writes();
  const net = (table: string) => writes.filter((w) => w.table === table && w.op === 'insert').length - writes.filter((w) => w.table === table && w.op === 'delete').length;
  expect(await journal.rowCounts()).toEqual({
    ...before, audit_log: (before.audit_log ?? 0) + net('audit_log'), login_failures: (before.login_failures ?? 0) + net('login_failures'),
  });
  return outcome;
}

describe('fuzzing every procedure', () => {
  let db: Db;
  let valid: Record<string, unknown>;
  let journal: WriteJournal;

  beforeAll(async () => {
    const world = await makeFuzzWorld();
    db = world.db;
    valid = validInputs(world.ids);
    journal = await journalWrites(db);
  });
  afterAll(async () => {
    await closeProjectionPool();
  });

  const paths = Object.keys(appRouter._def.procedures).sort();

  it('has a valid input for exactly the procedures of the app router, each accepted by its input schema', async () => {
    expect(Object.keys(valid).sort()).toEqual(paths);
    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { inputs: { '~standard': { validate(v: unknown): unknown } }[] } }>;
    for (const path of paths) {
      for (const parser of procedures[path]?._def.inputs ?? []) {
        const result = await parser['~standard'].validate(valid[path]);
        expect((result as { issues?: unknown }).issues, `${path}: the valid input is refused by its schema`).toBeUndefined();
      }
    }
  });

  for (const path of paths) {
    it(`${path}: arbitrary and mutated inputs`, async () => {
      await fc.assert(fc.asyncProperty(anyInput, async (input) => { await check(db, journal, path, input); }), { seed: SEED, numRuns: ANY_RUNS });
      await fc.assert(fc.asyncProperty(mutationsOf(valid[path]), async (input) => { await check(db, journal, path, input); }), { seed: SEED, numRuns: MUTATED_RUNS });
    }, PROCEDURE_TIMEOUT_MS);
  }
});

describe('counterexamples the fuzzer found, replayed', () => {
  let db: Db;
  let ids: WorldIds;
  let journal: WriteJournal;
  const scenarioInput = (extra: Record<string, unknown>) => ({ scenario: { ...structuredClone(FUZZ_SCENARIO), name: 'replay' }, ...extra });

  beforeAll(async () => {
    ({ db, ids } = await makeFuzzWorld());
    journal = await journalWrites(db);
    await addUser(db, { username: 'countyactuary', password: TEST_PASSWORD, role: 'actuary', regionCodes: ['A1'] }, null);
  });

  it('refuses the progress of an unknown run with NOT_FOUND before the stream starts (was an error inside the stream: 500 over SSE)', async () => {
    expect(await check(db, journal, 'projection.progress', { runId: 999 })).toEqual({ ok: false, code: 'NOT_FOUND', message: 'projection run 999 not found' });
  });

  it('refuses a scenario for an unknown region or fund with NOT_FOUND and writes nothing (was a foreign-key failure: 500)', async () => {
    expect(await check(db, journal, 'projection.createScenario', scenarioInput({ regionId: 999 }))).toEqual({ ok: false, code: 'NOT_FOUND', message: 'region 999 not found' });
    expect(await check(db, journal, 'projection.createScenario', scenarioInput({ fundId: 999 }))).toEqual({ ok: false, code: 'NOT_FOUND', message: 'fund 999 not found' });
    expect(await check(db, journal, 'projection.reviseScenario', { ...scenarioInput({ fundId: 999 }), fromId: ids.scenario })).toEqual({ ok: false, code: 'NOT_FOUND', message: 'fund 999 not found' });
  });

  it('refuses a scenario tied to a fund outside the user\'s regions (the fund\'s region was never checked)', async () => {
    const county = await callerFor(db, 'countyactuary');
    await expect(county.projection.createScenario(scenarioInput({ fundId: ids.monthlyFund }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(county.projection.createScenario(scenarioInput({ fundId: ids.yearlyFund }))).resolves.toMatchObject({ fundId: ids.yearlyFund });
  });

  it('refuses a month 13 or 99 in fund.overview with BAD_REQUEST (was a model error: 500)', async () => {
    for (const asOf of ['9999-99', '2025-13', '2025-00']) {
      const outcome = await check(db, journal, 'fund.overview', { asOf });
      expect(outcome).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      expect(outcome.ok ? '' : outcome.message).toContain('period must be YYYY or YYYY-MM');
    }
  });

  it('names the field of a BigInt in a scenario (the message was "Do not know how to serialize a BigInt")', async () => {
    const input = scenarioInput({});
    (input.scenario.assumptions as unknown as Record<string, unknown>).wageGrowth = 10n;
    const outcome = await check(db, journal, 'projection.createScenario', input);
    expect(outcome).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(outcome.ok ? '' : outcome.message).toContain('must be a number or an array with one number per projected year, got 10n');
    expect(outcome.ok ? '' : outcome.message).toContain('wageGrowth');
  });
});
