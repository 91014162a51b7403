import { z } from 'zod';
import { fromBase64Url, grouped, toBase64Url, toCrockford, BASE64URL_PATTERN } from './encoding';
import { sha256 } from './sha256';
import { plainBytes, subtle, type KeyHandle, type KeyPairHandles, type Subtle } from './webcrypto';

/*
 * Signing keys: a PC's device key and the county's authority and recovery keys.
 *
 * Ed25519 where the runtime has it (Chromium and Electron here, Node >= 20): small keys (32 bytes)
 * and signatures (64), fast, and deterministic — the same record signed twice gives the same bytes,
 * so the demo county's file stays byte-identical. A runtime without it (an older Chromium-based
 * browser on a PC where Electron cannot run) makes ECDSA P-256 keys instead, which every WebCrypto
 * has had since the start. Every key carries its algorithm's name, so a verifier always knows which
 * one to use, and a county may hold keys of both kinds. What such a PC cannot do is check Ed25519
 * signatures: it answers `unsupported-algorithm` for them (never "forged"), and the changes stay
 * aside until they are examined where the algorithm exists.
 */

export const SIGNING_ALGORITHMS = ['Ed25519', 'ECDSA-P256'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** Raw public key lengths: Ed25519 32 bytes; P-256 uncompressed, 0x04 then x and y (65). */
const RAW_LENGTH: Record<SigningAlgorithm, number> = { Ed25519: 32, 'ECDSA-P256': 65 };

const KEY_PARAMS: Record<SigningAlgorithm, { name: string; namedCurve?: string }> = {
  Ed25519: { name: 'Ed25519' },
  'ECDSA-P256': { name: 'ECDSA', namedCurve: 'P-256' },
};
const SIGN_PARAMS: Record<SigningAlgorithm, { name: string; hash?: string }> = {
  Ed25519: { name: 'Ed25519' },
  'ECDSA-P256': { name: 'ECDSA', hash: 'SHA-256' },
};

/** A public key as every record writes it: the algorithm and the raw key bytes in base64url. */
export const publicKeySchema = z
  .strictObject({
    algorithm: z.enum(SIGNING_ALGORITHMS),
    key: z.string().regex(BASE64URL_PATTERN).max(100),
  })
  .refine((k) => {
    const raw = fromBase64Url(k.key);
    return raw !== undefined && raw.length === RAW_LENGTH[k.algorithm] && (k.algorithm !== 'ECDSA-P256' || raw[0] === 4);
  }, 'public key of the wrong length for its algorithm');
export type PublicKey = z.infer<typeof publicKeySchema>;

/** A key pair whose private half stays inside WebCrypto (non-extractable, unless said otherwise). */
export interface KeyPair {
  publicKey: PublicKey;
  privateKey: KeyHandle;
}

export const SIGNATURE_PATTERN = BASE64URL_PATTERN;

/** The raw bytes of a public key. */
export function publicKeyBytes(key: PublicKey): Uint8Array {
  const raw = fromBase64Url(key.key);
  if (raw === undefined) throw new TypeError('public key is not base64url');
  return raw;
}

/**
 * A key's id: base64url of the sha-256 of its raw bytes (43 characters). Records name keys by id
 * (a succession's `previous`), and everything compares keys by id; being a full hash, no one can
 * make another key with the id of the county's.
 */
export function keyId(key: PublicKey): string {
  let id = keyIds.get(key);
  if (id === undefined) keyIds.set(key, (id = toBase64Url(sha256(publicKeyBytes(key)))));
  return id;
}

/** Key ids by key object: deciding an import asks for the same few keys' ids 100,000 times. */
const keyIds = new WeakMap<PublicKey, string>();

/**
 * What a person reads out over the phone to check a key: the first 100 bits of the same sha-256,
 * as 20 Crockford base32 characters in five groups of four (`K3QD-9XH2-M4RT-8BW1-ZP6A`). One
 * function for device keys and the county's authority key alike. To pass a check, a forger would
 * need a key whose hash starts with the same 100 bits: about 2^100 tries.
 */
export function fingerprint(key: PublicKey): string {
  return grouped(toCrockford(sha256(publicKeyBytes(key)), 20), 4);
}

export const FINGERPRINT_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/;

const supportCache = new WeakMap<Subtle, Promise<SigningAlgorithm[]>>();

/**
 * The signing algorithms this runtime's WebCrypto has, found by making a throwaway key of each
 * (the only reliable test: some runtimes know the name and still refuse to make the key).
 */
export function supportedAlgorithms(host: Subtle = subtle()): Promise<SigningAlgorithm[]> {
  let found = supportCache.get(host);
  if (found === undefined) {
    found = (async () => {
      const out: SigningAlgorithm[] = [];
      for (const algorithm of SIGNING_ALGORITHMS) {
        try {
          await host.generateKey(KEY_PARAMS[algorithm], false, ['sign', 'verify']);
          out.push(algorithm);
        } catch {
          // Not available here.
        }
      }
      return out;
    })();
    supportCache.set(host, found);
  }
  return found;
}

/** Ed25519 where the runtime has it, else ECDSA P-256; throws only where neither exists. */
export async function preferredAlgorithm(host: Subtle = subtle()): Promise<SigningAlgorithm> {
  const available = await supportedAlgorithms(host);
  const algorithm = available[0];
  if (algorithm === undefined) throw new Error('this runtime can make neither Ed25519 nor ECDSA P-256 keys');
  return algorithm;
}

/**
 * A new key pair. The private key is non-extractable: it can sign, and nothing (no backup, no
 * bundle, no log, no script in the page) can read it out. Only the authority and recovery keys are
 * made extractable, for the moment it takes to write their encrypted copies (authority.ts).
 */
export async function generateKeyPair(options: { algorithm?: SigningAlgorithm; extractable?: boolean; host?: Subtle } = {}): Promise<KeyPair> {
  const host = options.host ?? subtle();
  const algorithm = options.algorithm ?? (await preferredAlgorithm(host));
  const pair = (await host.generateKey(KEY_PARAMS[algorithm], options.extractable ?? false, ['sign', 'verify'])) as KeyPairHandles;
  const raw = new Uint8Array(await host.exportKey('raw', pair.publicKey));
  return { publicKey: { algorithm, key: toBase64Url(raw) }, privateKey: pair.privateKey };
}

/** The private key as PKCS #8 bytes; only for an extractable key, to be encrypted at once. */
export async function exportPrivateKey(key: KeyHandle): Promise<Uint8Array> {
  return new Uint8Array(await subtle().exportKey('pkcs8', key));
}

/** A private key from PKCS #8 bytes, non-extractable; throws if the bytes are not such a key. */
export async function importPrivateKey(algorithm: SigningAlgorithm, pkcs8: Uint8Array): Promise<KeyHandle> {
  return subtle().importKey('pkcs8', plainBytes(pkcs8), KEY_PARAMS[algorithm], false, ['sign']);
}

/** Signs bytes; the signature in base64url (Ed25519: 64 bytes; P-256: r and s, 32 bytes each). */
export async function signBytes(algorithm: SigningAlgorithm, privateKey: KeyHandle, data: Uint8Array): Promise<string> {
  return toBase64Url(new Uint8Array(await subtle().sign(SIGN_PARAMS[algorithm], privateKey, plainBytes(data))));
}

export type SignatureCheck = 'valid' | 'invalid' | 'unsupported-algorithm';

/**
 * Whether `signature` is `key`'s over `data`. `unsupported-algorithm` when this runtime cannot
 * check the key's algorithm at all — which is not the same as a forgery. Never throws: a key that
 * is not a point on its curve, or a signature of the wrong length, is simply `invalid`.
 */
export async function verifyBytes(key: PublicKey, signature: string, data: Uint8Array, host: Subtle = subtle()): Promise<SignatureCheck> {
  if (!(await supportedAlgorithms(host)).includes(key.algorithm)) return 'unsupported-algorithm';
  const sig = fromBase64Url(signature);
  const raw = fromBase64Url(key.key);
  if (sig === undefined || raw === undefined || sig.length !== 64) return 'invalid';
  try {
    const handle = await host.importKey('raw', plainBytes(raw), KEY_PARAMS[key.algorithm], false, ['verify']);
    return (await host.verify(SIGN_PARAMS[key.algorithm], handle, plainBytes(sig), plainBytes(data))) ? 'valid' : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** Whether two public keys are the same key. */
export function sameKey(a: PublicKey, b: PublicKey): boolean {
  return a.algorithm === b.algorithm && a.key === b.key;
}
