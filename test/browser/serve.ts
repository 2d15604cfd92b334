/**
 * Starts the real server (`server/index.ts`, as `npm start` does) on a free port with a fresh
 * demo database, and a headless Debian chromium driven by playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots');
const CHROMIUM = '/usr/bin/chromium';
const READY_TIMEOUT_MS = 170_000;

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts `server/index.ts` on a free port with `env` over this process's environment. Its database
 * is a fresh SQLite file unless `env` names one: `FUNDRISK_DB`, or `DATABASE_URL` (then FUNDRISK_DB,
 * which would take precedence, is left empty, server/db/target.ts).
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'fundrisk-browser-'));
  const database = env.DATABASE_URL ? '' : join(dir, 'test.db');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server/index.ts')], {
    cwd: ROOT,
    env: { ...process.env, FUNDRISK_DB: database, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', VITEST: '', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () => new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    }),
  };
}

/** The app and chromium of one describe block: started before its tests, stopped after them. */
export interface AppInBrowser {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/** Registers the beforeAll/afterAll that start the app (demo data) and chromium for a describe block. */
export function appInBrowser(env: Record<string, string> = {}): AppInBrowser {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('appInBrowser: used outside its describe block');
    return value;
  };
  return { get server() { return started(server); }, get browser() { return started(browser); } };
}

/** Debian's chromium; a missing browser fails the test run (it is never skipped). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Fills and submits the login form (callers wait for what should follow: the shell or an error). */
export async function login(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}
