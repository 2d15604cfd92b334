import { defineConfig } from 'drizzle-kit';

/** SQLite migrations by default; `DRIZZLE_DIALECT=pg` for the PostgreSQL ones (npm run db:generate:pg). */
export default process.env.DRIZZLE_DIALECT === 'pg'
  ? defineConfig({ dialect: 'postgresql', schema: './server/db/schema-pg.ts', out: './data/migrations/pg' })
  : defineConfig({ dialect: 'sqlite', schema: './server/db/schema-sqlite.ts', out: './data/migrations/sqlite' });
