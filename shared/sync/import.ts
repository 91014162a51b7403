import type { SyncAccess } from './access';
import { canonicalJson } from './canonical';
import type { Change } from './change';
import { clockAfterImport, futureStampedSources, type FutureStampedSource } from './clockDrift';
import type { Conflict } from './conflict';
import { SyncError } from './errors';
import type { ClockState } from './hlc';
import { mergeChanges, type RowCounts } from './merge';
import { knownSchema, parkingReason, type KnownSchema } from './parking';
import type { MergedRow, RowIdRules } from './row';
import { isWithinScope } from './scope';
import { validateChangeIdentity, validateChangeValues } from './validate';
import { parseChange } from './parseChange';
import { includes, mergeVectors, sameVector, vectorOf, type VersionVector } from './vector';

export interface ImportOptions {
  /** This PC's wall clock (ms), for future stamps and `detectedAt`. */
  now: number;
  /** What this build can apply; anything beyond is parked. Default: the store's tables (`knownSchema`). */
  known?: KnownSchema;
  /**
   * The sending account's scope (from the bundle's manifest). Changes authored by the sender
   * outside it are counted in `outsideScope`. Changes relayed from others are not the sender's
   * doing and are not counted.
   */
  senderScope?: string;
  /** The sending account; without it, every change in the file is held to `senderScope`. */
  senderAuthor?: string;
  /** Which ids name which rows (row.ts); default the store's tables'. Tests stand for older builds with `{}`. */
  rowIds?: RowIdRules;
  /**
   * This PC's device id. Every change a PC makes is in its own log from the moment it is made, so
   * an incoming change that claims this device and is not held here was not made here (a forged
   * file, or a copy of this PC's identity): it is set aside, counted in `notMadeHere`, and neither
   * applied nor let into the vector — one such change stamped in 2099 would otherwise make every
   * later edit of this PC look already held, to this PC's hub bookkeeping and to its peers.
   */
  ownDevice?: string;
}

export interface InvalidChange {
  /** Position in the file (0-based). */
  index: number;
  id?: string;
  problems: string[];
}

/** What an import would do, for a person to read before saying yes. */
export interface ImportPreview {
  /** Records in the file. */
  received: number;
  /** Records repeated within the file (same id, same content), counted once. */
  duplicatesInFile: number;
  /** Records that are not valid changes. Any of them refuses the whole import. */
  invalid: InvalidChange[];
  /**
   * Ids already known here (or repeated in the file) with different content. A change is
   * immutable, so this is a forged or corrupted file, and the whole import is refused.
   */
  sameIdDifferentContent: string[];
  /** Changes already held here with identical content: nothing to do for them. */
  alreadyApplied: number;
  /** Rows the new changes touch, per table. */
  perTable: Partial<Record<string, RowCounts>>;
  /** Values that will be overwritten without their loss having been seen (merge.ts). */
  conflicts: Conflict[];
  /** Changes stamped more than 24 h ahead of this PC's clock, per PC: whose clock to fix. */
  futureStamped: FutureStampedSource[];
  /** New changes this build cannot apply yet (newer schema, unknown table or field). */
  parked: number;
  /** New changes authored by the sender outside the sender's scope. */
  outsideScope: number;
  /** Changes claiming this PC's device that this PC never made (`ImportOptions.ownDevice`): left out. */
  notMadeHere: number;
  /** True when the import must not be applied (`invalid` or `sameIdDifferentContent`). */
  refused: boolean;
}

/** The preview plus exactly what `applyImport` will write. */
export interface ImportPlan extends ImportPreview {
  rowsToPut: { table: string; rows: MergedRow[] }[];
  /** Every new change, applied or parked, for the change log. */
  changesToAdd: Change[];
  parkedToAdd: Change[];
  /** The vector the plan was made against; applying checks it is still current. */
  vectorBefore: VersionVector;
  vectorAfter: VersionVector;
  clockAfter: ClockState;
}

/**
 * Works out what importing these records would do, writing nothing. Everything comes in as
 * untrusted input and is parsed here (`changeSchema` through `parseChange`, then identity and value checks), whatever
 * the bundle layer checked before: this is the last edge before the database.
 *
 * Already-known changes are recognised by id and content, so importing the same file twice (or a
 * file overlapping what we hold) does nothing the second time, and the preview says so.
 */
export async function planImport(records: readonly unknown[], access: SyncAccess, options: ImportOptions): Promise<ImportPlan> {
  const known = options.known ?? knownSchema(access.tables);
  const { changes, invalid, duplicatesInFile, sameIdInFile } = parseRecords(records, access);
  const [vectorBefore, clockBefore] = await Promise.all([access.getVector(), access.getClock()]);
  // Only changes the vector covers can be held here: the vector holds, per device, the greatest
  // stamp in the log (applied or parked; both are written in the same transaction), so a stamp
  // above it is not in the log. In a big import nearly every change is above it, and looking each
  // one up would cost about as much as writing it. Changes at or below it are looked up, although
  // one that is not held would break the vector's promise: that is where an id already held with
  // other content is found, and where a file imported twice is recognised.
  const mayBeHeld = changes.filter((c) => includes(vectorBefore, c)).map((c) => c.id);
  const existing = mayBeHeld.length > 0 ? await access.existingChanges(mayBeHeld) : new Map<string, Change>();

  const sameIdDifferentContent = [...sameIdInFile];
  const fresh: Change[] = [];
  let alreadyApplied = 0;
  let notMadeHere = 0;
  for (const change of changes) {
    const held = existing.get(change.id);
    if (held === undefined && change.device === options.ownDevice) notMadeHere += 1;
    else if (held === undefined) fresh.push(change);
    else if (canonicalJson(held) === canonicalJson(change)) alreadyApplied += 1;
    else sameIdDifferentContent.push(change.id);
  }

  const parked: Change[] = [];
  const applicable: Change[] = [];
  for (const change of fresh) (parkingReason(change, known) === undefined ? applicable : parked).push(change);
  const refused = invalid.length > 0 || sameIdDifferentContent.length > 0;
  // A refused file is not merged: its preview says why it is refused, not what it would change.
  const merged = refused ? { rowsToPut: [], perTable: {}, conflicts: [] } : await mergeChanges(applicable, access, options.now, options.rowIds ?? access.tables.rowIds);

  return {
    received: records.length,
    duplicatesInFile,
    invalid,
    sameIdDifferentContent: [...new Set(sameIdDifferentContent)].sort(),
    alreadyApplied,
    perTable: merged.perTable,
    conflicts: merged.conflicts,
    futureStamped: futureStampedSources(fresh, options.now),
    parked: parked.length,
    outsideScope: countOutsideScope(fresh, options),
    notMadeHere,
    refused,
    rowsToPut: merged.rowsToPut,
    changesToAdd: fresh,
    parkedToAdd: parked,
    vectorBefore,
    vectorAfter: mergeVectors(vectorBefore, vectorOf(fresh)),
    clockAfter: clockAfterImport(clockBefore, changes, options.now),
  };
}

/**
 * Writes what the plan computed. The Dexie layer calls it in the same read-write transaction as
 * `planImport` (or plans again inside it: planning is cheap), so nothing can slip in between; the
 * vector check below catches a plan that is applied after something else was written anyway.
 */
export async function applyImport(plan: ImportPlan, access: SyncAccess): Promise<void> {
  if (plan.refused) {
    throw new SyncError('import-refused', { invalid: plan.invalid.length, sameIdDifferentContent: plan.sameIdDifferentContent });
  }
  if (!sameVector(await access.getVector(), plan.vectorBefore)) throw new SyncError('plan-stale');
  const writes: Promise<void>[] = plan.rowsToPut.map(({ table, rows }) => access.putRows(table, rows));
  if (plan.changesToAdd.length > 0) writes.push(access.addChanges(plan.changesToAdd));
  if (plan.parkedToAdd.length > 0) writes.push(access.addParked(plan.parkedToAdd));
  if (plan.conflicts.length > 0) writes.push(access.addConflicts(plan.conflicts));
  if (!sameVector(plan.vectorAfter, plan.vectorBefore)) writes.push(access.putVector(plan.vectorAfter));
  writes.push(access.putClock(plan.clockAfter));
  await Promise.all(writes);
}

export interface UnparkOutcome {
  applied: number;
  stillParked: number;
  perTable: Partial<Record<string, RowCounts>>;
  conflicts: Conflict[];
}

/**
 * Applies the parked changes this build now knows (after an upgrade), through the same merge as
 * an import. They are already in the change log, the vector and the clock (all updated when they
 * arrived), so only rows, conflicts and the parked list change. Because the merge does not depend
 * on order, the result is the same as if they had been applied on arrival.
 *
 * A parked change whose values turn out to be invalid under the schema now known stays parked:
 * its bundle can no longer be refused, and a change is never dropped.
 */
export async function unpark(access: SyncAccess, options: { now: number; known?: KnownSchema; rowIds?: RowIdRules }): Promise<UnparkOutcome> {
  const known = options.known ?? knownSchema(access.tables);
  const parked = await access.getParked();
  const ready = parked.filter((c) => parkingReason(c, known) === undefined && validateChangeValues(c, access.tables).length === 0);
  if (ready.length === 0) return { applied: 0, stillParked: parked.length, perTable: {}, conflicts: [] };
  const merged = await mergeChanges(ready, access, options.now, options.rowIds ?? access.tables.rowIds);
  await Promise.all([
    ...merged.rowsToPut.map(({ table, rows }) => access.putRows(table, rows)),
    merged.conflicts.length > 0 ? access.addConflicts(merged.conflicts) : Promise.resolve(),
    access.removeParked(ready.map((c) => c.id)),
  ]);
  return { applied: ready.length, stillParked: parked.length - ready.length, perTable: merged.perTable, conflicts: merged.conflicts };
}

function parseRecords(records: readonly unknown[], { tables }: SyncAccess) {
  const invalid: InvalidChange[] = [];
  const byId = new Map<string, Change>();
  const sameIdInFile = new Set<string>();
  let duplicatesInFile = 0;
  records.forEach((record, index) => {
    const parsed = parseChange(record);
    if (!parsed.success) {
      const id = typeof (record as { id?: unknown } | null)?.id === 'string' ? (record as { id: string }).id : undefined;
      invalid.push({ index, id, problems: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      return;
    }
    const change = parsed.data;
    const problems = [...validateChangeIdentity(change), ...validateChangeValues(change, tables)];
    if (problems.length > 0) {
      invalid.push({ index, id: change.id, problems });
      return;
    }
    const seen = byId.get(change.id);
    if (seen === undefined) byId.set(change.id, change);
    else if (canonicalJson(seen) === canonicalJson(change)) duplicatesInFile += 1;
    else sameIdInFile.add(change.id);
  });
  return { changes: [...byId.values()], invalid, duplicatesInFile, sameIdInFile };
}

function countOutsideScope(changes: readonly Change[], options: ImportOptions): number {
  const { senderScope, senderAuthor } = options;
  if (senderScope === undefined) return 0;
  return changes.filter((c) => (senderAuthor === undefined || c.author === senderAuthor) && !isWithinScope(c.scope, senderScope)).length;
}
