import type { Sealed } from './authorize';
import { keyId, type PublicKey, type SignatureCheck } from './keys';
import type { Checked, HashedChange } from './material';
import type { VerificationReason } from './reasons';
import type { Seal } from './seal';

/*
 * Whether a change is signed by the PC it names: its hash listed in a seal of that device whose
 * signature holds. Synchronous, from seals already checked (material.ts). A seal's own key is only
 * "some key" here; whether that key is the device's is the certificate's question (authorize.ts).
 *
 * When no good seal lists a change, the reason says what the seals show:
 * - `unsupported-algorithm`: a seal of its device lists it, but this PC cannot check that kind of
 *   signature;
 * - `sealed-by-other-device`: a good seal lists it, but another PC's: someone posing as its device;
 * - `bad-signature`: only seals whose signatures fail list it;
 * - `hash-not-sealed`: a good seal of its device spans its stamp without listing it: altered after
 *   signing, or made up under a new id;
 * - `no-seal`: nothing of its device covers it (not signed, or the seal has not arrived).
 */

interface SealEntry {
  id: string;
  device: string;
  key: PublicKey;
  signature: SignatureCheck;
  first: string;
  last: string;
  /** What verifyChange answers for a change this seal alone lists (one object, shared). */
  alone: Verification;
}

export interface SealIndex {
  /** Every seal listing a hash, whatever its signature. */
  readonly byHash: Map<string, SealEntry[]>;
  /** The seals with good signatures, by device, for the spans. */
  readonly goodByDevice: Map<string, SealEntry[]>;
  readonly ids: Set<string>;
}

export function sealIndex(seals: Iterable<Checked<Seal>> = []): SealIndex {
  const index: SealIndex = { byHash: new Map(), goodByDevice: new Map(), ids: new Set() };
  for (const seal of seals) indexSeal(index, seal);
  return index;
}

/** Adds a seal (once: a seal already indexed is skipped). */
export function indexSeal(index: SealIndex, checked: Checked<Seal>): void {
  if (index.ids.has(checked.id)) return;
  index.ids.add(checked.id);
  const { record } = checked;
  const entry: SealEntry = {
    id: checked.id,
    device: record.device,
    key: record.signer,
    signature: checked.signature,
    first: record.first,
    last: record.last,
    alone: { ok: true, keys: [record.signer], seals: [checked.id] },
  };
  for (const hash of record.hashes) {
    const list = index.byHash.get(hash);
    if (list === undefined) index.byHash.set(hash, [entry]);
    else if (!list.includes(entry)) list.push(entry);
  }
  if (checked.signature === 'valid') {
    const list = index.goodByDevice.get(record.device) ?? [];
    list.push(entry);
    index.goodByDevice.set(record.device, list);
  }
}

export type Verification = ({ ok: true } & Sealed) | { ok: false; reason: Exclude<VerificationReason, 'conflicting-id'> };

export function verifyChange({ change, hash }: HashedChange, index: SealIndex): Verification {
  const listing = index.byHash.get(hash) ?? [];
  // The usual case, 100,000 times in an import: one good seal of its own device lists it.
  if (listing.length === 1 && listing[0]!.device === change.device && listing[0]!.signature === 'valid') return listing[0]!.alone;
  const own = listing.filter((s) => s.device === change.device);
  const good = own.filter((s) => s.signature === 'valid');
  if (good.length > 0) {
    const keys = new Map(good.map((s) => [keyId(s.key), s.key]));
    return { ok: true, keys: [...keys.keys()].sort().map((id) => keys.get(id)!), seals: good.map((s) => s.id).sort() };
  }
  if (own.some((s) => s.signature === 'unsupported-algorithm')) return { ok: false, reason: 'unsupported-algorithm' };
  if (listing.some((s) => s.signature === 'valid')) return { ok: false, reason: 'sealed-by-other-device' };
  if (listing.some((s) => s.signature === 'unsupported-algorithm')) return { ok: false, reason: 'unsupported-algorithm' };
  if (listing.length > 0) return { ok: false, reason: 'bad-signature' };
  const spans = index.goodByDevice.get(change.device) ?? [];
  if (spans.some((s) => s.first <= change.hlc && change.hlc <= s.last)) return { ok: false, reason: 'hash-not-sealed' };
  return { ok: false, reason: 'no-seal' };
}
