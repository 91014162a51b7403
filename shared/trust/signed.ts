import { canonicalJson } from '../sync/canonical';
import { signBytes, verifyBytes, type KeyPair, type PublicKey, type SignatureCheck } from './keys';
import { sha256HexOfText, utf8Bytes } from './sha256';

/*
 * Every signed record (authority, succession, certificate, revocation, seal, enrollment request)
 * has the same two last words: `signer`, the public key that signed it, and `signature`, over the
 * UTF-8 of the canonical JSON of the record without `signature` (keys sorted at every depth, no
 * whitespace: shared/sync/canonical.ts). Each record's `format` names its kind, so a signature
 * made for one kind of record can never pass as another kind.
 *
 * Carrying the signer's key makes every signature checkable on its own, with nothing else at hand:
 * all the WebCrypto work of an import is done up front (material.ts), before any IndexedDB
 * transaction, and whether the signer is someone this county trusts is then a question of plain,
 * synchronous data (chain.ts).
 */

export interface SignedRecord {
  signer: PublicKey;
  signature: string;
}

/** The bytes a record's signature covers. */
export function signedBytes(record: SignedRecord | Omit<SignedRecord, 'signature'>): Uint8Array {
  const { signature: _signature, ...body } = record as SignedRecord;
  return utf8Bytes(canonicalJson(body));
}

/** Signs a record body with a key pair, which becomes its `signer`. */
export async function signRecord<T extends object>(body: T, keys: KeyPair): Promise<T & SignedRecord> {
  const unsigned = { ...body, signer: keys.publicKey };
  const signature = await signBytes(keys.publicKey.algorithm, keys.privateKey, signedBytes(unsigned));
  return { ...unsigned, signature };
}

/** Whether a record's signature is its signer's. */
export function checkRecordSignature(record: SignedRecord): Promise<SignatureCheck> {
  return verifyBytes(record.signer, record.signature, signedBytes(record));
}

/**
 * A record's id: the lower-case hex sha-256 of its whole canonical JSON, signature included. Two
 * copies of a record are one record; a copy with another signature (a forged one beside the real
 * one) is another record, so a forgery can never stand in for the real record by sharing its id.
 */
export function recordId(record: object): string {
  return sha256HexOfText(canonicalJson(record));
}
