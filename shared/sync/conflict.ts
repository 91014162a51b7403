import type { WriteSpec } from './write';

/** A value and the clock stamp of the change that wrote it. */
export interface StampedValue {
  value: unknown;
  hlc: string;
}

/**
 * A value that was overwritten by someone who had not seen it: kept for a person to review, so
 * that concurrent edits are surfaced, not silently lost (ARCHITECTURE.md §4).
 *
 * Conflicts are local records of the device that detected them. They are not synced: every
 * device that receives both values detects the conflict by itself (see merge.ts), and which value
 * a device saw overwritten first depends on the order files reached it.
 */
export interface Conflict {
  /** Deterministic: the same detection on the same device gives the same id, so it is stored once. */
  id: string;
  table: string;
  row: string;
  field: string;
  /** The row's scope as given by the change that revealed the conflict, for access checks. */
  scope: string;
  /** The value that won by its greater stamp (it may itself be overwritten later). */
  kept: StampedValue;
  /** The value that lost without its loss having been seen by the winner's author. */
  overwritten: StampedValue;
  /** When this device detected it (ms since epoch, this device's wall clock). */
  detectedAt: number;
}

export function conflictId(table: string, row: string, field: string, overwritten: string, kept: string): string {
  return JSON.stringify([table, row, field, overwritten, kept]);
}

/**
 * The write that settles a conflict with the value a person chose (either side's, or a new one).
 * Make it with `writeLocally(..., { outrankHeld: true })` (or `resolveConflict`), which first
 * receives the field's current stamp into the clock: the resolution then carries a greater stamp
 * than anything this device holds for the field, and a base equal to it, so it wins on every
 * device and raises no new conflict where the current value is known.
 */
export function resolutionWrite(conflict: Conflict, chosen: unknown): WriteSpec {
  return { table: conflict.table, row: conflict.row, fields: { [conflict.field]: chosen }, scope: conflict.scope };
}
