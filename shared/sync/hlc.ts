/**
 * Hybrid logical clock. A stamp is `<ISO wall time>-<counter, 4 hex>-<device, 16 hex>`, e.g.
 * `2026-11-22T04:37:52.123Z-0000-9f86d081884c7d65`. Stamps sort as text in the order of
 * (wall, counter, device), so the greatest stamp is simply the greatest string, in any language,
 * in IndexedDB indexes and on the CouchDB hub alike.
 *
 * Office PCs have wrong clocks. The clock never refuses a local write: when the wall clock runs
 * backwards (or a received stamp is ahead of it) we keep the larger wall time and count up.
 */

export interface ClockState {
  /** Wall time (ms since epoch) of the last stamp issued or received. */
  wall: number;
  /** Counter within that millisecond. */
  counter: number;
}

export const DEVICE_ID_PATTERN = /^[0-9a-f]{16}$/;
export const HLC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/;
const MAX_COUNTER = 0xffff;

export const INITIAL_CLOCK: ClockState = { wall: 0, counter: 0 };

export function formatStamp(wall: number, counter: number, device: string): string {
  return `${new Date(wall).toISOString()}-${counter.toString(16).padStart(4, '0')}-${device}`;
}

export interface ParsedStamp {
  wall: number;
  counter: number;
  device: string;
}

export function parseStamp(stamp: string): ParsedStamp {
  if (!HLC_PATTERN.test(stamp)) throw new Error(`not a clock stamp: ${stamp}`);
  const wall = Date.parse(stamp.slice(0, 24));
  const counter = parseInt(stamp.slice(25, 29), 16);
  return { wall, counter, device: stamp.slice(30) };
}

/** Issues the next local stamp. Always succeeds; the returned state must be persisted with the write. */
export function tick(state: ClockState, now: number, device: string): { stamp: string; state: ClockState } {
  let wall = Math.max(state.wall, Math.floor(now));
  let counter = wall === state.wall ? state.counter + 1 : 0;
  if (counter > MAX_COUNTER) {
    // 65,536 writes in one millisecond (or a clock stuck far behind a received stamp): borrow
    // the next millisecond rather than fail the write.
    wall += 1;
    counter = 0;
  }
  const next = { wall, counter };
  return { stamp: formatStamp(wall, counter, device), state: next };
}

/**
 * Takes a stamp seen from another device into account, so that every later local stamp sorts
 * after it: a local edit made after importing a change always wins over that change.
 */
export function receive(state: ClockState, remote: string): ClockState {
  const r = parseStamp(remote);
  if (r.wall > state.wall) return { wall: r.wall, counter: r.counter };
  if (r.wall === state.wall && r.counter > state.counter) return { wall: r.wall, counter: r.counter };
  return state;
}

/** A fresh random device id (16 hex digits). */
export function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
