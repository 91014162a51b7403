import type { SyncAccess } from './access';
import type { Change } from './change';
import { resolutionWrite, type Conflict } from './conflict';
import { receive } from './hlc';
import { applyImport, planImport, type ImportPlan } from './import';
import { applyChangeToRow, type MergedRow } from './row';
import { makeChange, type Writer, type WriteSpec } from './write';

export interface LocalWriteOptions {
  /**
   * Receive the current stamp of every written field into the clock before stamping, so the write
   * outranks the value held even when that value is future-stamped. Only for a person's deliberate
   * choice (settling a conflict): it moves this PC's clock as far ahead as that stamp.
   */
  outrankHeld?: boolean;
  /**
   * Called with the plan before anything is written, even for a refused plan (a value of the
   * wrong kind: see `plan.invalid`); throwing from it cancels the whole write. This is where a
   * caller refuses a batch in its own terms, e.g. when a row it creates would be incomplete.
   */
  beforeApply?: (plan: ImportPlan) => void;
}

/**
 * Makes changes for local writes and applies them through the same path as an import, so a
 * local edit that loses at once (against a future-stamped value) is recorded as a conflict here
 * too. Writes of the same row in one call see each other: the second one's base is the first.
 * Never refuses a write for its clock. A value of the wrong kind for its field refuses the whole
 * batch (`SyncError('import-refused')`, unless `beforeApply` throws first): nothing invalid enters
 * the change log, from here or from a file.
 */
export async function writeLocally(
  access: SyncAccess,
  specs: readonly WriteSpec[],
  writer: Writer,
  now: number,
  options: LocalWriteOptions = {},
): Promise<{ changes: Change[]; plan: ImportPlan }> {
  let clock = await access.getClock();
  const current = new Map<string, MergedRow | undefined>();
  for (const [table, ids] of groupRowIds(specs)) {
    const rows = await access.getRows(table, ids);
    ids.forEach((id, i) => current.set(key(table, id), rows[i]));
  }
  const changes: Change[] = [];
  for (const spec of specs) {
    const row = current.get(key(spec.table, spec.row));
    if (options.outrankHeld) {
      for (const field of Object.keys(spec.fields)) {
        const held = row?._clock[field];
        if (held !== undefined) clock = receive(clock, held);
      }
    }
    const made = makeChange(spec, row, writer, clock, now);
    clock = made.clock;
    changes.push(made.change);
    current.set(key(spec.table, spec.row), applyChangeToRow(row, made.change).row);
  }
  // The clock is the one that issued these stamps, not the stored one plus what an import would
  // receive: an outranking stamp may be future-stamped, which an import does not receive.
  const plan: ImportPlan = { ...(await planImport(changes, access, { now })), clockAfter: clock };
  options.beforeApply?.(plan);
  await applyImport(plan, access);
  return { changes, plan };
}

/**
 * Settles a conflict with the value a person chose: a local write that outranks whatever the field
 * holds here and names it as its base, so after the next exchange every device holds the choice.
 */
export async function resolveConflict(access: SyncAccess, conflict: Conflict, chosen: unknown, writer: Writer, now: number): Promise<Change> {
  const { changes } = await writeLocally(access, [resolutionWrite(conflict, chosen)], writer, now, { outrankHeld: true });
  return changes[0]!;
}

function key(table: string, row: string): string {
  return JSON.stringify([table, row]);
}

function groupRowIds(specs: readonly WriteSpec[]): Map<WriteSpec['table'], string[]> {
  const grouped = new Map<WriteSpec['table'], Set<string>>();
  for (const spec of specs) {
    let ids = grouped.get(spec.table);
    if (ids === undefined) grouped.set(spec.table, (ids = new Set()));
    ids.add(spec.row);
  }
  return new Map([...grouped].map(([table, ids]) => [table, [...ids]]));
}
