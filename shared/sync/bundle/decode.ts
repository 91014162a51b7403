import type { Change } from '../change';
import { countParkable, knownSchema, PARKING_BUDGET, type KnownSchema } from '../parking';
import type { SyncTables } from '../tables';
import { readBundleDirectory } from './directory';
import type { ProgressCallback } from './encode';
import { sha256Hex } from './hash';
import type { BundleLimits } from './limits';
import type { BundleManifest } from './manifest';
import { blobHashOf, CHANGES_ENTRY, MANIFEST_ENTRY, TRUST_ENTRY } from './names';
import { parseTrustLines, type TrustRecordCheck } from './trustLines';
import { readManifest } from './readManifest';
import { parseChanges } from './records';
import { printableName, refuse, type BundleRefusal } from './refusal';
import { vectorProblem } from './vectorCheck';
import { readEntry } from './zipInflate';
import type { ZipEntry } from './zipRead';

export interface DecodeOptions extends Partial<BundleLimits> {
  /** The tables this build knows, whose values every change is checked against (records.ts). */
  tables: SyncTables;
  /** The county this PC keeps; a bundle of another county is refused as 'wrong-county'. */
  expectedCounty?: string;
  onProgress?: ProgressCallback;
  /** What this build can apply, for the parking budget; default what `tables` know. */
  known?: KnownSchema;
  /** Changes the file may carry that this build would park (default PARKING_BUDGET). */
  parkingBudget?: number;
  /** Whether a trust record is one this build reads (the trust core's, handed in: trustLines.ts). */
  trustRecord?: TrustRecordCheck;
}

export interface DecodedBundle {
  ok: true;
  manifest: BundleManifest;
  /** Each change once, in clock order, every one valid against changeSchema. */
  changes: Change[];
  /** Attachments by sha-256 (already checked against it). */
  blobs: Map<string, Uint8Array>;
  /** Trust records (version 3; none in earlier versions), each a JSON object with format and version. */
  trust: Record<string, unknown>[];
}

/**
 * Reads a `.leaguesync` bundle, checking everything docs/FORMATS.md requires, and either returns
 * its contents or says why not. Never throws on bad input: whatever the bytes, the answer is data
 * (a reason code and detail) the importer can show, and nothing is applied from a refused bundle.
 */
export async function decodeBundle(bytes: Uint8Array, options: DecodeOptions): Promise<DecodedBundle | BundleRefusal> {
  const directory = readBundleDirectory(bytes, options);
  if (!directory.ok) return directory;
  const entries = directory.entries;
  const read = readManifest(bytes, entries);
  if (!read.ok) return read;
  const manifest = read.manifest;

  if (options.expectedCounty !== undefined && manifest.county.code !== options.expectedCounty) {
    return refuse('wrong-county', {
      problem: `a bundle of county ${manifest.county.code}, this PC keeps ${options.expectedCounty}`,
      expected: options.expectedCounty,
      found: manifest.county.code,
    });
  }
  const listed = checkListedParts(manifest, entries);
  if (listed) return listed;

  const parts = await readParts(bytes, manifest, entries, options.onProgress);
  if (!parts.ok) return parts;
  const parsed = parseChanges(parts.changes, manifest.county.code, options.tables);
  if (!parsed.ok) return parsed;
  const trust = parts.trust ? parseTrustLines(parts.trust, options.trustRecord) : { ok: true as const, records: [] };
  if (!trust.ok) return trust;
  if ((manifest.counts.trust ?? 0) !== (parts.trust ? trustLineCount(parts.trust) : 0)) {
    return refuse('manifest-invalid', { problem: `counts.trust is ${manifest.counts.trust ?? 0}, ${TRUST_ENTRY} has ${trust.records.length} lines` });
  }

  const counted = countsProblem(manifest, parsed.lines, parsed.byTable);
  if (counted) return refuse('manifest-invalid', { problem: counted });
  const vectorIssue = vectorProblem(manifest.vector, parsed.changes, manifest.kind);
  if (vectorIssue) return refuse('manifest-invalid', { problem: `vector: ${vectorIssue}` });
  const limit = options.parkingBudget ?? PARKING_BUDGET;
  const parked = countParkable(parsed.changes, options.known ?? knownSchema(options.tables));
  if (parked > limit) return refuse('too-many-parked', { problem: `${parked} changes this build would park, at most ${limit} per file`, parked, limit });
  return { ok: true, manifest, changes: parsed.changes, blobs: parts.blobs, trust: trust.records };
}

function trustLineCount(data: Uint8Array): number {
  let lines = 0;
  for (let start = 0; start < data.length; lines++) {
    const newline = data.indexOf(0x0a, start);
    start = newline === -1 ? data.length : newline + 1;
  }
  return lines;
}

/**
 * The zip must hold exactly the manifest and the parts it lists. An unlisted entry is refused, not
 * skipped: nothing vouches for its bytes, and format additions come with a new version number.
 */
function checkListedParts(manifest: BundleManifest, entries: ReadonlyMap<string, ZipEntry>): BundleRefusal | null {
  for (const name of entries.keys()) {
    if (name !== MANIFEST_ENTRY && !Object.hasOwn(manifest.parts, name)) {
      const shown = printableName(name);
      return refuse('unexpected-entry', { problem: `${shown} is not listed in the manifest`, entry: shown });
    }
  }
  for (const name of Object.keys(manifest.parts)) {
    if (!entries.has(name)) return refuse('part-missing', { problem: `${name} is listed but not in the zip`, entry: name });
  }
  const blobs = Object.keys(manifest.parts).filter((name) => blobHashOf(name) !== null).length;
  if (blobs !== manifest.counts.blobs) return refuse('manifest-invalid', { problem: `counts.blobs is ${manifest.counts.blobs}, the bundle holds ${blobs}` });
  return null;
}

type PartsRead = { ok: true; changes: Uint8Array; trust?: Uint8Array; blobs: Map<string, Uint8Array> } | BundleRefusal;

/** Inflates each listed part (the change log first) and checks it against its sha-256. */
async function readParts(zip: Uint8Array, manifest: BundleManifest, entries: ReadonlyMap<string, ZipEntry>, onProgress?: ProgressCallback): Promise<PartsRead> {
  const names = [CHANGES_ENTRY, ...Object.keys(manifest.parts).filter((n) => n !== CHANGES_ENTRY).sort()];
  const total = names.reduce((sum, name) => sum + entries.get(name)!.size, 0);
  let done = 0;
  let changes: Uint8Array = new Uint8Array(0);
  let trust: Uint8Array | undefined;
  const blobs = new Map<string, Uint8Array>();
  for (const name of names) {
    const entry = entries.get(name)!;
    const read = readEntry(zip, entry);
    if (!read.ok) return read;
    if ((await sha256Hex(read.data)) !== manifest.parts[name]) {
      return refuse('hash-mismatch', { problem: `${name} does not match its sha-256 in the manifest`, entry: name });
    }
    const blobHash = blobHashOf(name);
    if (name === TRUST_ENTRY) trust = read.data;
    else if (blobHash === null) changes = read.data;
    else blobs.set(blobHash, read.data);
    done += entry.size;
    onProgress?.(done, total);
  }
  return { ok: true, changes, ...(trust ? { trust } : {}), blobs };
}

function countsProblem(manifest: BundleManifest, lines: number, byTable: ReadonlyMap<string, number>): string | null {
  if (manifest.counts.changes !== lines) return `counts.changes is ${manifest.counts.changes}, ${CHANGES_ENTRY} has ${lines} lines`;
  const listed = new Map(Object.entries(manifest.counts.byTable));
  for (const table of new Set([...byTable.keys(), ...listed.keys()])) {
    if (listed.get(table) !== byTable.get(table)) {
      return `counts.byTable.${table} is ${listed.get(table) ?? 0}, ${CHANGES_ENTRY} has ${byTable.get(table) ?? 0}`;
    }
  }
  return null;
}
