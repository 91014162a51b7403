import type { Change } from '../change';
import { DATA_SCHEMA_VERSION } from '../change';
import { FUTURE_STAMP_TOLERANCE_MS } from '../clockDrift';
import { sha256Hex } from '../bundle/hash';
import { isWithinScope } from '../scope';
import { mergeVectors, vectorOf } from '../vector';
import { fromBase64, toBase64 } from './base64';
import { BLOB_ATTACHMENT, BLOB_ID_PREFIX, DESIGN_DOC_ID, MAX_BLOB_BYTES, MAX_CHANGE_DOC_BYTES, TRUST_ID_PREFIX, TRUST_KIND, TRUST_SETUP_VERSION } from './design';
import { HubError } from './errors';
import { isHubFull, isObject, send, unexpected, type Answer } from './http';
import type { HubBlob, HubLocal, HubSyncState, HubTrustDoc, HubTrustToPush, PulledBatch } from './local';
import type { HubTransport } from './protocol';

export const PUSH_CHUNK = 500;
/** Changes per `_changes` page: about 1 MB of JSON, which a slow township link moves within the 60 s request timeout. */
export const PULL_LIMIT = 2000;
/** Blobs per `_bulk_docs` request, and bytes: photos are big, and a hub limits request size. */
const BLOB_CHUNK_BYTES = 4 * 1024 * 1024;
/** JSON bytes per push request: 500 changes are far less, but a few long contest entries are not. */
const PUSH_CHUNK_BYTES = 8 * 1024 * 1024;
/** Room left under the hub's document limit for what it adds before measuring (`_rev`). */
const DOC_LIMIT_MARGIN = 1024;

/** UTF-8 bytes of a value's JSON, counted the way the hub's validate_doc_update counts them. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 || (code >= 0xd800 && code < 0xe000) ? 2 : 3;
  }
  return bytes;
}

export type HubPhase = 'check' | 'push' | 'blobs' | 'pull';
export interface HubProgress {
  phase: HubPhase;
  done: number;
  /** Unknown while pulling from a hub that does not say how much is pending. */
  total?: number;
}

export interface HubSyncOptions {
  /**
   * Identifies the hub and the account's scope (address without credentials, and scope): state is
   * kept per key, so another hub or another scope starts afresh (what was "not ours to send" under
   * one scope may be ours under another).
   */
  hub: string;
  now?: () => number;
  chunkSize?: number;
  pullLimit?: number;
  onProgress?: (progress: HubProgress) => void;
}

export interface HubSyncOutcome {
  pushed: number;
  /** Sent, but the hub already held them (a retry after an interruption, or pulled earlier). */
  alreadyOnHub: number;
  blobsPushed: number;
  blobsPulled: number;
  /**
   * This PC's own changes and photos over the hub's size limits (docs/HUB.md): not sent, and not
   * tried again. Oversized documents pulled from the hub are counted in `pulled.rejected`.
   */
  tooLarge: number;
  pulled: PulledBatch;
  /** Parked changes mean the hub holds data of a newer League Desk: the app should be updated. */
  appOlder: boolean;
  finishedAt: string;
}

/**
 * One sync with the county's hub: check, push, pull. Every step is safe to cut anywhere. Pushing
 * is idempotent (a change document's id is the change id, and "already there" counts as sent); the
 * `sent` vector moves only after the hub confirmed a whole chunk. Pulling applies a batch and its
 * checkpoint in one local transaction, so a batch is applied with its checkpoint or not at all, and
 * applying a batch twice changes nothing (the bundle import recognises held changes).
 */
export async function syncWithHub(transport: HubTransport, local: HubLocal, options: HubSyncOptions): Promise<HubSyncOutcome> {
  const now = options.now ?? (() => Date.now());
  const progress = options.onProgress ?? (() => {});
  progress({ phase: 'check', done: 0 });
  await checkHub(transport, now());
  let state = await local.readState(options.hub);
  const pushed = await pushChanges(transport, local, state, options.chunkSize ?? PUSH_CHUNK, progress);
  state = pushed.state;
  const blobs = await pushBlobs(transport, local, state, progress);
  state = blobs.state;
  const pulled = await pull(transport, local, state, options.pullLimit ?? PULL_LIMIT, now, progress);
  state = pulled.state;
  const finishedAt = new Date(now()).toISOString();
  state = { ...state, lastSuccess: finishedAt };
  await local.saveState(state);
  return {
    pushed: pushed.created,
    alreadyOnHub: pushed.already,
    blobsPushed: blobs.pushed,
    blobsPulled: pulled.blobs,
    tooLarge: pushed.tooLarge + blobs.tooLarge,
    pulled: pulled.batch,
    appOlder: pulled.batch.parked > 0,
    finishedAt,
  };
}

/** The database answers, this account may read it, it was set up, and the clocks agree. */
export async function checkHub(transport: HubTransport, now: number): Promise<void> {
  const design = await send(transport, { method: 'GET', path: DESIGN_DOC_ID });
  if (design.status === 401) {
    const reason = isObject(design.body) && typeof design.body['reason'] === 'string' ? design.body['reason'] : '';
    throw new HubError(/name or password/i.test(reason) ? 'wrong-password' : 'no-right', { where: 'check' });
  }
  if (design.status === 404) {
    const db = await send(transport, { method: 'GET', path: '' });
    if (db.status === 200 && isObject(db.body) && 'db_name' in db.body) throw new HubError('not-set-up');
    throw new HubError('wrong-address', { where: 'check', status: db.status });
  }
  if (design.status !== 200 || !isObject(design.body)) throw unexpected(design, 'check');
  const meta = isObject(design.body['leagueDesk']) ? design.body['leagueDesk'] : {};
  if (typeof meta['schema'] === 'number' && meta['schema'] > DATA_SCHEMA_VERSION) throw new HubError('app-older', { schema: meta['schema'] });
  if (typeof meta['setupVersion'] === 'number' && meta['setupVersion'] < TRUST_SETUP_VERSION) throw new HubError('not-set-up', { setupVersion: meta['setupVersion'] });
  if (design.date !== undefined && Math.abs(design.date - now) > FUTURE_STAMP_TOLERANCE_MS) {
    throw new HubError('clock-wrong', { hub: new Date(design.date).toISOString(), here: new Date(now).toISOString() });
  }
}

/** What this PC sends: its own changes, and changes relayed from others within its account's scope. */
export function pushable(local: Pick<HubLocal, 'device' | 'scope'>, change: Change): boolean {
  return change.device === local.device || isWithinScope(change.scope, local.scope);
}

async function pushChanges(
  transport: HubTransport,
  local: HubLocal,
  start: HubSyncState,
  chunkSize: number,
  progress: (p: HubProgress) => void,
): Promise<{ state: HubSyncState; created: number; already: number; tooLarge: number }> {
  const unsent = await local.unsent(start.sent);
  // A change the hub would refuse for its size is refused here, before it holds up the others.
  const docs: { change: Change; bytes: number }[] = [];
  let tooLarge = 0;
  for (const change of unsent) {
    if (!pushable(local, change)) continue;
    const bytes = jsonBytes({ ...change, _id: change.id });
    if (bytes > MAX_CHANGE_DOC_BYTES - DOC_LIMIT_MARGIN) tooLarge += 1;
    else docs.push({ change, bytes });
  }
  // The trust records covering these changes go first: a PC that pulls the changes finds what
  // verifies them there (and one that pulled them earlier lets them in when it pulls these). A cut
  // between the two leaves the changes unsent, so the next sync sends both again.
  let state = await pushTrust(transport, local, start, docs.map((d) => d.change));
  let created = 0;
  let already = 0;
  progress({ phase: 'push', done: 0, total: docs.length });
  for (let i = 0; i < docs.length; ) {
    let end = i + 1;
    let bytes = docs[i]!.bytes;
    while (end < docs.length && end - i < chunkSize && bytes + docs[end]!.bytes <= PUSH_CHUNK_BYTES) bytes += docs[end++]!.bytes;
    const chunk = docs.slice(i, end).map((d) => d.change);
    const answer = await send(transport, { method: 'POST', path: '_bulk_docs', body: { docs: chunk.map((c) => ({ ...c, _id: c.id })) } });
    const counts = bulkResults(answer, 'push');
    created += counts.created;
    already += counts.already;
    tooLarge += counts.tooLarge;
    state = { ...state, sent: mergeVectors(state.sent, vectorOf(chunk)) };
    await local.saveState(state);
    i = end;
    progress({ phase: 'push', done: i, total: docs.length });
  }
  // Every chunk is confirmed; what is left is another organisation's, relayed here, and not this
  // account's to send, or over the size limit and never sendable: mark it so it is not read again
  // at every sync.
  if (unsent.length > docs.length) {
    state = { ...state, sent: mergeVectors(state.sent, vectorOf(unsent)) };
    await local.saveState(state);
  }
  return { state, created, already, tooLarge };
}

/** A trust record as its hub document (design.ts). */
export function trustDoc(trust: HubTrustDoc): Record<string, unknown> {
  return { _id: `${TRUST_ID_PREFIX}${trust.id}`, kind: TRUST_KIND, id: trust.id, record: trust.record };
}

/**
 * Sends the trust records a push of `changes` carries, less the `once` records already on this hub
 * — also with no change to send: a certificate the county just issued or a revocation is news.
 * Seals go each time they cover a change being sent (twice is "already there"); `trustSent` keeps
 * only the `once` records' ids, a few per county.
 */
async function pushTrust(transport: HubTransport, local: HubLocal, start: HubSyncState, changes: readonly Change[]): Promise<HubSyncState> {
  const sentBefore = new Set(start.trustSent ?? []);
  const todo: HubTrustToPush[] = (await local.trustFor(changes)).filter((t) => !(t.once && sentBefore.has(t.id)));
  let state = start;
  for (let i = 0; i < todo.length; ) {
    const chunk: HubTrustToPush[] = [];
    let bytes = 0;
    for (; i < todo.length && chunk.length < PUSH_CHUNK; i++) {
      const size = jsonBytes(trustDoc(todo[i]!));
      // Over the hub's limit (a seal of an enormous batch): the changes it covers still go, and
      // a PC that pulls them keeps them aside until a file carries the seal.
      if (size > MAX_CHANGE_DOC_BYTES - DOC_LIMIT_MARGIN) continue;
      if (chunk.length > 0 && bytes + size > PUSH_CHUNK_BYTES) break;
      chunk.push(todo[i]!);
      bytes += size;
    }
    if (chunk.length === 0) continue;
    bulkResults(await send(transport, { method: 'POST', path: '_bulk_docs', body: { docs: chunk.map(trustDoc) } }), 'trust');
    const once = chunk.filter((t) => t.once).map((t) => t.id);
    if (once.length > 0) {
      state = { ...state, trustSent: [...new Set([...(state.trustSent ?? []), ...once])].sort() };
      await local.saveState(state);
    }
  }
  return state;
}

/** Reads a `_bulk_docs` answer: every document created or already there, or the reason it is not. */
function bulkResults(answer: Answer, where: string): { created: number; already: number; tooLarge: number } {
  if (answer.status !== 201 && answer.status !== 200 && answer.status !== 202) throw unexpected(answer, where);
  if (!Array.isArray(answer.body)) throw new HubError('bad-answer', { where });
  let created = 0;
  let already = 0;
  let tooLarge = 0;
  for (const item of answer.body as unknown[]) {
    if (!isObject(item)) throw new HubError('bad-answer', { where });
    if (item['ok'] === true || (typeof item['rev'] === 'string' && item['error'] === undefined)) {
      created += 1;
      continue;
    }
    const error = item['error'];
    const reason = typeof item['reason'] === 'string' ? item['reason'] : '';
    // CouchDB answers an existing id with 409 conflict; pouchdb-server runs the validation first,
    // which refuses any write to an existing document as `immutable`. Both mean "already there".
    if (error === 'conflict' || (error === 'forbidden' && reason === 'immutable')) {
      already += 1;
      continue;
    }
    // An account made from a certificate takes only its own PC's changes (design.ts): a change this
    // PC relays for another is that PC's to send, and the hub gets it from there. Not an error.
    if (error === 'forbidden' && reason === 'not-own-device') {
      already += 1;
      continue;
    }
    // A hub whose limits are lower than ours: this document can never go; the others still do.
    if (error === 'forbidden' && (reason === 'too-large' || reason === 'attachment-unexpected')) {
      tooLarge += 1;
      continue;
    }
    const id = typeof item['id'] === 'string' ? item['id'] : '';
    if (error === 'forbidden' || error === 'unauthorized') throw new HubError('no-right', { where, id, reason: reason.slice(0, 64) });
    if (isHubFull({ status: 0, body: item })) throw new HubError('hub-full', { where, id });
    throw new HubError('bad-answer', { where, id, error: String(error).slice(0, 64) });
  }
  return { created, already, tooLarge };
}

async function pushBlobs(
  transport: HubTransport,
  local: HubLocal,
  start: HubSyncState,
  progress: (p: HubProgress) => void,
): Promise<{ state: HubSyncState; pushed: number; tooLarge: number }> {
  const sent = new Set(start.blobsSent);
  const todo = (await local.blobHashes()).filter((h) => !sent.has(h)).sort();
  let state = start;
  let pushed = 0;
  let tooLarge = 0;
  if (todo.length === 0) return { state, pushed, tooLarge };
  progress({ phase: 'blobs', done: 0, total: todo.length });
  let done = 0;
  while (done < todo.length) {
    const batch: HubBlob[] = [];
    let bytes = 0;
    while (done + batch.length < todo.length && (batch.length === 0 || bytes < BLOB_CHUNK_BYTES)) {
      const [blob] = await local.readBlobs([todo[done + batch.length]!]);
      if (!blob) break;
      batch.push(blob);
      bytes += blob.bytes.byteLength;
    }
    if (batch.length === 0) break;
    const fits = batch.filter((b) => b.bytes.byteLength <= MAX_BLOB_BYTES);
    tooLarge += batch.length - fits.length;
    const docs = fits.map((b) => ({
      _id: `${BLOB_ID_PREFIX}${b.hash}`,
      kind: 'blob',
      hash: b.hash,
      type: b.type,
      scope: local.scope,
      _attachments: { [BLOB_ATTACHMENT]: { content_type: b.type || 'application/octet-stream', data: toBase64(b.bytes) } },
    }));
    if (docs.length > 0) {
      const counts = bulkResults(await send(transport, { method: 'POST', path: '_bulk_docs', body: { docs } }), 'blobs');
      pushed += counts.created;
      tooLarge += counts.tooLarge;
    }
    done += batch.length;
    state = { ...state, blobsSent: [...new Set([...state.blobsSent, ...batch.map((b) => b.hash)])].sort() };
    await local.saveState(state);
    progress({ phase: 'blobs', done, total: todo.length });
  }
  return { state, pushed, tooLarge };
}

function emptyBatch(): PulledBatch {
  return { applied: 0, alreadyHeld: 0, parked: 0, conflicts: 0, rejected: 0, futureStamped: 0, refused: 0 };
}

function addBatch(a: PulledBatch, b: PulledBatch): PulledBatch {
  return {
    applied: a.applied + b.applied,
    alreadyHeld: a.alreadyHeld + b.alreadyHeld,
    parked: a.parked + b.parked,
    conflicts: a.conflicts + b.conflicts,
    rejected: a.rejected + b.rejected,
    futureStamped: a.futureStamped + b.futureStamped,
    refused: a.refused + b.refused,
    ...(a.takenBack || b.takenBack ? { takenBack: (a.takenBack ?? 0) + (b.takenBack ?? 0) } : {}),
  };
}

/** One `_changes` page, read and sorted: change records, trust records, blob names, and where the next page starts. */
interface PulledPage {
  records: unknown[];
  trust: HubTrustDoc[];
  /**
   * Documents over the size limit, a change carrying attachments (a hub without our limits), or a
   * trust document not shaped as one: refused, never parked.
   */
  oversized: number;
  blobHashes: string[];
  lastSeq: string;
  /** Rows in the page (changes, blobs, deletions and design documents alike), for progress. */
  rows: number;
  pending?: number;
  last: boolean;
}

/**
 * Pages read ahead of the one being applied: while this PC writes a page into its database, the
 * next ones are on their way. Bounded, so a slow disk and a fast hub hold at most this many pages
 * (about 1 MB each) in memory.
 */
const PULL_READ_AHEAD = 4;

async function fetchPage(transport: HubTransport, since: string, limit: number): Promise<PulledPage> {
  const answer = await send(transport, {
    method: 'GET',
    path: '_changes',
    query: { since, include_docs: 'true', limit: String(limit) },
  });
  if (answer.status !== 200 || !isObject(answer.body) || !Array.isArray(answer.body['results'])) throw unexpected(answer, 'pull');
  const results = answer.body['results'] as unknown[];
  const lastSeq = answer.body['last_seq'];
  if (typeof lastSeq !== 'string' && typeof lastSeq !== 'number') throw new HubError('bad-answer', { where: 'pull' });
  const records: unknown[] = [];
  const trust: HubTrustDoc[] = [];
  const blobHashes: string[] = [];
  let oversized = 0;
  for (const row of results) {
    if (!isObject(row) || row['deleted'] === true || !isObject(row['doc'])) continue;
    const doc = row['doc'];
    const id = typeof doc['_id'] === 'string' ? doc['_id'] : '';
    if (id.startsWith('_design/')) continue;
    if (doc['kind'] === 'blob') {
      if (typeof doc['hash'] === 'string' && id === `${BLOB_ID_PREFIX}${doc['hash']}`) blobHashes.push(doc['hash']);
      continue;
    }
    if (doc['kind'] === TRUST_KIND) {
      const record = doc['record'];
      const wellFormed = typeof doc['id'] === 'string' && id === `${TRUST_ID_PREFIX}${doc['id']}` && isObject(record) && !Array.isArray(record);
      if (wellFormed && doc['_attachments'] === undefined && jsonBytes(doc) <= MAX_CHANGE_DOC_BYTES) trust.push({ id: doc['id'] as string, record });
      else oversized += 1;
      continue;
    }
    const record: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(doc)) if (!key.startsWith('_')) record[key] = value;
    if (doc['_attachments'] !== undefined || jsonBytes(record) > MAX_CHANGE_DOC_BYTES) oversized += 1;
    else records.push(record);
  }
  const pending = typeof answer.body['pending'] === 'number' ? answer.body['pending'] : undefined;
  return { records, trust, oversized, blobHashes, lastSeq: String(lastSeq), rows: results.length, pending, last: results.length < limit || pending === 0 };
}

/**
 * Reads `_changes` pages one after another, up to PULL_READ_AHEAD ahead of `take`, and hands over
 * every page that has arrived at once. A failed read is handed over after the pages before it, so
 * what did arrive is still applied.
 */
function readAhead(transport: HubTransport, since: string, limit: number) {
  const arrived: PulledPage[] = [];
  let failure: { error: unknown } | undefined;
  let finished = false;
  let wake: (() => void) | undefined;
  let room: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  void (async () => {
    let from = since;
    try {
      for (;;) {
        while (arrived.length >= PULL_READ_AHEAD) await new Promise<void>((resolve) => (room = resolve));
        const page = await fetchPage(transport, from, limit);
        arrived.push(page);
        notify();
        if (page.last) break;
        from = page.lastSeq;
      }
    } catch (error) {
      failure = { error };
    }
    finished = true;
    notify();
  })();
  return {
    /** Every page that has arrived (waiting for one if none has); empty once all are taken. */
    async take(): Promise<PulledPage[]> {
      while (arrived.length === 0 && !finished) await new Promise<void>((resolve) => (wake = resolve));
      if (arrived.length === 0 && failure) throw failure.error;
      const pages = arrived.splice(0);
      room?.();
      room = undefined;
      return pages;
    },
  };
}

async function pull(
  transport: HubTransport,
  local: HubLocal,
  start: HubSyncState,
  limit: number,
  now: () => number,
  progress: (p: HubProgress) => void,
): Promise<{ state: HubSyncState; batch: PulledBatch; blobs: number }> {
  let state = start;
  let batch = emptyBatch();
  let blobs = 0;
  let done = 0;
  progress({ phase: 'pull', done: 0 });
  const pages = readAhead(transport, state.checkpoint, limit);
  for (;;) {
    // The pages that came in while the last ones were written go into the database together, in
    // one transaction with the last one's checkpoint: fewer, bigger writes.
    const group = await pages.take();
    if (group.length === 0) break;
    const last = group.at(-1)!;
    const records = group.flatMap((p) => p.records);
    const fetched = await fetchBlobs(transport, await local.missingBlobs(group.flatMap((p) => p.blobHashes)));
    blobs += fetched.length;
    const trust = group.flatMap((p) => p.trust);
    const outcome = await local.applyPulled(records, fetched, trust, { ...state, checkpoint: last.lastSeq }, now());
    const oversized = group.reduce((n, p) => n + p.oversized, 0);
    batch = addBatch(batch, { ...outcome.batch, rejected: outcome.batch.rejected + oversized });
    state = outcome.state;
    done += group.reduce((n, p) => n + p.rows, 0);
    progress({ phase: 'pull', done, total: last.pending !== undefined ? done + last.pending : undefined });
    if (last.last) break;
  }
  return { state, batch, blobs };
}

async function fetchBlobs(transport: HubTransport, hashes: readonly string[]): Promise<HubBlob[]> {
  const out: HubBlob[] = [];
  for (const hash of hashes) {
    const answer = await send(transport, { method: 'GET', path: encodeURIComponent(`${BLOB_ID_PREFIX}${hash}`), query: { attachments: 'true' } });
    if (answer.status !== 200 || !isObject(answer.body)) throw unexpected(answer, 'blob');
    const attachments = isObject(answer.body['_attachments']) ? answer.body['_attachments'] : {};
    const data = isObject(attachments[BLOB_ATTACHMENT]) ? attachments[BLOB_ATTACHMENT] : {};
    const bytes = typeof data['data'] === 'string' ? fromBase64(data['data']) : undefined;
    // A blob whose bytes do not hash to its name is damaged on the hub: it is not stored here;
    // nor is one over the limit (a hub without our limits).
    if (!bytes || bytes.byteLength > MAX_BLOB_BYTES || (await sha256Hex(bytes)) !== hash) continue;
    out.push({ hash, bytes, type: typeof answer.body['type'] === 'string' ? answer.body['type'] : 'application/octet-stream' });
  }
  return out;
}
