import type { SyncAccess, SyncStateReader } from './access';
import type { Change } from './change';
import type { Conflict } from './conflict';
import { INITIAL_CLOCK, type ClockState } from './hlc';
import { applyImport, planImport, type ImportOptions, type ImportPlan } from './import';
import type { MergedRow } from './row';
import type { SyncTables } from './tables';
import { EMPTY_VECTOR, type VersionVector } from './vector';

/** The in-memory store: the pure core of sync, for the command line, the tests and previews. */
export interface MemorySyncStore extends SyncAccess, SyncStateReader {
  /**
   * Plans and applies an import in one go; throws `SyncError('import-refused')` for a refused one.
   * `now` defaults to the store's clock function.
   */
  applyChanges(records: readonly unknown[], options?: Partial<ImportOptions>): Promise<ImportPlan>;
  /** The conflicts this store detected, oldest first. */
  conflicts(): Conflict[];
}

/**
 * A `SyncAccess` over Maps. Rows and changes are stored as given and never mutated here; the
 * merge never mutates what it reads, so no copies are needed.
 */
export function memoryAccess(options: { tables: SyncTables; now?: () => number }): MemorySyncStore {
  const now = options.now ?? (() => Date.now());
  const changes = new Map<string, Change>();
  const rows = new Map<string, Map<string, MergedRow>>();
  const conflicts = new Map<string, Conflict>();
  const parked = new Map<string, Change>();
  let vector: VersionVector = EMPTY_VECTOR;
  let clock: ClockState = INITIAL_CLOCK;

  const tableRows = (table: string) => {
    let held = rows.get(table);
    if (held === undefined) rows.set(table, (held = new Map()));
    return held;
  };

  const store: MemorySyncStore = {
    tables: options.tables,
    async existingChanges(ids) {
      const found = new Map<string, Change>();
      for (const id of ids) {
        const change = changes.get(id);
        if (change !== undefined) found.set(id, change);
      }
      return found;
    },
    async getRows(table, ids) {
      const held = tableRows(table);
      return ids.map((id) => held.get(id));
    },
    async putRows(table, put) {
      const held = tableRows(table);
      for (const row of put) held.set(row.id, row);
    },
    async addChanges(added) {
      for (const change of added) changes.set(change.id, change);
    },
    async addConflicts(added) {
      for (const conflict of added) if (!conflicts.has(conflict.id)) conflicts.set(conflict.id, conflict);
    },
    async addParked(added) {
      for (const change of added) parked.set(change.id, change);
    },
    async getParked() {
      return [...parked.values()];
    },
    async removeParked(ids) {
      for (const id of ids) parked.delete(id);
    },
    async getVector() {
      return vector;
    },
    async putVector(next) {
      vector = { ...next };
    },
    async getClock() {
      return clock;
    },
    async putClock(next) {
      clock = { ...next };
    },
    async allRows(table) {
      return [...tableRows(table).values()];
    },
    async allChanges() {
      return [...changes.values()];
    },
    async applyChanges(records, importOptions = {}) {
      const plan = await planImport(records, store, { ...importOptions, now: importOptions.now ?? now() });
      await applyImport(plan, store);
      return plan;
    },
    conflicts() {
      return [...conflicts.values()];
    },
  };
  return store;
}
