import type { Table, Transaction } from 'dexie';
import type { LeagueDeskDb } from './db';

declare const boundToTransaction: unique symbol;

/**
 * The tables of one open IndexedDB transaction, bound to it. Every read and write made through a
 * `StoreTx` goes to that transaction and no other.
 *
 * Why not `db.table(...)` inside `db.transaction(...)`, as Dexie's examples do: that finds the
 * transaction through Dexie's "zone", which Dexie carries across native `await`s by echoing it
 * through a limited number of microtasks (ZONE_ECHO_LIMIT). A long chain of native async functions
 * — `Promise.all` over async helpers, as the import planner runs — can outrun it. The next query
 * then silently opens a transaction of its own, the real one has nothing pending and commits, and
 * the import fails with `PrematureCommitError` — sometimes, depending on timing (issue 12: 7 of 22
 * imports of an overlapping full file in Chromium; every time in fake-indexeddb). Bound tables
 * need no zone.
 *
 * The other way to lose a transaction is to await something that is not IndexedDB inside it
 * (WebCrypto, fflate, a worker, a timer, the bridge): IndexedDB commits a transaction as soon as
 * it has nothing pending when the event loop turns. Do such work before or after. Bound tables make
 * that mistake fail every time (`TransactionInactiveError`) instead of now and then, and the unit
 * tests make WebCrypto resolve late (test/unit/setup/lateForeignPromises.ts), so a test of any
 * transactional path catches it.
 *
 * The brand keeps a `LeagueDeskDb` (which also has `table()`) from being passed where a
 * transaction is meant.
 */
export interface StoreTx {
  readonly [boundToTransaction]: true;
  table<T = unknown, K = string>(name: string): Table<T, K>;
}

export type TxMode = 'r' | 'rw';

/**
 * The only way the app opens a transaction (the lint forbids `db.transaction` elsewhere). The body
 * must await nothing but the bound tables and plain computation.
 */
export function inTransaction<T>(db: LeagueDeskDb, mode: TxMode, stores: readonly string[], body: (tx: StoreTx) => Promise<T>): Promise<T> {
  // eslint-disable-next-line no-restricted-syntax -- the one place a transaction is opened
  return db.transaction(mode, [...stores], (trans: Transaction) => body(trans as unknown as StoreTx));
}
