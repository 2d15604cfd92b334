/**
 * The mixed load of issue 7: the real server (`server/index.ts` in a child process, so it has a
 * core of its own) on a synthetic province (400 cities × 2 schemes × 120 months, loopback.ts),
 * 25 users logged in — province staff (3 actuaries, 2 leaders, every region) and 20 city viewers
 * (each assigned one city, as most users of a provincial system are) — and autocannon on loopback
 * with 50 connections taking their requests in turn from one sequence that repeats the 40-request
 * cycle MIX: dashboard reads (`dashboard.summary`, `fund.overview`, `warning.current`; a
 * province-wide one answers 0.5–1 MB for 800 funds, a city's a few KB), forecasts (`forecast.run`,
 * Theta, 12 months ahead of a city's 120 monthly records) and projection runs (`projection.run` of
 * a scenario created through the API first: deterministic, and Monte Carlo with 200 paths × 10 years).
 * One shared sequence, not one cycle per connection: 50 connections stepping through the same
 * cycle in lockstep sent 50 province-wide lists at once and measured that wave, not the mix.
 *
 * Reported: throughput, p50 / p99 latency per kind (autocannon's response times, attributed through
 * the connection context that its setupRequest and onResponse hooks share) and errors. Targets: zero
 * errors, p99 ≤ 200 ms for the reads. Autocannon keeps every connection busy (the next request as
 * soon as the answer is in), so a latency is the service time plus the wait behind the requests of
 * the other 49 connections: about 50 / throughput for every kind alike once the server is saturated.
 * Every request of the cycle is made once before the load (warm caches; each must answer 200).
 *
 * The same load on PostgreSQL (`benchLoadPostgres`), as deployed for several app servers behind a
 * load balancer: a fresh database on the local PostgreSQL server (load-pg.ts; FUNDRISK_TEST_PG_URL
 * overrides) with the same synthetic data, TWO app servers on it (each `server/index.ts` in its own
 * process, DATABASE_URL set), the users logged in alternately on the two (sessions live in the
 * database, so every cookie is used on both servers) and two autocannon instances at once, 25
 * connections each, one per server, taking their requests from the same shared sequence for the
 * same 20 s. Compared with the SQLite run: the same data, users, mix and 50 connections in all, one
 * SQLite server against two app servers on PostgreSQL. Reported: combined throughput (and each
 * server's), p50 / p99 per kind over both, and errors / timeouts / non-2xx. It is a functional
 * multi-server check with its figures, not a scaling claim: on the 2-core bench machine PostgreSQL,
 * both app servers and autocannon share the same two cores. Targets as above: zero errors (the
 * check that matters: two servers answering from one database with each other's sessions), and the
 * read p99 judged against the same 200 ms, met or MISSED as measured. An unreachable PostgreSQL
 * server gives one row saying so, not a failed bench.
 * Standalone: `npx tsx test/bench/load.ts` prints both tables.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { quantileSorted } from 'simple-statistics';
import type { EmployeeScenario } from '../../models/index.ts';
import { startServer, type RunningServer } from '../browser/serve.ts';
import { buildSyntheticDatabase, loginCookie, type BenchUser } from './loopback.ts';
import { benchPgServerUrl, probePostgres, withSyntheticPgDatabase, withoutPassword } from './load-pg.ts';
import { syntheticRegionRows } from './synthetic-funds.ts';
import { fmt } from './stats.ts';

const REGIONS = 400;
const MONTHS = 120;
const CITY_USERS = 20;
const CONNECTIONS = 50;
const LOAD_SECONDS = 20;
const TARGET_READ_P99_MS = 200;
const STOCHASTIC_PATHS = 200;
const PG_APP_SERVERS = 2;
const PG_CONNECTIONS_EACH = 25;
const PG_LABEL = `PostgreSQL, ${PG_APP_SERVERS} app servers × ${PG_CONNECTIONS_EACH} connections`;

/** The first CITY_USERS synthetic cities, one viewer each. */
const CITIES = syntheticRegionRows(CITY_USERS).slice(2).map((line) => line.split(',')[0] as string);
const ACTUARIES = ['actuary-1', 'actuary-2', 'actuary-3'];
const LEADERS = ['leader-1', 'leader-2'];
const CITY_VIEWERS = CITIES.map((code) => `viewer-${code}`);
const USERS: readonly BenchUser[] = [
  ...ACTUARIES.map((username) => ({ username, role: 'actuary' as const })),
  ...LEADERS.map((username) => ({ username, role: 'leader' as const })),
  ...CITIES.map((code) => ({ username: `viewer-${code}`, role: 'viewer' as const, regionCodes: [code] })),
];

type Kind = 'dashboard.summary (province)' | 'dashboard.summary (one city)' | 'fund.overview (province)' | 'fund.overview (one city)'
  | 'warning.current (province)' | 'warning.current (one city)' | 'forecast.run' | 'projection.run (deterministic)' | 'projection.run (200 paths)';

/** The cycle the load repeats: each kind, how many of the 40 requests, and who makes them (in turn). */
const MIX: readonly { kind: Kind; count: number; users: readonly string[] }[] = [
  { kind: 'dashboard.summary (province)', count: 4, users: LEADERS },
  { kind: 'dashboard.summary (one city)', count: 8, users: CITY_VIEWERS },
  { kind: 'fund.overview (province)', count: 2, users: ACTUARIES },
  { kind: 'fund.overview (one city)', count: 8, users: CITY_VIEWERS },
  { kind: 'warning.current (province)', count: 2, users: LEADERS },
  { kind: 'warning.current (one city)', count: 8, users: CITY_VIEWERS },
  { kind: 'forecast.run', count: 4, users: CITY_VIEWERS },
  { kind: 'projection.run (deterministic)', count: 2, users: ACTUARIES },
  { kind: 'projection.run (200 paths)', count: 2, users: ACTUARIES },
];
const isRead = (kind: Kind) => !kind.startsWith('forecast') && !kind.startsWith('projection');

/** The part of autocannon's API used here beyond test/bench/autocannon.d.ts: a dynamic request and the response event. */
interface PlannedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}
interface ConnectionContext { kind?: Kind }
interface DynamicRequest {
  /** Called before each request of a connection; its context lives until that request's answer. */
  setupRequest: (request: object, context: ConnectionContext) => object;
  onResponse: (status: number, body: string, context: ConnectionContext) => void;
}
interface LoadResult { requests: { average: number; total: number }; errors: number; timeouts: number; non2xx: number; duration: number }
interface LoadInstance extends PromiseLike<LoadResult> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, responseMs: number) => void): void;
}
const runLoad = autocannon as unknown as (opts: { url: string; connections: number; duration: number; requests: DynamicRequest[] }) => LoadInstance;

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const query = (input: unknown) => `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;

/** Ten years of an employee fund the size of a bench city. */
function benchScenario(): EmployeeScenario {
  return {
    name: 'load bench', scheme: 'employee', startYear: 2026, horizonYears: 10,
    opening: { balanceYuan: 3.0e9, activeMembers: 400_000, retirees: 120_000, avgMonthlyWageYuan: 6500, costPerActiveYuan: 2000, costPerRetireeYuan: 7000 },
    assumptions: {
      wageGrowth: 0.05, poolingRate: 0.06, collectionRate: 0.97, activeGrowth: 0.005, retireeGrowth: 0.04,
      medicalInflation: 0.03, utilisationGrowth: 0.02, interestRate: 0.015, subsidyYuan: 0,
    },
  };
}

async function trpc<T>(baseUrl: string, cookie: string, path: string, input: unknown, method: 'GET' | 'POST'): Promise<T> {
  const res = method === 'GET'
    ? await fetch(`${baseUrl}/trpc/${path}${query(input)}`, { headers: { cookie } })
    : await fetch(`${baseUrl}/trpc/${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ json: input }) });
  const body = (await res.json()) as { result?: { data: { json: T } }; error?: unknown };
  if (res.status !== 200 || !body.result) throw new Error(`${path} answered HTTP ${res.status}: ${JSON.stringify(body.error).slice(0, 300)}`);
  return body.result.data.json;
}

/** MIX as one cycle with the kinds interleaved (largest remainder first), so each kind comes at its steady rate. */
function cycleOrder(): Kind[] {
  const total = MIX.reduce((sum, m) => sum + m.count, 0);
  const placed = new Map<Kind, number>(MIX.map((m) => [m.kind, 0]));
  const behind = (m: (typeof MIX)[number], i: number) => (m.count * i) / total - (placed.get(m.kind) ?? 0);
  const order: Kind[] = [];
  for (let i = 1; i <= total; i++) {
    const next = MIX.reduce((best, m) => (behind(m, i) > behind(best, i) ? m : best));
    placed.set(next.kind, (placed.get(next.kind) ?? 0) + 1);
    order.push(next.kind);
  }
  return order;
}

interface Fixture {
  cookies: ReadonlyMap<string, string>;
  /** A city viewer's employee fund. */
  fundOf: ReadonlyMap<string, number>;
  scenarioId: number;
}

/**
 * The next request of the whole load, whichever connection asks: the cycle of MIX (interleaved) in
 * turn, each kind made by the next of its users. Connections take turns from one sequence, so they
 * do not march through the cycle in step (50 province-wide lists at once).
 */
function requestSource({ cookies, fundOf, scenarioId }: Fixture): () => PlannedRequest & { kind: Kind } {
  const order = cycleOrder();
  const turns = new Map<Kind, number>();
  let slot = 0;
  return () => {
    const kind = order[slot % order.length] as Kind;
    const turn = turns.get(kind) ?? 0;
    turns.set(kind, turn + 1);
    slot++;
    const users = MIX.find((m) => m.kind === kind)?.users ?? [];
    const user = users[turn % users.length] as string;
    const headers = { cookie: cookies.get(user) as string };
    if (kind === 'forecast.run') {
      const target = { kind: 'fund', fundId: fundOf.get(user), measure: 'expenditure' };
      return { kind, method: 'GET', path: `/trpc/forecast.run${query({ target, method: 'theta', horizon: 12 })}`, headers };
    }
    if (kind.startsWith('projection')) {
      const input = kind === 'projection.run (deterministic)' ? { kind: 'deterministic', scenarioId } : { kind: 'stochastic', scenarioId, paths: STOCHASTIC_PATHS, seed: slot };
      return { kind, method: 'POST', path: '/trpc/projection.run', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ json: input }) };
    }
    return { kind, method: 'GET', path: `/trpc/${kind.split(' ')[0]}`, headers };
  };
}

/**
 * Logs everyone in (the users in turn on each of the servers at `baseUrls`), finds each city
 * viewer's fund and creates the scenario through the API of the first server.
 */
async function prepare(baseUrls: readonly string[]): Promise<Fixture> {
  const baseUrl = baseUrls[0] as string;
  const cookies = new Map<string, string>();
  for (const [i, { username }] of USERS.entries()) cookies.set(username, await loginCookie(baseUrls[i % baseUrls.length] as string, username));
  const fundOf = new Map<string, number>();
  for (const viewer of CITY_VIEWERS) {
    const { rows } = await trpc<{ rows: { fundId: number; scheme: string }[] }>(baseUrl, cookies.get(viewer) as string, 'fund.overview', { scheme: 'employee' }, 'GET');
    fundOf.set(viewer, rows[0]?.fundId as number);
  }
  const actuary = cookies.get(ACTUARIES[0] as string) as string;
  const { rows } = await trpc<{ rows: { regionId: number; regionCode: string }[] }>(baseUrl, actuary, 'fund.overview', {}, 'GET');
  const regionId = rows.find((r) => r.regionCode === CITIES[0])?.regionId;
  const scenario = await trpc<{ id: number }>(baseUrl, actuary, 'projection.createScenario', { scenario: benchScenario(), regionId }, 'POST');
  return { cookies, fundOf, scenarioId: scenario.id };
}

export async function benchLoad(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'fundrisk-load-bench-'));
  try {
    const dbPath = join(dir, 'load.db');
    const records = await buildSyntheticDatabase(dbPath, { regions: REGIONS, months: MONTHS, users: USERS });
    const server = await startServer({ FUNDRISK_DB: dbPath, FUNDRISK_NO_DEMO: '1' });
    try {
      const [result, observed] = await measure([server.url], CONNECTIONS);
      const load = `mixed load over loopback HTTP: autocannon, ${CONNECTIONS} connections kept busy, ${LOAD_SECONDS} s, ${USERS.length} logged-in users (3 actuaries and 2 leaders of the province, ${CITY_USERS} city viewers), ${scaleOf(records)}; the connections take turns through a cycle of ${cycleText()}; server in its own process; 1-min load average at the end ${fmt(loadavg()[0] ?? 0, 1)}`;
      return report(load, result, observed, '');
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The mixed load on PostgreSQL with PG_APP_SERVERS app servers on one fresh database, each loaded
 * by its own autocannon (PG_CONNECTIONS_EACH connections) at the same time; one row saying so when
 * the PostgreSQL server cannot be reached.
 */
export async function benchLoadPostgres(): Promise<string[]> {
  const serverUrl = benchPgServerUrl();
  const probe = await probePostgres(serverUrl);
  if (!probe.reachable) return [`| PostgreSQL not reachable at ${withoutPassword(serverUrl)}: not measured (${probe.reason}) | — | — | |`];
  return withSyntheticPgDatabase(serverUrl, { regions: REGIONS, months: MONTHS, users: USERS }, async (url, records) => {
    const servers: RunningServer[] = [];
    try {
      for (let i = 0; i < PG_APP_SERVERS; i++) servers.push(await startServer({ DATABASE_URL: url, FUNDRISK_NO_DEMO: '1' }));
      const [result, observed, each] = await measure(servers.map((s) => s.url), PG_CONNECTIONS_EACH);
      const perServer = each.map((r, i) => `server ${i + 1}: ${fmt(r.requests.average, 0)} req/s`).join(', ');
      const load = `${PG_LABEL}: the same mixed load over loopback HTTP on one PostgreSQL ${probe.version.split(' ')[0]} database (fresh, same ${scaleOf(records)}), ${PG_APP_SERVERS} app servers each in its own process, the ${USERS.length} users logged in alternately on them and every session cookie used on both; ${PG_APP_SERVERS} autocannon instances at once, one per server, ${PG_CONNECTIONS_EACH} connections each kept busy, ${LOAD_SECONDS} s, taking turns through the same cycle; PostgreSQL, both app servers and autocannon share this machine's ${cpus().length} cores (a multi-server check, not a scaling figure); 1-min load average at the end ${fmt(loadavg()[0] ?? 0, 1)}`;
      return report(load, result, observed, `${PG_LABEL}: `, perServer);
    } finally {
      for (const server of servers) await server.stop();
    }
  });
}

/**
 * Prepares the fixture (logins spread over the servers), warms every server with one cycle, then
 * runs autocannon against all of them at once, `connections` each, every instance taking its
 * requests from one shared sequence.
 * @returns the combined result, the latencies and failures per kind, and each server's result.
 */
async function measure(baseUrls: readonly string[], connections: number): Promise<[LoadResult, Observed, LoadResult[]]> {
  const samples = new Map<Kind, number[]>(MIX.map((m) => [m.kind, []]));
  const failures = new Map<Kind, number>(MIX.map((m) => [m.kind, 0]));
  const next = requestSource(await prepare(baseUrls));
  for (const baseUrl of baseUrls) {
    for (let i = 0; i < cycleOrder().length; i++) {
      const { method, path, headers, body } = next();
      const res = await fetch(`${baseUrl}${path}`, { method, headers, ...(body ? { body } : {}) });
      if (res.status !== 200) throw new Error(`warm-up ${method} ${path.slice(0, 60)} answered HTTP ${res.status}: ${(await res.text()).slice(0, 300)}`);
      await res.arrayBuffer();
    }
  }
  const instances = baseUrls.map((url) => {
    let answered: Kind | null = null;
    const request: DynamicRequest = {
      setupRequest: (defaults, context) => {
        const { kind, ...planned } = next();
        context.kind = kind;
        return { ...defaults, ...planned };
      },
      onResponse: (status, _body, context) => {
        answered = context.kind ?? null;
        if (answered && (status < 200 || status >= 300)) failures.set(answered, (failures.get(answered) ?? 0) + 1);
      },
    };
    const instance = runLoad({ url, connections, duration: LOAD_SECONDS, requests: [request] });
    // autocannon calls the request's onResponse, then emits `response` with its time, synchronously
    instance.on('response', (_client, _status, _bytes, ms) => { if (answered) samples.get(answered)?.push(ms); });
    return instance;
  });
  const each = await Promise.all(instances);
  const sum = (pick: (r: LoadResult) => number) => each.reduce((total, r) => total + pick(r), 0);
  const combined: LoadResult = {
    requests: { average: sum((r) => r.requests.average), total: sum((r) => r.requests.total) },
    errors: sum((r) => r.errors), timeouts: sum((r) => r.timeouts), non2xx: sum((r) => r.non2xx),
    duration: Math.max(...each.map((r) => r.duration)),
  };
  return [combined, { samples, failures }, each];
}

interface Observed {
  /** Latencies per kind, ms. */
  samples: ReadonlyMap<Kind, number[]>;
  /** Non-2xx answers per kind. */
  failures: ReadonlyMap<Kind, number>;
}

const cycleText = () => MIX.map((m) => `${m.count} ${m.kind}`).join(', ');
const scaleOf = (records: number) => `${REGIONS} cities × 2 schemes × ${MONTHS} months (${records.toLocaleString('en')} records)`;

/**
 * The rows of one measurement: `load` describes it in the first row, `label` starts the rows after
 * it (empty for the SQLite server); `perServer` adds each server's throughput to the first row.
 */
function report(load: string, result: LoadResult, { samples, failures }: Observed, label: string, perServer = ''): string[] {
  const servers = perServer ? `; ${perServer}` : '';
  const rows = [
    `| ${load} | ${fmt(result.requests.average, 0)} req/s (${result.requests.total.toLocaleString('en')} requests${servers}) | — | |`,
  ];
  for (const { kind } of MIX) {
    const sorted = [...(samples.get(kind) ?? [])].sort((a, b) => a - b);
    const [p50, p99] = sorted.length > 0 ? [quantileSorted(sorted, 0.5), quantileSorted(sorted, 0.99)] : [Number.NaN, Number.NaN];
    const what = `${label}\`${kind}\` under the mixed load: p50 / p99 latency (${sorted.length.toLocaleString('en')} answers)`;
    rows.push(isRead(kind)
      ? `| ${what} | ${fmt(p50, 1)} / ${fmt(p99, 1)} ms | p99 ≤ ${TARGET_READ_P99_MS} ms | ${verdict(p99 <= TARGET_READ_P99_MS)} |`
      : `| ${what} | ${fmt(p50, 1)} / ${fmt(p99, 1)} ms | — | |`);
  }
  const byKind = [...failures].filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${kind}`).join(', ');
  const errors = result.errors + result.timeouts + result.non2xx;
  rows.push(`| ${label}errors under the mixed load: connection errors / timeouts / non-2xx answers${byKind ? ` (${byKind})` : ''} | ${result.errors} / ${result.timeouts} / ${result.non2xx} | 0 | ${verdict(errors === 0)} |`);
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const head = ['| what | measured | target | |', '| --- | --- | --- | --- |'];
  const sqlite = await benchLoad();
  const postgres = await benchLoadPostgres();
  process.stdout.write(['## SQLite, one app server', '', ...head, ...sqlite, '', `## ${PG_LABEL}`, '', ...head, ...postgres, ''].join('\n'));
}
