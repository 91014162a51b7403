import type { SyncAccess } from './access';
import type { MergedRow } from './row';

/**
 * The access with each row read at most once: later reads of a row get what was read, or what was
 * put since. A local write reads the rows it writes three times over — the gate (as held), the
 * change's per-field base, the merge — and a database charges per request, not per byte. Only
 * for one transaction's work, in which every write of those rows goes through this access.
 */
export function readingRowsOnce<A extends SyncAccess>(access: A): A {
  const held = new Map<string, Promise<MergedRow | undefined>>();
  const key = (table: string, id: string) => `${table}\u0000${id}`;
  return {
    ...access,
    getRows(table: string, ids: readonly string[]) {
      const missing = [...new Set(ids.filter((id) => !held.has(key(table, id))))];
      if (missing.length > 0) {
        const read = access.getRows(table, missing);
        missing.forEach((id, i) => held.set(key(table, id), read.then((rows) => rows[i])));
      }
      return Promise.all(ids.map((id) => held.get(key(table, id))!));
    },
    putRows(table: string, rows: readonly MergedRow[]) {
      for (const row of rows) held.set(key(table, row.id), Promise.resolve(row));
      return access.putRows(table, rows);
    },
  };
}
