import { rowValues, type MergedRow } from '../../../shared/sync/row';

/** A table's rows as the rest of the app sees them: deleted rows left out, clocks stripped. */
export function liveRows<T>(rows: MergedRow[]): T[] {
  return rows.filter((r) => r._deleted !== true).map((r) => rowValues<T>(r));
}
