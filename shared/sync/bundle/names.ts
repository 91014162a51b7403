import { SHA256_HEX_PATTERN } from './hash';

/** The fixed entry names of a version-1 bundle; blobs are `blobs/<sha-256 hex>`. */
export const MANIFEST_ENTRY = 'manifest.json';
export const CHANGES_ENTRY = 'changes.ndjson';
/** Version 3: the trust records that vouch for the changes (docs/FORMATS.md, "trust.ndjson"). */
export const TRUST_ENTRY = 'trust.ndjson';
export const BLOB_PREFIX = 'blobs/';

/**
 * Table names in a bundle are identifiers (every League Desk table is one), so they can be counted
 * in the manifest as plain JSON keys without ever meeting `__proto__` and its kind.
 */
export const TABLE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

export const blobEntryName = (sha256: string): string => `${BLOB_PREFIX}${sha256}`;

/** The sha-256 a blob entry is named after, or null when the name is not a blob entry. */
export function blobHashOf(name: string): string | null {
  if (!name.startsWith(BLOB_PREFIX)) return null;
  const hash = name.slice(BLOB_PREFIX.length);
  return SHA256_HEX_PATTERN.test(hash) ? hash : null;
}

/** A part is anything the manifest lists with a checksum: the change log, the trust records and the blobs. */
export function isPartName(name: string): boolean {
  return name === CHANGES_ENTRY || name === TRUST_ENTRY || blobHashOf(name) !== null;
}

/**
 * Why an entry name is unsafe, or null when it is not. League Desk never writes bundle entries to
 * disk, but someone may open a bundle with an ordinary unzip tool, and a name that climbs out of
 * the folder ("zip slip") or means different things on Windows and Linux has no business in a
 * bundle whatever reads it. Checked before anything else about an entry.
 */
export function unsafeNameProblem(name: string): string | null {
  if (name === '') return 'the name is empty';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'the name holds control characters';
  if (name.includes('\\')) return 'the name holds a backslash';
  if (name.startsWith('/')) return 'the name is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'the name starts with a drive letter';
  if (name.split('/').includes('..')) return 'the name climbs out of its folder with ..';
  return null;
}

/** What a bundle file is called on disk: `luntai-2026-01-25.leaguesync`. */
export const BUNDLE_EXTENSION = '.leaguesync';
