import type { z } from 'zod';
import { DATA_SCHEMA_VERSION, DELETED_FIELD, SYNCED_TABLES, type Change, type SyncedTable } from './change';
import { RESERVED_FIELDS } from './parking';
import { rowValues, type MergedRow } from './row';
import { TABLE_ROW_SCHEMAS } from './tables';

/**
 * Checks at the edge, beyond the shape `changeSchema` checks: what a change claims about itself
 * must hold, because the merge and the version vectors rely on it.
 */
export function validateChangeIdentity(change: Change): string[] {
  const problems: string[] = [];
  // Stamps are unique per device, so the stamp is the id; a change whose id differs from its
  // stamp could reuse an id with another stamp and merge differently on different devices.
  if (change.id !== change.hlc) problems.push('id: must equal hlc');
  // The vector counts a stamp under `device`: a stamp issued by another device would make a peer
  // believe it holds changes it never received.
  if (!change.hlc.endsWith(`-${change.device}`)) problems.push('hlc: not stamped by device');
  for (const field of Object.keys(change.fields)) {
    if (RESERVED_FIELDS.has(field)) problems.push(`${field}: reserved, cannot be written`);
  }
  return problems;
}

function isSyncedTable(table: string): table is SyncedTable {
  return (SYNCED_TABLES as readonly string[]).includes(table);
}

/**
 * Checks each written value against its field's schema (`members` must be a non-negative whole
 * number or null, `kind` one of the kinds, `_deleted` a boolean, …). Fields or tables this build
 * does not know are not checked here: those changes are parked, not refused. Nor are changes of
 * a newer schema version, whose fields may mean something else by then.
 *
 * A wrong value is refused with the whole bundle rather than stored, because unlike a missing
 * field (see `rowIsComplete`) it can never become right by more changes arriving.
 */
export function validateChangeValues(change: Change): string[] {
  if (change.schema > DATA_SCHEMA_VERSION || !isSyncedTable(change.table)) return [];
  const shape = TABLE_ROW_SCHEMAS[change.table].shape;
  const problems: string[] = [];
  for (const field in change.fields) {
    if (!Object.hasOwn(change.fields, field) || RESERVED_FIELDS.has(field) || !Object.hasOwn(shape, field)) continue;
    const value = change.fields[field];
    const schema = shape[field]!;
    if (isKnownValid(schema, value)) continue;
    const checked = schema.safeParse(value);
    if (!checked.success) {
      for (const issue of checked.error.issues) problems.push(`${[field, ...issue.path].join('.')}: ${issue.message}`);
    } else {
      rememberValid(schema, value);
    }
  }
  return problems;
}

/**
 * Plain values (a figure, a status, a flag) that a field's schema has accepted: an import of
 * 100,000 changes writes the same few thousand values over and over, and a schema's verdict on a
 * plain value never changes, so each is checked once. Only acceptances are kept, so a refusal
 * is always zod's own, message included. Objects are always checked (they could be changed after).
 */
const knownValid = new WeakMap<z.ZodType, Set<unknown>>();
const MAX_KNOWN_PER_SCHEMA = 4096;

function isPlainValue(value: unknown): boolean {
  // -0 is left out (a Set does not tell it from 0), and long texts (not worth keeping).
  return (
    value === null ||
    typeof value === 'boolean' ||
    (typeof value === 'string' && value.length <= 256) ||
    (typeof value === 'number' && !Object.is(value, -0))
  );
}

function isKnownValid(schema: z.ZodType, value: unknown): boolean {
  return isPlainValue(value) && knownValid.get(schema)?.has(value) === true;
}

function rememberValid(schema: z.ZodType, value: unknown): void {
  if (!isPlainValue(value)) return;
  let values = knownValid.get(schema);
  if (values === undefined) knownValid.set(schema, (values = new Set()));
  if (values.size < MAX_KNOWN_PER_SCHEMA) values.add(value);
}

/**
 * Whether a merged row has every field its table requires.
 *
 * Rows are stored even when incomplete, and this is a decision, not a leniency. Fields arrive in
 * separate changes; an org row whose creating change is in a lost file, or a row edited here
 * before its creation arrived, is missing required fields for a while. Refusing to store it would
 * make the state depend on the order files arrived in, and devices would no longer converge;
 * refusing the whole import would block sync on a file that may never come. So the merge is
 * total: every valid change is applied. Values are checked one by one at the edge
 * (`validateChangeValues`), so an incomplete row can only lack fields, never hold a wrong one;
 * the UI hides rows for which this returns false, and they appear when the missing change does.
 */
export function rowIsComplete(table: SyncedTable, row: MergedRow): boolean {
  return TABLE_ROW_SCHEMAS[table].safeParse(rowValues(row)).success;
}

/**
 * A table's rows as every screen, export and command sees them: deleted rows and incomplete rows
 * (`rowIsComplete`) left out, clocks stripped. The one liveness rule of the app.
 */
export function liveRows<T>(table: SyncedTable, rows: readonly MergedRow[]): T[] {
  return rows.filter((row) => row[DELETED_FIELD] !== true && rowIsComplete(table, row)).map((row) => rowValues<T>(row));
}
