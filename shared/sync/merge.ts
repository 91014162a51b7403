import type { SyncAccess } from './access';
import { valuesEqual } from './canonical';
import { byStamp, type Change } from './change';
import { conflictId, type Conflict, type StampedValue } from './conflict';
import { applyChangeToRow, canonicalRowId, type MergedRow, type RowIdRules } from './row';

/*
 * The merge: how a batch of changes becomes rows, and which overwritten values are kept as
 * conflicts. This is the one apply path of the app — imports, unparking and local writes all come
 * through here, over memory or over IndexedDB alike (access.ts).
 *
 * ## Rows
 *
 * Per (table, row, field) the value with the greatest clock stamp wins (`applyChangeToRow`). Stamps
 * are unique and totally ordered, so the result does not depend on the order changes arrive in,
 * on duplicates, or on how they are cut into batches: apply is idempotent, commutative and
 * associative, and two devices that hold the same changes hold the same rows, byte for byte.
 * Deletion is the field `_deleted`, so it merges like any other field.
 *
 * ## Conflicts: the rule
 *
 * Every change says, per field it writes, the stamp of the value its author saw (`base`). When,
 * on a device, two writes of one field meet — the one arriving and the one held — the greater
 * stamp wins, and the loser is kept as a conflict when both hold:
 *
 *   1. the winner's base for the field is not the loser's stamp (its author had not seen it), and
 *   2. the values differ (deep equality; writing the same value twice loses nothing).
 *
 * "Meet" covers both directions: the arriving change replaces the held value, or the arriving
 * change loses at once against a greater held value. The first is the plain rule of ARCHITECTURE
 * §4; the second is the one extra rule needed to keep the promise below.
 *
 * ## The promise: every concurrently overwritten value appears as a conflict somewhere
 *
 * Stated precisely (and property-tested in convergence.property.test.ts): take a field, and a value
 * v written to it that is not the field's final value. Let L be the change with the greatest stamp
 * among those that wrote v. If no change writing the field has L's stamp as its base — nobody saw
 * v in L and chose to replace it — then every device that receives all the field's changes records
 * a conflict whose overwritten side is L.
 *
 * Why: on any device, L either arrives while a greater stamp H is held (L loses at once), or L is
 * held until the first greater stamp X arrives. Either way L meets a winner W (H or X) with a
 * greater stamp. W's base is not L's stamp, by assumption, and W's value is not v, since L is the
 * greatest writer of v. So both conditions hold and the conflict is recorded — on every device,
 * whatever the order of files, not only on one that happened to see things in a lucky order.
 *
 * Why the plain rule alone is not enough: with it, L is recorded only where L was held when the
 * winner arrived. With honest clocks that is at least L's author, but not if (a) a future-stamped
 * value already held the field when L was written there — the local edit loses at once and,
 * without the second rule, silently — or (b) the author's PC is gone (exported, then reinstalled
 * or lost) before the winner reached it. The loss rule covers both, and makes detection
 * independent of who received what first. The cost is that a conflict between two townships shows
 * on every PC that receives both, including the county office's — which is where it should be
 * reviewed anyway. Resolving it (a new write chosen on purpose, with the current value as its base)
 * raises no new conflict where the current value is known.
 *
 * The loss rule needs the winner's base, which the row does not keep; the winners' changes are
 * fetched from the log with one batched lookup after the pass, because a loss never changes the
 * row and so never changes what the pass does next.
 *
 * Known limits: a base names one stamp, not a whole history. If a device receives W (base B, which
 * replaced H on purpose) before B itself, W replacing H looks like a conflict. Exports cut by
 * version vectors deliver every change together with what its author had (vector.ts), and batches
 * are applied in stamp order, so this happens only when files are assembled by hand or a clock
 * is far ahead. A spurious conflict costs a person a look; a missed one costs data.
 */

export interface RowCounts {
  /** Rows that did not exist here before. */
  new: number;
  /** Rows that existed and changed. */
  updated: number;
  /** Rows the batch wrote to, but every written field already held a greater stamp. */
  unchanged: number;
}

export interface MergeOutcome {
  /** Rows that changed, to be stored. */
  rowsToPut: { table: string; rows: MergedRow[] }[];
  perTable: Partial<Record<string, RowCounts>>;
  conflicts: Conflict[];
}

interface PendingLoss {
  loser: Change;
  field: string;
  kept: StampedValue;
}


/**
 * Merges changes this device can apply (known tables and fields, not yet applied here) into their
 * rows. Reads through `access` but writes nothing: the caller stores the outcome.
 *
 * Changes are applied in stamp order, which is the order their authors could have seen them in;
 * the rows would be the same in any order, but the conflicts recorded are then the same for a
 * batch however its file was sorted.
 *
 * Each change is applied to the row its id means under `rowIds` (row.ts): a change naming a row by
 * an older id lands in the same row as one naming it by its current id, so PCs converge whichever
 * ids their changes use. The change itself is not altered (it is stored and forwarded as made).
 */
export async function mergeChanges(changes: readonly Change[], access: SyncAccess, now: number, rowIds: RowIdRules): Promise<MergeOutcome> {
  const ordered = changes
    .map((change) => {
      const row = canonicalRowId(rowIds, change.table, change.row);
      return row === change.row ? change : { ...change, row };
    })
    .sort(byStamp);
  const working = await loadRows(ordered, access);
  const changed = new Map<string, Set<string>>();
  const conflicts = new Map<string, Conflict>();
  const losses: PendingLoss[] = [];

  for (const change of ordered) {
    const table = change.table;
    const rows = working.get(table)!;
    const row = rows.get(change.row)?.current;
    for (const [field, value] of Object.entries(change.fields)) {
      const held = row?._clock[field];
      if (held !== undefined && held > change.hlc && !valuesEqual(row![field], value)) {
        losses.push({ loser: change, field, kept: { value: row![field], hlc: held } });
      }
    }
    const applied = applyChangeToRow(row, change);
    if (!applied.changed) continue;
    for (const overwrite of applied.unseenOverwrites) {
      const value = change.fields[overwrite.field];
      if (valuesEqual(overwrite.value, value)) continue;
      const conflict = makeConflict(change, overwrite.field, { value, hlc: change.hlc }, overwrite, now);
      conflicts.set(conflict.id, conflict);
    }
    rows.get(change.row)!.current = applied.row;
    let changedRows = changed.get(table);
    if (changedRows === undefined) changed.set(table, (changedRows = new Set()));
    changedRows.add(change.row);
  }

  for (const conflict of await confirmLosses(losses, access, now)) conflicts.set(conflict.id, conflict);

  const rowsToPut: MergeOutcome['rowsToPut'] = [];
  const perTable: MergeOutcome['perTable'] = {};
  for (const [table, rows] of working) {
    const counts: RowCounts = { new: 0, updated: 0, unchanged: 0 };
    const put: MergedRow[] = [];
    for (const [id, { before, current }] of rows) {
      if (!changed.get(table)?.has(id)) counts.unchanged += 1;
      else {
        if (before === undefined) counts.new += 1;
        else counts.updated += 1;
        put.push(current!);
      }
    }
    perTable[table] = counts;
    if (put.length > 0) rowsToPut.push({ table, rows: put });
  }
  return { rowsToPut, perTable, conflicts: [...conflicts.values()] };
}

type WorkingRows = Map<string, Map<string, { before: MergedRow | undefined; current: MergedRow | undefined }>>;

/** One `getRows` per table, all at once. */
async function loadRows(changes: readonly Change[], access: SyncAccess): Promise<WorkingRows> {
  const idsByTable = new Map<string, Set<string>>();
  for (const change of changes) {
    const table = change.table;
    let ids = idsByTable.get(table);
    if (ids === undefined) idsByTable.set(table, (ids = new Set()));
    ids.add(change.row);
  }
  const working: WorkingRows = new Map();
  await Promise.all(
    [...idsByTable].map(async ([table, idSet]) => {
      const ids = [...idSet];
      const found = await access.getRows(table, ids);
      working.set(table, new Map(ids.map((id, i) => [id, { before: found[i], current: found[i] }])));
    }),
  );
  return working;
}

/**
 * Keeps the losses whose winner's author had not seen the loser (rule 1). A batch is applied in
 * stamp order, so a change can only lose to a value held before the batch: the winner's change
 * is in the log (ids are stamps).
 */
async function confirmLosses(losses: PendingLoss[], access: SyncAccess, now: number): Promise<Conflict[]> {
  if (losses.length === 0) return [];
  const winners = await access.existingChanges([...new Set(losses.map((l) => l.kept.hlc))]);
  const confirmed: Conflict[] = [];
  for (const { loser, field, kept } of losses) {
    const winner = winners.get(kept.hlc);
    // A held value whose change is not in the log should not happen; if it does, keeping the
    // loser for review is the safe side.
    if (winner !== undefined && (winner.base[field] ?? '') === loser.hlc) continue;
    confirmed.push(makeConflict(loser, field, kept, { value: loser.fields[field], hlc: loser.hlc }, now));
  }
  return confirmed;
}

/** `arriving` is the change whose arrival revealed the conflict (winner or loser). */
function makeConflict(arriving: Change, field: string, kept: StampedValue, overwritten: StampedValue, now: number): Conflict {
  const { table, row } = arriving;
  return {
    id: conflictId(table, row, field, overwritten.hlc, kept.hlc),
    table,
    row,
    field,
    scope: arriving.scope,
    kept: { value: kept.value, hlc: kept.hlc },
    overwritten: { value: overwritten.value, hlc: overwritten.hlc },
    detectedAt: now,
  };
}
