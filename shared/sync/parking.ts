import { DATA_SCHEMA_VERSION, DELETED_FIELD, type Change } from './change';
import type { SyncTables } from './tables';

/**
 * What this build can apply: its data schema version and, per table, the fields it knows. A
 * change beyond it was written by a newer app version; it is parked (kept in the log and the
 * vector, forwarded to peers, never dropped) and applied by `unpark` once the app is upgraded.
 *
 * Taken as a value rather than read from constants so that tests (and a future migration) can
 * stand for an older build.
 */
export interface KnownSchema {
  version: number;
  fields: Readonly<Partial<Record<string, ReadonlySet<string>>>>;
}

/**
 * Fields a change may never write: `id` is the row's key and `_clock` its stamps (writing either
 * would corrupt the row), and `__proto__` would reach the object's prototype. A change naming one
 * is invalid, not merely unknown, and its bundle is refused.
 */
export const RESERVED_FIELDS: ReadonlySet<string> = new Set(['id', '_clock', '__proto__']);

const knownSchemas = new WeakMap<SyncTables, KnownSchema>();

/** What a build with these tables can apply: this build's schema version and every table's own fields. */
export function knownSchema(tables: SyncTables): KnownSchema {
  let known = knownSchemas.get(tables);
  if (known === undefined) {
    const fields: Record<string, ReadonlySet<string>> = {};
    for (const table of tables.defs) {
      const writable = new Set(Object.keys(table.row.shape));
      writable.add(DELETED_FIELD);
      for (const reserved of RESERVED_FIELDS) writable.delete(reserved);
      fields[table.name] = writable;
    }
    knownSchemas.set(tables, (known = { version: DATA_SCHEMA_VERSION, fields }));
  }
  return known;
}

export type ParkingReason = 'newer-schema' | 'unknown-table' | 'unknown-field';

/** Why this build cannot apply the change yet, or undefined when it can. */
export function parkingReason(change: Change, known: KnownSchema): ParkingReason | undefined {
  if (change.schema > known.version) return 'newer-schema';
  const fields = Object.hasOwn(known.fields, change.table) ? known.fields[change.table] : undefined;
  if (fields === undefined) return 'unknown-table';
  // A change is parked whole even if only one of its fields is unknown: applying part of it
  // would leave rows that no version of the app ever wrote.
  for (const field of Object.keys(change.fields)) if (!fields.has(field)) return 'unknown-field';
  return undefined;
}

/**
 * How many changes one file (one sender) may carry that this build would park. Parked changes are
 * kept for good and passed on to every peer, so a file of 50,000 junk changes for a table no build
 * knows would otherwise be stored and re-exported forever. A newer build's PC parks only what it
 * wrote in what is new to this one — a few thousand figures at most in a county — so 10,000 leaves
 * room; beyond it the whole file is refused ('too-many-parked'), and nothing of it is kept.
 */
export const PARKING_BUDGET = 10_000;

/** How many of these changes a build that knows `known` would park. */
export function countParkable(changes: readonly Change[], known: KnownSchema): number {
  let parkable = 0;
  for (const change of changes) if (parkingReason(change, known) !== undefined) parkable += 1;
  return parkable;
}
