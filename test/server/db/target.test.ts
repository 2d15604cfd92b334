/** Which database the environment names (interfaces.md: FUNDRISK_DB, DATABASE_URL). */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { describeTarget, resolveDatabaseTarget } from '../../../server/db/target.ts';

describe('resolveDatabaseTarget', () => {
  it.each([
    [{}, { dialect: 'sqlite', path: resolve('./data/fundrisk.db') }],
    [{ FUNDRISK_DB: '/tmp/a.db' }, { dialect: 'sqlite', path: '/tmp/a.db' }],
    [{ FUNDRISK_DB: '/tmp/a.db', DATABASE_URL: 'postgres://u@h/db' }, { dialect: 'sqlite', path: '/tmp/a.db' }],
    [{ DATABASE_URL: 'postgres://u:p@h:5433/db' }, { dialect: 'pg', url: 'postgres://u:p@h:5433/db' }],
    [{ DATABASE_URL: 'postgresql://u@h/db?sslmode=require' }, { dialect: 'pg', url: 'postgresql://u@h/db?sslmode=require' }],
    [{ DATABASE_URL: 'file:/var/lib/fundrisk.db' }, { dialect: 'sqlite', path: '/var/lib/fundrisk.db' }],
    [{ DATABASE_URL: 'file:///var/lib/fundrisk.db' }, { dialect: 'sqlite', path: '/var/lib/fundrisk.db' }],
    [{ DATABASE_URL: 'sqlite://data/x.db' }, { dialect: 'sqlite', path: 'data/x.db' }],
    [{ DATABASE_URL: ':memory:' }, { dialect: 'sqlite', path: ':memory:' }],
    [{ DATABASE_URL: './local.db' }, { dialect: 'sqlite', path: './local.db' }],
  ])('%j → %j', (env, target) => {
    expect(resolveDatabaseTarget(env)).toEqual(target);
  });

  it('describe a PostgreSQL target without its password', () => {
    expect(describeTarget({ dialect: 'pg', url: 'postgres://fundrisk:s3cret@db.internal:5432/fundrisk' }))
      .toBe('postgres://fundrisk:***@db.internal:5432/fundrisk');
    expect(describeTarget({ dialect: 'sqlite', path: '/tmp/a.db' })).toBe('/tmp/a.db');
  });
});
