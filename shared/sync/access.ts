import type { Change } from './change';
import type { Conflict } from './conflict';
import type { ClockState } from './hlc';
import type { MergedRow } from './row';
import type { SyncTables } from './tables';
import type { VersionVector } from './vector';

/**
 * Everything the merge core needs from where the data lives. There are two homes with the same
 * contract: `memoryAccess()` (Maps; the pure core, the command line and the tests) and the Dexie
 * layer (IndexedDB). Both run the very same `planImport` / `applyImport`, so there is one apply
 * path and one set of rules.
 *
 * Every method takes or returns a batch. An import of 100,000 changes makes a handful of calls
 * (one per table, not one per change): with IndexedDB each await is a round trip through the
 * event loop, and per-change awaits would turn seconds into minutes.
 *
 * The Dexie implementation runs `planImport` and `applyImport` inside one read-write transaction
 * over all these stores, so an import lands whole or not at all.
 */
export interface SyncAccess {
  /** The tables this store holds (and so which changes it can apply): handed in, never assumed. */
  readonly tables: SyncTables;
  /** The changes among these ids that are already in the change log (applied or parked). */
  existingChanges(ids: readonly string[]): Promise<Map<string, Change>>;
  /** The rows with these ids, in the same order; undefined where there is none. */
  getRows(table: string, ids: readonly string[]): Promise<(MergedRow | undefined)[]>;
  putRows(table: string, rows: readonly MergedRow[]): Promise<void>;
  /** Appends to the change log. Parked changes are logged too: the log is what we forward. */
  addChanges(changes: readonly Change[]): Promise<void>;
  /** Stores conflicts by id (a conflict detected twice is stored once). */
  addConflicts(conflicts: readonly Conflict[]): Promise<void>;
  addParked(changes: readonly Change[]): Promise<void>;
  getParked(): Promise<Change[]>;
  removeParked(ids: readonly string[]): Promise<void>;
  getVector(): Promise<VersionVector>;
  putVector(vector: VersionVector): Promise<void>;
  /**
   * The device's clock is stored with the data it stamped: if an import's stamps were stored but
   * the clock that received them were not, the next local edit could be stamped below a value the
   * person has already seen, and lose to it.
   */
  getClock(): Promise<ClockState>;
  putClock(clock: ClockState): Promise<void>;
}

/** Read access to a whole store, for comparing devices (`canonicalState`) and for exports. */
export interface SyncStateReader {
  readonly tables: SyncTables;
  allRows(table: string): Promise<MergedRow[]>;
  allChanges(): Promise<Change[]>;
  getParked(): Promise<Change[]>;
  getVector(): Promise<VersionVector>;
}
