import type { BilingualText } from '../../i18n/lang';
import { changeSchema, type Change } from '../change';
import { canonicalJson } from './canonicalJson';
import { sha256Hex } from './hash';
import { BUNDLE_FORMAT, BUNDLE_VERSION, manifestSchema, type BundleKind, type BundleManifest } from './manifest';
import { blobEntryName, CHANGES_ENTRY, MANIFEST_ENTRY } from './names';
import { changeProblem } from './records';
import { vectorProblem } from './vectorCheck';
import { assembleZip, prepareEntry, type PreparedEntry } from './zipWrite';

export interface BundleInput {
  county: { code: string; name?: BilingualText };
  sender: { device: string; account: string; scope?: string };
  kind: BundleKind;
  /** In any order, repeats allowed; the bundle holds each once, in clock order. */
  changes: readonly Change[];
  /** Attachments, content-addressed: each is stored once under its sha-256. */
  blobs?: readonly Uint8Array[];
  /** The sender's version vector: per origin device, the greatest stamp applied. */
  vector: Readonly<Record<string, string>>;
  /** ISO time of the export. Passed in, not read from a clock, so the same export gives the same bytes. */
  created: string;
}

/** Bytes of parts done so far, of the total: for a progress bar on big backups. */
export type ProgressCallback = (done: number, total: number) => void;

/** The input cannot make a bundle League Desk would accept back: a bug in the caller, never user data. */
export class BundleEncodeError extends Error {
  override name = 'BundleEncodeError';
}

/**
 * Writes a `.leaguesync` bundle (docs/FORMATS.md). Deterministic: the same input, whatever the order
 * of its changes, blobs and keys, gives the same bytes, so a re-export can be compared byte for byte.
 * Checks everything the reader checks and throws BundleEncodeError rather than write a bundle that
 * would be refused on the other PC.
 */
export async function encodeBundle(input: BundleInput, options: { onProgress?: ProgressCallback } = {}): Promise<Uint8Array> {
  const changes = orderedChanges(input.changes, input.county.code);
  const vectorIssue = vectorProblem(input.vector, changes, input.kind);
  if (vectorIssue) throw new BundleEncodeError(`vector: ${vectorIssue}`);

  const changesBytes = new TextEncoder().encode(changes.map((c) => `${canonicalJson(c)}\n`).join(''));
  const blobs = new Map<string, Uint8Array>();
  for (const blob of input.blobs ?? []) blobs.set(await sha256Hex(blob), blob);
  const blobNames = [...blobs.keys()].sort();

  const parts: Record<string, string> = { [CHANGES_ENTRY]: await sha256Hex(changesBytes) };
  for (const hash of blobNames) parts[blobEntryName(hash)] = hash;
  const tally = new Map<string, number>();
  for (const change of changes) tally.set(change.table, (tally.get(change.table) ?? 0) + 1);
  const byTable = Object.fromEntries([...tally].sort(([a], [b]) => (a < b ? -1 : 1)));
  const manifest = checkedManifest({
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    county: input.county,
    sender: input.sender,
    created: input.created,
    kind: input.kind,
    counts: { changes: changes.length, blobs: blobs.size, byTable },
    parts,
    vector: sortedRecord(input.vector),
  });

  // The manifest goes first, so a reader streaming the file meets it before the parts it describes.
  const contents: Array<[string, Uint8Array]> = [
    [MANIFEST_ENTRY, new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`)],
    [CHANGES_ENTRY, changesBytes],
    ...blobNames.map((hash): [string, Uint8Array] => [blobEntryName(hash), blobs.get(hash)!]),
  ];
  const total = contents.reduce((sum, [, data]) => sum + data.length, 0);
  const prepared: PreparedEntry[] = [];
  let done = 0;
  for (const [name, data] of contents) {
    prepared.push(prepareEntry(name, data));
    done += data.length;
    options.onProgress?.(done, total);
  }
  return assembleZip(prepared);
}

/** Valid, in the county, in clock order, each once; the same id with two contents is a bug upstream. */
function orderedChanges(input: readonly Change[], countyCode: string): Change[] {
  const byId = new Map<string, { change: Change; text: string }>();
  for (const raw of input) {
    const checked = changeSchema.safeParse(raw);
    if (!checked.success) throw new BundleEncodeError(`change ${String((raw as { id?: unknown }).id)} is invalid: ${checked.error.message}`);
    const change = checked.data;
    const problem = changeProblem(change, countyCode);
    if (problem) throw new BundleEncodeError(`change ${change.id}: ${problem}`);
    let text: string;
    try {
      text = canonicalJson(change);
    } catch (error) {
      throw new BundleEncodeError(`change ${change.id} is not plain JSON: ${(error as Error).message}`);
    }
    const seen = byId.get(change.id);
    if (seen && seen.text !== text) throw new BundleEncodeError(`change ${change.id} appears with two contents`);
    byId.set(change.id, { change, text });
  }
  return [...byId.values()].map((v) => v.change).sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

function checkedManifest(manifest: BundleManifest): BundleManifest {
  const checked = manifestSchema.safeParse(manifest);
  if (!checked.success) throw new BundleEncodeError(`manifest: ${checked.error.message}`);
  return checked.data;
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]!]));
}
