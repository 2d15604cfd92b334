/**
 * What a call wrote: the row count of every table (the audit log's length among them) and a
 * journal of every committed insert, update and delete. Row counts alone miss an update, so
 * temporary triggers (on this connection only) log each write into a temporary table; the log is
 * part of the writing transaction, so a rolled-back write leaves no entry and what remains is
 * exactly what the call committed.
 */
import type { Db } from '../../../server/db/client.ts';

export interface Write {
  table: string;
  op: 'insert' | 'update' | 'delete';
  rowId: number;
}

export interface WriteJournal {
  /** `table → rows` for every table of the schema. */
  rowCounts(): Record<string, number>;
  /** Forgets the writes logged so far. */
  clear(): void;
  /** The writes committed since the last `clear()`, in order. */
  writes(): Write[];
}

const OPS = [['insert', 'new'], ['update', 'new'], ['delete', 'old']] as const;

/** Installs the triggers on `db`'s connection (idempotent per connection: call once). */
export function journalWrites(db: Db): WriteJournal {
  const sqlite = db.$client;
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
    rowCounts: () => Object.fromEntries(counters.map(([table, stmt]) => [table, stmt.get() as number])),
    clear: () => { wipe.run(); },
    writes: () => read.all() as Write[],
  };
}
