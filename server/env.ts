/** Configuration from the environment, validated once (interfaces.md: FUNDRISK_DB, DATABASE_URL, PORT, HOST). */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const DEFAULT_DB_PATH = './data/fundrisk.db';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Skip loading the demo data set into an empty database. */
  FUNDRISK_NO_DEMO: z.enum(['0', '1']).default('0'),
});

export interface ServerConfig {
  port: number;
  host: string;
  logLevel: string;
  databasePath: string;
  loadDemo: boolean;
}

/**
 * The SQLite file to use: `FUNDRISK_DB`, else `DATABASE_URL` (`file:path`, `sqlite:path` or a
 * plain path), else ./data/fundrisk.db.
 * @throws Error when DATABASE_URL names a server database this build cannot open yet.
 */
export function resolveDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FUNDRISK_DB) return env.FUNDRISK_DB;
  const url = env.DATABASE_URL;
  if (url) {
    if (/^postgres(ql)?:/i.test(url)) {
      throw new Error('DATABASE_URL points to PostgreSQL, which is not supported yet: use FUNDRISK_DB or a file: URL');
    }
    if (url === ':memory:') return url;
    if (url.startsWith('file:')) {
      return url.startsWith('file://') ? fileURLToPath(url) : url.slice('file:'.length);
    }
    return url.replace(/^sqlite:(\/\/)?/, '');
  }
  return resolve(DEFAULT_DB_PATH);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid environment: ${issues}`);
  }
  return {
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    logLevel: parsed.data.LOG_LEVEL,
    databasePath: resolveDatabasePath(env),
    loadDemo: parsed.data.FUNDRISK_NO_DEMO === '0',
  };
}
