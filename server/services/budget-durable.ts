/**
 * Durable writes for budget approval and settlement (stack-notes.md): the transaction runs with
 * `PRAGMA synchronous=FULL`, so once it commits it survives a power loss, not only a crash. SQLite
 * refuses to change the safety level inside a transaction, so it is raised before BEGIN and put
 * back afterwards; BEGIN IMMEDIATE takes the write lock before anything is read.
 */
import type { Db } from '../db/client.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function durableTransaction<T>(db: Db, write: (tx: Tx) => T): T {
  const sqlite = db.$client;
  const previous = sqlite.pragma('synchronous', { simple: true }) as number;
  sqlite.pragma('synchronous = FULL');
  try {
    return db.transaction(write, { behavior: 'immediate' });
  } finally {
    sqlite.pragma(`synchronous = ${previous}`);
  }
}
