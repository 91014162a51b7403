/** Builders shared by the bundle tests: small valid bundles, and ways to take them apart and rebuild them. */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { encodeBundle, type BundleInput } from '../../../shared/sync/bundle/index';
import { sha256Hex } from '../../../shared/sync/bundle/hash';
import type { Change } from '../../../shared/sync/change';
import { vectorOf } from '../../../shared/sync/vector';
import { APP_TABLES } from '../../../shared/app/registry';
import { demoBundleInput } from '../../../shared/app/demo';

export const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The first `count` demo changes (orgs first), as a full bundle of county LT, with optional blobs. */
export function smallInput(count = 12, blobs: Uint8Array[] = []): BundleInput {
  const demo = demoBundleInput();
  const changes = demo.changes.slice(0, count);
  return { ...demo, changes, blobs, vector: { ...vectorOf(changes) } };
}

export async function smallBundle(count = 12, blobs: Uint8Array[] = []): Promise<Uint8Array> {
  return encodeBundle(smallInput(count, blobs), { tables: APP_TABLES });
}

/** The entries of a zip, by name, via fflate (an independent reader). */
export function entriesOf(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export type Manifest = Record<string, unknown> & { parts: Record<string, string>; counts: { changes: number; blobs: number; byTable: Record<string, number> } };

export function manifestOf(entries: Record<string, Uint8Array>): Manifest {
  return JSON.parse(text(entries['manifest.json']!)) as Manifest;
}

export function changeLines(entries: Record<string, Uint8Array>): string[] {
  return text(entries['changes.ndjson']!).split('\n').filter((line) => line !== '');
}

export function linesToBytes(lines: string[]): Uint8Array {
  return utf8(lines.map((line) => `${line}\n`).join(''));
}

/**
 * Rebuilds a bundle after `edit` changed its entries (with fflate's zipSync, so the reader also
 * meets zips it did not write). With `rehash`, the manifest's part hashes are brought up to date,
 * so only the checks after the hashes can catch the edit.
 */
export async function rebuild(
  bytes: Uint8Array,
  edit: (entries: Record<string, Uint8Array>, manifest: Manifest) => void | Promise<void>,
  options: { rehash?: boolean } = {},
): Promise<Uint8Array> {
  const entries = entriesOf(bytes);
  const manifest = manifestOf(entries);
  const original = entries['manifest.json'];
  await edit(entries, manifest);
  if (options.rehash) {
    for (const name of Object.keys(manifest.parts)) {
      const data = entries[name];
      if (data) manifest.parts[name] = await sha256Hex(data);
    }
  }
  // The edited manifest replaces the old one, unless the edit replaced or removed the entry itself.
  if (entries['manifest.json'] !== undefined && entries['manifest.json'] === original) entries['manifest.json'] = utf8(JSON.stringify(manifest));
  return zipSync(entries as Zippable, { mtime: new Date('2026-01-01T00:00:00Z') });
}

/** Rewrites the change lines (re-hashed), as a hand-edited or buggy export would. */
export async function withLines(bytes: Uint8Array, edit: (lines: string[]) => string[]): Promise<Uint8Array> {
  return rebuild(
    bytes,
    (entries) => {
      entries['changes.ndjson'] = linesToBytes(edit(changeLines(entries)));
    },
    { rehash: true },
  );
}

/** Edits one change record (parsed), keeping everything else consistent. */
export async function withChange(bytes: Uint8Array, index: number, edit: (change: Record<string, unknown>) => void): Promise<Uint8Array> {
  return withLines(bytes, (lines) =>
    lines.map((line, i) => {
      if (i !== index) return line;
      const change = JSON.parse(line) as Record<string, unknown>;
      edit(change);
      return JSON.stringify(change);
    }),
  );
}

export type { Change };

/**
 * A full bundle input of `count` valid changes to a table no build knows, all from one PC: what a
 * sender would have to send to fill this PC's parked changes with junk.
 */
export function junkInput(count: number): BundleInput {
  const demo = demoBundleInput();
  const model = demo.changes[0]!;
  const device = 'fe'.repeat(8);
  const base = Date.parse('2026-11-22T04:37:52.123Z');
  const changes: Change[] = Array.from({ length: count }, (_, i) => {
    const hlc = `${new Date(base + i).toISOString()}-0000-${device}`;
    return { ...model, id: hlc, hlc, device, table: 'zzJunk', row: `junk-${i}`, fields: { text: `junk ${i}` } };
  });
  return { ...demo, changes, blobs: [], vector: { ...vectorOf(changes) } };
}
