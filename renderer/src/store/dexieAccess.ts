import type { Table } from 'dexie';
import type { SyncAccess, SyncStateReader } from '../../../shared/sync/access';
import { SYNCED_TABLES, type Change, type SyncedTable } from '../../../shared/sync/change';
import type { Conflict } from '../../../shared/sync/conflict';
import { INITIAL_CLOCK, type ClockState } from '../../../shared/sync/hlc';
import type { MergedRow } from '../../../shared/sync/row';
import type { VersionVector } from '../../../shared/sync/vector';
import type { LeagueDeskDb } from './db';

/** The stores an import touches; the caller opens one read-write transaction over all of them. */
export function syncStores(db: LeagueDeskDb): Table[] {
  return [db.meta, db.changes, db.vector, ...SYNCED_TABLES.map((name) => db.table(name)), db.conflicts, db.parked];
}

/**
 * The merge core's SyncAccess over IndexedDB. Every method is one bulk call, so an import of
 * 100,000 changes is a handful of round trips. It must be used inside a transaction that spans
 * syncStores(db): the core plans and applies within it, so an import lands whole or not at all.
 */
export function dexieAccess(db: LeagueDeskDb): SyncAccess & SyncStateReader {
  const table = (name: SyncedTable) => db.table(name) as Table<MergedRow, string>;
  return {
    async existingChanges(ids) {
      const found = await readByIds(db.changes, ids);
      const out = new Map<string, Change>();
      for (const change of found) if (change) out.set(change.id, change);
      return out;
    },
    getRows: (name, ids) => readByIds(table(name), ids),
    async putRows(name, rows) {
      await table(name).bulkPut(rows);
    },
    async addChanges(changes) {
      await db.changes.bulkPut(changes);
    },
    async addConflicts(conflicts: readonly Conflict[]) {
      await db.conflicts.bulkPut(conflicts);
    },
    async addParked(changes) {
      await db.parked.bulkPut(changes);
    },
    getParked: () => db.parked.toArray(),
    async removeParked(ids) {
      await db.parked.bulkDelete([...ids]);
    },
    async getVector(): Promise<VersionVector> {
      const entries = await db.vector.toArray();
      return Object.fromEntries(entries.map((e) => [e.device, e.hlc]));
    },
    async putVector(vector) {
      await db.vector.bulkPut(Object.entries(vector).map(([device, hlc]) => ({ device, hlc })));
    },
    async getClock(): Promise<ClockState> {
      return ((await db.meta.get('clock'))?.value as ClockState | undefined) ?? INITIAL_CLOCK;
    },
    async putClock(clock) {
      await db.meta.put({ key: 'clock', value: clock });
    },
    allRows: (name) => table(name).toArray(),
    async allChanges() {
      const ranges = await readLogInRanges(db);
      return (await Promise.all(ranges)).flat();
    },
  };
}

/**
 * The whole change log in clock order, in batches, for `encodeBundle`: the batches are read one
 * after another while the bundle is written from those already read, so the export takes about as
 * long as the slower of the two rather than both. Changes and vector come from one read-only
 * transaction, so they agree (a full bundle's vector must be exactly its greatest stamps).
 */
export function readChangeLog(db: LeagueDeskDb): { vector: Promise<VersionVector>; batches: AsyncIterable<Change[]> } {
  let gotVector: (vector: VersionVector) => void = () => {};
  let issued: (ranges: Promise<Change[]>[]) => void = () => {};
  const vector = new Promise<VersionVector>((resolve) => (gotVector = resolve));
  const ranges = new Promise<Promise<Change[]>[]>((resolve) => (issued = resolve));
  const done = db.transaction('r', [db.changes, db.vector], async () => {
    const read = db.vector.toArray().then((entries) => gotVector(Object.fromEntries(entries.map((e) => [e.device, e.hlc]))));
    const reads = await readLogInRanges(db);
    // Whoever stops reading early (the encoder refusing a change) need not hear of later failures.
    for (const range of reads) range.catch(() => {});
    issued(reads);
    await read;
  });
  // A transaction that fails before its reads are answered must not leave anyone waiting.
  const failed = done.then(() => new Promise<never>(() => {}));
  failed.catch(() => {});
  return {
    vector: Promise.race([vector, failed]),
    batches: {
      async *[Symbol.asyncIterator]() {
        for (const range of await Promise.race([ranges, failed])) yield await range;
      },
    },
  };
}

/** How many slices of its time span the log is read in. */
const LOG_READ_SLICES = 32;

/**
 * Reads of the whole change log, issued at once inside the current transaction: one per slice of
 * the time between its first and last stamp, in clock order. IndexedDB answers them one after
 * another, and each answer is taken in (and can be worked on) while the next is being read, where
 * one read of everything would make the two wait for each other. Slices are cut by wall time, not
 * by count (counting costs a read of its own); a log whose changes crowd into a few slices is read
 * in fewer, bigger parts, nothing worse.
 */
async function readLogInRanges(db: LeagueDeskDb): Promise<Promise<Change[]>[]> {
  const [first, last] = await Promise.all([db.changes.orderBy(':id').limit(1).primaryKeys(), db.changes.orderBy(':id').reverse().limit(1).primaryKeys()]);
  if (first.length === 0 || last.length === 0) return [];
  const from = stampWall(first[0]!);
  const to = stampWall(last[0]!);
  if (!(from < to)) return [db.changes.orderBy(':id').toArray()];
  // An ISO instant sorts just before every stamp of that millisecond: `<iso>` < `<iso>-0000-…`.
  const bounds: string[] = [];
  for (let i = 1; i < LOG_READ_SLICES; i++) {
    const bound = new Date(from + Math.floor(((to - from) * i) / LOG_READ_SLICES)).toISOString();
    if (bound !== bounds.at(-1)) bounds.push(bound);
  }
  const key = db.changes.where(':id');
  return [
    key.below(bounds[0]!).toArray(),
    ...bounds.slice(1).map((bound, i) => key.between(bounds[i]!, bound, true, false).toArray()),
    key.aboveOrEqual(bounds.at(-1)!).toArray(),
  ];
}

function stampWall(stamp: string): number {
  return Date.parse(stamp.slice(0, 24));
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
