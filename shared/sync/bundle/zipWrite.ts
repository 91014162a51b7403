import { deflateSync } from 'fflate';
import { crc32 } from './crc32';
import { MAX_COMPRESSION_RATIO } from './limits';
import {
  CENTRAL_HEADER_SIGNATURE,
  CENTRAL_HEADER_SIZE,
  END_OF_CENTRAL_DIRECTORY_SIGNATURE,
  END_OF_CENTRAL_DIRECTORY_SIZE,
  FIXED_DOS_DATE,
  FIXED_DOS_TIME,
  FLAG_UTF8_NAME,
  LOCAL_HEADER_SIGNATURE,
  LOCAL_HEADER_SIZE,
  METHOD_DEFLATED,
  METHOD_STORED,
  ZIP64_MARKER_16,
  ZIP64_MARKER_32,
  ZIP_VERSION,
} from './zipFormat';

/** One entry ready to be laid out: compressed (or not), with its checksum. */
export interface PreparedEntry {
  name: Uint8Array;
  method: typeof METHOD_STORED | typeof METHOD_DEFLATED;
  crc: number;
  size: number;
  body: Uint8Array;
}

/** The deflate level every entry is written at (docs/FORMATS.md, "The zip profile"). */
export const DEFLATE_LEVEL = 3;

/**
 * Compresses one entry. fflate's zipSync would do this too, but it cannot be told to store an
 * entry that deflates too well, and the reader refuses anything inflating past 100× as a bomb; so
 * the writer deflates each part itself and keeps it stored when deflate would not help or would
 * cross that line. Deflate at a fixed level is deterministic: same bytes in, same bytes out.
 * `crc` is the data's CRC-32 when the caller has already worked it out.
 */
export function prepareEntry(name: string, data: Uint8Array, crc: number = crc32(data)): PreparedEntry {
  const nameBytes = new TextEncoder().encode(name);
  if (nameBytes.length > ZIP64_MARKER_16) throw new RangeError(`zip entry name too long: ${name.slice(0, 80)}`);
  if (data.length >= ZIP64_MARKER_32) throw new RangeError(`zip entry too large for a bundle: ${name}`);
  const deflated = deflateSync(data, { level: DEFLATE_LEVEL });
  const worthIt = deflated.length < data.length && data.length <= deflated.length * MAX_COMPRESSION_RATIO;
  return worthIt
    ? { name: nameBytes, method: METHOD_DEFLATED, crc, size: data.length, body: deflated }
    : { name: nameBytes, method: METHOD_STORED, crc, size: data.length, body: data };
}

/**
 * Lays prepared entries out as a zip: local headers and data in the given order, then the central
 * directory, then the end record. No zip64, no data descriptors, no extra fields, no comments,
 * fixed times: the simplest zip every unzip tool reads, and the same bytes for the same entries.
 */
export function assembleZip(entries: readonly PreparedEntry[]): Uint8Array {
  if (entries.length >= ZIP64_MARKER_16) throw new RangeError(`too many zip entries: ${entries.length}`);
  const localSize = entries.reduce((sum, e) => sum + LOCAL_HEADER_SIZE + e.name.length + e.body.length, 0);
  const centralSize = entries.reduce((sum, e) => sum + CENTRAL_HEADER_SIZE + e.name.length, 0);
  if (localSize + centralSize >= ZIP64_MARKER_32) throw new RangeError('bundle too large for a zip without zip64');

  const out = new Uint8Array(localSize + centralSize + END_OF_CENTRAL_DIRECTORY_SIZE);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  for (const entry of entries) {
    offsets.push(at);
    view.setUint32(at, LOCAL_HEADER_SIGNATURE, true);
    writeCommonFields(view, at + 4, entry);
    view.setUint16(at + 28, 0, true); // extra field length
    out.set(entry.name, at + LOCAL_HEADER_SIZE);
    out.set(entry.body, at + LOCAL_HEADER_SIZE + entry.name.length);
    at += LOCAL_HEADER_SIZE + entry.name.length + entry.body.length;
  }
  const centralStart = at;
  entries.forEach((entry, i) => {
    view.setUint32(at, CENTRAL_HEADER_SIGNATURE, true);
    view.setUint16(at + 4, ZIP_VERSION, true); // version made by: MS-DOS attributes, 2.0
    writeCommonFields(view, at + 6, entry);
    // extra length, comment length, disk number, internal attributes, external attributes: all 0
    view.setUint16(at + 30, 0, true);
    view.setUint16(at + 32, 0, true);
    view.setUint16(at + 34, 0, true);
    view.setUint16(at + 36, 0, true);
    view.setUint32(at + 38, 0, true);
    view.setUint32(at + 42, offsets[i]!, true);
    out.set(entry.name, at + CENTRAL_HEADER_SIZE);
    at += CENTRAL_HEADER_SIZE + entry.name.length;
  });
  view.setUint32(at, END_OF_CENTRAL_DIRECTORY_SIGNATURE, true);
  view.setUint16(at + 4, 0, true); // this disk
  view.setUint16(at + 6, 0, true); // disk with the central directory
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  view.setUint16(at + 20, 0, true); // comment length
  return out;
}

/** The run of fields local and central headers share, from "version needed" to "name length". */
function writeCommonFields(view: DataView, at: number, entry: PreparedEntry): void {
  view.setUint16(at, ZIP_VERSION, true);
  view.setUint16(at + 2, FLAG_UTF8_NAME, true);
  view.setUint16(at + 4, entry.method, true);
  view.setUint16(at + 6, FIXED_DOS_TIME, true);
  view.setUint16(at + 8, FIXED_DOS_DATE, true);
  view.setUint32(at + 10, entry.crc, true);
  view.setUint32(at + 14, entry.body.length, true);
  view.setUint32(at + 18, entry.size, true);
  view.setUint16(at + 22, entry.name.length, true);
}
