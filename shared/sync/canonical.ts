import type { SyncStateReader } from './access';

/**
 * JSON with object keys sorted at every depth, so that equal values give equal text whatever
 * order their keys were written in (`{zh, ug}` and `{ug, zh}` are the same name). Undefined
 * object entries are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) Object.defineProperty(sorted, key, { value: sortKeys(item), enumerable: true });
  }
  return sorted;
}

/**
 * Deep equality of JSON values, key order ignored. Two writes of the same value are not a
 * conflict, however their objects were built.
 */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * The synced state of a device as one deterministic string: every table's rows sorted by id, with
 * their values and per-field stamps; the version vector; the ids in the change log and of the
 * parked changes. Two devices that hold the same changes give byte-identical strings, which is
 * what the convergence tests compare and what the command line can print as a fingerprint.
 *
 * Left out on purpose: conflicts (each device records those it detected, and different devices
 * see different losers first) and the device's own clock (it counts its own ticks).
 */
export async function canonicalState(store: SyncStateReader): Promise<string> {
  const tables: Record<string, unknown> = {};
  for (const table of store.tables.names) {
    const rows = await store.allRows(table);
    tables[table] = rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  const ids = (changes: { id: string }[]) => changes.map((c) => c.id).sort();
  return canonicalJson({
    tables,
    vector: await store.getVector(),
    changes: ids(await store.allChanges()),
    parked: ids(await store.getParked()),
  });
}
