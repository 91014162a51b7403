// The embedded hub for one county office — pouchdb-server's engine (express-pouchdb over LevelDB)
// on 127.0.0.1 only, data kept on disk. It speaks the CouchDB HTTP API, so the app,
// `league-desk hub setup` and `league-desk hub add-device` treat it exactly like an Apache CouchDB
// 3 cluster. `npm run hub` runs it under scripts/hubSupervisor.ts, which restarts it after a crash.
// Environment: HUB_PORT (default 5984; 0 picks a free port) and HUB_DATA (default: the folder
// `league-desk-hub-data` beside the project).
//
// What express-pouchdb 4.2 gets wrong is put right here, before it serves anything (docs/HUB.md):
// - Creating and deleting databases run one after another on one promise chain; a refused delete
//   (an anonymous `DELETE /db`, 401) left the chain rejected for good, and the next request to any
//   database died on an unhandled rejection that ended the process. The chain is rebuilt so a
//   failure fails only its own request.
// - `PUT /db` crashes the whole server once an admin exists (pouchdb-server issues #359, #374:
//   the security plugin makes `PouchDB.new` return a promise, the route calls `.info` on it).
//   The route is replaced by one that awaits it, keeping its authorisation (server admins only).
// - Server-wide paths (`/_all_dbs`, `/_replicate`, `/_stats`, …) answered anyone: only server
//   admins reach them now, as on CouchDB 3. Others get `/`, `/_session`, `/_uuids` and databases.
// - Passwords were hashed with PBKDF2-SHA1 at 10 iterations, in JavaScript on the event loop. New
//   and changed passwords (devices' and the admin's) now get HUB_PASSWORD_ITERATIONS, computed by
//   Node's crypto off the event loop; a verified login is remembered (keyed by an HMAC under a
//   secret that lives only in this process), so a PC's requests cost one hash per hub start.
// - Requests had no size limit but 4 GB. Bodies over MAX_HUB_REQUEST_BYTES are refused (413)
//   before they are read; validate_doc_update holds documents and photos to their own limits.
// - Requests are logged to a file in the current folder; here the log lives in the data folder.
import { createHmac, pbkdf2, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_HUB_REQUEST_BYTES } from '../shared/sync/hub/design';

const require = createRequire(import.meta.url);

export const DEFAULT_HUB_PORT = 5984;
export const DEFAULT_HUB_DATA = fileURLToPath(new URL('../../league-desk-hub-data/', import.meta.url));
/**
 * PBKDF2-HMAC-SHA1 iterations for new and changed passwords: OWASP's figure for SHA-1 (2023).
 * SHA-1 with a 20-byte key is the scheme CouchDB up to 3.3 and pouchdb-auth store and read, so
 * `_users` stays in the engine's format; about 0.6 s per hash on a 2-core office PC.
 */
export const HUB_PASSWORD_ITERATIONS = 1_300_000;

export interface RunningHub {
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/* The untyped CommonJS packages, as much of them as this file uses. */
type Next = (error?: unknown) => void;
type Handler = (req: HubRequest, res: unknown, next?: Next) => void;
interface HubRequest {
  params: { db: string };
  path: string;
  couchSession?: { userCtx?: { roles?: unknown } };
  PouchDB: {
    allDbs(): Promise<string[]>;
    new: (name: string, opts: unknown) => unknown;
  };
}
interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: Handler }[] };
}
interface ExpressApp {
  use(handler: unknown): void;
  listen(port: number, host: string, callback: () => void): Server;
  _router?: { stack: RouteLayer[] };
  router?: { stack: RouteLayer[] };
}
interface PouchApp extends ExpressApp {
  setPouchDB(pouch: unknown): Promise<void>;
  couchConfig: { registerDefault(section: string, key: string, value: unknown): void };
}
interface PouchUtils {
  sendJSON(res: unknown, status: number, body: unknown): void;
  sendError(res: unknown, error: unknown, baseStatus?: number): void;
  setLocation(res: unknown, name: string): void;
  makeOpts(req: unknown): unknown;
  setDBOnReq(dbName: string, dbWrapper: DbWrapper, req: HubRequest & { db?: unknown }, res: unknown, next: Next): void;
}
interface DbWrapper {
  wrap(name: string, db: unknown): Promise<unknown>;
}
interface CachedPouch {
  destroy(opts?: unknown): Promise<unknown>;
  __opts?: { prefix?: string };
}
interface PouchConstructor {
  new (name: string): CachedPouch;
  destroy(name: string, opts: unknown): Promise<unknown>;
  allDbs(): Promise<string[]>;
  __dbCacheMap?: Map<string, CachedPouch>;
}
interface DbLock {
  getOrCreateDB(PouchDB: PouchConstructor, name: string): Promise<CachedPouch>;
  deleteDB(PouchDB: PouchConstructor, name: string, opts: unknown): Promise<unknown>;
}
interface AuthUtils {
  iterations(args: { opts: { iterations?: unknown } }): number;
  hashPassword(password: unknown, salt: unknown, iterations: unknown): Promise<string>;
}

/** Starts the hub; resolves once it listens. */
export async function startHub({ port = DEFAULT_HUB_PORT, dataDir = DEFAULT_HUB_DATA }: { port?: number; dataDir?: string } = {}): Promise<RunningHub> {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  // Before express-pouchdb loads: its modules copy these functions when they are first required.
  rebuildDatabaseLock(require('express-pouchdb/lib/create-or-delete-dbs') as DbLock);
  strengthenPasswordHashing(require('pouchdb-auth/lib/utils') as AuthUtils);
  const express = require('express') as () => ExpressApp;
  const expressPouchdb = require('express-pouchdb') as (options: Record<string, unknown>) => PouchApp;
  const utils = require('express-pouchdb/lib/utils') as PouchUtils;
  const cleanFilename = require('express-pouchdb/lib/clean-filename') as (name: string) => string;
  answerDatabaseFailures(utils, require('express-pouchdb/lib/create-or-delete-dbs') as DbLock, cleanFilename);
  type PouchStatic = { plugin(p: unknown): PouchStatic; defaults(o: unknown): unknown };
  const PouchDB = (require('pouchdb-core') as PouchStatic)
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'))
    .plugin(require('pouchdb-mapreduce'))
    .plugin(require('pouchdb-adapter-leveldb'));

  const pouchApp = expressPouchdb({
    configPath: path.join(dir, 'config.json'),
    logPath: path.join(dir, 'log.txt'),
    mode: 'fullCouchDB',
  });
  // express-pouchdb reads a JSON body up to this many bytes (a whole `_bulk_docs` request).
  pouchApp.couchConfig.registerDefault('couchdb', 'max_document_size', MAX_HUB_REQUEST_BYTES);
  replaceCreateDatabaseRoute(pouchApp, utils, cleanFilename);
  guardPaths(pouchApp, utils);
  await pouchApp.setPouchDB(PouchDB.defaults({ prefix: dir + path.sep }));

  const app = express();
  app.use(refuseOversizedBodies);
  app.use(pouchApp);
  // Last resort for an error a route threw: a JSON 500, never a stack trace in the answer.
  app.use((error: unknown, _req: unknown, res: ServerResponse, _next: Next) => {
    console.error(`hub: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":"internal_error"}');
    else res.destroy();
  });
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        dataDir: dir,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
    server.once('error', reject);
  });
}

/**
 * Bodies are refused from their declared length, before a byte is read; a body without one
 * (chunked) cannot be held to a limit by the engine's raw readers, so it is refused too (411).
 * CouchDB clients — League Desk, PouchDB, CouchDB's replicator — send a length.
 */
function refuseOversizedBodies(req: IncomingMessage, res: ServerResponse, next: Next): void {
  const declared = req.headers['content-length'];
  // The body is read and dropped, not kept (the server's request timeout bounds how long): closing
  // while a client still sends makes it see a reset instead of the answer.
  const refuse = (status: number, error: string, reason: string) => {
    req.resume();
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error, reason }));
  };
  if (declared === undefined) {
    if (req.headers['transfer-encoding'] !== undefined) refuse(411, 'length_required', 'send a Content-Length');
    else next();
    return;
  }
  if (!/^\d{1,15}$/.test(declared) || Number(declared) > MAX_HUB_REQUEST_BYTES) {
    refuse(413, 'too_large', `requests are limited to ${MAX_HUB_REQUEST_BYTES} bytes`);
    return;
  }
  next();
}

/**
 * express-pouchdb creates and deletes databases one at a time on a promise chain, and a failed
 * step (a delete refused for want of rights) left the chain rejected: every later database
 * request failed, unhandled, and ended the process. Here each step's failure is its own.
 */
function rebuildDatabaseLock(lock: DbLock): void {
  let chain: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(step: () => T | Promise<T>): Promise<T> => {
    const run = chain.then(step);
    chain = run.catch(() => undefined);
    return run;
  };
  lock.getOrCreateDB = (PouchDB, name) =>
    oneAtATime(() => {
      const cache = (PouchDB.__dbCacheMap ??= new Map());
      let db = cache.get(name);
      if (!db) {
        db = new PouchDB(name);
        cache.set(name, db);
      }
      return db;
    });
  lock.deleteDB = (PouchDB, name, opts) =>
    oneAtATime(async () => {
      const db = PouchDB.__dbCacheMap?.get(name);
      if (!db) return PouchDB.destroy(name, opts);
      // Forgotten only once destroyed: a refused delete leaves the open database in use.
      const result = await db.destroy(opts);
      PouchDB.__dbCacheMap?.delete(name);
      return result;
    });
}

/** express-pouchdb's `setDBOnReq`, with its failures answered instead of left unhandled. */
function answerDatabaseFailures(utils: PouchUtils, lock: DbLock, cleanFilename: (name: string) => string): void {
  utils.setDBOnReq = (rawName, dbWrapper, req, res, next) => {
    const name = cleanFilename(rawName);
    const PouchDB = req.PouchDB as unknown as PouchConstructor;
    PouchDB.allDbs()
      .then(async (dbs) => {
        if (!dbs.includes(name)) {
          utils.sendJSON(res, 404, { error: 'not_found', reason: 'no_db_file' });
          return;
        }
        const db = await lock.getOrCreateDB(PouchDB, name);
        // express-pouchdb's workaround for database names with a slash (pouchdb issue 5668).
        if (name.includes('/')) mkdirSync(path.resolve(db.__opts?.prefix ? db.__opts.prefix + name : name), { recursive: true });
        await dbWrapper.wrap(name, db);
        req.db = db;
        next();
      })
      .catch((error: unknown) => utils.sendError(res, error));
  };
}

/** Server paths every client needs; any other `/_…` path is for server admins only. */
const OPEN_SERVER_PATHS = new Set(['', '_session', '_uuids', '_users']);

/** Placed after express-pouchdb's session middleware (so the caller's roles are known) and before its routes. */
function guardPaths(app: PouchApp, utils: PouchUtils): void {
  const stack = (app._router ?? app.router)?.stack ?? [];
  const at = stack.findIndex((l) => l.route?.path === '/_config');
  if (at < 0) throw new Error('express-pouchdb changed: no /_config route to place the path guard before');
  app.use((req: HubRequest, res: unknown, next: Next) => {
    let segments: string[];
    try {
      segments = req.path
        .split('/')
        .filter((p) => p.length > 0)
        .map((p) => decodeURIComponent(p));
    } catch {
      utils.sendJSON(res, 400, { error: 'bad_request', reason: 'invalid path' });
      return;
    }
    const first = segments[0] ?? '';
    const roles = req.couchSession?.userCtx?.roles;
    const admin = Array.isArray(roles) && roles.includes('_admin');
    if (!first.startsWith('_') || OPEN_SERVER_PATHS.has(first) || admin) {
      next();
      return;
    }
    utils.sendJSON(res, 401, { error: 'unauthorized', reason: 'You are not a server admin.' });
  });
  stack.splice(at, 0, stack.pop()!);
}

/**
 * pouchdb-auth hashes in JavaScript (crypto-lite), synchronously, at 10 iterations by default.
 * Its two hooks are replaced: the work factor for new and changed passwords, and the hash itself
 * (Node's pbkdf2 — the same bytes as crypto-lite's — off the event loop). Results are kept for a
 * while under an HMAC of (iterations, salt, password) with a key only this process holds, so each
 * request's Basic credentials do not cost a full hash.
 */
function strengthenPasswordHashing(auth: AuthUtils): void {
  const secret = randomBytes(32);
  const known = new Map<string, Promise<string>>();
  const KEEP = 1000;
  auth.iterations = (args) => Math.max(Number(args.opts.iterations) || 0, HUB_PASSWORD_ITERATIONS);
  auth.hashPassword = (password, salt, iterations) => {
    const text = typeof password === 'string' ? password : String(password ?? '');
    const key = createHmac('sha256', secret).update(`${String(iterations)}\u0000${String(salt)}\u0000${text}`).digest('base64');
    const held = known.get(key);
    if (held) {
      known.delete(key);
      known.set(key, held);
      return held;
    }
    const hashed = new Promise<string>((resolve, reject) => {
      const rounds = Number(iterations);
      if (!Number.isSafeInteger(rounds) || rounds < 1 || typeof salt !== 'string') {
        reject(new Error('unusable password record'));
        return;
      }
      pbkdf2(text, salt, rounds, 20, 'sha1', (error, derived) => (error ? reject(error) : resolve(derived.toString('hex'))));
    });
    known.set(key, hashed);
    hashed.catch(() => known.delete(key));
    if (known.size > KEEP) known.delete(known.keys().next().value!);
    return hashed;
  };
}

function replaceCreateDatabaseRoute(app: PouchApp, utils: PouchUtils, cleanFilename: (name: string) => string): void {
  const stack = (app._router ?? app.router)?.stack ?? [];
  const layer = stack.find((l) => l.route?.path === '/:db' && l.route.methods.put === true);
  const handlers = layer?.route?.stack;
  if (!handlers || handlers.length === 0) throw new Error('express-pouchdb changed: no PUT /:db route to fix');
  handlers[handlers.length - 1]!.handle = (req, res) => {
    const name = cleanFilename(req.params.db);
    req.PouchDB.allDbs()
      .then(async (dbs) => {
        if (dbs.includes(name)) {
          utils.sendJSON(res, 412, { error: 'file_exists', reason: 'The database could not be created.' });
          return;
        }
        // PouchDB.new checks that the caller is a server admin (pouchdb-security) and may be a promise.
        const db = (await req.PouchDB.new(name, utils.makeOpts(req))) as { info(): Promise<unknown> };
        await db.info();
        utils.setLocation(res, name);
        utils.sendJSON(res, 201, { ok: true });
      })
      .catch((error: unknown) => utils.sendError(res, error, 412));
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const port = Number(process.env.HUB_PORT ?? DEFAULT_HUB_PORT);
  const dataDir = process.env.HUB_DATA ?? DEFAULT_HUB_DATA;
  // Under the supervisor: when it goes, so does the hub (no orphan holding the port and the data).
  if (process.send) process.on('disconnect', () => process.exit(0));
  startHub({ port, dataDir })
    .then(({ url, dataDir: dir }) => {
      console.log(`League Desk hub: ${url}`);
      console.log(`data: ${dir}`);
      console.log(`pid: ${process.pid}`);
      console.log(`next: HUB_ADMIN_PASSWORD=… npx league-desk hub setup http://ADMIN@127.0.0.1:${new URL(url).port}/league-XX`);
    })
    .catch((error: NodeJS.ErrnoException) => {
      console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use; set HUB_PORT to another port.` : error.message);
      process.exit(1);
    });
}
