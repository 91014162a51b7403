// `npm run hub`: the embedded hub for one county office — pouchdb-server's engine
// (express-pouchdb over LevelDB) on 127.0.0.1 only, data kept on disk. It speaks the CouchDB HTTP
// API, so the app, `league-desk hub setup` and `league-desk hub add-device` treat it exactly like an
// Apache CouchDB 3 cluster. Environment: HUB_PORT (default 5984; 0 picks a free port) and HUB_DATA
// (default: the folder `league-desk-hub-data` beside the project).
//
// Two defects of express-pouchdb 4.2 are worked around here (docs/HUB.md):
// - `PUT /db` crashes the whole server once an admin exists (pouchdb-server issues #359, #374:
//   the security plugin makes `PouchDB.new` return a promise, the route calls `.info` on it).
//   The route is replaced by one that awaits it, keeping its authorisation (server admins only).
// - Requests are logged to a file in the current folder; here the log lives in the data folder.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const DEFAULT_HUB_PORT = 5984;
export const DEFAULT_HUB_DATA = fileURLToPath(new URL('../../league-desk-hub-data/', import.meta.url));

export interface RunningHub {
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/* The untyped CommonJS packages, as much of them as this file uses. */
type Handler = (req: HubRequest, res: unknown) => void;
interface HubRequest {
  params: { db: string };
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
}
interface PouchUtils {
  sendJSON(res: unknown, status: number, body: unknown): void;
  sendError(res: unknown, error: unknown, baseStatus?: number): void;
  setLocation(res: unknown, name: string): void;
  makeOpts(req: unknown): unknown;
}

/** Starts the hub; resolves once it listens. */
export async function startHub({ port = DEFAULT_HUB_PORT, dataDir = DEFAULT_HUB_DATA }: { port?: number; dataDir?: string } = {}): Promise<RunningHub> {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const express = require('express') as () => ExpressApp;
  const expressPouchdb = require('express-pouchdb') as (options: Record<string, unknown>) => PouchApp;
  const utils = require('express-pouchdb/lib/utils') as PouchUtils;
  const cleanFilename = require('express-pouchdb/lib/clean-filename') as (name: string) => string;
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
  replaceCreateDatabaseRoute(pouchApp, utils, cleanFilename);
  await pouchApp.setPouchDB(PouchDB.defaults({ prefix: dir + path.sep }));

  const app = express();
  app.use(pouchApp);
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
  startHub({ port, dataDir })
    .then(({ url, dataDir: dir }) => {
      console.log(`League Desk hub: ${url}`);
      console.log(`data: ${dir}`);
      console.log(`next: npx league-desk hub setup http://ADMIN:PASSWORD@127.0.0.1:${new URL(url).port}/league-XX`);
    })
    .catch((error: NodeJS.ErrnoException) => {
      console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use; set HUB_PORT to another port.` : error.message);
      process.exit(1);
    });
}
