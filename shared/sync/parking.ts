import { DATA_SCHEMA_VERSION, DELETED_FIELD, type Change, type SyncedTable } from './change';
import { TABLE_ROW_SCHEMAS } from './tables';

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
  fields: Readonly<Partial<Record<SyncedTable, ReadonlySet<string>>>>;
}

/**
 * Fields a change may never write: `id` is the row's key and `_clock` its stamps (writing either
 * would corrupt the row), and `__proto__` would reach the object's prototype. A change naming one
 * is invalid, not merely unknown, and its bundle is refused.
 */
export const RESERVED_FIELDS: ReadonlySet<string> = new Set(['id', '_clock', '__proto__']);

function writableFields(table: SyncedTable): ReadonlySet<string> {
  const fields = new Set(Object.keys(TABLE_ROW_SCHEMAS[table].shape));
  fields.add(DELETED_FIELD);
  for (const reserved of RESERVED_FIELDS) fields.delete(reserved);
  return fields;
}

export const CURRENT_SCHEMA: KnownSchema = {
  version: DATA_SCHEMA_VERSION,
  fields: Object.fromEntries(Object.keys(TABLE_ROW_SCHEMAS).map((t) => [t, writableFields(t as SyncedTable)])),
};

export type ParkingReason = 'newer-schema' | 'unknown-table' | 'unknown-field';

/** Why this build cannot apply the change yet, or undefined when it can. */
export function parkingReason(change: Change, known: KnownSchema): ParkingReason | undefined {
  if (change.schema > known.version) return 'newer-schema';
  const fields = Object.hasOwn(known.fields, change.table) ? known.fields[change.table as SyncedTable] : undefined;
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

/** How many of these changes this build would park. */
export function countParkable(changes: readonly Change[], known: KnownSchema = CURRENT_SCHEMA): number {
  let parkable = 0;
  for (const change of changes) if (parkingReason(change, known) !== undefined) parkable += 1;
  return parkable;
}
