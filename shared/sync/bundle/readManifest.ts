import { BUNDLE_FORMAT, BUNDLE_VERSION, BUNDLE_VERSIONS, manifestSchema, type BundleManifest } from './manifest';
import { MANIFEST_ENTRY } from './names';
import { refuse, type BundleRefusal } from './refusal';
import { readEntry } from './zipInflate';
import type { ZipEntry } from './zipRead';

/**
 * Reads and checks manifest.json. The format name and version are looked at before the schema,
 * so that a bundle from a newer League Desk says "update League Desk" instead of "invalid".
 */
export function readManifest(zip: Uint8Array, entries: ReadonlyMap<string, ZipEntry>): { ok: true; manifest: BundleManifest } | BundleRefusal {
  const entry = entries.get(MANIFEST_ENTRY);
  if (!entry) return refuse('unknown-format', { problem: `a zip without ${MANIFEST_ENTRY}: not a League Desk bundle` });
  const read = readEntry(zip, entry);
  if (!read.ok) return read;

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(read.data));
  } catch (error) {
    return refuse('manifest-invalid', { problem: `${MANIFEST_ENTRY} is not UTF-8 JSON: ${error instanceof Error ? error.message : String(error)}` });
  }
  const head = typeof json === 'object' && json !== null ? (json as { format?: unknown; version?: unknown }) : {};
  if (head.format !== BUNDLE_FORMAT) return refuse('unknown-format', { problem: `format is ${describe(head.format)}, not ${BUNDLE_FORMAT}` });
  if (typeof head.version === 'number' && Number.isSafeInteger(head.version) && head.version > BUNDLE_VERSION) {
    return refuse('newer-format', { problem: `format version ${head.version}; this build reads up to ${BUNDLE_VERSION}`, version: head.version });
  }
  if (!(BUNDLE_VERSIONS as readonly unknown[]).includes(head.version)) return refuse('unknown-format', { problem: `format version ${describe(head.version)} is not one League Desk ever wrote` });

  const checked = manifestSchema.safeParse(json);
  if (!checked.success) {
    const issues = checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(manifest)'}: ${i.message}`);
    return refuse('manifest-invalid', { problem: issues.join('; ') });
  }
  return { ok: true, manifest: checked.data };
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
