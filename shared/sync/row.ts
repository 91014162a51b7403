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
