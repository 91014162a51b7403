import { Inflate } from 'fflate';
import { crc32 } from './crc32';
import { printableName, refuse, type BundleRefusal } from './refusal';
import { METHOD_STORED } from './zipFormat';
import type { ZipEntry } from './zipRead';

/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most about 1032×, so one
 * step can produce at most ~16 MB before the size check below sees it: the cap on what a lying
 * header can make us allocate.
 */
const INFLATE_STEP = 16 * 1024;

/**
 * An entry's uncompressed bytes, checked against its declared size and CRC-32. The declared size
 * was already checked against the limits and the compression ratio; inflating is held to it, so an
 * entry whose header understates its size is caught as a bomb after at most one step past it.
 */
export function readEntry(zip: Uint8Array, entry: ZipEntry): { ok: true; data: Uint8Array } | BundleRefusal {
  const raw = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const inflated = entry.method === METHOD_STORED ? { ok: true as const, data: raw.slice() } : inflateCapped(raw, entry);
  if (!inflated.ok) return inflated;
  const shown = printableName(entry.name);
  if (inflated.data.length !== entry.size) {
    return refuse('hash-mismatch', { problem: `${shown} inflates to ${inflated.data.length} bytes, not ${entry.size}`, entry: shown });
  }
  if (crc32(inflated.data) !== entry.crc) return refuse('hash-mismatch', { problem: `${shown} fails its CRC-32`, entry: shown });
  return inflated;
}

function inflateCapped(raw: Uint8Array, entry: ZipEntry): { ok: true; data: Uint8Array } | BundleRefusal {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= entry.size) chunks.push(chunk);
  });
  const shown = printableName(entry.name);
  try {
    // do…while: even an empty stream is pushed once, marked final, so fflate can object to it.
    let at = 0;
    do {
      const end = Math.min(raw.length, at + INFLATE_STEP);
      inflater.push(raw.subarray(at, end), end === raw.length);
      if (total > entry.size) {
        return refuse('compression-bomb', { problem: `${shown} inflates past its declared ${entry.size} bytes`, entry: shown });
      }
      at = end;
    } while (at < raw.length);
  } catch (error) {
    // fflate throws on a deflate stream that is corrupt or cut short: the part is damaged.
    const why = error instanceof Error ? error.message : String(error);
    return refuse('hash-mismatch', { problem: `${shown} does not inflate: ${why}`, entry: shown });
  }
  const data = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    data.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, data };
}
