import { toHex } from './encoding';

/*
 * SHA-256 (FIPS 180-4) in plain TypeScript, synchronous.
 *
 * Why not WebCrypto's digest: an import hashes every change it receives (100,000 of them at county
 * scale), and each `crypto.subtle.digest` is a promise that the browser answers from another
 * thread. The benchmark (`npm run bench -- trust`) measured both over the canonical JSON of
 * 100,000 changes in Chromium: WebCrypto took 1.3 to 2.6 times as long as this (median 1.7×). It
 * is also synchronous, so it can run anywhere, inside an IndexedDB transaction too. WebCrypto stays the way to hash large inputs once (bundle parts,
 * blobs: shared/sync/bundle/hash.ts). test/unit/trust/sha256.property.test.ts checks this against
 * WebCrypto on random bytes and random text.
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/** The message schedule, reused: hashing is synchronous, so one call never sees another's. */
const W = new Int32Array(64);

/** Runs the compression function over whole 64-byte blocks of `data` from `start` to `end`. */
function compress(state: Int32Array, data: Uint8Array, start: number, end: number): void {
  let h0 = state[0]!, h1 = state[1]!, h2 = state[2]!, h3 = state[3]!;
  let h4 = state[4]!, h5 = state[5]!, h6 = state[6]!, h7 = state[7]!;
  for (let offset = start; offset < end; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      W[i] = (data[j]! << 24) | (data[j + 1]! << 16) | (data[j + 2]! << 8) | data[j + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const w15 = W[i - 15]!;
      const w2 = W[i - 2]!;
      const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
      const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
      W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  state[0] = h0; state[1] = h1; state[2] = h2; state[3] = h3;
  state[4] = h4; state[5] = h5; state[6] = h6; state[7] = h7;
}

/** The sha-256 digest (32 bytes) of some bytes. */
export function sha256(data: Uint8Array): Uint8Array {
  const state = new Int32Array(INITIAL);
  const whole = data.length - (data.length % 64);
  compress(state, data, 0, whole);
  const rest = data.length - whole;
  const tail = new Uint8Array(rest < 56 ? 64 : 128);
  tail.set(data.subarray(whole));
  finish(state, tail, rest, data.length);
  return digestOf(state);
}

/**
 * Pads and compresses the last block(s): `buffer` holds the message's last `rest` bytes from 0 and
 * has room for the padding (the 0x80 marker, zeros, the length in bits as 64 bits big-endian: one
 * block, or two when fewer than 9 bytes are left in the first).
 */
function finish(state: Int32Array, buffer: Uint8Array, rest: number, length: number): void {
  const end = rest < 56 ? 64 : 128;
  buffer[rest] = 0x80;
  buffer.fill(0, rest + 1, end);
  const bits = length * 8;
  const high = Math.floor(bits / 0x100000000);
  buffer[end - 8] = high >>> 24;
  buffer[end - 7] = high >>> 16;
  buffer[end - 6] = high >>> 8;
  buffer[end - 5] = high;
  buffer[end - 4] = bits >>> 24;
  buffer[end - 3] = bits >>> 16;
  buffer[end - 2] = bits >>> 8;
  buffer[end - 1] = bits;
  compress(state, buffer, 0, end);
}

function digestOf(state: Int32Array): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const word = state[i]!;
    out[i * 4] = word >>> 24;
    out[i * 4 + 1] = word >>> 16;
    out[i * 4 + 2] = word >>> 8;
    out[i * 4 + 3] = word;
  }
  return out;
}

const utf8 = new TextEncoder();

/** The UTF-8 bytes of some text, as everything signed or hashed here is encoded. */
export function utf8Bytes(text: string): Uint8Array {
  return utf8.encode(text);
}

/** Where sha256OfText encodes its text: grown as needed, reused (hashing is synchronous). */
let scratch = new Uint8Array(4096);

/**
 * The sha-256 of the UTF-8 of some text, encoding and hashing in one pass over a reused buffer:
 * for the many short texts of an import (one per change) this allocates nothing per text, and is
 * quicker than TextEncoder then sha256. Encodes as TextEncoder does (a lone surrogate becomes
 * U+FFFD); the property test holds both to WebCrypto.
 */
export function sha256OfText(text: string): Uint8Array {
  // At most 3 bytes per UTF-16 unit, plus up to two blocks of padding.
  const needed = text.length * 3 + 128;
  if (scratch.length < needed) scratch = new Uint8Array(Math.max(needed, scratch.length * 2));
  const buffer = scratch;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      buffer[n++] = code;
      continue;
    }
    if (code < 0x800) {
      buffer[n++] = 0xc0 | (code >> 6);
      buffer[n++] = 0x80 | (code & 63);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i += 1;
        buffer[n++] = 0xf0 | (code >> 18);
        buffer[n++] = 0x80 | ((code >> 12) & 63);
        buffer[n++] = 0x80 | ((code >> 6) & 63);
        buffer[n++] = 0x80 | (code & 63);
        continue;
      }
      code = 0xfffd;
    }
    buffer[n++] = 0xe0 | (code >> 12);
    buffer[n++] = 0x80 | ((code >> 6) & 63);
    buffer[n++] = 0x80 | (code & 63);
  }
  const state = new Int32Array(INITIAL);
  const whole = n - (n % 64);
  compress(state, buffer, 0, whole);
  // The tail moves to the front of the buffer, where the padding has room after it.
  buffer.copyWithin(0, whole, n);
  finish(state, buffer, n - whole, n);
  return digestOf(state);
}

/** Lower-case hex sha-256 of the UTF-8 of some text. */
export function sha256HexOfText(text: string): string {
  return toHex(sha256OfText(text));
}
