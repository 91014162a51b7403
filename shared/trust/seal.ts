import { z } from 'zod';
import { canonicalChangeJson } from '../sync/bundle/canonicalJson';
import { byStamp, type Change } from '../sync/change';
import { toHex } from './encoding';
import { publicKeySchema, type KeyPair } from './keys';
import { parseRecord, type Parsed } from './records';
import { deviceIdSchema, sha256HexSchema, signatureSchema, stampSchema } from './schemas';
import { sha256OfText } from './sha256';
import { signRecord } from './signed';

/*
 * Signed changes, one signature per batch.
 *
 * A change's hash is the sha-256 (lower-case hex) of the UTF-8 of its canonical JSON — the very
 * line a bundle's changes.ndjson holds for it (canonicalChangeJson). A seal is a PC's signature
 * over the hashes of changes it wrote together (one local write, or everything of its own in an
 * export), with the first and last stamp they span. A change is verified when a seal signed by the
 * key of the device it names lists its hash: however the change was relayed, re-grouped or
 * re-ordered by other PCs and hubs, its seal still vouches for it, and altering any byte of it
 * (a value, its id, its base) changes its hash.
 *
 * Hashing is the synchronous sha256.ts: an import hashes every change it receives.
 */

export const SEAL_FORMAT = 'league-desk-seal';
export const MAX_SEALED_CHANGES = 200_000;

export const sealSchema = z
  .strictObject({
    format: z.literal(SEAL_FORMAT),
    version: z.literal(1),
    device: deviceIdSchema,
    /** The least and the greatest stamp of the sealed changes. */
    first: stampSchema,
    last: stampSchema,
    /** The sealed changes' hashes, in stamp order. */
    hashes: z.array(sha256HexSchema).min(1).max(MAX_SEALED_CHANGES),
    /** The device's key. */
    signer: publicKeySchema,
    signature: signatureSchema,
  })
  .refine((s) => s.first <= s.last && s.first.endsWith(s.device) && s.last.endsWith(s.device), 'first and last are stamps of the device, in order');
export type Seal = z.infer<typeof sealSchema>;

export function parseSeal(value: unknown): Parsed<Seal> {
  return parseRecord(sealSchema, SEAL_FORMAT, 1, value);
}

/** A change's hash: lower-case hex sha-256 of the UTF-8 of its canonical JSON. */
export function changeHash(change: Change): string {
  return toHex(sha256OfText(canonicalChangeJson(change)));
}

/**
 * Seals changes a device wrote, with its key. Throws if a change names another device: a PC seals
 * only its own changes (it relays others' with their own seals).
 */
export async function sealChanges(changes: readonly Change[], device: { id: string; keys: KeyPair }): Promise<Seal> {
  if (changes.length === 0) throw new RangeError('nothing to seal');
  const ordered = [...changes].sort(byStamp);
  for (const change of ordered) if (change.device !== device.id) throw new RangeError(`change ${change.id} is not ${device.id}'s`);
  return signRecord<Omit<Seal, 'signer' | 'signature'>>(
    {
      format: SEAL_FORMAT,
      version: 1,
      device: device.id,
      first: ordered[0]!.hlc,
      last: ordered[ordered.length - 1]!.hlc,
      hashes: ordered.map(changeHash),
    },
    device.keys,
  );
}
