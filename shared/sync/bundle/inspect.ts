import { decodeBundle, type DecodeOptions } from './decode';
import { readBundleDirectory } from './directory';
import type { BundleLimits } from './limits';
import type { BundleManifest } from './manifest';
import { readManifest } from './readManifest';
import type { BundleRefusal } from './refusal';

export interface BundleInfo {
  ok: true;
  manifest: BundleManifest;
  /** Size of the bundle file, and each entry's sizes as the zip declares them. */
  bytes: number;
  entries: Array<{ name: string; size: number; compressedSize: number }>;
}

/**
 * The manifest and the zip's table of contents, without inflating the parts: quick enough to show
 * what a file is before deciding to import it. It does not prove the parts intact; verifyBundle does.
 */
export function bundleInfo(bytes: Uint8Array, limits: Partial<BundleLimits> = {}): BundleInfo | BundleRefusal {
  const directory = readBundleDirectory(bytes, limits);
  if (!directory.ok) return directory;
  const read = readManifest(bytes, directory.entries);
  if (!read.ok) return read;
  const entries = [...directory.entries.values()].map(({ name, size, compressedSize }) => ({ name, size, compressedSize }));
  return { ok: true, manifest: read.manifest, bytes: bytes.length, entries };
}

export interface VerifiedBundle {
  ok: true;
  manifest: BundleManifest;
  changes: number;
  blobs: number;
}

/** Every check decodeBundle makes, keeping only the verdict and the counts. */
export async function verifyBundle(bytes: Uint8Array, options: DecodeOptions): Promise<VerifiedBundle | BundleRefusal> {
  const decoded = await decodeBundle(bytes, options);
  if (!decoded.ok) return decoded;
  return { ok: true, manifest: decoded.manifest, changes: decoded.changes.length, blobs: decoded.blobs.size };
}
