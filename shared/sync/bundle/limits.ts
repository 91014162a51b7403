/**
 * What a bundle may cost the PC that opens it. The defaults are far above a county's real data
 * (the whole Luntai demo is about 0.2 MB of changes) and far below what would hurt a 4 GB office PC.
 */
export const DEFAULT_MAX_ENTRY_BYTES = 128 * 1024 * 1024;
export const DEFAULT_MAX_TOTAL_BYTES = 512 * 1024 * 1024;

/** manifest.json is read before anything is checked against it, so it has its own small limit. */
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

/**
 * A deflated entry may inflate to at most this many times its compressed size. Real bundle parts
 * (JSON, photos, PDFs) stay under 20×; a zip bomb needs about 1000×. The writer stores a part
 * uncompressed rather than cross this line, so a bundle we write is never refused for it.
 */
export const MAX_COMPRESSION_RATIO = 100;

/** Field values nest a level or two (a bilingual name); anything this deep is an attack on a parser. */
export const MAX_VALUE_DEPTH = 32;

export interface BundleLimits {
  maxEntryBytes: number;
  maxTotalBytes: number;
}
