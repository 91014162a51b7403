import { byStamp, type Change } from './change';

/**
 * A version vector: per origin device, the greatest clock stamp this device holds from it
 * (applied or parked). Because every import takes a whole bundle or nothing, and every export
 * holds everything the peer is not known to have, a device that holds a stamp from some origin
 * also holds every earlier change from that origin. So the vector describes the whole change log
 * in a few lines, and "what does the peer lack" is a comparison of stamps, not of ids.
 *
 * That only stays true if exports are cut by the vector the peer itself reported (it arrives in
 * the peer's bundles), never by what we believe we sent: a file lost on a USB stick must not make
 * us think the peer has it.
 */
export type VersionVector = Readonly<Record<string, string>>;

type Stamped = Pick<Change, 'device' | 'hlc'>;

export const EMPTY_VECTOR: VersionVector = Object.freeze({});

export function vectorOf(changes: Iterable<Stamped>): VersionVector {
  const greatest: Record<string, string> = {};
  for (const change of changes) {
    const seen = greatest[change.device];
    if (seen === undefined || change.hlc > seen) greatest[change.device] = change.hlc;
  }
  return greatest;
}

/** The vector of a device that holds everything any of the given vectors holds. */
export function mergeVectors(...vectors: VersionVector[]): VersionVector {
  const merged: Record<string, string> = {};
  for (const vector of vectors) {
    for (const [device, stamp] of Object.entries(vector)) {
      const seen = merged[device];
      if (seen === undefined || stamp > seen) merged[device] = stamp;
    }
  }
  return merged;
}

/** Whether a device with this vector already holds the change. */
export function includes(vector: VersionVector, change: Stamped): boolean {
  const held = vector[change.device];
  return held !== undefined && held >= change.hlc;
}

/** What to put in an export for a peer with this vector: the changes it lacks, in clock order. */
export function changesMissingFrom<T extends Stamped>(peerVector: VersionVector, changes: Iterable<T>): T[] {
  const missing: T[] = [];
  for (const change of changes) if (!includes(peerVector, change)) missing.push(change);
  return missing.sort(byStamp);
}

/** Whether two vectors hold exactly the same stamps. */
export function sameVector(a: VersionVector, b: VersionVector): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((device) => a[device] === b[device]);
}

/**
 * The vector a peer reported, as far as this PC can believe it about its own device. This PC holds
 * every change it ever made (each is in its own log from the moment it is made, and changes that
 * claim its device but were not made here are left out of its log: import.ts `ownDevice`), so a
 * peer claiming more of this PC's changes than this PC holds took a change that was not made here
 * for one of ours — a forged one, stamped in 2099 say. Cut by that claim, a file for the peer would
 * leave out every later edit made here; so the claim is dropped and the peer is sent all of this
 * PC's own changes (it already holds some of them, and importing those again does nothing).
 */
export function believedPeerVector(peer: VersionVector, own: VersionVector, device: string): VersionVector {
  const claimed = peer[device];
  if (claimed === undefined) return peer;
  const held = own[device];
  if (held !== undefined && claimed <= held) return peer;
  const { [device]: _dropped, ...rest } = peer;
  return rest;
}
