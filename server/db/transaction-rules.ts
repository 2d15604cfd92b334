/** The two ways a transaction can be misused, refused with the same message on SQLite and PostgreSQL. */

/** `db.transaction` called inside another transaction of the same database (use `tx.transaction` or pass `tx`). */
export const NESTED_ON_DB = 'a transaction was started on the database inside another transaction: start it on the transaction (tx.transaction) or pass tx';

/** A SQLite transaction still open after a turn of the event loop (sqlite-transactions.ts). */
export const YIELDED = 'a SQLite transaction awaited something other than a query: it was rolled back';
