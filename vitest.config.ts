import { defineConfig } from 'vitest/config';

/** The PostgreSQL server of the server-pg project (README "Databases"); .ci/run starts one on loopback. */
const TEST_PG_URL = process.env.FUNDRISK_TEST_PG_URL ?? 'postgres://fundrisk:fundrisk@127.0.0.1:5432/postgres';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/browser/**', 'test/pg/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server-pg',
          include: ['test/server/**/*.test.ts', 'test/pg/**/*.test.ts'],
          exclude: ['test/server/db/migration-0010.test.ts', 'test/server/db/sqlite-*.test.ts', 'test/server/crash/**', 'node_modules/**'],
          environment: 'node',
          env: { DATABASE_URL: TEST_PG_URL },
          setupFiles: ['test/support/pg-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
