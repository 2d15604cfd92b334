/**
 * Fuzzing the HTTP face of the procedures (issue 7 item 6): the express app on a loopback port,
 * hit with arbitrary requests to /trpc (any procedure or a batch, GET or POST, superjson of valid,
 * mutated or arbitrary inputs, malformed JSON, odd content types, Origin and Sec-Fetch-Site
 * headers, good, missing and malformed session cookies). Every answer is a client error or a
 * success, never a 5xx, and never shows a stack trace; afterwards the server still answers.
 * What a refused call may write is checked call by call in procedures.test.ts.
 *
 * Seeded (SEED) and bounded: RUNS requests, 3–6 s here. FUZZ_SEED and FUZZ_SCALE explore further.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import superjson from 'superjson';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { createApp } from '../../../server/app.ts';
import { jsonDepth, MAX_JSON_DEPTH } from '../../../server/http/security.ts';
import { createSession } from '../../../server/auth/sessions.ts';
import { users } from '../../../server/db/schema.ts';
import { appRouter } from '../../../server/routers/_app.ts';
import { closeProjectionPool } from '../../../server/workers/projection-pool.ts';
import type { Db } from '../../../server/db/client.ts';
import { makeFuzzWorld } from './world.ts';
import { validInputs } from './valid-inputs.ts';
import { anyInput, mutationsOf } from './mutations.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_707);
const RUNS = 300 * Number(process.env.FUZZ_SCALE ?? 1);
/** A V8 stack frame (`at f (/path/file.ts:12:3)`) or a dependency's path. */
const STACK_TRACE = /\bat .*:\d+:\d+|node_modules/;
/** What a hand-made client may send and superjson's own client would not. */
const PROTO_JSON = '{"json":{"__proto__":{"role":"admin"},"constructor":{"prototype":{"role":"admin"}}}}';
/** A superjson envelope around arrays nested 20,000 deep. */
const DEEP_JSON = `{"json":${'['.repeat(20_000)}1${']'.repeat(20_000)}}`;

interface FuzzRequest {
  path: string;
  method: 'GET' | 'POST';
  input: string | Uint8Array;
  batch: boolean;
  headers: Record<string, string>;
}

describe('fuzzing /trpc over HTTP', () => {
  let db: Db;
  let server: Server;
  let base = '';
  let adminId = 0;
  let valid: Record<string, unknown> = {};

  beforeAll(async () => {
    const world = await makeFuzzWorld();
    db = world.db;
    valid = validInputs(world.ids);
    adminId = (await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin')).limit(1))[0]?.id ?? 0;
    server = createApp({ db, demo: false }).listen(0, '127.0.0.1');
    await new Promise((ok) => server.once('listening', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((ok) => server.close(ok));
    await closeProjectionPool();
  });

  const paths = Object.keys(appRouter._def.procedures).sort();

  /** A superjson payload: of a mutated valid input of `path`, or of anything (superjson refuses a `__proto__` key: sent raw then). */
  const payload = (path: string) => fc.oneof(mutationsOf(valid[path]), anyInput).map((v) => {
    try {
      return JSON.stringify(superjson.serialize(v));
    } catch {
      return PROTO_JSON;
    }
  });

  const requests = (): fc.Arbitrary<FuzzRequest> => fc.constantFrom(...paths).chain((path) => fc.record({
    path: fc.oneof(
      { weight: 8, arbitrary: fc.constant(path) },
      { weight: 1, arbitrary: fc.constantFrom(...paths).map((other) => `${path},${other}`) },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => encodeURIComponent(s)) },
    ),
    method: fc.constantFrom('GET' as const, 'POST' as const),
    input: fc.oneof(
      { weight: 6, arbitrary: payload(path) },
      { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
      { weight: 1, arbitrary: fc.constantFrom('{"json":', '{"json":{"a":1},"meta":{"values":{"a":["bigint"]}}}', '{"json":1,"meta":{"values":["Date"]}}',
        '{"json":"x","meta":{"values":["custom","nope"]}}', PROTO_JSON, DEEP_JSON, '[{"0":{}}]', 'null', '') },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
    ),
    batch: fc.boolean(),
    headers: fc.record({
      'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=gb18030', 'text/plain',
        'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded'),
      origin: fc.constantFrom('null', 'http://evil.example', ':::', 'SAME'),
      'sec-fetch-site': fc.constantFrom('cross-site', 'same-origin', 'none', 'same-site'),
      cookie: fc.constantFrom('SESSION', 'fundrisk_session=%E0%A4%A', 'fundrisk_session=', 'fundrisk_session=AAAAAAAAAAAAAAAAAAAAAA; x=1'),
    }, { requiredKeys: [] }),
  }));

  async function send(r: FuzzRequest): Promise<{ status: number; body: string }> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(r.headers)) {
      if (value === 'SAME') headers[name] = base;
      else if (value === 'SESSION') headers[name] = `fundrisk_session=${await createSession(db, adminId, Date.now())}`;
      else headers[name] = value;
    }
    const text = typeof r.input === 'string' ? r.input : Buffer.from(r.input).toString('latin1');
    const batched = r.batch ? `{"0":${text}}` : text;
    const url = `${base}/trpc/${r.path}${r.batch ? '?batch=1' : ''}`;
    const res = r.method === 'GET'
      ? await fetch(`${url}${r.batch ? '&' : '?'}input=${encodeURIComponent(batched)}`, { headers })
      : await fetch(url, { method: 'POST', headers, body: typeof r.input === 'string' ? batched : Buffer.from(r.input) });
    return { status: res.status, body: await res.text() };
  }

  it('answers every request with a success or a client error, never a stack trace', async () => {
    await fc.assert(fc.asyncProperty(requests(), async (r) => {
      const { status, body } = await send(r);
      expect(status, body.slice(0, 500)).toBeLessThan(500);
      expect(body).not.toMatch(STACK_TRACE);
    }), { seed: SEED, numRuns: RUNS });
    const health = await fetch(`${base}/healthz`);
    expect(await health.json()).toEqual({ ok: true });
  }, 120_000);

  it('refuses a write from an opaque origin (Origin: null) as cross-site, not with a server error', async () => {
    const res = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'null' }, body: '{}' });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { message: 'cross-site or non-JSON request refused' } });
  });

  it('refuses a body nested deeper than MAX_JSON_DEPTH with 400 before parsing it; one level less reaches the procedure', async () => {
    const cookie = `fundrisk_session=${await createSession(db, adminId, Date.now())}`;
    const post = (depth: number) => fetch(`${base}/trpc/projection.run`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie },
      body: `{"json":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`,
    });
    const deep = await post(MAX_JSON_DEPTH + 1);
    expect(deep.status).toBe(400);
    expect(await deep.json()).toEqual({ error: { message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels` } });
    const allowed = await post(MAX_JSON_DEPTH);
    expect(allowed.status).toBe(400);
    expect(await allowed.text()).toMatch(/BAD_REQUEST/);
  });

  it('measures JSON depth as JSON.parse sees it, whatever the strings hold', () => {
    const depthOf = (v: unknown): number => (typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);
    fc.assert(fc.property(fc.json({ maxDepth: 6 }), (text) => {
      expect(jsonDepth(Buffer.from(text))).toBe(depthOf(JSON.parse(text)));
    }), { seed: SEED, numRuns: 500 });
  });

  it('answers a malformed JSON body with 400 and the parser\'s message, without its stack', async () => {
    const res = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"json":' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json() as { error: { message: string } };
    expect(body.error.message).toMatch(/JSON/);
    expect(JSON.stringify(body)).not.toMatch(STACK_TRACE);
  });
});
