import type { Change } from './change';
import { receive, type ClockState } from './hlc';

/** How far ahead of this PC's clock a stamp may be before we call it wrong. */
export const FUTURE_STAMP_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** The wall time of a stamp (its first 24 characters are an ISO instant). */
export function stampWall(stamp: string): number {
  return Date.parse(stamp.slice(0, 24));
}

export function isFutureStamped(stamp: string, now: number): boolean {
  return stampWall(stamp) > now + FUTURE_STAMP_TOLERANCE_MS;
}

/**
 * The clock after an import: it receives every imported stamp, so that an edit made here after
 * the import sorts after everything imported and wins over it — except stamps more than 24 h
 * ahead of this PC's clock.
 *
 * The trade-off. Receiving a stamp from a PC whose clock is a year ahead would move this clock a
 * year ahead too; every change made here would then carry that year, be received by the next PC,
 * and so on: one wrong clock would drag the whole county into the future, and nothing could tell
 * the wrong PC from the right ones any more. Not receiving it keeps the damage on one PC, at a
 * price: until that PC's clock is fixed (and real time has caught up with what it stamped), its
 * values keep winning, and a local edit of such a field here loses at once (merge.ts records that
 * loss as a conflict). The import preview names the PC (`futureStamped`: device, author, latest
 * stamp) so a person can fix its clock; a conflict can still be settled on purpose with
 * `resolveConflict`, which outranks the future stamp for that one field.
 *
 * Receiving the greatest acceptable stamp is the same as receiving each in turn: `receive` keeps
 * the greater (wall, counter), and stamps sort as text by (wall, counter, device).
 */
export function clockAfterImport(clock: ClockState, changes: Iterable<Pick<Change, 'hlc'>>, now: number): ClockState {
  let greatest: string | undefined;
  for (const change of changes) {
    if (isFutureStamped(change.hlc, now)) continue;
    if (greatest === undefined || change.hlc > greatest) greatest = change.hlc;
  }
  return greatest === undefined ? clock : receive(clock, greatest);
}

/** Per PC (device and author), the future-stamped changes of an import: which clock to fix. */
export interface FutureStampedSource {
  device: string;
  author: string;
  count: number;
  latestStamp: string;
}

export function futureStampedSources(changes: Iterable<Pick<Change, 'hlc' | 'device' | 'author'>>, now: number): FutureStampedSource[] {
  const byPc = new Map<string, FutureStampedSource>();
  for (const change of changes) {
    if (!isFutureStamped(change.hlc, now)) continue;
    const key = JSON.stringify([change.device, change.author]);
    const seen = byPc.get(key);
    if (seen === undefined) byPc.set(key, { device: change.device, author: change.author, count: 1, latestStamp: change.hlc });
    else {
      seen.count += 1;
      if (change.hlc > seen.latestStamp) seen.latestStamp = change.hlc;
    }
  }
  return [...byPc.values()].sort((a, b) => (a.latestStamp < b.latestStamp ? 1 : -1));
}
