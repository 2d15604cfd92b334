/** Configuration from the environment, validated once (interfaces.md: FUNDRISK_DB, DATABASE_URL, PORT, HOST). */
import { isIP } from 'node:net';
import { z } from 'zod';
import { resolveDatabaseTarget, type DatabaseTarget } from './db/target.ts';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Skip loading the demo data set into an empty database. */
  FUNDRISK_NO_DEMO: z.enum(['0', '1']).default('0'),
  /** Which reverse proxies to believe about the client (X-Forwarded-For / -Proto): see `parseTrustProxy`. */
  FUNDRISK_TRUST_PROXY: z.string().default('').transform((text, ctx) => {
    try {
      return parseTrustProxy(text);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  }),
});

/**
 * Express's `trust proxy` value: `false` (believe no proxy: the default), a number of proxy hops
 * in front of the server, or the addresses of the proxies as express names them (`loopback`,
 * `linklocal`, `uniquelocal`, an IP address or a CIDR range).
 */
export type TrustProxy = false | number | string[];

const MAX_PROXY_HOPS = 10;
const PROXY_ADDRESS_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** Whether `entry` is an IP address or an IPv4/IPv6 CIDR range with a prefix length in range. */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Parses `FUNDRISK_TRUST_PROXY`: empty, `0`, `false` or `off` → `false`; a whole number 1–10 →
 * that many hops; otherwise a comma-separated list of `loopback`, `linklocal`, `uniquelocal`, IP
 * addresses and CIDR ranges (e.g. `loopback` for nginx on the same host, `10.0.0.5,10.0.1.0/24`).
 * `true` (believe any sender) is refused: a client could then forge its address and scheme.
 * @throws Error `"<entry>" is not a hop count, loopback, linklocal, uniquelocal, an IP address or a CIDR range (e.g.
 *   10.0.0.0/8)`, `<n> proxy hops is more than 10; give the proxy addresses instead`, or the refusal of `true`.
 */
export function parseTrustProxy(text: string): TrustProxy {
  const value = text.trim();
  if (['', '0', 'false', 'off'].includes(value.toLowerCase())) return false;
  if (value.toLowerCase() === 'true') {
    throw new Error('"true" would believe X-Forwarded-For from any client; give the hop count or the proxy addresses');
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_PROXY_HOPS) throw new Error(`${hops} proxy hops is more than ${MAX_PROXY_HOPS}; give the proxy addresses instead`);
    return hops;
  }
  const entries = value.split(',').map((e) => e.trim());
  for (const entry of entries) {
    if (!PROXY_ADDRESS_NAMES.includes(entry) && !isAddressOrRange(entry)) {
      throw new Error(`"${entry}" is not a hop count, ${PROXY_ADDRESS_NAMES.join(', ')}, an IP address or a CIDR range (e.g. 10.0.0.0/8)`);
    }
  }
  return entries;
}

export interface ServerConfig {
  port: number;
  host: string;
  logLevel: string;
  database: DatabaseTarget;
  loadDemo: boolean;
  trustProxy: TrustProxy;
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
    database: resolveDatabaseTarget(env),
    loadDemo: parsed.data.FUNDRISK_NO_DEMO === '0',
    trustProxy: parsed.data.FUNDRISK_TRUST_PROXY,
  };
}
