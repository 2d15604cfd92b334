/**
 * The SQLite and PostgreSQL schemas are twins: the query code is typed against one and runs on both,
 * so every table must have the same columns with the same row types, keys and nullability.
 */
import { getTableColumns, getTableName, type InferInsertModel, type InferSelectModel, type Table } from 'drizzle-orm';
import { getTableConfig as pgConfig, type PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as pg from '../../../server/db/schema-pg.ts';
import * as sqlite from '../../../server/db/schema-sqlite.ts';

type TableNames = { [K in keyof typeof pg]: (typeof pg)[K] extends Table ? K : never }[keyof typeof pg];
type SameRows = { [K in TableNames]: [InferSelectModel<(typeof pg)[K]>, InferInsertModel<(typeof pg)[K]>] };
type SqliteRows = { [K in TableNames]: K extends keyof typeof sqlite ? [InferSelectModel<(typeof sqlite)[K]>, InferInsertModel<(typeof sqlite)[K]>] : never };

const tableNames = (module: Record<string, unknown>) => Object.entries(module)
  .filter(([, v]) => typeof v === 'object' && v !== null && Symbol.for('drizzle:IsDrizzleTable') in v)
  .map(([k]) => k).sort();

describe('schema-sqlite.ts and schema-pg.ts', () => {
  it('have the same row types for selects and inserts (checked by the compiler)', () => {
    expectTypeOf<SameRows>().toEqualTypeOf<SqliteRows>();
  });

  it('define the same tables under the same names', () => {
    expect(tableNames(pg)).toEqual(tableNames(sqlite));
    expect(tableNames(pg).length).toBe(26);
  });

  it.each(tableNames(pg))('%s: same columns, nullability, defaults, primary and unique keys and foreign keys', (name) => {
    const p = (pg as unknown as Record<string, PgTable>)[name] as PgTable;
    const s = (sqlite as unknown as Record<string, SQLiteTable>)[name] as SQLiteTable;
    expect(getTableName(p)).toBe(getTableName(s));
    const columns = (t: Table) => Object.values(getTableColumns(t)).map((c) => ({
      name: c.name, notNull: c.notNull, hasDefault: c.hasDefault, primary: c.primary, dataType: c.dataType,
    }));
    expect(columns(p)).toEqual(columns(s));
    const pc = pgConfig(p);
    const sc = sqliteConfig(s);
    const keys = (pks: { columns: { name: string }[] }[]) => pks.map((k) => k.columns.map((c) => c.name).join(',')).sort();
    expect(keys(pc.primaryKeys)).toEqual(keys(sc.primaryKeys));
    const indexes = (ix: { config: { name: string; unique: boolean; columns: unknown[] } }[]) =>
      ix.map((i) => `${i.config.name}:${i.config.unique}:${i.config.columns.length}`).sort();
    expect(indexes(pc.indexes as never)).toEqual(indexes(sc.indexes as never));
    const fks = (list: { reference: () => { columns: { name: string }[]; foreignTable: Table; foreignColumns: { name: string }[] }; onDelete?: string }[]) =>
      list.map((f) => { const r = f.reference(); return `${r.columns.map((c) => c.name).join(',')}->${getTableName(r.foreignTable)}(${r.foreignColumns.map((c) => c.name).join(',')}) ${f.onDelete ?? 'no action'}`; }).sort();
    expect(fks(pc.foreignKeys as never)).toEqual(fks(sc.foreignKeys as never));
  });
});
