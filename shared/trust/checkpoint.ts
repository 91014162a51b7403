import { z } from 'zod';
import { keyIdSchema } from './authorityRecords';
import { keyId, publicKeySchema, type KeyPair } from './keys';
import type { Change } from '../sync/change';
import { parseRecord, type Parsed } from './records';
import { MAX_SEALED_CHANGES } from './seal';
import { countyCodeSchema, isoInstantSchema, sha256HexSchema, signatureSchema, stampSchema, stampTime } from './schemas';
import { signRecord } from './signed';

/*
 * Adopting data written before trust (issue 14): the county's checkpoint.
 *
 * Changes written before this release carry no seal, or a seal of a PC whose certificate starts
 * later. The county's PC, when it is set up or restored, signs with the county's authority key the
 * hashes of every change it holds that nothing else authorizes — "these were the county's data
 * before trust" — in pages of at most 200,000 hashes (each page a record of its own, signed alone,
 * so pages verify in any order and grouping, like seals).
 *
 * Every PC treats a change listed in a checkpoint that stands (signed by its home authority or a
 * successor, not retired when signed) as verified and authorized as the county wrote it — the
 * county had applied it, so every PC ends with the county's rows.
 *
 * Once per county: the earliest `issued` of the county's standing checkpoints is the cut, and only
 * changes stamped before it are adopted, by that checkpoint or any later one (a county PC restored
 * later may list what it holds of those times and was not listed). A passphrase stolen later cannot
 * adopt new forged changes with a checkpoint: a change stamped after the cut is refused
 * (`checkpoint-late`). Nothing offline stops a thief from backdating both a checkpoint and the
 * changes it lists; such changes are older than the county's own and lose to them in the merge.
 */

export const CHECKPOINT_FORMAT = 'league-desk-checkpoint';
export const MAX_CHECKPOINT_CHANGES = MAX_SEALED_CHANGES;

export const checkpointSchema = z
  .strictObject({
    format: z.literal(CHECKPOINT_FORMAT),
    version: z.literal(1),
    county: countyCodeSchema,
    /** When it was signed; the first checkpoint's is the cut. */
    issued: isoInstantSchema,
    /** This page (from 1) of how many the county signed at `issued`. */
    page: z.number().int().min(1),
    pages: z.number().int().min(1),
    /** The least and the greatest stamp of the changes this page lists (what an export carries it for). */
    first: stampSchema,
    last: stampSchema,
    /** The adopted changes' hashes, sorted, each once. */
    hashes: z.array(sha256HexSchema).min(1).max(MAX_CHECKPOINT_CHANGES),
    /** The authority key that signed it (the id of `signer`). */
    issuer: keyIdSchema,
    signer: publicKeySchema,
    signature: signatureSchema,
  })
  .refine((c) => c.page <= c.pages, 'page is one of pages')
  .refine((c) => c.first <= c.last, 'first and last are in order')
  .refine((c) => c.hashes.every((hash, i) => i === 0 || c.hashes[i - 1]! < hash), 'hashes are sorted and have no repeats')
  .refine((c) => c.issuer === keyId(c.signer), 'issuer is the id of the signing key');
export type Checkpoint = z.infer<typeof checkpointSchema>;

export function parseCheckpoint(value: unknown): Parsed<Checkpoint> {
  return parseRecord(checkpointSchema, CHECKPOINT_FORMAT, 1, value);
}

/** The instant a checkpoint over these changes is issued: `now`, or just after the greatest stamp held if the clock is behind it. */
export function checkpointTime(changes: readonly { change: Pick<Change, 'hlc'> }[], now: Date): string {
  const last = changes.reduce((max, { change }) => (change.hlc > max ? change.hlc : max), '');
  const after = last === '' ? 0 : Date.parse(stampTime(last)) + 1;
  return new Date(Math.max(now.getTime(), after)).toISOString();
}

/**
 * The county's checkpoint over `changes` (none: no checkpoint), signed by its authority key, in
 * pages of at most `pageSize` hashes. The hashes are sorted before paging, so the same changes give
 * the same pages.
 */
export async function makeCheckpoint(
  changes: readonly { change: Pick<Change, 'hlc'>; hash: string }[],
  authority: { county: string; keys: KeyPair },
  issued: string,
  pageSize: number = MAX_CHECKPOINT_CHANGES,
): Promise<Checkpoint[]> {
  if (pageSize < 1 || pageSize > MAX_CHECKPOINT_CHANGES) throw new RangeError(`page size ${pageSize}`);
  const byHash = new Map(changes.map((c) => [c.hash, c.change.hlc]));
  const hashes = [...byHash.keys()].sort();
  const pages = Math.ceil(hashes.length / pageSize);
  const out: Checkpoint[] = [];
  for (let page = 0; page < pages; page++) {
    const slice = hashes.slice(page * pageSize, (page + 1) * pageSize);
    const stamps = slice.map((hash) => byHash.get(hash)!).sort();
    out.push(
      await signRecord<Omit<Checkpoint, 'signer' | 'signature'>>(
        {
          format: CHECKPOINT_FORMAT,
          version: 1,
          county: authority.county,
          issued,
          page: page + 1,
          pages,
          first: stamps[0]!,
          last: stamps[stamps.length - 1]!,
          hashes: slice,
          issuer: keyId(authority.keys.publicKey),
        },
        authority.keys,
      ),
    );
  }
  return out;
}
