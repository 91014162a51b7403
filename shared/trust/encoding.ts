import { fromBase64, toBase64 } from '../sync/hub/base64';

/*
 * The text forms of the trust records' bytes. Keys, signatures and key ids are base64url without
 * padding (RFC 4648 §5: they go into file names, JSON and hub document ids unescaped); content
 * hashes are lower-case hex, like the bundle's part and blob hashes; what a person reads or types
 * (fingerprints, the recovery code) is Crockford base32, whose alphabet leaves out I, L, O and U.
 */

/** Base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Undefined for anything that is not canonical unpadded base64url (so one value has one text). */
export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  return fromBase64(padded);
}

export const BASE64URL_PATTERN = /^[A-Za-z0-9_-]+$/;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!]!;
  return out;
}

/** Douglas Crockford's base32: digits and letters a person cannot confuse when reading aloud. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The first `chars` base32 characters (5 bits each, most significant first) of some bytes. */
export function toCrockford(bytes: Uint8Array, chars: number): string {
  if (chars * 5 > bytes.length * 8) throw new RangeError('not enough bytes');
  let out = '';
  for (let i = 0; i < chars; i++) {
    let value = 0;
    for (let bit = i * 5; bit < i * 5 + 5; bit++) value = (value << 1) | ((bytes[bit >> 3]! >> (7 - (bit & 7))) & 1);
    out += CROCKFORD[value]!;
  }
  return out;
}

/**
 * What a person typed, as the characters it stands for: case, spaces and hyphens ignored, and the
 * letters Crockford maps (O to 0, I and L to 1). Undefined when a character is not base32 at all.
 */
export function normalizeCrockford(typed: string): string | undefined {
  const out = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  for (const char of out) if (!CROCKFORD.includes(char)) return undefined;
  return out;
}

/** Groups of `size` characters joined by hyphens, the way codes are printed and read out. */
export function grouped(text: string, size: number): string {
  const groups: string[] = [];
  for (let i = 0; i < text.length; i += size) groups.push(text.slice(i, i + size));
  return groups.join('-');
}
