import type { Table } from 'dexie';
import type { SyncAccess, SyncStateReader } from '../../../shared/sync/access';
import type { Change, SyncedTable } from '../../../shared/sync/change';
import type { Conflict } from '../../../shared/sync/conflict';
import { INITIAL_CLOCK, type ClockState } from '../../../shared/sync/hlc';
import type { MergedRow } from '../../../shared/sync/row';
import type { VersionVector } from '../../../shared/sync/vector';
import type { LeagueDeskDb } from './db';

/** The stores an import touches; the caller opens one read-write transaction over all of them. */
export function syncStores(db: LeagueDeskDb): Table[] {
  return [db.meta, db.changes, db.vector, db.org, db.round, db.statReport, db.target, db.conflicts, db.parked];
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
      const found = await db.changes.bulkGet([...ids]);
      const out = new Map<string, Change>();
      for (const change of found) if (change) out.set(change.id, change);
      return out;
    },
    getRows: (name, ids) => table(name).bulkGet([...ids]),
    async putRows(name, rows) {
      await table(name).bulkPut([...rows]);
    },
    async addChanges(changes) {
      await db.changes.bulkPut([...changes]);
    },
    async addConflicts(conflicts: readonly Conflict[]) {
      await db.conflicts.bulkPut([...conflicts]);
    },
    async addParked(changes) {
      await db.parked.bulkPut([...changes]);
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
    allChanges: () => db.changes.orderBy('id').toArray(),
  };
}
