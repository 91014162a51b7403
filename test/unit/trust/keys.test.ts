import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, normalizeCrockford, toBase64Url } from '../../../shared/trust/encoding';
import {
  exportPrivateKey,
  FINGERPRINT_PATTERN,
  fingerprint,
  generateKeyPair,
  keyId,
  preferredAlgorithm,
  publicKeySchema,
  signBytes,
  supportedAlgorithms,
  verifyBytes,
  type PublicKey,
} from '../../../shared/trust/keys';
import type { Subtle } from '../../../shared/trust/webcrypto';

const data = new TextEncoder().encode('草湖乡 members 33');

/** The host's WebCrypto, but without Ed25519, like an older Chromium-based browser. */
function withoutEd25519(): Subtle {
  const real = crypto.subtle as unknown as Subtle;
  const refuse = (params: { name: string }) => {
    if (params.name === 'Ed25519') throw new DOMException('Unrecognized name', 'NotSupportedError');
  };
  return {
    ...Object.fromEntries(['exportKey', 'sign', 'verify', 'deriveBits', 'encrypt', 'decrypt'].map((m) => [m, (real as unknown as Record<string, (...a: unknown[]) => unknown>)[m]!.bind(real)])),
    generateKey: async (params: { name: string }, ...rest: [boolean, string[]]) => (refuse(params), real.generateKey(params, ...rest)),
    importKey: async (format: 'raw', key: Uint8Array<ArrayBuffer>, params: { name: string }, ...rest: [boolean, string[]]) => (refuse(params), real.importKey(format, key, params, ...rest)),
  } as unknown as Subtle;
}

describe('device keys', () => {
  it('are Ed25519 where the runtime has it, with a private key nothing can read out', async () => {
    const keys = await generateKeyPair();
    expect(keys.publicKey.algorithm).toBe('Ed25519');
    expect(fromBase64Url(keys.publicKey.key)).toHaveLength(32);
    expect(keys.privateKey.extractable).toBe(false);
    await expect(exportPrivateKey(keys.privateKey)).rejects.toThrow();
  });

  it('sign and verify; any other bytes, key or signature does not verify', async () => {
    const keys = await generateKeyPair();
    const other = await generateKeyPair();
    const signature = await signBytes('Ed25519', keys.privateKey, data);
    expect(await verifyBytes(keys.publicKey, signature, data)).toBe('valid');
    expect(await verifyBytes(other.publicKey, signature, data)).toBe('invalid');
    expect(await verifyBytes(keys.publicKey, signature, new TextEncoder().encode('草湖乡 members 34'))).toBe('invalid');
    const flipped = fromBase64Url(signature)!;
    flipped[5]! ^= 1;
    expect(await verifyBytes(keys.publicKey, toBase64Url(flipped), data)).toBe('invalid');
    expect(await verifyBytes(keys.publicKey, 'short', data)).toBe('invalid');
  });

  it('fall back to ECDSA P-256 where the runtime lacks Ed25519, naming the algorithm in the key', async () => {
    const host = withoutEd25519();
    expect(await supportedAlgorithms(host)).toEqual(['ECDSA-P256']);
    expect(await preferredAlgorithm(host)).toBe('ECDSA-P256');
    const keys = await generateKeyPair({ host });
    expect(keys.publicKey.algorithm).toBe('ECDSA-P256');
    expect(publicKeySchema.safeParse(keys.publicKey).success).toBe(true);
    const signature = await signBytes('ECDSA-P256', keys.privateKey, data);
    expect(await verifyBytes(keys.publicKey, signature, data)).toBe('valid');
  });

  it('where Ed25519 is missing, an Ed25519 signature is unsupported there, not forged', async () => {
    const keys = await generateKeyPair({ algorithm: 'Ed25519' });
    const signature = await signBytes('Ed25519', keys.privateKey, data);
    expect(await verifyBytes(keys.publicKey, signature, data, withoutEd25519())).toBe('unsupported-algorithm');
  });

  it('a P-256 key that is not a point on the curve is invalid, never an exception', async () => {
    const raw = new Uint8Array(65).fill(7);
    raw[0] = 4;
    expect(await verifyBytes({ algorithm: 'ECDSA-P256', key: toBase64Url(raw) }, toBase64Url(new Uint8Array(64)), data)).toBe('invalid');
  });

  it('a public key must have its algorithm’s length', () => {
    expect(publicKeySchema.safeParse({ algorithm: 'Ed25519', key: toBase64Url(new Uint8Array(31)) }).success).toBe(false);
    expect(publicKeySchema.safeParse({ algorithm: 'ECDSA-P256', key: toBase64Url(new Uint8Array(32)) }).success).toBe(false);
    expect(publicKeySchema.safeParse({ algorithm: 'RSA', key: toBase64Url(new Uint8Array(32)) }).success).toBe(false);
  });
});

describe('fingerprints', () => {
  const arbKey = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((raw): PublicKey => ({ algorithm: 'Ed25519', key: toBase64Url(raw) }));

  it('are five groups of four unambiguous characters, the same for the same key', () => {
    fc.assert(
      fc.property(arbKey, (key) => {
        const text = fingerprint(key);
        expect(text).toMatch(FINGERPRINT_PATTERN);
        expect(text).not.toMatch(/[ILOU]/);
        expect(fingerprint({ ...key })).toBe(text);
      }),
    );
  });

  it('differ for different keys (100 bits of the key’s sha-256)', () => {
    fc.assert(fc.property(arbKey, arbKey, (a, b) => a.key === b.key || fingerprint(a) !== fingerprint(b)));
  });

  it('read back as typed over the phone: case, spaces and the letters O, I, L forgiven', async () => {
    const key = (await generateKeyPair()).publicKey;
    const spoken = fingerprint(key).toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(normalizeCrockford(spoken)).toBe(fingerprint(key).replace(/-/g, ''));
  });

  it('key ids are the whole sha-256, so no two keys share one', () => {
    fc.assert(fc.property(arbKey, arbKey, (a, b) => a.key === b.key || keyId(a) !== keyId(b)));
    fc.assert(fc.property(arbKey, (key) => fromBase64Url(keyId(key))!.length === 32));
  });
});

describe('base64url', () => {
  it('round-trips any bytes, and one value has one text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
    expect(fromBase64Url('AB==')).toBeUndefined();
    expect(fromBase64Url('AB+/')).toBeUndefined();
    expect(fromBase64Url('AA')).toEqual(new Uint8Array([0]));
    // The same byte with stray low bits set would be a second text for one value.
    expect(fromBase64Url('AB')).toBeUndefined();
  });
});
