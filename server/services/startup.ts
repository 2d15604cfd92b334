/** Everything `npm start` does before listening: open and migrate, defaults, demo data, client build. */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Db } from '../db/client.ts';
import { describeTarget, type DatabaseTarget } from '../db/target.ts';
import { ensureNationalParameterSet } from './parameters.ts';
import { isEmptyDatabase, loadDemoData, isDemoDatabase } from './load-demo.ts';
import { logger } from '../logger.ts';
import { failOrphanedRuns } from './projection-runs.ts';

export const ROOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLIENT_DIST_DIR = resolve(ROOT_DIR, 'dist/client');

/** Opens (and migrates) the target's database; logs it without a password. */
export async function prepareDatabase(target: DatabaseTarget, loadDemo: boolean): Promise<{ db: Db; demo: boolean }> {
  const db = await openDatabase(target);
  logger.info({ db: describeTarget(target), dialect: target.dialect }, 'database open and migrated');
  await ensureNationalParameterSet(db);
  const orphaned = await failOrphanedRuns(db);
  if (orphaned > 0) logger.warn({ orphaned }, 'projection runs left running by a previous process marked failed');
  if (loadDemo && await isEmptyDatabase(db)) {
    logger.info({ db: describeTarget(target) }, 'empty database: loading the demo data set');
    await loadDemoData(db);
  }
  return { db, demo: await isDemoDatabase(db) };
}

/** Newest modification time (ms) of the client sources and build configuration. */
function newestClientSourceMs(): number {
  let newest = statSync(resolve(ROOT_DIR, 'vite.config.ts')).mtimeMs;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = resolve(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(resolve(ROOT_DIR, 'client'));
  return newest;
}

/**
 * Marker written next to a finished production build. A build made under another NODE_ENV (vitest
 * runs with `test`, and React then ships its development runtime, ~10× slower to render) or one
 * cut short has no marker, so it is rebuilt.
 */
const PRODUCTION_MARKER = '.production-build';

/**
 * Builds the client with Vite in production mode when dist/client is missing, older than its
 * sources or not a finished production build. NODE_ENV is production for the build only.
 */
export async function ensureClientBuilt(): Promise<string> {
  const marker = resolve(CLIENT_DIST_DIR, PRODUCTION_MARKER);
  if (!existsSync(marker) || statSync(marker).mtimeMs < newestClientSourceMs()) {
    logger.info('building the client…');
    const { build } = await import('vite');
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: resolve(ROOT_DIR, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
    writeFileSync(marker, `built ${new Date().toISOString()}\n`);
  }
  return CLIENT_DIST_DIR;
}
