import { z } from 'zod';
import { bilingualTextSchema } from '../../i18n/lang';
import { DEVICE_ID_PATTERN, HLC_PATTERN } from '../hlc';
import { deviceNameSchema } from '../pcName';
import { orgCodeSchema } from '../scope';
import { SHA256_HEX_PATTERN } from './hash';
import { blobHashOf, CHANGES_ENTRY, isPartName, TABLE_NAME_PATTERN, TRUST_ENTRY } from './names';

export const BUNDLE_FORMAT = 'league-desk-bundle';
/** The highest bundle format version this build writes and reads (docs/FORMATS.md). */
export const BUNDLE_VERSION = 3;
/**
 * Every version this build reads. Version 2 adds the sender's PC name, version 3 the trust records
 * (trust.ndjson); a bundle is written in the lowest version that carries its manifest
 * (`bundleVersionFor`), so a file without trust records is still one an older League Desk reads.
 */
export const BUNDLE_VERSIONS = [1, 2, 3] as const;
export type BundleVersion = (typeof BUNDLE_VERSIONS)[number];

export const BUNDLE_KINDS = ['changes', 'full'] as const;
export type BundleKind = (typeof BUNDLE_KINDS)[number];

const deviceSchema = z.string().regex(DEVICE_ID_PATTERN);
const tableNameSchema = z.string().regex(TABLE_NAME_PATTERN);

/**
 * manifest.json of a version-1 or version-2 bundle. Strict: an unknown key is refused, because a
 * manifest of each version has exactly its keys and anything new comes with a new version number.
 */
export const manifestSchema = z
  .strictObject({
    format: z.literal(BUNDLE_FORMAT),
    version: z.union(BUNDLE_VERSIONS.map((v) => z.literal(v))),
    /** The county whose data this is; every change's scope lies under its code. */
    county: z.strictObject({ code: orgCodeSchema, name: bilingualTextSchema.optional() }),
    /** Who made the bundle: the device, the signed-in account and (optionally) its organisation scope. */
    sender: z.strictObject({
      device: deviceSchema,
      account: z.string().min(1).max(64),
      scope: z.string().min(1).max(64).optional(),
      /** Version 2: what people call the sending PC ("轮台镇团委 1号机"), for the import preview. */
      name: deviceNameSchema.optional(),
    }),
    created: z.iso.datetime(),
    /** `full`: every change the sender holds (also the backup format); `changes`: what a peer lacks. */
    kind: z.enum(BUNDLE_KINDS),
    counts: z.strictObject({
      changes: z.int().nonnegative(),
      blobs: z.int().nonnegative(),
      /** Lines of changes.ndjson per table; tables with none are left out. */
      byTable: z.record(tableNameSchema, z.int().positive()),
      /** Version 3: lines of trust.ndjson; present exactly when the part is. */
      trust: z.int().positive().optional(),
    }),
    /** Every part but the manifest, with the sha-256 of its uncompressed bytes. */
    parts: z
      .record(z.string().refine(isPartName, 'not a part name'), z.string().regex(SHA256_HEX_PATTERN))
      .refine((parts) => parts[CHANGES_ENTRY] !== undefined, `${CHANGES_ENTRY} is not listed`)
      .refine(
        (parts) => Object.entries(parts).every(([name, hash]) => blobHashOf(name) === null || blobHashOf(name) === hash),
        'a blob is listed with a hash other than its name',
      ),
    /** The sender's version vector: per origin device, the greatest clock stamp it has applied. */
    vector: z
      .record(deviceSchema, z.string().regex(HLC_PATTERN))
      .refine((vector) => Object.entries(vector).every(([device, stamp]) => stamp.endsWith(`-${device}`)), 'a stamp is filed under another device'),
  })
  .refine((manifest) => manifest.version >= bundleVersionFor(manifest), { path: ['version'], message: 'sender.name needs format version 2, trust records version 3' })
  .refine((manifest) => (manifest.counts.trust !== undefined) === (manifest.parts[TRUST_ENTRY] !== undefined), {
    path: ['counts', 'trust'],
    message: `counts.trust is given exactly when ${TRUST_ENTRY} is listed`,
  });

export type BundleManifest = z.infer<typeof manifestSchema>;

/** The lowest format version that carries a manifest: 3 with trust records, 2 when the sender is named, else 1. */
export function bundleVersionFor(manifest: { sender: { name?: string }; counts?: { trust?: number } }): BundleVersion {
  if (manifest.counts?.trust !== undefined) return 3;
  return manifest.sender.name === undefined ? 1 : 2;
}
