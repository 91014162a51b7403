import type { z } from 'zod';
import { changeSchema, type Change } from './change';
import { DEVICE_ID_PATTERN, HLC_PATTERN } from './hlc';

/**
 * `changeSchema.safeParse`, fast. Imports and exports check every change of a file (100,000 of
 * them at county scale), and zod spends about 5 µs on each; this spends a fraction of that on the
 * records every League Desk writes, and hands anything else to zod.
 *
 * The contract, property-tested in test/unit/sync/parseChange.property.test.ts against zod itself on
 * valid and mutated records: the answer is zod's answer. The fast path accepts only records it can
 * prove zod accepts (plain objects and records, every constraint of the schema checked the same
 * way), and returns what zod would: a new object with the schema's keys in the schema's order, and
 * new `fields` and `base` objects holding the same values. Whatever it is unsure of — another
 * prototype, a symbol key, a `__proto__` key, an own `constructor`, any failing check — goes to zod,
 * so refusals (and their messages) are always zod's own.
 *
 * If changeSchema gains or loses a key, the fast path switches itself off (see FAST_PATH) and every
 * record goes to zod; a change to a constraint of an existing key must be mirrored in
 * `fastChange` below, and the property test fails until it is.
 */
export function parseChange(record: unknown): z.ZodSafeParseResult<Change> {
  if (FAST_PATH) {
    const data = fastChange(record);
    if (data !== undefined) return { success: true, data };
  }
  return changeSchema.safeParse(record);
}

/**
 * `parseChange`, but where zod's copy would hold exactly what the record holds (the schema's keys
 * in its order and no others, the same keys and values in `fields` and `base`), the record itself
 * rather than a copy: the change log gives back what parseChange made in exactly that shape. For
 * records the caller will not change while it uses the answer (what is being written to a bundle):
 * checking 100,000 of them then allocates nothing.
 */
export function parseChangeInPlace(record: unknown): z.ZodSafeParseResult<Change> {
  if (FAST_PATH && isCleanChange(record)) return { success: true, data: record };
  return parseChange(record);
}

const SCHEMA_KEYS = ['id', 'hlc', 'device', 'author', 'table', 'row', 'fields', 'base', 'scope', 'schema'];
const FAST_PATH = Object.keys(changeSchema.shape).join() === SCHEMA_KEYS.join();

function isCleanChange(record: unknown): record is Change {
  if (!hasValidScalars(record)) return false;
  // Own keys exactly the schema's, in its order (zod's copy has them so), all enumerable, nothing
  // else (not even hidden or symbol keys).
  const keys = Object.keys(record);
  if (keys.length !== SCHEMA_KEYS.length || Reflect.ownKeys(record).length !== keys.length) return false;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== SCHEMA_KEYS[i]) return false;
  return isCleanRecord(record.fields, true) && isCleanRecord(record.base, false);
}

/** The record as zod's `z.record` would copy it: no key it would drop or refuse, no value it would refuse. */
function isCleanRecord(value: unknown, isFields: boolean): boolean {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  if (Reflect.ownKeys(value).length !== keys.length) return false;
  for (const key of keys) {
    if (key === '__proto__') return false;
    if (isFields ? key.length < 1 || key.length > 64 : typeof value[key] !== 'string') return false;
  }
  return true;
}

/** Everything but `fields` and `base` as zod checks it (and the two not one object). */
function hasValidScalars(record: unknown): record is Record<string, unknown> & Omit<Change, 'fields' | 'base'> & { fields: unknown; base: unknown } {
  if (!isPlainObject(record)) return false;
  const { id, hlc, device, author, table, row, fields, base, scope, schema } = record;
  return (
    typeof id === 'string' && HLC_PATTERN.test(id) &&
    typeof hlc === 'string' && HLC_PATTERN.test(hlc) &&
    typeof device === 'string' && DEVICE_ID_PATTERN.test(device) &&
    isTextOfLength(author, 64) &&
    isTextOfLength(table, 64) &&
    isTextOfLength(row, 128) &&
    isTextOfLength(scope, 64) &&
    typeof schema === 'number' && Number.isSafeInteger(schema) && schema > 0 &&
    fields !== base
  );
}

function fastChange(record: unknown): Change | undefined {
  if (!hasValidScalars(record)) return undefined;
  const { id, hlc, device, author, table, row, fields, base, scope, schema } = record;
  const fieldsOut = copyRecord(fields, true);
  if (fieldsOut === undefined) return undefined;
  const baseOut = copyRecord(base, false);
  if (baseOut === undefined) return undefined;
  return { id, hlc, device, author, table, row, fields: fieldsOut, base: baseOut as Record<string, string>, scope, schema };
}

function isTextOfLength(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= max;
}

/**
 * An object zod certainly takes as a plain object: the ordinary prototype, and `constructor`
 * inherited from it (zod looks at `constructor` to decide, so an own one goes to zod).
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && (value as { constructor?: unknown }).constructor === Object;
}

/**
 * A copy of a record as zod's `z.record` builds it, or undefined to let zod decide: for `fields`,
 * keys of 1 to 64 characters and any values; for `base`, any keys and text values.
 */
function copyRecord(value: unknown, isFields: boolean): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) return undefined;
  // zod reads symbol keys too (and refuses them); Object.keys does not see them.
  if (Object.getOwnPropertySymbols(value).length > 0) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // zod drops a `__proto__` key silently; assigning it here would set the copy's prototype.
    if (key === '__proto__') return undefined;
    const item = value[key];
    if (isFields ? key.length < 1 || key.length > 64 : typeof item !== 'string') return undefined;
    out[key] = item;
  }
  return out;
}
