/**
 * The PostgreSQL database of the mixed-load benchmark (load.ts): on the server at
 * FUNDRISK_TEST_PG_URL (default: the local one the `server-pg` tests use), a fresh database
 * `fundrisk_bench_<pid>` from template0 (UTF8, LOCALE 'C': byte order, as SQLite compares text),
 * filled with the synthetic province (loopback.ts) and dropped afterwards. The tables of a process
 * are those of its dialect, fixed from its environment (server/db/target.ts), and the bench process
 * is SQLite's, so the data is written by a child process started with DATABASE_URL: this file,
 * run as `load-pg.ts build <options JSON>`.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { buildSyntheticDatabase, type SyntheticDatabaseOptions } from './loopback.ts';

const DEFAULT_SERVER_URL = 'postgres://fundrisk:fundrisk@127.0.0.1:5432/postgres';
const CONNECT_TIMEOUT_MS = 5000;
const BUILD_TIMEOUT_MS = 15 * 60_000;

/** The PostgreSQL server the bench uses: FUNDRISK_TEST_PG_URL, else the local test server. */
export function benchPgServerUrl(): string {
  return process.env.FUNDRISK_TEST_PG_URL || DEFAULT_SERVER_URL;
}

/** `url` for a report: the password left out. */
export function withoutPassword(url: string): string {
  const shown = new URL(url);
  shown.password = '';
  return shown.toString();
}

export type PgProbe = { reachable: true; version: string } | { reachable: false; reason: string };

/** Whether the server at `url` answers (within 5 s), and its version. */
export async function probePostgres(url: string): Promise<PgProbe> {
  try {
    const version = await admin(url, async (c) => (await c.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?');
    return { reachable: true, version };
  } catch (err) {
    return { reachable: false, reason: (err as Error).message };
  }
}

/**
 * Creates `fundrisk_bench_<pid>` on the server at `serverUrl`, fills it (`options`, in a child
 * process) and runs `work` with its URL and the number of fund records; drops it afterwards,
 * whatever `work` did.
 * @throws Error `building the PostgreSQL bench database failed: <child's error>` when the child fails.
 */
export async function withSyntheticPgDatabase<T>(serverUrl: string, options: SyntheticDatabaseOptions, work: (url: string, records: number) => Promise<T>): Promise<T> {
  const name = `fundrisk_bench_${process.pid}`;
  await admin(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'`);
  });
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await work(url.toString(), await buildInChild(url.toString(), options));
  } finally {
    await admin(serverUrl, async (c) => { await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); });
  }
}

async function admin<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => { /* a dropped connection fails the query in progress */ });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs this file as `build` with DATABASE_URL = `url`: its last stdout line is the record count, its last stderr line the error. */
async function buildInChild(url: string, options: SyntheticDatabaseOptions): Promise<number> {
  const env = { ...process.env, DATABASE_URL: url, FUNDRISK_DB: '', LOG_LEVEL: 'warn' };
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'build', JSON.stringify(options)],
      { env, encoding: 'utf8', maxBuffer: 1 << 24, timeout: BUILD_TIMEOUT_MS });
    return Number(JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null'));
  } catch (err) {
    const { stderr, message } = err as { stderr?: string; message: string };
    throw new Error(`building the PostgreSQL bench database failed: ${(stderr || message).trim().split('\n').at(-1) ?? ''}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === 'build') {
  const options = JSON.parse(process.argv[3] ?? '{}') as SyntheticDatabaseOptions;
  const url = process.env.DATABASE_URL ?? '';
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('load-pg.ts build: DATABASE_URL must be the postgres:// URL of the bench database');
  try {
    process.stdout.write(`${JSON.stringify(await buildSyntheticDatabase(url, options))}\n`);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
