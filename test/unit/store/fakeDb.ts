import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { SyncAccess, SyncStateReader } from '../../../shared/sync/access';
import { LeagueDeskDb } from '../../../renderer/src/store/db';
import { inSyncTransaction } from '../../../renderer/src/store/dexieAccess';
import { inTransaction, type StoreTx, type TxMode } from '../../../renderer/src/store/tx';
import { APP_REGISTRY } from '../../../shared/app/registry';

/** A database in a fresh in-memory IndexedDB, so tests never share state. */
export function freshDb(upTo = Infinity, factory: IDBFactory = new IDBFactory()): LeagueDeskDb {
  return new LeagueDeskDb(APP_REGISTRY, 'league-desk-test', { indexedDB: factory, IDBKeyRange }, upTo);
}

/** Runs `body` with the sync core's access in one transaction over the sync stores, as the app does. */
export function withAccess<T>(db: LeagueDeskDb, mode: TxMode, body: (access: SyncAccess & SyncStateReader, tx: StoreTx) => Promise<T>): Promise<T> {
  return inSyncTransaction(db, mode, body);
}

/** Reads within one transaction over every store of the database. */
export function readAll<T>(db: LeagueDeskDb, body: (tx: StoreTx) => Promise<T>): Promise<T> {
  return inTransaction(db, 'r', db.tables.map((t) => t.name), body);
}
