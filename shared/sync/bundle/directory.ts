import { DEFAULT_MAX_ENTRY_BYTES, DEFAULT_MAX_TOTAL_BYTES, MAX_COMPRESSION_RATIO, MAX_MANIFEST_BYTES, type BundleLimits } from './limits';
import { MANIFEST_ENTRY, unsafeNameProblem } from './names';
import { printableName, refuse, type BundleRefusal } from './refusal';
import { METHOD_DEFLATED } from './zipFormat';
import { readZipDirectory, type ZipEntry } from './zipRead';

/**
 * A bundle's zip directory, checked before a single byte is inflated: zip structure, then entry
 * names, then declared sizes against the limits and the compression ratio. The order matters for
 * what a person is told: a hostile name is reported as such even when its entry is also too big.
 */
export function readBundleDirectory(bytes: Uint8Array, limits: Partial<BundleLimits> = {}): { ok: true; entries: Map<string, ZipEntry> } | BundleRefusal {
  const maxEntryBytes = limits.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES;
  const maxTotalBytes = limits.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES;
  const zip = readZipDirectory(bytes);
  if (!zip.ok) return zip;

  const entries = new Map<string, ZipEntry>();
  for (const entry of zip.entries) {
    const shown = printableName(entry.name);
    const problem = unsafeNameProblem(entry.name);
    if (problem) return refuse('unsafe-entry-name', { problem: `${shown}: ${problem}`, entry: shown });
    // Two entries of one name: readers disagree on which one counts, so neither can be trusted.
    if (entries.has(entry.name)) return refuse('unsafe-entry-name', { problem: `${shown} appears twice`, entry: shown });
    entries.set(entry.name, entry);
  }

  let total = 0;
  for (const entry of zip.entries) {
    const shown = printableName(entry.name);
    const limit = entry.name === MANIFEST_ENTRY ? Math.min(MAX_MANIFEST_BYTES, maxEntryBytes) : maxEntryBytes;
    if (entry.size > limit) {
      return refuse('entry-too-large', { problem: `${shown} is ${entry.size} bytes, over the limit of ${limit}`, entry: shown, size: entry.size, limit });
    }
    if (entry.method === METHOD_DEFLATED && entry.size > entry.compressedSize * MAX_COMPRESSION_RATIO) {
      return refuse('compression-bomb', {
        problem: `${shown} claims to inflate ${entry.compressedSize} bytes to ${entry.size}, over ${MAX_COMPRESSION_RATIO}×`,
        entry: shown,
      });
    }
    total += entry.size;
  }
  if (total > maxTotalBytes) {
    return refuse('bundle-too-large', { problem: `the parts add up to ${total} bytes, over the limit of ${maxTotalBytes}`, size: total, limit: maxTotalBytes });
  }
  return { ok: true, entries };
}
