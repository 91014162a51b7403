import type { Change } from './change';

/**
 * A materialized row: the current value of each field plus, per field, the stamp that wrote it.
 * The same shape lives in memory (the pure core) and in IndexedDB (the Dexie layer), so both
 * apply changes with the very same function.
 */
export interface MergedRow {
  id: string;
  /** Per field, the clock stamp of the value held. */
  _clock: Record<string, string>;
  [field: string]: unknown;
}

export interface FieldOverwrite {
  field: string;
  /** The value that lost, and the stamp that wrote it. */
  value: unknown;
  hlc: string;
}

/**
 * Applies one change to a row (or to nothing, for a new row) by per-field last-writer-wins on the
 * clock stamp. Pure: returns a new row and leaves the input untouched. Applying the same change
 * twice, or a set of changes in any order, gives the same row (the greatest stamp wins each field
 * and stamps are unique), which is what makes sync by files safe in any order.
 *
 * Also reports the fields whose current value the change replaced without its author having seen
 * it (the change's `base` is not the replaced value's stamp) — the raw material for conflicts.
 */
export function applyChangeToRow(
  row: MergedRow | undefined,
  change: Change,
): { row: MergedRow; changed: boolean; unseenOverwrites: FieldOverwrite[] } {
  const next: MergedRow = row ? { ...row, _clock: { ...row._clock } } : { id: change.row, _clock: {} };
  let changed = false;
  const unseenOverwrites: FieldOverwrite[] = [];
  for (const [field, value] of Object.entries(change.fields)) {
    const held = next._clock[field];
    if (held !== undefined && held >= change.hlc) continue;
    if (held !== undefined && (change.base[field] ?? '') !== held) {
      unseenOverwrites.push({ field, value: next[field], hlc: held });
    }
    next[field] = value;
    next._clock[field] = change.hlc;
    changed = true;
  }
  return { row: next, changed, unseenOverwrites };
}

/** The row's fields without its clock, as the rest of the app sees it. */
export function rowValues<T>(row: MergedRow): T {
  const { _clock: _ignored, ...values } = row;
  return values as T;
}

/**
 * How a table's row ids map to rows, when one row can be named by more than one id (a table whose
 * id scheme changed: changes are immutable, so old ids live on in logs, files and on PCs that have
 * not upgraded). `canonical` gives the row an id means; `aliases` the other ids of a canonical id.
 * Both must be pure and agree: `canonical(a) === c` for every `a` of `aliases(c)`, and
 * `canonical(canonical(x)) === canonical(x)`. The core knows no table: each table's rule is handed in
 * (shared/sync/tables.ts composes them).
 */
export interface RowIdRule {
  canonical(row: string): string;
  aliases(row: string): readonly string[];
}

export type RowIdRules = Readonly<Partial<Record<string, RowIdRule>>>;

/** The row a change to `row` of `table` belongs to. */
export function canonicalRowId(rules: RowIdRules, table: string, row: string): string {
  return Object.hasOwn(rules, table) ? rules[table]!.canonical(row) : row;
}

/** Every id changes may name this row by, its canonical id first. */
export function rowIdsOf(rules: RowIdRules, table: string, row: string): string[] {
  const canonical = canonicalRowId(rules, table, row);
  return Object.hasOwn(rules, table) ? [canonical, ...rules[table]!.aliases(canonical)] : [canonical];
}

/**
 * Two stored rows of one row (kept under two ids before a row-id rule joined them) as the one row
 * applying both rows' changes gives: per field, the value with the greater stamp.
 */
export function mergeRows(id: string, a: MergedRow, b: MergedRow): MergedRow {
  const out: MergedRow = { ...a, id, _clock: { ...a._clock } };
  for (const [field, stamp] of Object.entries(b._clock)) {
    const held = out._clock[field];
    if (held !== undefined && held >= stamp) continue;
    out[field] = b[field];
    out._clock[field] = stamp;
  }
  return out;
}
