import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalChangeJson } from '../../../shared/sync/bundle/canonicalJson';
import { sha256Hex } from '../../../shared/sync/bundle/hash';
import { toHex } from '../../../shared/trust/encoding';
import { changeHash } from '../../../shared/trust/seal';
import { sha256, sha256HexOfText } from '../../../shared/trust/sha256';
import { arbWriteSpec } from '../sync/mergeFixtures';
import { makeChange } from '../../../shared/sync/write';
import { INITIAL_CLOCK } from '../../../shared/sync/hlc';

describe('the synchronous SHA-256', () => {
  it('gives the FIPS 180-4 digests of the standard examples', () => {
    expect(sha256HexOfText('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256HexOfText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256HexOfText('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(toHex(sha256(new Uint8Array(1_000_000).fill(0x61)))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
    // The text form encodes into a buffer it grows: a million characters after short texts.
    expect(sha256HexOfText('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
    expect(sha256HexOfText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with WebCrypto on random bytes of every length around the block boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 300 }), async (bytes) => {
        expect(toHex(sha256(bytes))).toBe(await sha256Hex(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with WebCrypto on random text, lone surrogates included, hashed as UTF-8', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'binary', minLength: 1000, maxLength: 3000 })), async (text) => {
        expect(sha256HexOfText(text)).toBe(await sha256Hex(new TextEncoder().encode(text)));
      }),
      { numRuns: 200 },
    );
  });

  it('hashes a change as WebCrypto hashes the line a bundle writes for it', async () => {
    await fc.assert(
      fc.asyncProperty(arbWriteSpec, async (spec) => {
        const { change } = makeChange(spec, undefined, { device: '0123456789abcdef', author: 'a' }, INITIAL_CLOCK, Date.UTC(2026, 0, 1));
        expect(changeHash(change)).toBe(await sha256Hex(new TextEncoder().encode(canonicalChangeJson(change))));
      }),
      { numRuns: 100 },
    );
  });
});
