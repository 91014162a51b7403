import type { Table } from 'dexie';
import { sha256Hex } from '../../../shared/sync/bundle/hash';
import type { Change } from '../../../shared/sync/change';
import type { LeagueDeskDb } from './db';
import type { StoreTx } from './tx';

/**
 * Content-addressed binary data (photos' display copies and thumbnails), stored once by the
 * sha-256 of its bytes. Local table, not synced field by field: bundles carry the blobs the
 * exported changes reference as `blobs/<sha256>`, and the hub client reads this same row shape.
 */
export interface BlobRow {
  /** Lower-case hex sha-256 of `bytes`. */
  hash: string;
  bytes: Uint8Array;
  /** MIME type, e.g. image/jpeg. */
  type: string;
}

export const BLOB_STORE = 'blobs';

/** The blobs table: of the database for a single read or write, of a transaction within one. */
export function blobTable(source: LeagueDeskDb | StoreTx): Table<BlobRow, string> {
  return (source as { table(name: string): Table<BlobRow, string> }).table(BLOB_STORE);
}

export { sha256Hex };

/** The type of received bytes, from their first bytes (bundles carry bytes only). */
export function sniffBlobType(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x46 && bytes[8] === 0x57 && bytes[9] === 0x45) return 'image/webp';
  return 'application/octet-stream';
}

const HASH = /^[0-9a-f]{64}$/;

/**
 * Every sha-256-looking string anywhere in the changes' field values. Rows refer to blobs by hash
 * (a photo's `display` and `thumb`); scanning values rather than naming fields keeps this working
 * for any feature that stores a hash. Hashes with no blob here (a photo's `original`, kept only to
 * refuse the same file twice) are simply not found.
 */
export function referencedHashes(changes: readonly Change[]): Set<string> {
  const out = new Set<string>();
  const visit = (value: unknown, depth: number): void => {
    if (typeof value === 'string') {
      if (value.length === 64 && HASH.test(value)) out.add(value);
    } else if (depth < 8 && typeof value === 'object' && value !== null) {
      for (const v of Array.isArray(value) ? value : Object.values(value)) visit(v, depth + 1);
    }
  };
  for (const change of changes) if (!change.fields._deleted) visit(change.fields, 0);
  return out;
}

/** The blobs a bundle of these changes should carry: those they reference (a full bundle: `blobsWithHashes`). */
export async function blobsForBundle(tx: StoreTx, changes: readonly Change[]): Promise<Uint8Array[]> {
  return blobsByHash(tx, referencedHashes(changes));
}

/** The held blobs of these hashes (one not held is left out). */
export async function blobsByHash(tx: StoreTx, hashes: Iterable<string>): Promise<Uint8Array[]> {
  return (await blobTable(tx).bulkGet([...hashes])).filter((b): b is BlobRow => b !== undefined).map((b) => b.bytes);
}

/** Every blob held, with the hashes: a full bundle's photos. */
export async function blobsWithHashes(tx: StoreTx): Promise<[Uint8Array[], string[]]> {
  const rows = await blobTable(tx).toArray();
  return [rows.map((b) => b.bytes), rows.map((b) => b.hash)];
}

/**
 * Stores the received blobs that some of the accepted changes refer to and that are not here yet;
 * the others (a file padded with 200 MiB of pictures no change shows) are not kept. The bundle
 * reader has already checked each blob's sha-256 against its name. Must run inside the caller's
 * transaction (it includes the blobs table).
 */
export async function storeReceivedBlobs(tx: StoreTx, blobs: ReadonlyMap<string, Uint8Array>, accepted: readonly Change[]): Promise<number> {
  if (blobs.size === 0) return 0;
  const table = blobTable(tx);
  const referenced = referencedHashes(accepted);
  const hashes = [...blobs.keys()].filter((hash) => referenced.has(hash));
  if (hashes.length === 0) return 0;
  const held = await table.bulkGet(hashes);
  const missing = hashes.filter((_, i) => held[i] === undefined);
  await table.bulkPut(missing.map((hash) => ({ hash, bytes: blobs.get(hash)!, type: sniffBlobType(blobs.get(hash)!) })));
  return missing.length;
}
