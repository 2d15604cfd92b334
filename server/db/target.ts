/**
 * Which database this process uses (interfaces.md: `FUNDRISK_DB`, `DATABASE_URL`): the embedded
 * SQLite file by default, or a PostgreSQL server when `DATABASE_URL` is a `postgres://` URL and
 * `FUNDRISK_DB` is not set. One process talks to one dialect: its tables are chosen once
 * (server/db/schema.ts), so the dialect is read from the environment the first time it is asked.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Dialect = 'sqlite' | 'pg';
export type DatabaseTarget = { dialect: 'sqlite'; path: string } | { dialect: 'pg'; url: string };

const DEFAULT_DB_PATH = './data/fundrisk.db';
const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * `FUNDRISK_DB` (a SQLite file), else `DATABASE_URL` (`postgres://…` / `postgresql://…`, or for
 * SQLite `file:path`, `sqlite:path`, `:memory:` or a plain path), else ./data/fundrisk.db.
 */
export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.FUNDRISK_DB) return { dialect: 'sqlite', path: env.FUNDRISK_DB };
  const url = env.DATABASE_URL;
  if (!url) return { dialect: 'sqlite', path: resolve(DEFAULT_DB_PATH) };
  if (POSTGRES_URL.test(url)) return { dialect: 'pg', url };
  if (url === ':memory:') return { dialect: 'sqlite', path: url };
  if (url.startsWith('file:')) return { dialect: 'sqlite', path: url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length) };
  return { dialect: 'sqlite', path: url.replace(/^sqlite:(\/\/)?/, '') };
}

/** The target for logs: a PostgreSQL URL without its password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.dialect === 'sqlite') return target.path;
  const url = new URL(target.url);
  if (url.password) url.password = '***';
  return url.toString();
}

let chosen: Dialect | undefined;

/** The dialect of this process, fixed by the environment when first asked. */
export function processDialect(): Dialect {
  chosen ??= resolveDatabaseTarget().dialect;
  return chosen;
}
