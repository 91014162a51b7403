import { z } from 'zod';
import { canonicalJson } from '../sync/canonical';
import { BASE64URL_PATTERN, fromBase64Url, toBase64Url } from './encoding';
import { sameKey, type PublicKey, type SigningAlgorithm } from './keys';
import { sha256, utf8Bytes } from './sha256';
import { base64UrlBytes } from './schemas';
import { plainBytes, randomBytes, subtle, type KeyHandle } from './webcrypto';

/*
 * A private key encrypted under a secret a person holds: the passphrase of the authority's USB
 * copy, or the printed recovery code.
 *
 * secret → PBKDF2-HMAC-SHA-256 (random 16-byte salt, 600,000 iterations) → 512 bits: the first 256
 * are the AES-GCM key, the last 256 a check value whose sha-256 is stored. The private key (PKCS #8)
 * is encrypted with AES-256-GCM (random 12-byte IV); the additional data is the canonical JSON of
 * everything else that matters — what the key is for, the county, its public key, the KDF's
 * parameters and the check — so none of those can be edited without the decryption failing.
 *
 * Why PBKDF2 and 600,000: it is the strongest KDF WebCrypto itself offers (Argon2 and scrypt would
 * mean shipping our own implementation of a memory-hard function), and 600,000 iterations of
 * HMAC-SHA-256 is OWASP's figure for PBKDF2-SHA-256 (2023 password storage cheat sheet). It costs a
 * fraction of a second on an office PC (the trust benchmark measures it), once, when the key is
 * exported or restored. A reader accepts 100,000 to 10,000,000 iterations: fewer would be a file
 * weaker than any League Desk writes, more a file made to hang the PC.
 *
 * The check value tells a wrong passphrase (`wrong-passphrase`) from a damaged or edited file
 * (`tampered`) — AES-GCM alone cannot tell them apart. It gives a guesser nothing the decryption
 * would not: it costs the same PBKDF2 run to test.
 */

export const PBKDF2_ITERATIONS = 600_000;
export const MIN_PBKDF2_ITERATIONS = 100_000;
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
/** A passphrase needs at least this many characters (code points: 10 Chinese characters count 10). */
export const MIN_PASSPHRASE_LENGTH = 10;

export const KEY_PURPOSES = ['authority', 'recovery'] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

export const sealedKeySchema = z.strictObject({
  kdf: z.strictObject({
    name: z.literal('PBKDF2'),
    hash: z.literal('SHA-256'),
    iterations: z.number().int().min(MIN_PBKDF2_ITERATIONS).max(MAX_PBKDF2_ITERATIONS),
    salt: base64UrlBytes(16),
  }),
  cipher: z.strictObject({ name: z.literal('AES-GCM'), iv: base64UrlBytes(12) }),
  check: base64UrlBytes(32),
  ciphertext: z.string().regex(BASE64URL_PATTERN).max(4000),
});
export type SealedKey = z.infer<typeof sealedKeySchema>;

/** What a sealed key is bound to (part of the additional data: change one, and it will not open). */
export interface SealContext {
  purpose: KeyPurpose;
  county: string;
  /** The public half of the sealed private key. */
  key: PublicKey;
}

export type OpenRefusal = 'wrong-passphrase' | 'tampered';

/**
 * Encrypts a private key (PKCS #8 bytes) under a secret. Salt and IV are random; `fixed` gives them
 * for the demo county only, whose keys are published and whose records must come out the same on
 * every PC.
 */
export async function sealPrivateKey(
  pkcs8: Uint8Array,
  secret: string,
  context: SealContext,
  iterations = PBKDF2_ITERATIONS,
  fixed?: { salt: Uint8Array; iv: Uint8Array },
): Promise<SealedKey> {
  const salt = fixed?.salt ?? randomBytes(16);
  const iv = fixed?.iv ?? randomBytes(12);
  const kdf = { name: 'PBKDF2' as const, hash: 'SHA-256' as const, iterations, salt: toBase64Url(salt) };
  const { aesKey, check } = await deriveKeys(secret, salt, iterations);
  const cipher = { name: 'AES-GCM' as const, iv: toBase64Url(iv) };
  const additional = additionalData(context, kdf, check);
  const ciphertext = await subtle().encrypt({ name: 'AES-GCM', iv: plainBytes(iv), additionalData: plainBytes(additional) }, aesKey, plainBytes(pkcs8));
  return { kdf, cipher, check, ciphertext: toBase64Url(new Uint8Array(ciphertext)) };
}

/**
 * Decrypts a sealed private key and imports it, non-extractable. Refused as `wrong-passphrase`
 * when the secret is not the one it was sealed with, and `tampered` when the file was changed
 * (ciphertext, IV, context) or holds a key other than `context.key`.
 */
export async function openSealedKey(sealed: SealedKey, secret: string, context: SealContext): Promise<{ ok: true; privateKey: KeyHandle } | { ok: false; reason: OpenRefusal }> {
  const salt = fromBase64Url(sealed.kdf.salt)!;
  const { aesKey, check } = await deriveKeys(secret, salt, sealed.kdf.iterations);
  if (check !== sealed.check) return { ok: false, reason: 'wrong-passphrase' };
  let pkcs8: Uint8Array;
  try {
    const iv = fromBase64Url(sealed.cipher.iv)!;
    const ciphertext = fromBase64Url(sealed.ciphertext);
    if (ciphertext === undefined) return { ok: false, reason: 'tampered' };
    const additional = additionalData(context, sealed.kdf, sealed.check);
    pkcs8 = new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: plainBytes(iv), additionalData: plainBytes(additional) }, aesKey, plainBytes(ciphertext)));
  } catch {
    return { ok: false, reason: 'tampered' };
  }
  const privateKey = await importMatchingPrivateKey(context.key, pkcs8);
  return privateKey === undefined ? { ok: false, reason: 'tampered' } : { ok: true, privateKey };
}

/**
 * The private key in `pkcs8` as a non-extractable handle, if it is the private half of `expected`
 * (its public half read back through JWK); undefined otherwise.
 */
export async function importMatchingPrivateKey(expected: PublicKey, pkcs8: Uint8Array): Promise<KeyHandle | undefined> {
  const params = expected.algorithm === 'Ed25519' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256' };
  try {
    const extractable = await subtle().importKey('pkcs8', plainBytes(pkcs8), params, true, ['sign']);
    const jwk = await subtle().exportKey('jwk', extractable);
    if (!sameKey(publicKeyFromJwk(expected.algorithm, jwk) ?? { algorithm: expected.algorithm, key: '' }, expected)) return undefined;
    return await subtle().importKey('pkcs8', plainBytes(pkcs8), params, false, ['sign']);
  } catch {
    return undefined;
  }
}

function publicKeyFromJwk(algorithm: SigningAlgorithm, jwk: Record<string, unknown>): PublicKey | undefined {
  if (typeof jwk.x !== 'string') return undefined;
  if (algorithm === 'Ed25519') return { algorithm, key: jwk.x };
  const x = fromBase64Url(jwk.x);
  const y = typeof jwk.y === 'string' ? fromBase64Url(jwk.y) : undefined;
  if (x === undefined || y === undefined) return undefined;
  const raw = new Uint8Array(65);
  raw[0] = 4;
  raw.set(x, 1);
  raw.set(y, 33);
  return { algorithm, key: toBase64Url(raw) };
}

/**
 * Passphrases are compared as Unicode NFC: the same words typed through different input methods
 * (precomposed or combining characters) must open the same file.
 */
function secretBytes(secret: string): Uint8Array {
  return utf8Bytes(secret.normalize('NFC'));
}

async function deriveKeys(secret: string, salt: Uint8Array, iterations: number): Promise<{ aesKey: KeyHandle; check: string }> {
  const base = await subtle().importKey('raw', plainBytes(secretBytes(secret)), { name: 'PBKDF2' }, false, ['deriveBits']);
  const bits = new Uint8Array(await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: plainBytes(salt), iterations }, base, 512));
  const aesKey = await subtle().importKey('raw', bits.slice(0, 32), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  return { aesKey, check: toBase64Url(sha256(bits.slice(32))) };
}

function additionalData(context: SealContext, kdf: SealedKey['kdf'], check: string): Uint8Array {
  return utf8Bytes(canonicalJson({ purpose: context.purpose, county: context.county, key: context.key, kdf, check }));
}

/** Whether a passphrase is long enough to protect the county's authority. */
export function isStrongEnough(passphrase: string): boolean {
  return [...passphrase.normalize('NFC')].length >= MIN_PASSPHRASE_LENGTH;
}
