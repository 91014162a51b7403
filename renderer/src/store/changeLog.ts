import type { Table } from 'dexie';
import { sortByStamp, type Change } from '../../../shared/sync/change';
import { rowIdsOf, type RowIdRules } from '../../../shared/sync/row';
import { includes, type VersionVector } from '../../../shared/sync/vector';
import type { LeagueDeskDb } from './db';
import { LOG_COUNT_KEY, LOG_STORE, rowKey, toPages, type LogPage } from './logPages';
import { inTransaction, type StoreTx } from './tx';

function logTable(tx: StoreTx): Table<LogPage, number> {
  return tx.table(LOG_STORE);
}

/** The stores the log's functions read and write: its pages, and its count in `meta`. */
export const LOG_STORES = [LOG_STORE, 'meta'] as const;

/**
 * Appends changes the log does not hold yet. Must run inside a read-write transaction over the
 * log and meta stores (SYNC_STORES), so the pages and the count land together with what the caller
 * writes.
 */
export async function appendChanges(tx: StoreTx, changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  const [, held] = await Promise.all([logTable(tx).bulkAdd(toPages(changes)), changeCount(tx)]);
  await tx.table('meta').put({ key: LOG_COUNT_KEY, value: held + changes.length });
}

/** How many changes the log holds (applied and parked). */
export async function changeCount(tx: StoreTx): Promise<number> {
  const value = ((await tx.table<{ value: unknown }>('meta').get(LOG_COUNT_KEY))?.value);
  return typeof value === 'number' ? value : 0;
}

/** The pages whose keys are these, each once, in the order they were written. */
async function pagesByKeys(tx: StoreTx, keys: readonly number[]): Promise<LogPage[]> {
  const unique = [...new Set(keys)].sort((a, b) => a - b);
  return (await logTable(tx).bulkGet(unique)).filter((p): p is LogPage => p !== undefined);
}

/** The held changes among these ids, by id. Reads only the pages that hold one of them. */
export async function changesByIds(tx: StoreTx, ids: readonly string[]): Promise<Map<string, Change>> {
  const out = new Map<string, Change>();
  if (ids.length === 0) return out;
  const wanted = new Set(ids);
  const keys = await pageKeysHolding(tx, [...wanted]);
  for (const page of await pagesByKeys(tx, keys)) for (const change of page.changes) if (wanted.has(change.id)) out.set(change.id, change);
  return out;
}

/** Below this many ids, the index is asked for each id; above, for the range they span. */
const RANGE_LOOKUP_MIN_IDS = 256;

/**
 * The keys of the pages that may hold these ids. Many ids (a file imported again) are looked up by
 * the one range of the `ids` index they span, which costs one request rather than one per id; the
 * pages in that range holding none of them are read for nothing, which is cheap next to that.
 */
async function pageKeysHolding(tx: StoreTx, ids: string[]): Promise<number[]> {
  if (ids.length < RANGE_LOOKUP_MIN_IDS) return logTable(tx).where('ids').anyOf(ids).primaryKeys();
  let least = ids[0]!;
  let greatest = ids[0]!;
  for (const id of ids) {
    if (id < least) least = id;
    if (id > greatest) greatest = id;
  }
  return logTable(tx).where('ids').between(least, greatest, true, true).primaryKeys();
}

/**
 * Every change to one row, in clock order: a cell's history. Changes that name the row by another
 * of its ids under the tables' row-id rules (an old demo report id) are its history too.
 */
export async function changesOfRow(tx: StoreTx, rowIds: RowIdRules, table: string, row: string): Promise<Change[]> {
  const ids = rowIdsOf(rowIds, table, row);
  const keys = await logTable(tx).where('rows').anyOf(ids.map((id) => rowKey(table, id))).primaryKeys();
  const pages = await pagesByKeys(tx, keys);
  return sortByStamp(pages.flatMap((p) => p.changes.filter((c) => c.table === table && ids.includes(c.row))));
}

/** The whole log in clock order. */
export async function allChanges(tx: StoreTx): Promise<Change[]> {
  return mergePages(await logTable(tx).toArray());
}

/**
 * Pages in clock order as one list. Each page is in clock order already; pages overlap in time
 * (a file from another PC holds changes older than this PC's latest), so they are merged.
 */
export function mergePages(pages: readonly LogPage[]): Change[] {
  if (pages.length === 1) return [...pages[0]!.changes];
  return sortByStamp(pages.flatMap((p) => p.changes));
}

/**
 * The changes not covered by `sent`, in clock order: what a sync with the hub may have to send.
 * `vector` (what the log holds, per device) tells which devices have anything unsent; only pages
 * holding a change stamped above the least of those devices' marks are read.
 */
export async function unsentChanges(tx: StoreTx, sent: VersionVector, vector: VersionVector): Promise<Change[]> {
  const behind = Object.entries(vector).filter(([device, hlc]) => !includes(sent, { device, hlc }));
  if (behind.length === 0) return [];
  const devices = new Set(behind.map(([device]) => device));
  const marks = behind.map(([device]) => sent[device]);
  let pages: LogPage[];
  if (marks.some((m) => m === undefined)) pages = await logTable(tx).toArray();
  else {
    const least = marks.reduce((a, b) => (a! < b! ? a : b))!;
    pages = await pagesByKeys(tx, await logTable(tx).where('ids').above(least).primaryKeys());
  }
  return sortByStamp(pages.flatMap((p) => p.changes.filter((c) => devices.has(c.device) && !includes(sent, c))));
}

/**
 * Any database's change log, whatever its schema version: schema 6 on keeps pages, earlier
 * versions one record per change in `changes`. For the backup made before an upgrade.
 */
export async function readAnyLog(db: LeagueDeskDb): Promise<Change[]> {
  if (db.tables.some((t) => t.name === LOG_STORE)) return inTransaction(db, 'r', [LOG_STORE], (tx) => allChanges(tx));
  return inTransaction(db, 'r', ['changes'], async (tx) => sortByStamp(await tx.table<Change, string>('changes').toArray()));
}

/** For screens: how many changes the log holds, in a transaction of its own. */
export function readChangeCount(db: LeagueDeskDb): Promise<number> {
  return inTransaction(db, 'r', ['meta'], changeCount);
}

/** For screens: a row's history (changesOfRow), in a transaction of its own. */
export function readRowHistory(db: LeagueDeskDb, table: string, row: string): Promise<Change[]> {
  return inTransaction(db, 'r', [LOG_STORE], (tx) => changesOfRow(tx, db.syncTables.rowIds, table, row));
}

/** For screens: the held changes among these ids (changesByIds), in a transaction of its own. */
export function readChangesByIds(db: LeagueDeskDb, ids: readonly string[]): Promise<Map<string, Change>> {
  return inTransaction(db, 'r', [LOG_STORE], (tx) => changesByIds(tx, ids));
}
