import { sortByStamp, type Change } from '../../../shared/sync/change';

/**
 * The change log is stored in pages: one IndexedDB record holds the changes written together (an
 * import, a pulled batch, one local edit), in clock order, up to LOG_PAGE_SIZE of them. Every record
 * IndexedDB writes costs about as much as a small record, whatever its size, so an import of
 * 100,000 changes writes 50 records rather than 100,000 (the rows it merges into are written as
 * before). Two multi-entry indexes find changes without reading the log: `ids` (every change id in
 * the page: is this change held, which page holds it) and `rows` (`table:row` of every row the page
 * touches: a cell's history).
 *
 * A change is in exactly one page (the import path adds only changes not held yet), and pages are
 * never rewritten: like changes, they are only added.
 */
export interface LogPage {
  /** Auto-incremented: the order pages were written in. */
  seq?: number;
  /** The ids of `changes`, in the same (clock) order. */
  ids: string[];
  /** `table:row` of every row the changes touch, each once. */
  rows: string[];
  changes: Change[];
}

export const LOG_STORE = 'log';
/** `++seq, *ids, *rows` (see LogPage). */
export const LOG_STORE_SCHEMA = '++seq, *ids, *rows';
/** Changes per page: about a megabyte, which structured cloning writes and reads in a few ms. */
export const LOG_PAGE_SIZE = 2000;
/** The meta key holding how many changes the log holds (counting would read every page). */
export const LOG_COUNT_KEY = 'logCount';

/** The `rows` index key of a row: table names hold no colon, so the first colon splits it. */
export function rowKey(table: string, row: string): string {
  return `${table}:${row}`;
}

/** The pages of a list of changes (sorted here, the caller's array is left as it is). */
export function toPages(changes: readonly Change[], pageSize = LOG_PAGE_SIZE): LogPage[] {
  const sorted = sortByStamp([...changes]);
  const pages: LogPage[] = [];
  for (let i = 0; i < sorted.length; i += pageSize) {
    const slice = sorted.slice(i, i + pageSize);
    pages.push({ ids: slice.map((c) => c.id), rows: [...new Set(slice.map((c) => rowKey(c.table, c.row)))], changes: slice });
  }
  return pages;
}
