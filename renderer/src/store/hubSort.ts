import type { Change } from '../../../shared/sync/change';

/** Changes in clock order (stamps sort as text). */
export function sortByStamp(changes: Change[]): Change[] {
  return changes.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}
