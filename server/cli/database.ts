/** The database of a CLI command: the one FUNDRISK_DB or DATABASE_URL names (server/db/target.ts). */
import { closeDatabase, openDatabase, type Db } from '../db/client.ts';
import { resolveDatabaseTarget } from '../db/target.ts';

/** Opens (and migrates) the database, runs `work` on it, and always closes it. */
export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(resolveDatabaseTarget());
  try {
    return await work(db);
  } finally {
    await closeDatabase(db);
  }
}
