import { z } from 'zod';
import { DEVICE_ID_PATTERN, HLC_PATTERN } from './hlc';

/**
 * The data schema version this build writes. A change with a higher number, or naming a table or
 * field this build does not know, is parked (kept, not applied) until the app is upgraded.
 */
export const DATA_SCHEMA_VERSION = 1;

/** The field name that marks a row deleted. Deletion is a field like any other, so it merges. */
export const DELETED_FIELD = '_deleted';

/**
 * One write, exactly as it is stored in the change log, written to a bundle's changes.ndjson and
 * stored on the hub (ARCHITECTURE.md §4). Immutable once made.
 */
export const changeSchema = z.object({
  /** Unique id; the clock stamp already carries the device, so id = hlc. */
  id: z.string().regex(HLC_PATTERN),
  hlc: z.string().regex(HLC_PATTERN),
  device: z.string().regex(DEVICE_ID_PATTERN),
  author: z.string().min(1).max(64),
  table: z.string().min(1).max(64),
  row: z.string().min(1).max(128),
  /** Only the fields written; a delete is `{ _deleted: true }`. */
  fields: z.record(z.string().min(1).max(64), z.unknown()),
  /** Per written field: the stamp of the value the author saw ('' when there was none). */
  base: z.record(z.string(), z.string()),
  /** Organisation code path the row belongs to, for access checks (`LT`, `LT-03`, …). */
  scope: z.string().min(1).max(64),
  schema: z.number().int().positive(),
});
export type Change = z.infer<typeof changeSchema>;

/** Clock order of changes (stamps sort as text): the one comparator, for `sort`. */
export function byStamp(a: { readonly hlc: string }, b: { readonly hlc: string }): number {
  return a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0;
}

/** Sorts changes into clock order, in place, and returns them. */
export function sortByStamp<T extends { readonly hlc: string }>(changes: T[]): T[] {
  return changes.sort(byStamp);
}
