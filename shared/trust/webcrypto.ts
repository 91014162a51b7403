/*
 * The part of WebCrypto the trust core uses, typed for shared/ (whose typecheck has no DOM:
 * shared/host.d.ts declares only `digest`). Chromium and Node >= 20 both provide all of it on the
 * global `crypto.subtle`; this file only gives it types, so nothing else here needs a cast.
 *
 * `KeyHandle` is an opaque CryptoKey: the app stores private keys as CryptoKey objects (IndexedDB
 * keeps them by structured clone, non-extractable ones included) and only ever hands them back to
 * WebCrypto.
 */

export interface KeyHandle {
  readonly type: string;
  readonly extractable: boolean;
  readonly algorithm: { readonly name: string };
  readonly usages: readonly string[];
}

export interface KeyPairHandles {
  publicKey: KeyHandle;
  privateKey: KeyHandle;
}

type Bytes = Uint8Array<ArrayBuffer>;
type Params = Readonly<Record<string, unknown>> & { name: string };

export interface Subtle {
  generateKey(algorithm: Params, extractable: boolean, usages: string[]): Promise<KeyPairHandles | KeyHandle>;
  importKey(format: 'raw' | 'pkcs8' | 'jwk', data: Bytes | Record<string, unknown>, algorithm: Params, extractable: boolean, usages: string[]): Promise<KeyHandle>;
  exportKey(format: 'raw' | 'pkcs8', key: KeyHandle): Promise<ArrayBuffer>;
  exportKey(format: 'jwk', key: KeyHandle): Promise<Record<string, unknown>>;
  sign(algorithm: Params, key: KeyHandle, data: Bytes): Promise<ArrayBuffer>;
  verify(algorithm: Params, key: KeyHandle, signature: Bytes, data: Bytes): Promise<boolean>;
  deriveBits(algorithm: Params, key: KeyHandle, length: number): Promise<ArrayBuffer>;
  encrypt(algorithm: Params, key: KeyHandle, data: Bytes): Promise<ArrayBuffer>;
  decrypt(algorithm: Params, key: KeyHandle, data: Bytes): Promise<ArrayBuffer>;
}

/** The host's WebCrypto. Read at each call, so a test can wrap it (test/unit/setup). */
export function subtle(): Subtle {
  return crypto.subtle as unknown as Subtle;
}

/** A copy of bytes in a plain ArrayBuffer, which is what WebCrypto takes. */
export function plainBytes(bytes: Uint8Array): Bytes {
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes as Bytes)
    : new Uint8Array(bytes);
}

export function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}
