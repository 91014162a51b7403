/**
 * The `.leaguesync` bundle: the file that carries changes between PCs on a USB drive, and the
 * backup format (docs/FORMATS.md). Pure: bytes in, bytes or a verdict out; reading and writing
 * files is the caller's business.
 */
export { encodeBundle, BundleEncodeError, type BundleInput, type StreamedBundleInput, type ProgressCallback } from './encode';
export { decodeBundle, type DecodeOptions, type DecodedBundle } from './decode';
export { bundleInfo, verifyBundle, type BundleInfo, type VerifiedBundle } from './inspect';
export { BUNDLE_FORMAT, BUNDLE_VERSION, BUNDLE_KINDS, manifestSchema, type BundleKind, type BundleManifest } from './manifest';
export { REFUSAL_REASONS, escapeControls, type BundleRefusal, type RefusalDetails, type RefusalReason } from './refusal';
export { DEFAULT_MAX_ENTRY_BYTES, DEFAULT_MAX_TOTAL_BYTES, MAX_COMPRESSION_RATIO, type BundleLimits } from './limits';
export { BUNDLE_EXTENSION } from './names';
