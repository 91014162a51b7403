// Runs inside Chromium (bundled by bench/hub.bench.ts): a fresh client pulls every change on the
// hub, (1) through the app's real pull code (shared/sync/hub syncWithHub over a fetch transport,
// into a fresh LeagueDeskDb through the renderer's dexieHubLocal), and (2) through PouchDB's own
// replication into a fresh browser PouchDB (IndexedDB adapter). Both talk to the same hub, with the
// same device account, straight over HTTP (the hub allows this page's origin by CORS).
import { APP_REGISTRY } from '../../shared/app/registry';
import PouchDB from 'pouchdb-browser';
import { PULL_LIMIT, syncWithHub } from '../../shared/sync/hub/client';
import { applyPulledRecords, freshState } from '../../shared/sync/hub/local';
import { inSyncTransaction } from '../../renderer/src/store/dexieAccess';
import { fetchTransport } from '../../shared/sync/hub/fetchTransport';
import { LeagueDeskDb } from '../../renderer/src/store/db';
import { dexieHubLocal } from '../../renderer/src/store/hubStore';
import { readChangeCount } from '../../renderer/src/store/changeLog';
import { STAT_REPORT_TABLE } from '../../shared/stats/tables';

export interface HubBenchInput {
  dbUrl: string;
  user: string;
  password: string;
  expected: number;
  round: number;
  pouchBatchSize: number;
}

export interface HubPullTime {
  ms: number;
  /** Ours only: time waiting for the hub's answers (request + JSON parse), and `_changes` pages pulled. */
  transport?: number;
  pages?: number;
  /** PouchDB only: its local adapter. */
  adapter?: string;
}

/** Ours: `syncWithHub` exactly as the app runs it (check, push of nothing, pull in pages of PULL_LIMIT). */
async function pullOurs(input: HubBenchInput): Promise<{ ms: number; pages: number; transport: number }> {
  const db = new LeagueDeskDb(APP_REGISTRY, `hub-bench-ours-${input.round}-${Date.now()}`);
  await db.open();
  const local = dexieHubLocal(db, { device: '00000000000000c1', scope: 'LT' });
  const inner = fetchTransport({ base: input.dbUrl, user: input.user, password: input.password }, (url, init) => fetch(url, init));
  let transportMs = 0;
  let pages = 0;
  const transport: typeof inner = async (request) => {
    const t = performance.now();
    try {
      return await inner(request);
    } finally {
      transportMs += performance.now() - t;
      if (request.path === '_changes') pages += 1;
    }
  };
  const started = performance.now();
  const outcome = await syncWithHub(transport, local, { hub: `${input.dbUrl}|LT` });
  const ms = performance.now() - started;
  const held = await readChangeCount(db);
  const rows = await db.rows(STAT_REPORT_TABLE).count();
  db.close();
  await db.delete();
  if (held !== input.expected || outcome.pulled.applied !== input.expected || outcome.pulled.rejected !== 0) {
    throw new Error(`ours: holds ${held} changes (${rows} rows), applied ${outcome.pulled.applied}, rejected ${outcome.pulled.rejected}; expected ${input.expected}`);
  }
  return { ms, pages, transport: transportMs };
}

/** PouchDB: `replicate.from` the same database into a fresh local PouchDB, until complete. */
async function pullPouch(input: HubBenchInput): Promise<{ ms: number; adapter: string }> {
  const local = new PouchDB(`hub-bench-pouch-${input.round}-${Date.now()}`);
  await local.info(); // created before the clock starts, as ours is opened before
  const remote = new PouchDB(input.dbUrl.replace(/\/$/, ''), { auth: { username: input.user, password: input.password }, skip_setup: true });
  const started = performance.now();
  const result = await local.replicate.from(remote, { batch_size: input.pouchBatchSize });
  const ms = performance.now() - started;
  const info = await local.info();
  const design = (await local.allDocs({ startkey: '_design/', endkey: '_design/\uffff' })).rows.length;
  const adapter = local.adapter;
  await local.destroy();
  if (!result.ok || info.doc_count - design !== input.expected) {
    throw new Error(`PouchDB: holds ${info.doc_count - design} change documents (+${design} design), ok=${result.ok}, failures ${result.doc_write_failures}; expected ${input.expected}`);
  }
  return { ms, adapter };
}

/** One measured pull, into a fresh database, by `which` client. */
async function run(input: HubBenchInput, which: 'ours' | 'pouch'): Promise<HubPullTime> {
  if (which === 'ours') {
    const r = await pullOurs(input);
    return { ms: r.ms, transport: r.transport, pages: r.pages };
  }
  return pullPouch(input);
}

(globalThis as unknown as { hubBench: typeof run }).hubBench = run;

/**
 * Diagnosis only (BENCH_HUB_PROFILE=1, not part of the table): the same pull, page by page, with
 * the same `applyPulledRecords` in one transaction per page as dexieHubLocal runs it, but with the
 * store calls timed, to see where a page's time goes and how it grows with the database.
 */
async function profile(input: HubBenchInput): Promise<{ page: number; total: number; store: Record<string, number> }[]> {
  const db = new LeagueDeskDb(APP_REGISTRY, `hub-bench-profile-${Date.now()}`);
  await db.open();
  const transport = fetchTransport({ base: input.dbUrl, user: input.user, password: input.password }, (url, init) => fetch(url, init));
  let state = freshState('profile');
  const out: { page: number; total: number; store: Record<string, number> }[] = [];
  const pulled: Record<string, unknown>[][] = [];
  for (let page = 0; ; page++) {
    const answer = await transport({ method: 'GET', path: '_changes', query: { since: state.checkpoint, include_docs: 'true', limit: String(PULL_LIMIT) } });
    if (!answer.ok) throw new Error('profile: no answer');
    const body = answer.body as { results: { doc: Record<string, unknown> }[]; last_seq: string | number };
    const records = body.results
      .filter((r) => typeof r.doc._id === 'string' && !r.doc._id.startsWith('_design/'))
      .map((r) => Object.fromEntries(Object.entries(r.doc).filter(([k]) => !k.startsWith('_'))));
    pulled.push(records);
    const store: Record<string, number> = {};
    const started = performance.now();
    await inSyncTransaction(db, 'rw', async (access) => {
      const timed = Object.fromEntries(
        Object.entries(access).map(([name, fn]) => {
          if (typeof fn !== 'function') return [name, fn];
          const call = async (...args: unknown[]) => {
            const t = performance.now();
            try {
              return await (fn as (...a: unknown[]) => Promise<unknown>).apply(access, args);
            } finally {
              store[name] = (store[name] ?? 0) + performance.now() - t;
            }
          };
          return [name, call];
        }),
      ) as unknown as typeof access;
      const result = await applyPulledRecords(timed, records, { ...state, checkpoint: String(body.last_seq) }, Date.now());
      state = result.state;
    });
    out.push({ page, total: performance.now() - started, store });
    if (body.results.length < PULL_LIMIT) break;
  }
  db.close();
  await db.delete();
  // The same pages written raw (no Dexie): one transaction per page into a store shaped like the
  // change log up to schema 5 (one record per change; key id; indexes [table+row] and device), to
  // tell IndexedDB's cost from ours.
  for (const indexed of [true, false]) {
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(`hub-bench-raw-${indexed}-${Date.now()}`, 1);
      open.onupgradeneeded = () => {
        const store = open.result.createObjectStore('changes', { keyPath: 'id' });
        if (!indexed) return;
        store.createIndex('tableRow', ['table', 'row']);
        store.createIndex('device', 'device');
      };
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    for (const [page, records] of pulled.entries()) {
      const started = performance.now();
      await new Promise<void>((resolve, reject) => {
        const tx = raw.transaction('changes', 'readwrite');
        for (const r of records) tx.objectStore('changes').put(r);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      out[page]!.store[indexed ? 'RAW put, indexed' : 'RAW put, no index'] = performance.now() - started;
    }
    raw.close();
  }
  return out;
}

(globalThis as unknown as { hubProfile: typeof profile }).hubProfile = profile;
