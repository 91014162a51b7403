import { standingOf, type TrustView } from './chain';
import type { Checkpoint } from './checkpoint';
import type { Checked, HashedChange } from './material';
import { stampTime } from './schemas';

/*
 * Which changes the county's checkpoints adopt (checkpoint.ts): synchronous, from checkpoints whose
 * signatures were checked before (material.ts), judged against the county's authorities (chain.ts).
 */

/** What the held checkpoints say of one change. */
export type Adoption =
  /** Listed by a standing checkpoint and stamped before the cut: the county's. */
  | { status: 'adopted'; checkpoint: string }
  /** Listed by a standing checkpoint, but stamped at or after the cut. */
  | { status: 'late' }
  /** Listed only by checkpoints that do not stand (forged, altered, another county's, a retired key's). */
  | { status: 'untrusted' }
  | { status: 'unlisted' };

export interface AdoptionIndex {
  /** The first standing checkpoint's `issued`; undefined while none stands. */
  readonly cut: string | undefined;
  /** Per hash, the checkpoints listing it: the standing ones' ids (least first), and whether any other lists it. */
  readonly byHash: ReadonlyMap<string, { standing: string[]; other: boolean }>;
}

export const NO_ADOPTION: AdoptionIndex = Object.freeze({ cut: undefined, byHash: new Map() });

/** The held checkpoints judged against the county's authorities (chain.ts): a function of the set. */
export function adoptionIndex(checkpoints: readonly Checked<Checkpoint>[], trust: TrustView): AdoptionIndex {
  if (checkpoints.length === 0) return NO_ADOPTION;
  let cut: string | undefined;
  const byHash = new Map<string, { standing: string[]; other: boolean }>();
  for (const checked of checkpoints) {
    const stands = standingOf(checked, trust.county, trust.authorities).trusted;
    if (stands && (cut === undefined || checked.record.issued < cut)) cut = checked.record.issued;
    for (const hash of checked.record.hashes) {
      let entry = byHash.get(hash);
      if (entry === undefined) byHash.set(hash, (entry = { standing: [], other: false }));
      if (stands) entry.standing.push(checked.id);
      else entry.other = true;
    }
  }
  for (const entry of byHash.values()) entry.standing.sort();
  return { cut, byHash };
}

export function adoptionOf({ change, hash }: HashedChange, index: AdoptionIndex): Adoption {
  const entry = index.byHash.get(hash);
  if (entry === undefined) return { status: 'unlisted' };
  if (entry.standing.length === 0) return { status: 'untrusted' };
  return stampTime(change.hlc) < index.cut! ? { status: 'adopted', checkpoint: entry.standing[0]! } : { status: 'late' };
}
