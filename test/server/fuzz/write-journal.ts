/**
 * What a call wrote: the row count of every table (the audit log's length among them) and a
 * journal of every committed insert, update and delete. Row counts alone miss an update, so
 * triggers log each write into a journal table; the log is part of the writing transaction, so a
 * rolled-back write leaves no entry and what remains is exactly what the call committed.
 * SQLite: temporary triggers on this connection (every write of the process goes through it).
 * PostgreSQL: a trigger function on every table of the test database (every connection of the pool).
 */
import { sql, type SQL } from 'drizzle-orm';
import { dialectOf, sqliteConnection, type Db } from '../../../server/db/client.ts';

export interface Write {
  table: string;
  op: 'insert' | 'update' | 'delete';
  /** SQLite's rowid, or on PostgreSQL the row's `id` (null for a table keyed by several columns). */
  rowId: number | null;
}

export interface WriteJournal {
  /** `table → rows` for every table of the schema. */
  rowCounts(): Promise<Record<string, number>>;
  /** Forgets the writes logged so far. */
  clear(): Promise<void>;
  /** The writes committed since the last `clear()`, in order. */
  writes(): Promise<Write[]>;
}

const OPS = [['insert', 'new'], ['update', 'new'], ['delete', 'old']] as const;

/** Installs the triggers on `db` (call once per database). */
export async function journalWrites(db: Db): Promise<WriteJournal> {
  return dialectOf(db) === 'sqlite' ? sqliteJournal(db) : pgJournal(db);
}

function sqliteJournal(db: Db): WriteJournal {
  const sqlite = sqliteConnection(db, 'the write journal');
  const tables = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[])
    .map((r) => r.name);
  sqlite.exec('create temp table fuzz_writes (seq integer primary key, tbl text not null, op text not null, row_id integer)');
  for (const table of tables) {
    for (const [op, row] of OPS) {
      sqlite.exec(`create temp trigger "fuzz_${table}_${op}" after ${op} on main."${table}" begin
        insert into fuzz_writes (tbl, op, row_id) values ('${table}', '${op}', ${row}.rowid); end`);
    }
  }
  const counters = tables.map((table) => [table, sqlite.prepare(`select count(*) as n from "${table}"`).pluck()] as const);
  const read = sqlite.prepare('select tbl as "table", op, row_id as rowId from fuzz_writes order by seq');
  const wipe = sqlite.prepare('delete from fuzz_writes');
  return {
    rowCounts: async () => Object.fromEntries(counters.map(([table, stmt]) => [table, stmt.get() as number])),
    clear: async () => { wipe.run(); },
    writes: async () => read.all() as Write[],
  };
}

/** The rows of a raw query on PostgreSQL (node-postgres: `{ rows }`). */
async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function pgJournal(db: Db): Promise<WriteJournal> {
  const tables = (await rowsOf<{ name: string }>(db, sql`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)).map((r) => r.name);
  await db.execute(sql`create table fuzz_writes (seq bigint generated always as identity primary key, tbl text not null, op text not null, row_id integer)`);
  await db.execute(sql.raw(`create function fuzz_log() returns trigger language plpgsql as $$
    declare r jsonb;
    begin
      if tg_op = 'DELETE' then r := to_jsonb(old); else r := to_jsonb(new); end if;
      insert into fuzz_writes (tbl, op, row_id) values (tg_table_name, lower(tg_op), (r ->> 'id')::integer);
      return null;
    end $$`));
  for (const table of tables) {
    await db.execute(sql`create trigger ${sql.identifier(`fuzz_${table}`)} after insert or update or delete on ${sql.identifier(table)}
      for each row execute function fuzz_log()`);
  }
  // one round trip for every count: a scalar subquery per table (as integer: a raw bigint comes back as text)
  const counts = sql`select ${sql.join(tables.map((t) => sql`(select count(*)::integer from ${sql.identifier(t)}) as ${sql.identifier(t)}`), sql`, `)}`;
  return {
    rowCounts: async () => (await rowsOf<Record<string, number>>(db, counts))[0] ?? {},
    clear: async () => { await db.execute(sql`delete from fuzz_writes`); },
    writes: async () => rowsOf<Write>(db, sql`select tbl as "table", op, row_id as "rowId" from fuzz_writes order by seq`),
  };
}
