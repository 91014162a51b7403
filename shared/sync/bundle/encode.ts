import type { BilingualText } from '../../i18n/lang';
import type { Change } from '../change';
import { parseChangeInPlace } from '../parseChange';
import type { SyncTables } from '../tables';
import { canonicalChangeJson } from './canonicalJson';
import { crc32 } from './crc32';
import { NdjsonBytes } from './ndjsonBytes';
import { sha256Hex } from './hash';
import { BUNDLE_FORMAT, bundleVersionFor, manifestSchema, type BundleKind, type BundleManifest } from './manifest';
import { blobEntryName, CHANGES_ENTRY, MANIFEST_ENTRY, TRUST_ENTRY } from './names';
import { trustLines, type TrustRecordCheck } from './trustLines';
import { changeProblem } from './records';
import { vectorProblem } from './vectorCheck';
import { assembleZip, prepareEntry, type PreparedEntry } from './zipWrite';

export interface BundleInput {
  county: { code: string; name?: BilingualText };
  /** `name`: what people call the sending PC; a bundle with it is format version 2 (docs/FORMATS.md). */
  sender: { device: string; account: string; scope?: string; name?: string };
  kind: BundleKind;
  /** In any order, repeats allowed; the bundle holds each once, in clock order. */
  changes: readonly Change[];
  /** Attachments, content-addressed: each is stored once under its sha-256. */
  blobs?: readonly Uint8Array[];
  /** The sender's version vector: per origin device, the greatest stamp applied. */
  vector: Readonly<Record<string, string>>;
  /** ISO time of the export. Passed in, not read from a clock, so the same export gives the same bytes. */
  created: string;
  /** Trust records (seals, certificates, revocations, successions): trust.ndjson, format version 3. */
  trust?: readonly object[];
}

/**
 * The same, with the changes given in batches as they are read (`readChangeLog` in the renderer's
 * store): each batch is checked and written while the next is still being read. The rules are the
 * same (any order, repeats allowed) and so are the bytes; batches in clock order are quickest.
 */
export interface StreamedBundleInput extends Omit<BundleInput, 'changes'> {
  changes: AsyncIterable<readonly Change[]>;
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
export async function encodeBundle(
  input: BundleInput | StreamedBundleInput,
  options: { tables: SyncTables; onProgress?: ProgressCallback; trustRecord?: TrustRecordCheck },
): Promise<Uint8Array> {
  const log = new ChangeLogWriter(input.county.code, options.tables);
  if (isBatches(input.changes)) for await (const batch of input.changes) log.add(batch);
  else log.add(input.changes);
  const { changes, bytes: changesBytes, crc: changesCrc } = log.finish();
  const vectorIssue = vectorProblem(input.vector, changes, input.kind);
  if (vectorIssue) throw new BundleEncodeError(`vector: ${vectorIssue}`);

  // Web Crypto hashes on its own thread (in Chromium and Node alike): started now, it runs while
  // this one deflates.
  const changesHash = sha256Hex(changesBytes);
  const blobs = new Map<string, Uint8Array>();
  for (const blob of input.blobs ?? []) blobs.set(await sha256Hex(blob), blob);
  const blobNames = [...blobs.keys()].sort();
  const total = changesBytes.length + blobNames.reduce((sum, hash) => sum + blobs.get(hash)!.length, 0);
  const changesEntry = prepareEntry(CHANGES_ENTRY, changesBytes, changesCrc);
  const trust = input.trust && input.trust.length > 0 ? trustLines(input.trust, options.trustRecord) : undefined;
  if (trust && !trust.ok) throw new BundleEncodeError(`trust records: ${trust.problem}`);
  const trustBytes = trust?.ok ? new TextEncoder().encode(trust.lines.map((l) => `${l}\n`).join('')) : undefined;

  const parts: Record<string, string> = { [CHANGES_ENTRY]: await changesHash };
  if (trustBytes) parts[TRUST_ENTRY] = await sha256Hex(trustBytes);
  for (const hash of blobNames) parts[blobEntryName(hash)] = hash;
  const tally = new Map<string, number>();
  for (const change of changes) tally.set(change.table, (tally.get(change.table) ?? 0) + 1);
  const byTable = Object.fromEntries([...tally].sort(([a], [b]) => (a < b ? -1 : 1)));
  // A sender without a name is left out rather than written as undefined, and the file is then
  // version 1, which an older League Desk still reads.
  const { name, ...sender } = input.sender;
  const named: BundleInput['sender'] = name === undefined ? sender : { ...sender, name };
  const counts = { changes: changes.length, blobs: blobs.size, byTable, ...(trust?.ok ? { trust: trust.lines.length } : {}) };
  const manifest = checkedManifest({
    format: BUNDLE_FORMAT,
    version: bundleVersionFor({ sender: named, counts }),
    county: input.county,
    sender: named,
    created: input.created,
    kind: input.kind,
    counts,
    parts,
    vector: sortedRecord(input.vector),
  });

  // The manifest goes first, so a reader streaming the file meets it before the parts it describes.
  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const prepared: PreparedEntry[] = [prepareEntry(MANIFEST_ENTRY, manifestBytes)];
  let done = manifestBytes.length;
  const all = total + manifestBytes.length;
  options.onProgress?.(done, all);
  prepared.push(changesEntry);
  done += changesBytes.length;
  options.onProgress?.(done, all);
  if (trustBytes) prepared.push(prepareEntry(TRUST_ENTRY, trustBytes));
  for (const hash of blobNames) {
    const blob = blobs.get(hash)!;
    prepared.push(prepareEntry(blobEntryName(hash), blob));
    done += blob.length;
    options.onProgress?.(done, all);
  }
  return assembleZip(prepared);
}

function isBatches(changes: readonly Change[] | AsyncIterable<readonly Change[]>): changes is AsyncIterable<readonly Change[]> {
  return !Array.isArray(changes) && typeof (changes as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';
}

/**
 * changes.ndjson, written as changes come: each valid, in the county, in clock order, each once;
 * the same id with two contents is a bug upstream. Every change is checked (the records of a
 * bundle are checked on the way out as on the way in) and written as its line of canonical JSON.
 *
 * Changes that come in clock order (as the change log is read) are written out as they come. The
 * first one out of order (or repeated) switches to keeping them by id, as any order is allowed;
 * they are then sorted and written at the end. The bytes depend only on the changes.
 */
class ChangeLogWriter {
  private changes: Change[] = [];
  /** Set once the changes stop coming in strict clock order, with each change's line. */
  private byId: Map<string, { change: Change; line: string }> | undefined;
  private readonly out = new NdjsonBytes();

  constructor(
    private readonly countyCode: string,
    private readonly tables: SyncTables,
  ) {}

  add(batch: readonly Change[]): void {
    for (const raw of batch) this.addOne(raw);
  }

  private addOne(raw: Change): void {
    // In place: what is written is not kept beyond this call, so a copy would buy nothing.
    const checked = parseChangeInPlace(raw);
    if (!checked.success) throw new BundleEncodeError(`change ${String((raw as { id?: unknown }).id)} is invalid: ${checked.error.message}`);
    const change = checked.data;
    const problem = changeProblem(change, this.countyCode, this.tables);
    if (problem) throw new BundleEncodeError(`change ${change.id}: ${problem}`);
    if (this.byId === undefined) {
      const previous = this.changes.at(-1);
      // Ids are their stamps (changeProblem checks it), so strictly rising stamps are distinct.
      if (previous === undefined || change.hlc > previous.hlc) {
        notPlainJson(change, () => this.out.writeChange(change));
        this.changes.push(change);
        return;
      }
      // Lines are not kept as they are written (a county's log is tens of megabytes of them), so
      // the ones written so far are made again, once, in this unusual case.
      this.byId = new Map(this.changes.map((c) => [c.id, { change: c, line: canonicalChangeJson(c) }]));
    }
    const line = notPlainJson(change, () => canonicalChangeJson(change));
    const seen = this.byId.get(change.id);
    if (seen && seen.line !== line) throw new BundleEncodeError(`change ${change.id} appears with two contents`);
    this.byId.set(change.id, { change, line });
  }

  finish(): { changes: Change[]; bytes: Uint8Array; crc: number } {
    if (this.byId !== undefined) {
      const sorted = [...this.byId.values()].sort((a, b) => (a.change.hlc < b.change.hlc ? -1 : a.change.hlc > b.change.hlc ? 1 : 0));
      this.out.clear();
      for (const { change } of sorted) this.out.writeChange(change);
      this.changes = sorted.map((v) => v.change);
    }
    const bytes = this.out.view();
    return { changes: this.changes, bytes, crc: crc32(bytes) };
  }
}

/** Runs `write`, turning what canonicalJson throws at a value JSON cannot carry into BundleEncodeError. */
function notPlainJson<T>(change: Change, write: () => T): T {
  try {
    return write();
  } catch (error) {
    throw new BundleEncodeError(`change ${change.id} is not plain JSON: ${(error as Error).message}`);
  }
}

function checkedManifest(manifest: BundleManifest): BundleManifest {
  const checked = manifestSchema.safeParse(manifest);
  if (!checked.success) throw new BundleEncodeError(`manifest: ${checked.error.message}`);
  return checked.data;
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]!]));
}
