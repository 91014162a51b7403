import { refuse, printableName, type BundleRefusal } from './refusal';
import {
  CENTRAL_HEADER_SIGNATURE,
  CENTRAL_HEADER_SIZE,
  END_OF_CENTRAL_DIRECTORY_SIGNATURE,
  END_OF_CENTRAL_DIRECTORY_SIZE,
  FLAG_DATA_DESCRIPTOR,
  FLAG_ENCRYPTED,
  FLAG_UTF8_NAME,
  LOCAL_HEADER_SIGNATURE,
  LOCAL_HEADER_SIZE,
  MAX_COMMENT_SIZE,
  METHOD_DEFLATED,
  METHOD_STORED,
  ZIP64_MARKER_16,
  ZIP64_MARKER_32,
} from './zipFormat';

/** One entry as the central directory describes it, checked against its local header. */
export interface ZipEntry {
  name: string;
  method: typeof METHOD_STORED | typeof METHOD_DEFLATED;
  crc: number;
  compressedSize: number;
  /** Uncompressed size as declared; inflating is held to it. */
  size: number;
  /** Where the entry's local header starts in the file. */
  headerOffset: number;
  /** Where the entry's (compressed) data starts in the file. */
  dataOffset: number;
}

/**
 * Reads a zip's table of contents without inflating anything: the end record, the central
 * directory, and each entry's local header. fflate's unzipSync would inflate every entry before
 * we could look at a name or a size, so a bomb or a hostile name would already have done its harm;
 * this reader lets the caller refuse those first and then inflate entries one at a time.
 *
 * Strict on purpose: bundles are written by League Desk alone, so anything our writer never
 * produces (zip64, encryption, multiple disks, entries overlapping, bytes between the central
 * directory and the end record, local headers disagreeing with it) is refused rather than
 * interpreted.
 */
export function readZipDirectory(bytes: Uint8Array): { ok: true; entries: ZipEntry[] } | BundleRefusal {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end === 'misplaced') return refuse('not-a-zip', { problem: 'bytes follow the zip end record' });
  if (end === null) {
    // A file that starts like a zip but has no end record was cut short (a copy to a USB drive
    // pulled out too soon); anything else is simply not a zip.
    const startsLikeZip = bytes.length >= 4 && view.getUint32(0, true) === LOCAL_HEADER_SIGNATURE;
    return startsLikeZip
      ? refuse('truncated', { problem: `the zip's end record is missing (${bytes.length} bytes)` })
      : refuse('not-a-zip', { problem: 'no zip end record found' });
  }

  const disk = view.getUint16(end + 4, true);
  const centralDisk = view.getUint16(end + 6, true);
  const entriesOnDisk = view.getUint16(end + 8, true);
  const count = view.getUint16(end + 10, true);
  const centralSize = view.getUint32(end + 12, true);
  const centralOffset = view.getUint32(end + 16, true);
  if (count === ZIP64_MARKER_16 || centralSize === ZIP64_MARKER_32 || centralOffset === ZIP64_MARKER_32) {
    return refuse('unknown-format', { problem: 'zip64 archives are not bundles' });
  }
  if (disk !== 0 || centralDisk !== 0 || entriesOnDisk !== count) {
    return refuse('unknown-format', { problem: 'multi-disk archives are not bundles' });
  }
  if (centralOffset + centralSize > end) {
    return refuse('not-a-zip', { problem: 'the central directory reaches past the end record' });
  }
  if (centralOffset + centralSize !== end) {
    return refuse('not-a-zip', { problem: 'bytes between the central directory and the end record' });
  }

  const entries: ZipEntry[] = [];
  let at = centralOffset;
  for (let i = 0; i < count; i++) {
    const read = readCentralEntry(view, bytes, at, end, centralOffset);
    if (!read.ok) return read;
    entries.push(read.entry);
    at = read.next;
  }
  if (at !== end) return refuse('not-a-zip', { problem: 'the central directory holds more than its entry count' });
  return checkNoOverlap(entries);
}

/**
 * The end-of-central-directory record: the last place its signature occurs with a comment that
 * fits exactly. 'misplaced' when a signature is there but nothing fits: something was appended
 * to a whole zip, which is damage of another kind than a copy cut short.
 */
function findEndRecord(view: DataView): number | 'misplaced' | null {
  const last = view.byteLength - END_OF_CENTRAL_DIRECTORY_SIZE;
  const first = Math.max(0, last - MAX_COMMENT_SIZE);
  let seen = false;
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) !== END_OF_CENTRAL_DIRECTORY_SIGNATURE) continue;
    if (at + END_OF_CENTRAL_DIRECTORY_SIZE + view.getUint16(at + 20, true) === view.byteLength) return at;
    seen = true;
  }
  return seen ? 'misplaced' : null;
}

type CentralRead = { ok: true; entry: ZipEntry; next: number } | BundleRefusal;

function readCentralEntry(view: DataView, bytes: Uint8Array, at: number, end: number, centralOffset: number): CentralRead {
  if (at + CENTRAL_HEADER_SIZE > end || view.getUint32(at, true) !== CENTRAL_HEADER_SIGNATURE) {
    return refuse('not-a-zip', { problem: `no central directory entry at byte ${at}` });
  }
  const flags = view.getUint16(at + 8, true);
  const method = view.getUint16(at + 10, true);
  const crc = view.getUint32(at + 16, true);
  const compressedSize = view.getUint32(at + 20, true);
  const size = view.getUint32(at + 24, true);
  const nameLength = view.getUint16(at + 28, true);
  const next = at + CENTRAL_HEADER_SIZE + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  const localOffset = view.getUint32(at + 42, true);
  if (next > end) return refuse('not-a-zip', { problem: 'a central directory entry runs past its end' });

  const nameBytes = bytes.subarray(at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength);
  const name = decodeName(nameBytes, flags);
  const shown = printableName(name);
  if (flags & FLAG_ENCRYPTED) return refuse('unknown-format', { problem: `entry ${shown} is encrypted` });
  if (method !== METHOD_STORED && method !== METHOD_DEFLATED) {
    return refuse('unknown-format', { problem: `entry ${shown} uses compression method ${method}` });
  }
  if (compressedSize === ZIP64_MARKER_32 || size === ZIP64_MARKER_32 || localOffset === ZIP64_MARKER_32) {
    return refuse('unknown-format', { problem: `entry ${shown} needs zip64` });
  }
  if (method === METHOD_STORED && compressedSize !== size) {
    return refuse('not-a-zip', { problem: `stored entry ${shown} has two different sizes` });
  }

  // The local header must repeat what the central directory says: readers that go by local
  // headers alone would otherwise see another archive than we checked.
  if (localOffset + LOCAL_HEADER_SIZE > centralOffset || view.getUint32(localOffset, true) !== LOCAL_HEADER_SIGNATURE) {
    return refuse('not-a-zip', { problem: `entry ${shown} has no local header` });
  }
  const localNameLength = view.getUint16(localOffset + 26, true);
  const dataOffset = localOffset + LOCAL_HEADER_SIZE + localNameLength + view.getUint16(localOffset + 28, true);
  if (dataOffset + compressedSize > centralOffset) {
    return refuse('not-a-zip', { problem: `entry ${shown} runs into the central directory` });
  }
  const localName = bytes.subarray(localOffset + LOCAL_HEADER_SIZE, localOffset + LOCAL_HEADER_SIZE + localNameLength);
  const sameSizes =
    flags & FLAG_DATA_DESCRIPTOR ||
    (view.getUint32(localOffset + 14, true) === crc &&
      view.getUint32(localOffset + 18, true) === compressedSize &&
      view.getUint32(localOffset + 22, true) === size);
  if (view.getUint16(localOffset + 8, true) !== method || !sameBytes(localName, nameBytes) || !sameSizes) {
    return refuse('not-a-zip', { problem: `entry ${shown}: local header disagrees with the central directory` });
  }
  return { ok: true, entry: { name, method, crc, compressedSize, size, headerOffset: localOffset, dataOffset }, next };
}

/**
 * Entries whose data overlap are the trick behind the worst zip bombs (one deflate stream counted
 * many times over); a zip we wrote never has them.
 */
function checkNoOverlap(entries: ZipEntry[]): { ok: true; entries: ZipEntry[] } | BundleRefusal {
  const byStart = [...entries].sort((a, b) => a.headerOffset - b.headerOffset);
  for (let i = 1; i < byStart.length; i++) {
    const before = byStart[i - 1]!;
    const entry = byStart[i]!;
    if (before.dataOffset + before.compressedSize > entry.headerOffset) {
      return refuse('compression-bomb', { problem: `entries ${printableName(before.name)} and ${printableName(entry.name)} overlap`, entry: printableName(entry.name) });
    }
  }
  return { ok: true, entries };
}

function decodeName(nameBytes: Uint8Array, flags: number): string {
  // Names without the UTF-8 flag are in the old DOS code page; a bundle's names are ASCII, so
  // showing the other bytes one character each is enough to name them in a refusal.
  if (flags & FLAG_UTF8_NAME) return new TextDecoder('utf-8').decode(nameBytes);
  let name = '';
  for (const byte of nameBytes) name += String.fromCharCode(byte);
  return name;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
