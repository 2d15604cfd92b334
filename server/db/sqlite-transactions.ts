/**
 * Awaitable transactions on the single better-sqlite3 connection, with the isolation a connection
 * pool gives on PostgreSQL. drizzle's own SQLite `transaction` is synchronous (better-sqlite3 refuses
 * a function that returns a promise); the query code awaits inside transactions on both dialects.
 *
 * - `BEGIN IMMEDIATE` takes the write lock before anything is read; `COMMIT`, or `ROLLBACK` and
 *   rethrow. `tx.transaction` inside is a savepoint; `db.transaction` inside is refused (on
 *   PostgreSQL it would wait forever for the write lock its own caller holds).
 * - Transactions from different async contexts (two requests of one tRPC batch, a `Promise.all`)
 *   queue: one at a time.
 * - A query awaited outside the open transaction waits until it ends (it would otherwise run inside
 *   it on the shared connection: see uncommitted rows, or be rolled back with it). drizzle's builders
 *   and prepared statements run their statement when awaited (`QueryPromise.then`): the wait goes there.
 * - better-sqlite3 runs each statement synchronously, so a transaction that awaits only queries ends
 *   within one turn of the event loop: other requests never wait on it. One still open after a turn
 *   awaited something else (a worker, a timer, a file, a memo another request is filling): it is
 *   rolled back at once, so the connection is free and nothing waits on it for ever, and it fails
 *   with `a SQLite transaction awaited something other than a query: it was rolled back`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import { QueryPromise } from 'drizzle-orm';
import { SQLitePreparedQuery, SQLiteSelectBase } from 'drizzle-orm/sqlite-core';
import { NESTED_ON_DB, YIELDED } from './transaction-rules.ts';


/** One top-level transaction: its async context and whether it was rolled back for yielding. */
interface Token { aborted: boolean; db: object }

interface Gate {
  /** The open top-level transaction, if any. */
  open: Token | undefined;
  /** Settles when every queued transaction has ended (or was rolled back for yielding). */
  tail: Promise<unknown>;
}

const context = new AsyncLocalStorage<Token>();
const gates = new WeakMap<Database.Database, Gate>();

/** Replaces `db.transaction` with the awaitable one above; `db` is drizzle's better-sqlite3 database. */
export function installAwaitableTransactions<D extends { $client: Database.Database }>(db: D): void {
  const sqlite = db.$client;
  const gate: Gate = { open: undefined, tail: Promise.resolve() };
  gates.set(sqlite, gate);
  installQueryGate();
  let depth = 0;

  const savepoint = async <T>(work: (tx: D) => Promise<T>): Promise<T> => {
    const name = `sp${depth}`;
    sqlite.exec(`SAVEPOINT ${name}`);
    depth += 1;
    try {
      const result = await work(tx);
      sqlite.exec(`RELEASE ${name}`);
      return result;
    } catch (err) {
      if (sqlite.inTransaction) {
        sqlite.exec(`ROLLBACK TO ${name}`);
        sqlite.exec(`RELEASE ${name}`);
      }
      throw err;
    } finally {
      depth -= 1;
    }
  };
  /** What the function gets: the database, with `transaction` a savepoint. */
  const tx = Object.create(db, { transaction: { value: savepoint } }) as D;

  const topLevel = async <T>(work: (tx: D) => Promise<T>, release: () => void): Promise<T> => {
    const token: Token = { aborted: false, db };
    sqlite.exec('BEGIN IMMEDIATE');
    gate.open = token;
    depth = 1;
    const end = () => {
      depth = 0;
      if (gate.open === token) gate.open = undefined;
      release();
    };
    const probe = setImmediate(() => {
      token.aborted = true;
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      end();
    });
    try {
      const result = await context.run(token, () => work(tx));
      if (token.aborted) throw new Error(YIELDED);
      sqlite.exec('COMMIT');
      return result;
    } catch (err) {
      if (token.aborted) throw new Error(YIELDED, { cause: err });
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw err;
    } finally {
      clearImmediate(probe);
      if (!token.aborted) end();
    }
  };

  const transaction = <T>(work: (tx: D) => Promise<T>): Promise<T> => {
    const inside = context.getStore();
    if (inside?.db === db && !inside.aborted) return Promise.reject(new Error(NESTED_ON_DB));
    const previous = gate.tail;
    let release!: () => void;
    gate.tail = new Promise<void>((resolve) => { release = resolve; });
    return previous.then(() => topLevel(work, release));
  };
  Object.defineProperty(db, 'transaction', { value: transaction });
}

let gateInstalled = false;

/**
 * Makes every awaited drizzle query on a gated connection wait while another context's transaction
 * is open, and refuses queries of a transaction rolled back for yielding. A prepared statement's
 * `execute()` result does not carry its session: it is given the connection here. Selects get
 * `then` as a copy (drizzle's applyMixins), so their prototype is gated as well.
 */
function installQueryGate(): void {
  if (gateInstalled) return;
  gateInstalled = true;
  const prepared = SQLitePreparedQuery.prototype as unknown as { execute: (this: { stmt?: { database?: Database.Database } }, ...a: unknown[]) => object };
  const execute = prepared.execute;
  prepared.execute = function (...args) {
    const result = execute.apply(this, args);
    return Object.assign(result, { connection: this.stmt?.database });
  };

  for (const proto of [QueryPromise.prototype, SQLiteSelectBase.prototype]) gateThen(proto as unknown as QueryPromise<unknown>);
}

function gateThen(proto: QueryPromise<unknown>): void {
  type Then = (this: QueryPromise<unknown>, onFulfilled?: unknown, onRejected?: unknown) => Promise<unknown>;
  const then = proto.then as Then;
  const gatedThen: Then = function (onFulfilled, onRejected) {
    const self = this as unknown as { session?: { client?: Database.Database }; connection?: Database.Database };
    const client = self.session?.client ?? self.connection;
    const gate = client === undefined ? undefined : gates.get(client);
    if (gate === undefined) return then.call(this, onFulfilled, onRejected);
    const inside = context.getStore();
    if (inside?.aborted) return Promise.reject(new Error(YIELDED)).then(onFulfilled as never, onRejected as never);
    if (gate.open === undefined || inside === gate.open) return then.call(this, onFulfilled, onRejected);
    return gate.tail.then(() => gatedThen.call(this, onFulfilled, onRejected));
  };
  proto.then = gatedThen as typeof proto.then;
}
