/**
 * The GET query lane (server/trpc/query-lane.ts) over real HTTP, beside tRPC's own express adapter
 * on the same database: every answer — single, batched, memoised or not, and every error — must have
 * the status, content type, `vary` and body bytes tRPC writes. The lane writes its answers in one
 * piece (a `content-length`), tRPC's adapter streams them (chunked): that tells which one answered.
 */
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import express from 'express';
import compression from 'compression';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { initTRPC } from '@trpc/server';
import { createApp } from '../../../server/app.ts';
import { appRouter } from '../../../server/routers/_app.ts';
import { makeExpressContext } from '../../../server/trpc/context.ts';
import { securityHeaders } from '../../../server/http/security.ts';
import { queryLane } from '../../../server/trpc/query-lane.ts';
import { transformer } from '../../../server/trpc/transformer.ts';
import { rememberAnswer } from '../../../server/services/answer-memo.ts';
import type { Db } from '../../../server/db/client.ts';
import { TEST_PASSWORD } from '../harness.ts';
import { fundId, load, makeWarningDb, regionId } from '../routers/warning-fixture.ts';

let db: Db;
const servers: Server[] = [];
let lane: string;
let plain: string;

async function listen(app: express.Express): Promise<string> {
  const server = app.listen(0, '127.0.0.1');
  servers.push(server);
  await new Promise((r) => server.once('listening', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  db = await makeWarningDb();
  lane = await listen(createApp({ db, demo: false, clientDir: null }));
  // tRPC's adapter behind the app's own middleware, as the app mounted it before the lane
  const reference = express();
  reference.use(securityHeaders(), compression());
  reference.use('/trpc', createExpressMiddleware({ router: appRouter, createContext: makeExpressContext(db, false), maxBatchSize: 20 }));
  plain = await listen(reference);
});
afterAll(() => Promise.all(servers.map((s) => new Promise<void>((done) => s.close(() => done())))));

async function login(username: string): Promise<string> {
  const res = await fetch(`${lane}/trpc/auth.login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { username, password: TEST_PASSWORD } }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

interface Answer { status: number; type: string | null; vary: string | null; body: string; oneShot: boolean }

/** Uncompressed unless `encoding` asks (compression streams what it compresses, whoever wrote it). */
async function get(base: string, path: string, cookie: string, encoding = 'identity'): Promise<Answer> {
  const res = await fetch(`${base}/trpc/${path}`, { headers: { cookie, 'accept-encoding': encoding } });
  return {
    status: res.status, type: res.headers.get('content-type'), vary: res.headers.get('vary'),
    body: await res.text(), oneShot: res.headers.get('content-length') !== null,
  };
}

const single = (path: string, input?: unknown) => (input === undefined ? path : `${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
const batch = (calls: [string, unknown?][]) => {
  const inputs = Object.fromEntries(calls.flatMap(([, input], i) => (input === undefined ? [] : [[i, { json: input }]])));
  return `${calls.map(([p]) => p).join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(inputs))}`;
};

/** The lane's answer and tRPC's agree byte for byte; returns the lane's. */
async function same(path: string, cookie: string, encoding?: string): Promise<Answer> {
  const [ours, theirs] = [await get(lane, path, cookie, encoding), await get(plain, path, cookie, encoding)];
  expect({ ...ours, oneShot: undefined }).toEqual({ ...theirs, oneShot: undefined });
  expect(theirs.oneShot).toBe(false);
  return ours;
}

describe('GET query lane', () => {
  it('answers single queries with tRPC\'s bytes, memoised or not', async () => {
    const c1 = [
      single('dashboard.summary'), single('fund.overview'), single('fund.overview', { scheme: 'employee' }),
      single('warning.current'), single('warning.current', { asOf: '2024-12' }), single('warning.history', { fundId: await fundId(db, 'C1', 'employee') }),
      single('forecast.run', { target: { kind: 'fund', fundId: await fundId(db, 'C1', 'employee'), measure: 'expenditure' }, method: 'naive', horizon: 3 }),
      single('auth.me'), single('region.tree'),
    ];
    const province = [single('warning.current', { regionId: await regionId(db, 'C2') }), single('warning.history', { fundId: await fundId(db, 'C2', 'employee') })];
    for (const [user, paths] of [['leader', [...c1, ...province]], ['cityone', c1]] as const) {
      const cookie = await login(user);
      for (const path of paths) {
        const answer = await same(path, cookie);
        expect([user, path, answer.status, answer.oneShot]).toEqual([user, path, 200, true]);
      }
    }
  });

  it('answers a memoised answer again from its kept bytes, and a new one after a data change', async () => {
    const leader = await login('leader');
    const first = await same(single('warning.current'), leader);
    const again = await same(single('warning.current'), leader);
    expect(again.body).toBe(first.body);
    await load(db, 'code,name,name_en,level,parent_code\nC3,丁市,City D,city,P', 'regions');
    await load(db, 'region_code,scheme,period,income,expenditure,balance\nC3,employee,2025-12,100,100,300', 'fund_records');
    const after = await same(single('warning.current'), leader);
    const codes = (JSON.parse(after.body) as { result: { data: { json: { funds: { regionCode: string }[] } } } }).result.data.json.funds.map((f) => f.regionCode);
    expect(codes).toContain('C3');
    expect(JSON.parse(first.body).result.data.json.funds).toHaveLength(codes.length - 1);
  });

  it('answers batches (what the browser sends) with tRPC\'s bytes', async () => {
    const leader = await login('leader');
    const path = batch([['dashboard.summary'], ['fund.overview', {}], ['warning.current', { scheme: 'resident' }], ['auth.me']]);
    const answer = await same(path, leader);
    expect([answer.status, answer.oneShot]).toEqual([200, true]);
    expect(JSON.parse(answer.body)).toHaveLength(4);
    expect(await same(batch([['warning.current', {}]]), leader)).toMatchObject({ status: 200, oneShot: true });
  });

  it('answers the same through gzip, as browsers ask', async () => {
    const leader = await login('leader');
    const answer = await same(batch([['warning.current', {}], ['fund.overview', {}]]), leader, 'gzip');
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toHaveLength(2);
  });

  it('leaves every error to tRPC: the same codes, shapes and bytes', async () => {
    const city = await login('cityone');
    const cases: [string, string, number][] = [
      ['no session', single('fund.overview'), 401],
      ['outside the scope', single('warning.current', { regionId: await regionId(db, 'C2') }), 403],
      ['input zod refuses', single('warning.current', { asOf: '2024-13' }), 400],
      ['unknown procedure', single('fund.nothing'), 404],
      ['a mutation by GET', single('auth.logout'), 405],
      ['unreadable input', 'fund.overview?input=%7Bnot-json', 400],
      ['batch input not an object', 'fund.overview?batch=1&input=%5B1%5D', 400],
      ['a batch over the limit', `${Array.from({ length: 21 }, () => 'auth.me').join(',')}?batch=1`, 400],
    ];
    for (const [what, path, status] of cases) {
      const answer = await same(path, what === 'no session' ? '' : city);
      expect([what, answer.status, answer.oneShot]).toEqual([what, status, false]);
    }
    // one failing call in a batch: tRPC answers the whole batch (207, the answer and the error)
    const mixed = await same(batch([['auth.me'], ['warning.current', { regionId: await regionId(db, 'C2') }]]), city);
    expect([mixed.status, mixed.oneShot]).toEqual([207, false]);
  });

  it('leaves streaming requests, subscriptions and other methods to tRPC', async () => {
    const leader = await login('leader');
    const streamed = await fetch(`${lane}/trpc/auth.me?batch=1`, { headers: { cookie: leader, 'trpc-accept': 'application/jsonl' } });
    expect([streamed.status, streamed.headers.get('content-length')]).toEqual([200, null]);
    await streamed.text();
    const head = await fetch(`${lane}/trpc/auth.me`, { method: 'HEAD', headers: { cookie: leader } });
    expect(head.status).toBe(204);
    // a subscription by GET is an event stream; its error travels inside it
    const subscription = await same(single('projection.progress', { runId: 999_999 }), leader);
    expect([subscription.status, subscription.type, subscription.oneShot]).toEqual([200, 'text/event-stream', false]);
    expect(subscription.body).toContain('projection run 999999 not found');
  });
});

describe('GET query lane on answers the app does not give', () => {
  const memoised = rememberAnswer({ rows: [1, 2, 3], total: 3 });
  const t = initTRPC.create({ transformer });
  const router = t.router({
    memoised: t.procedure.query(() => memoised),
    dated: t.procedure.query(() => ({ at: new Date(Date.UTC(2026, 0, 2)), missing: undefined, big: 10n })),
    nothing: t.procedure.query(() => undefined),
    pending: t.procedure.query(() => ({ later: Promise.resolve(1) })),
  });
  let withLane: string;
  let without: string;
  beforeAll(async () => {
    const app = express();
    app.use('/trpc', queryLane({ router, createContext: () => ({}), maxBatchSize: 5 }), createExpressMiddleware({ router, createContext: () => ({}), maxBatchSize: 5 }));
    withLane = await listen(app);
    const reference = express();
    reference.use('/trpc', createExpressMiddleware({ router, createContext: () => ({}), maxBatchSize: 5 }));
    without = await listen(reference);
  });

  const both = async (path: string) => {
    const [ours, theirs] = [await get(withLane, path, ''), await get(without, path, '')];
    expect({ ...ours, oneShot: undefined }).toEqual({ ...theirs, oneShot: undefined });
    return ours;
  };

  it('writes superjson\'s annotations and an empty answer as tRPC does', async () => {
    expect(await both('dated')).toMatchObject({ status: 200, oneShot: true });
    expect((await both('dated')).body).toContain('"meta"');
    expect(await both('nothing')).toMatchObject({ status: 200, oneShot: true });
    expect(await both('nothing,dated?batch=1')).toMatchObject({ status: 200, oneShot: true });
  });

  it('serialises a memoised answer once and writes its kept bytes after', async () => {
    const serialize = vi.spyOn(transformer, 'serialize');
    const first = await get(withLane, 'memoised', '');
    expect(first.body).toBe('{"result":{"data":{"json":{"rows":[1,2,3],"total":3}}}}');
    for (let i = 0; i < 3; i++) expect((await get(withLane, 'memoised', '')).body).toBe(first.body);
    expect((await get(withLane, 'memoised,memoised?batch=1', '')).body).toBe(`[${first.body},${first.body}]`);
    expect(serialize).toHaveBeenCalledTimes(1);
    await get(withLane, 'dated', '');
    expect(serialize).toHaveBeenCalledTimes(2);
    serialize.mockRestore();
  });

  it('leaves an answer holding a promise to tRPC, which refuses it', async () => {
    expect(await both('pending')).toMatchObject({ status: 415, oneShot: false });
  });
});
