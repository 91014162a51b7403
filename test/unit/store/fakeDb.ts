import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { LeagueDeskDb } from '../../../renderer/src/store/db';

/** A database in a fresh in-memory IndexedDB, so tests never share state. */
export function freshDb(upTo = Infinity, factory: IDBFactory = new IDBFactory()): LeagueDeskDb {
  return new LeagueDeskDb('league-desk-test', { indexedDB: factory, IDBKeyRange }, upTo);
}
