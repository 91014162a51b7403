import type { Table } from 'dexie';
import type { SyncAccess, SyncStateReader } from '../../../shared/sync/access';
import type { Change } from '../../../shared/sync/change';
import type { Conflict } from '../../../shared/sync/conflict';
import { INITIAL_CLOCK, type ClockState } from '../../../shared/sync/hlc';
import type { MergedRow } from '../../../shared/sync/row';
import type { SyncTables } from '../../../shared/sync/tables';
import type { VersionVector } from '../../../shared/sync/vector';
import { allChanges, appendChanges, changesByIds, mergePages } from './changeLog';
import { LOG_STORE, type LogPage } from './logPages';
import type { LeagueDeskDb, MetaEntry, VectorEntry } from './db';
import { inTransaction, type StoreTx, type TxMode } from './tx';

/** The stores an import touches; the caller opens one read-write transaction over all of them. */
export function syncStores(db: LeagueDeskDb): string[] {
  return ['meta', LOG_STORE, 'vector', ...db.syncTables.names, 'conflicts', 'parked'];
}

/**
 * The merge core's SyncAccess over IndexedDB. Every method is one bulk call, so an import of
 * 100,000 changes is a handful of round trips; the change log is kept in pages (changeLog.ts).
 * It is given a transaction over `syncStores` (inTransaction) and the database's synced tables:
 * the core plans and applies within it, so an import lands whole or not at all.
 */
export function dexieAccess(tx: StoreTx, tables: SyncTables): SyncAccess & SyncStateReader {
  const table = (name: string) => tx.table<MergedRow, string>(name);
  const meta = tx.table<MetaEntry, string>('meta');
  // The vector and the clock as this transaction last read or wrote them. A local write plans and
  // applies through several functions that each ask for them; IndexedDB's cost is per request (a
  // round trip to the browser's storage process, a few tenths of a millisecond each on an office
  // PC), so each is read once per transaction. Safe because within a transaction of the sync
  // stores nothing but this access writes them (one access per transaction: inSyncTransaction).
  let vector: Promise<VersionVector> | undefined;
  let clock: Promise<ClockState> | undefined;
  return {
    tables,
    existingChanges: (ids) => changesByIds(tx, ids),
    getRows: (name, ids) => readByIds(table(name), ids),
    async putRows(name, rows) {
      await table(name).bulkPut(rows);
    },
    addChanges: (changes) => appendChanges(tx, changes),
    async addConflicts(conflicts: readonly Conflict[]) {
      await tx.table<Conflict, string>('conflicts').bulkPut(conflicts);
    },
    async addParked(changes) {
      await tx.table<Change, string>('parked').bulkPut(changes);
    },
    getParked: () => tx.table<Change, string>('parked').toArray(),
    async removeParked(ids) {
      await tx.table<Change, string>('parked').bulkDelete([...ids]);
    },
    getVector: () => (vector ??= readVector(tx)),
    async putVector(next) {
      // Only the entries that moved: a local write moves this PC's own, and a PC holding twenty
      // PCs' changes would otherwise rewrite twenty records for every cell typed.
      const held = vector === undefined ? {} : await vector;
      const moved = Object.entries(next).filter(([device, hlc]) => held[device] !== hlc);
      vector = Promise.resolve(next);
      if (moved.length > 0) await tx.table<VectorEntry, string>('vector').bulkPut(moved.map(([device, hlc]) => ({ device, hlc })));
    },
    getClock: () => (clock ??= meta.get('clock').then((entry) => (entry?.value as ClockState | undefined) ?? INITIAL_CLOCK)),
    async putClock(next) {
      clock = Promise.resolve(next);
      await meta.put({ key: 'clock', value: next });
    },
    allRows: (name) => table(name).toArray(),
    allChanges: () => allChanges(tx),
  };
}

/**
 * A transaction over the stores an import touches (and `also`), with the sync core's access to it:
 * how the store runs the core (imports, local writes, exports, backups, the hub).
 */
export function inSyncTransaction<T>(
  db: LeagueDeskDb,
  mode: TxMode,
  body: (access: SyncAccess & SyncStateReader, tx: StoreTx) => Promise<T>,
  also: readonly string[] = [],
): Promise<T> {
  return inTransaction(db, mode, [...new Set([...syncStores(db), ...also])], (tx) => body(dexieAccess(tx, db.syncTables), tx));
}

/** This device's version vector: per origin device, the greatest stamp applied here. */
export async function readVector(tx: StoreTx): Promise<VersionVector> {
  return Object.fromEntries((await tx.table<VectorEntry, string>('vector').toArray()).map((e) => [e.device, e.hlc]));
}

/** Changes per batch handed to the bundle encoder by readChangeLog. */
const EXPORT_BATCH = 5000;

/**
 * The whole change log in clock order, in batches, for `encodeBundle`. Changes and vector come
 * from one read-only transaction, so they agree (a full bundle's vector must be exactly its
 * greatest stamps). The log is a few dozen pages at county scale, read at once; the encoder takes
 * it in batches so that its progress moves as it writes.
 */
export function readChangeLog(db: LeagueDeskDb): { vector: Promise<VersionVector>; batches: AsyncIterable<Change[]> } {
  const read = inTransaction(db, 'r', [LOG_STORE, 'vector'], async (tx) => {
    const [pages, vector] = await Promise.all([tx.table<LogPage, number>(LOG_STORE).toArray(), readVector(tx)]);
    return { changes: mergePages(pages), vector };
  });
  return {
    vector: read.then((r) => r.vector),
    batches: {
      async *[Symbol.asyncIterator]() {
        const { changes } = await read;
        for (let i = 0; i < changes.length; i += EXPORT_BATCH) yield changes.slice(i, i + EXPORT_BATCH);
      },
    },
  };
}

/** Below this many ids, one get per id is as quick as anything. */
const RANGE_READ_MIN_IDS = 256;

/**
 * Records by id, in the order asked, undefined where there is none: `bulkGet`, which makes one
 * request per id. A big batch first counts what the store holds between its least and greatest
 * id. Nothing (a first import, or ids newer than everything held) means nothing to read; little
 * more than was asked for (a file imported again) is read with one range request, much cheaper
 * than a request per id; anything else falls back to `bulkGet`.
 */
async function readByIds<T extends { id: string }>(table: Table<T, string>, ids: readonly string[]): Promise<(T | undefined)[]> {
  if (ids.length < RANGE_READ_MIN_IDS) return table.bulkGet([...ids]);
  // IndexedDB orders text keys by UTF-16 code units, as `<` does.
  let least = ids[0]!;
  let greatest = ids[0]!;
  for (const id of ids) {
    if (id < least) least = id;
    if (id > greatest) greatest = id;
  }
  const range = table.where(':id').between(least, greatest, true, true);
  const held = await range.count();
  if (held === 0) return ids.map(() => undefined);
  if (held > 2 * ids.length) return table.bulkGet([...ids]);
  const byId = new Map<string, T>();
  for (const record of await range.toArray()) byId.set(record.id, record);
  return ids.map((id) => byId.get(id));
}
