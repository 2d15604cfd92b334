/**
 * The server serves a production build of the client even when started under vitest's
 * NODE_ENV=test (startup.ts `ensureClientBuilt`): React's development runtime renders about ten
 * times slower, and every browser timing in BENCHMARKS.md would measure it instead of what users get.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLIENT_DIST_DIR } from '../../server/services/startup.ts';
import { startServer } from './serve.ts';

/** Only React's development JSX runtime has this name; a production bundle never contains it. */
const DEVELOPMENT_RUNTIME = /\bjsxDEV\b/;

describe('client build', () => {
  it('is a production build, without React development code', async () => {
    expect(process.env.NODE_ENV).toBe('test');
    const server = await startServer();
    try {
      const assets = join(CLIENT_DIST_DIR, 'assets');
      const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.filter((f) => DEVELOPMENT_RUNTIME.test(readFileSync(join(assets, f), 'utf8')))).toEqual([]);
      const index = await fetch(`${server.url}/`);
      expect(index.status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
