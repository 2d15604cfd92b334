/**
 * Durable writes for budget approval, prepayment and settlement (stack-notes.md): once the
 * transaction commits it survives a power loss, not only a crash.
 * - SQLite: the transaction runs with `PRAGMA synchronous=FULL`. SQLite refuses to change the safety
 *   level inside a transaction, so it is raised before BEGIN and put back afterwards; the awaitable
 *   transaction (server/db/sqlite-client.ts) begins IMMEDIATE, taking the write lock before anything
 *   is read, and runs within one turn of the event loop, so no other request's statement runs at FULL.
 * - PostgreSQL: a commit is already durable (`synchronous_commit` on, the server default: COMMIT
 *   returns once the WAL is flushed to disk), so this is a plain transaction.
 */
import { dialectOf, sqliteConnection, type Db } from '../db/client.ts';

export async function durableTransaction<T>(db: Db, write: (tx: Db) => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'pg') return db.transaction(write);
  const sqlite = sqliteConnection(db, 'durableTransaction');
  const previous = sqlite.pragma('synchronous', { simple: true }) as number;
  sqlite.pragma('synchronous = FULL');
  try {
    return await db.transaction(write);
  } finally {
    sqlite.pragma(`synchronous = ${previous}`);
  }
}
